/**
 * Reading the status history of one thing (an opening, a placement, a mentor, a citizen, …): the rows the status path
 * (`status.server.ts`) wrote, oldest first, with who made each change. Writing them stays with the status path.
 */
import { and, asc, eq, type SQL } from "drizzle-orm";
import { statusChanges, users } from "../../db/schema";
import type { Db } from "../db.server";

export type HistoryEntity = (typeof statusChanges.entityType.enumValues)[number];

/** One change as a history shows it. */
export const historyColumns = {
  fromStatus: statusChanges.fromStatus,
  toStatus: statusChanges.toStatus,
  reason: statusChanges.reason,
  at: statusChanges.at,
  byName: users.name,
};

/** The changes of one thing (`status_changes_entity_idx`). */
export function historyOf(entity: HistoryEntity, id: number): SQL | undefined {
  return and(eq(statusChanges.entityType, entity), eq(statusChanges.entityId, id));
}

/** The first `limit` changes of one thing, oldest first (then in the order written). */
export function statusHistory(d: Db, entity: HistoryEntity, id: number, limit = 100) {
  return d
    .select(historyColumns)
    .from(statusChanges)
    .leftJoin(users, eq(users.id, statusChanges.byUserId))
    .where(historyOf(entity, id))
    .orderBy(asc(statusChanges.at), asc(statusChanges.id))
    .limit(limit)
    .all();
}
