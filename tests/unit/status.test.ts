/** The one status-change path (app/services/status.server.ts) against a real, migrated database. */
import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as f from "../../db/factories";
import { auditLog, mentees, mentors, statusChanges } from "../../db/schema";
import { changeStatus, mustChangeStatus } from "../../app/services/status.server";
import { transaction } from "../../app/services/kernel.server";
import { createTestDb } from "../support/test-db";
import type { Db } from "../../app/db.server";

let d: Db;
let coordinator: { id: number; role: string };
const rng = f.createRng(18);

beforeEach(() => {
  d = createTestDb();
  const u = f.insertUser(d, { email: `k${rng()}@example.org`, name: "Koordinator", role: "coordinator" });
  coordinator = { id: u.id, role: "coordinator" };
});

const historyOf = (entityType: "mentor" | "mentee", id: number) =>
  d
    .select()
    .from(statusChanges)
    .where(and(eq(statusChanges.entityType, entityType), eq(statusChanges.entityId, id)))
    .all();
const auditOf = (entityType: string, id: number) =>
  d
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, id)))
    .all();

describe("changeStatus", () => {
  it("changes the status, writes the history row and the access-log entry, in the caller's transaction", () => {
    const m = f.insertMentor(d, rng, [751], { status: "applied" });
    const r = transaction(
      (tx) =>
        changeStatus(tx, {
          entity: "mentor",
          id: m.id,
          from: "applied",
          to: "screening",
          actor: coordinator,
          reason: "call",
        }),
      d,
    );
    expect(r).toEqual({ ok: true, value: { from: "applied", to: "screening" } });
    expect(d.select({ s: mentors.status }).from(mentors).where(eq(mentors.id, m.id)).get()!.s).toBe("screening");
    expect(historyOf("mentor", m.id)).toMatchObject([
      { fromStatus: "applied", toStatus: "screening", reason: "call", byUserId: coordinator.id },
    ]);
    expect(auditOf("mentor", m.id)).toMatchObject([
      { action: "update", actorUserId: coordinator.id, details: { field: "status", from: "applied", to: "screening" } },
    ]);
  });

  it("refuses a change the state machine forbids and writes nothing", () => {
    const m = f.insertMentor(d, rng, [751], { status: "applied" });
    const r = transaction(
      (tx) => changeStatus(tx, { entity: "mentor", id: m.id, from: "applied", to: "active", actor: coordinator }),
      d,
    );
    expect(r).toEqual({ ok: false, formErrors: ["common.status.illegal"], fieldErrors: {} });
    expect(d.select({ s: mentors.status }).from(mentors).where(eq(mentors.id, m.id)).get()!.s).toBe("applied");
    expect(historyOf("mentor", m.id)).toEqual([]);
    expect(auditOf("mentor", m.id)).toEqual([]);
  });

  it("refuses when someone else changed the status first (the record no longer has `from`)", () => {
    const m = f.insertMentee(d, rng, 751, { status: "matched" });
    const r = transaction(
      (tx) => changeStatus(tx, { entity: "mentee", id: m.id, from: "waiting", to: "withdrawn", actor: coordinator }),
      d,
    );
    expect(r.ok).toBe(false);
    expect(!r.ok && r.formErrors).toEqual(["common.status.changed"]);
    expect(d.select({ s: mentees.status }).from(mentees).where(eq(mentees.id, m.id)).get()!.s).toBe("matched");
    expect(historyOf("mentee", m.id)).toEqual([]);
  });

  it("sets the columns that change with the status in the same statement", () => {
    const m = f.insertMentee(d, rng, 751, { status: "waiting" });
    transaction(
      (tx) =>
        mustChangeStatus(tx, {
          entity: "mentee",
          id: m.id,
          from: "waiting",
          to: "withdrawn",
          actor: coordinator,
          set: { withdrawnReason: "moved" },
        }),
      d,
    );
    expect(
      d.select({ s: mentees.status, r: mentees.withdrawnReason }).from(mentees).where(eq(mentees.id, m.id)).get(),
    ).toEqual({ s: "withdrawn", r: "moved" });
  });

  it("records a creation (no `from`) as history only, and only in a first status", () => {
    const m = f.insertMentee(d, rng, 751, { status: "waiting" });
    const at = "2026-01-02T03:04:05.000Z";
    transaction(
      (tx) =>
        mustChangeStatus(tx, {
          entity: "mentee",
          id: m.id,
          from: null,
          to: "waiting",
          actor: coordinator,
          reason: "referred",
          at,
          audit: false,
        }),
      d,
    );
    expect(historyOf("mentee", m.id)).toMatchObject([
      { fromStatus: null, toStatus: "waiting", reason: "referred", at },
    ]);
    expect(auditOf("mentee", m.id)).toEqual([]);
    expect(() =>
      transaction(
        (tx) => mustChangeStatus(tx, { entity: "mentee", id: m.id, from: null, to: "completed", actor: coordinator }),
        d,
      ),
    ).toThrow(/illegal/);
  });

  it("writes nothing for a change to the same status", () => {
    const m = f.insertMentor(d, rng, [751], { status: "approved" });
    const r = transaction(
      (tx) => changeStatus(tx, { entity: "mentor", id: m.id, from: "approved", to: "approved", actor: coordinator }),
      d,
    );
    expect(r.ok).toBe(true);
    expect(historyOf("mentor", m.id)).toEqual([]);
  });

  it("is undone with the caller's transaction", () => {
    const m = f.insertMentor(d, rng, [751], { status: "applied" });
    expect(() =>
      transaction((tx) => {
        mustChangeStatus(tx, { entity: "mentor", id: m.id, from: "applied", to: "screening", actor: coordinator });
        throw new Error("a later step fails");
      }, d),
    ).toThrow("a later step fails");
    expect(d.select({ s: mentors.status }).from(mentors).where(eq(mentors.id, m.id)).get()!.s).toBe("applied");
    expect(historyOf("mentor", m.id)).toEqual([]);
  });

  it("nests: a use case run inside another's transaction is part of it", () => {
    const m = f.insertMentor(d, rng, [751], { status: "applied" });
    expect(() =>
      transaction((outer) => {
        transaction(
          (inner) =>
            mustChangeStatus(inner, {
              entity: "mentor",
              id: m.id,
              from: "applied",
              to: "screening",
              actor: coordinator,
            }),
          outer,
        );
        throw new Error("the outer use case fails");
      }, d),
    ).toThrow();
    expect(historyOf("mentor", m.id)).toEqual([]);
  });
});
