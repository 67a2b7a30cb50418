/**
 * A record's status history as its detail page lists it: a page at a time (it grows with the years), with who made
 * each change. The history itself is written only by the status path (`status.server.ts`, decision 021).
 */
import { and, asc, desc, eq } from "drizzle-orm";
import { statusChanges, users } from "../../db/schema";
import type { Db } from "../db.server";
import { SUB_PAGE_SIZE } from "../domain/paging";
import { countRows, pagedQuery } from "../utils/sql";

/** One page of the changes of `entity` `id`: oldest first (a citizen's path), or newest first (a mentor's record). */
export function statusHistoryPage(
  d: Db,
  entity: "mentee" | "mentor",
  id: number,
  page = 1,
  order: "oldest" | "newest" = "oldest",
) {
  const where = and(eq(statusChanges.entityType, entity), eq(statusChanges.entityId, id));
  const by = order === "oldest" ? asc : desc;
  return pagedQuery(
    page,
    () => countRows(d, statusChanges, where),
    d
      .select({
        id: statusChanges.id,
        fromStatus: statusChanges.fromStatus,
        toStatus: statusChanges.toStatus,
        reason: statusChanges.reason,
        at: statusChanges.at,
        by: users.name,
      })
      .from(statusChanges)
      .leftJoin(users, eq(users.id, statusChanges.byUserId))
      .where(where)
      .orderBy(by(statusChanges.at), by(statusChanges.id)),
    SUB_PAGE_SIZE,
  );
}
