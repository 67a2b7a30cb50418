/**
 * The access log: every read or change of a mentee or mentor record by staff is written here (append-only).
 * Details carry ids and field names, never the personal data itself.
 */
import { and, asc, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { auditLog, users, type auditActorRoles } from "../../db/schema";
import type { AuditAction } from "../domain/enums";
import type { Db } from "../db.server";
import { eqIf, pagedWhere } from "../utils/sql";
import { db } from "../db.server";
import type { AuditActor } from "./kernel.server";

type Tx = Pick<Db, "insert">;

export function audit(
  actor: AuditActor,
  action: AuditAction,
  entityType: string,
  entityId: number | null,
  details?: Record<string, unknown>,
  tx: Tx = db(),
): void {
  auditEach(actor, action, entityType, [{ entityId, details }], tx);
}

/** The same read or change of several records in one statement (a list logs each person it shows; at most a page). */
export function auditEach(
  actor: AuditActor,
  action: AuditAction,
  entityType: string,
  entries: readonly { entityId: number | null; details?: Record<string, unknown> }[],
  tx: Tx = db(),
): void {
  if (!entries.length) return;
  tx.insert(auditLog)
    .values(
      entries.map(({ entityId, details }) => ({
        actorUserId: actor?.id ?? null,
        // A role outside auditActorRoles is refused by the column (db/schema/audit.ts), not stored as something else.
        actorRole: (actor?.role ?? null) as (typeof auditActorRoles)[number] | null,
        action,
        entityType,
        entityId,
        details: details ?? null,
      })),
    )
    .run();
}

export type AuditFilter = {
  entityType?: string;
  entityId?: number;
  actorUserId?: number;
  action?: AuditAction;
  from?: string;
  to?: string;
};

/** What the access log's search shows of an entry: who (and their name), when, what, on which record. */
const auditRow = {
  id: auditLog.id,
  at: auditLog.at,
  actorUserId: auditLog.actorUserId,
  actorRole: auditLog.actorRole,
  actorName: users.name,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
};

/**
 * The id at a period's edge: the first entry at or after its start (`asc`, with `at >= start`) or the last at or before
 * its end (`desc`, with `at <= end`), found in audit_log_at_idx.
 */
function edgeId(d: Db, at: SQL, order: typeof asc): number | undefined {
  return d
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(at)
    .orderBy(order(auditLog.at), order(auditLog.id))
    .limit(1)
    .get()?.id;
}

/**
 * Admin search of the access log, newest first, with the actor's name: one page and the true total. Rows are written
 * when they happen, so id order is time order: a page is read in id order, and a period becomes a range of ids (its
 * first and last row, `edgeId`). Each filter has an index of its own column(s), whose entries keep id order (entity,
 * actor, action, kind of record), so a page is read in order and stops; no index repeats the instant.
 */
export function searchAuditLog(f: AuditFilter, page = 1) {
  const d = db();
  const first = f.from ? edgeId(d, gte(auditLog.at, `${f.from}T00:00:00.000Z`), asc) : undefined;
  const last = f.to ? edgeId(d, lte(auditLog.at, `${f.to}T23:59:59.999Z`), desc) : undefined;
  const where = and(
    eqIf(auditLog.entityType, f.entityType),
    eqIf(auditLog.entityId, f.entityId),
    eqIf(auditLog.actorUserId, f.actorUserId),
    eqIf(auditLog.action, f.action),
    // A period with no row in it: no id is both at least 1 and at most 0.
    f.from ? gte(auditLog.id, first ?? Number.MAX_SAFE_INTEGER) : undefined,
    f.to ? lte(auditLog.id, last ?? 0) : undefined,
  );
  const list = { table: auditLog, where, order: [desc(auditLog.id)] };
  return pagedWhere(
    d,
    page,
    list,
    d.select(auditRow).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)),
  );
}
