/**
 * The one way a status changes (decision 021): `changeStatus` asks the entity's state machine
 * (`app/domain/status-machines.ts`), updates the status column only if it still holds the status the caller read,
 * writes the history row (`status_changes`) and the access-log entry, all in the caller's transaction. No other code
 * writes `status_changes`.
 */
import { and, eq } from "drizzle-orm";
import {
  courses,
  matchRequests,
  mentees,
  mentors,
  openingProposals,
  openings,
  placements,
  statusChanges,
} from "../../db/schema";
import { canChangeStatus, type StatusEntity, type StatusOf } from "../domain/status-machines";
import { audit } from "./audit.server";
import { fail, ok, type AuditActor, type Result, type Tx } from "./kernel.server";

const tables = {
  mentor: mentors,
  mentee: mentees,
  course: courses,
  placement: placements,
  opening: openings,
  proposal: openingProposals,
  match_request: matchRequests,
} as const;

export type StatusChange<E extends StatusEntity> = {
  entity: E;
  id: number;
  /** The status the caller read (null: the record was just created in `to`, only the history is written). */
  from: StatusOf[E] | null;
  to: StatusOf[E];
  actor: AuditActor;
  reason?: string | null;
  /** Other columns that change with the status (an end date, an end reason), set in the same statement. */
  set?: Record<string, unknown>;
  /** When, if not now (a referral's history starts at its referral instant). */
  at?: string;
  /**
   * The access-log entry is written unless the caller logs the whole act itself in the same transaction (a sign-up,
   * a referral): `audit: false`. Its details say what changed, never personal data.
   */
  audit?: boolean;
};

/**
 * Changes one record's status. Fails with `common.status.illegal` when the machine forbids the change and with
 * `common.status.changed` when the record no longer has `from` (someone else changed it first); nothing is written
 * then. A change to the same status writes nothing and succeeds.
 */
export function changeStatus<E extends StatusEntity>(
  tx: Tx,
  c: StatusChange<E>,
): Result<{ from: StatusOf[E] | null; to: StatusOf[E] }> {
  if (c.from === c.to) return ok({ from: c.from, to: c.to });
  if (!canChangeStatus(c.entity, c.from, c.to)) return fail("common.status.illegal");
  if (c.from != null) {
    const table = tables[c.entity];
    const changed = tx
      .update(table)
      .set({ ...c.set, status: c.to } as never)
      .where(and(eq(table.id, c.id), eq(table.status, c.from as never)))
      .run().changes;
    if (changed === 0) return fail("common.status.changed");
  }
  tx.insert(statusChanges)
    .values({
      entityType: c.entity,
      entityId: c.id,
      fromStatus: c.from,
      toStatus: c.to,
      reason: c.reason ?? null,
      byUserId: c.actor?.id ?? null,
      ...(c.at ? { at: c.at } : {}),
    })
    .run();
  if (c.audit !== false) audit(c.actor, "update", c.entity, c.id, { field: "status", from: c.from, to: c.to }, tx);
  return ok({ from: c.from, to: c.to });
}

/** For use cases that have already checked the change: a refused change is a programming error, so it throws. */
export function mustChangeStatus<E extends StatusEntity>(tx: Tx, c: StatusChange<E>): void {
  const r = changeStatus(tx, c);
  if (!r.ok) throw new Error(`${c.entity} ${c.id}: ${c.from ?? "new"} → ${c.to}: ${r.formErrors.join(", ")}`);
}
