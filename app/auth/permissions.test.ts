import { describe, expect, it } from "vitest";
import { roles } from "../domain/enums";
import { areaPermissions, can, reachOf, rolePermissions, roleCan, rolesWith, type Permission } from "./permissions";

describe("named permissions", () => {
  it("are all action:entity:access with a known access", () => {
    for (const r of roles)
      for (const p of rolePermissions[r]) expect(p, r).toMatch(/^[a-z-]+:[a-z-]+:(own|own-municipality|any)$/);
  });
  it("let a wider access grant a narrower one, never the reverse", () => {
    expect(roleCan("coordinator", "read:mentee:any")).toBe(true);
    expect(roleCan("coordinator", "read:mentee:own-municipality")).toBe(true);
    expect(roleCan("caseworker", "read:mentee:own-municipality")).toBe(true);
    expect(roleCan("caseworker", "read:mentee:any")).toBe(false);
  });
  it("keep a mentor to their own and away from citizens' records", () => {
    expect(roleCan("mentor", "log:meeting:own")).toBe(true);
    expect(roleCan("mentor", "read:mentee:own-municipality")).toBe(false);
    expect(roleCan("mentor", "approve:match:any")).toBe(false);
  });
  it("let only coordinators and admins approve matches, and only admins change settings", () => {
    expect(rolesWith("approve:match:any").sort()).toEqual(["admin", "coordinator"]);
    expect(rolesWith("manage:settings:any")).toEqual(["admin"]);
    expect(rolesWith("read:audit-log:any")).toEqual(["admin"]);
  });
  it("let only caseworkers refer, and only in their own municipality", () => {
    expect(rolesWith("refer:mentee:own-municipality")).toEqual(["caseworker"]);
    expect(roleCan("caseworker", "refer:mentee:any")).toBe(false);
  });
  it("give the areas the roles they have today", () => {
    const expected: Record<keyof typeof areaPermissions, string[]> = {
      admin: ["admin"],
      outbox: ["admin", "coordinator"],
      coordinator: ["admin", "coordinator"],
      caseworker: ["caseworker"],
      mentor: ["mentor"],
      matchRequest: ["mentor"],
      personalData: ["admin", "caseworker", "coordinator"],
      companySide: ["admin", "caseworker", "coordinator"],
      citizen: ["admin", "caseworker", "coordinator"],
      secondFactor: ["admin", "coordinator"],
    };
    for (const [area, p] of Object.entries(areaPermissions) as [keyof typeof areaPermissions, Permission][])
      expect(rolesWith(p).sort(), area).toEqual(expected[area]);
  });
  it("refuse everything to nobody", () => {
    expect(can(null, "read:course:own")).toBe(false);
    expect(can({ role: "mentor" }, "read:course:own")).toBe(true);
  });
  it("say how far a permission reaches: the widest access held, or null without the one asked for", () => {
    expect(reachOf({ role: "coordinator" }, "read:mentee:own-municipality")).toBe("any");
    expect(reachOf({ role: "caseworker" }, "read:mentee:own-municipality")).toBe("own-municipality");
    expect(reachOf({ role: "caseworker" }, "read:mentee:any")).toBeNull();
    expect(reachOf({ role: "mentor" }, "read:mentee:own-municipality")).toBeNull();
    expect(reachOf({ role: "mentor" }, "log:meeting:own")).toBe("own");
    expect(reachOf(null, "log:meeting:own")).toBeNull();
  });
  it("keep what only coordination does out of a caseworker's hands, as the pages did by role", () => {
    for (const p of [
      "erase:personal-data:any",
      "restore:consent:any",
      "read:outbox:any",
      "manage:outbox:any",
      "link:mentor:any",
    ] as const)
      expect(rolesWith(p).sort(), p).toEqual(["admin", "coordinator"]);
    expect(rolesWith("manage:personal-data:own-municipality").sort()).toEqual(["admin", "caseworker", "coordinator"]);
  });
  it("give a mentor's own pages to mentors only: no staff permission reaches them", () => {
    for (const p of [
      "read:course:own",
      "log:meeting:own",
      "update:goal-plan:own",
      "update:mentor:own",
      "read:guidance:own",
      "suggest:company:own",
      "answer:match-request:own",
    ] as const)
      expect(rolesWith(p), p).toEqual(["mentor"]);
  });
});
