/**
 * The guards' side of the permission table (app/auth/guards.server.ts, permissions.server.ts): the data scope of a
 * member of staff follows their reading of citizens, and the way back to a citizen follows it too.
 */
import { describe, expect, it } from "vitest";
import { citizenPath, scopeOf } from "../../app/auth/guards.server";
import type { SessionUser } from "../../app/auth/session.server";

const user = (role: SessionUser["role"], municipalityCode: number | null = null) =>
  ({ id: 1, role, municipalityCode }) as unknown as SessionUser;

function status(fn: () => unknown): number | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof Response ? e.status : -1;
  }
}

describe("scopeOf", () => {
  it("gives coordinators and admins every municipality, a caseworker their own", () => {
    expect(scopeOf(user("coordinator"))).toEqual({ kind: "all" });
    expect(scopeOf(user("admin"))).toEqual({ kind: "all" });
    expect(scopeOf(user("caseworker", 101))).toEqual({ kind: "municipality", code: 101 });
  });
  it("refuses a caseworker without a municipality and a mentor (403)", () => {
    expect(status(() => scopeOf(user("caseworker")))).toBe(403);
    expect(status(() => scopeOf(user("mentor")))).toBe(403);
  });
});

describe("citizenPath", () => {
  it("leads a caseworker back into their own area and coordination to its own pages", () => {
    expect(citizenPath(user("caseworker", 101), 7)).toBe("/kommune/borgere/7");
    expect(citizenPath(user("coordinator"), 7)).toBe("/koordinator/mentees/7");
    expect(citizenPath(user("admin"))).toBe("/koordinator/mentees");
  });
});
