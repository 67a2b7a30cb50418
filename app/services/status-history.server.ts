/**
 * Reading the status history of one thing (an opening, a placement, a mentor, a citizen, …): the rows the status path
 * (`status.server.ts`, decision 021) wrote, with who made each change; a short history whole, a long one (a citizen's,
 * a mentor's: they grow with the years) a page at a time. Writing them stays with the status path.
 */
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import { statusChanges, users } from "../../db/schema";
import type { Db } from "../db.server";
import { SUB_PAGE_SIZE } from "../domain/paging";
import { countRows, pagedQuery } from "../utils/sql";

export type HistoryEntity = (typeof statusChanges.entityType.enumValues)[number];

/** One change as a history shows it. */
export const historyColumns = {
  id: statusChanges.id,
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

/** The changes with who made them, in `order` (then in the order written). */
function historyQuery(d: Db, where: SQL | undefined, order: "oldest" | "newest") {
  const by = order === "oldest" ? asc : desc;
  return d
    .select(historyColumns)
    .from(statusChanges)
    .leftJoin(users, eq(users.id, statusChanges.byUserId))
    .where(where)
    .orderBy(by(statusChanges.at), by(statusChanges.id));
}

/** The first `limit` changes of one thing, oldest first. */
export function statusHistory(d: Db, entity: HistoryEntity, id: number, limit = 100) {
  return historyQuery(d, historyOf(entity, id), "oldest").limit(limit).all();
}

/** One page of the changes of `entity` `id`: oldest first (a citizen's path), or newest first (a mentor's record). */
export function statusHistoryPage(
  d: Db,
  entity: "mentee" | "mentor",
  id: number,
  page = 1,
  order: "oldest" | "newest" = "oldest",
) {
  const where = historyOf(entity, id);
  return pagedQuery(page, () => countRows(d, statusChanges, where), historyQuery(d, where, order), SUB_PAGE_SIZE);
}
