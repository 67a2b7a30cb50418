/**
 * The access log: every read or change of a mentee or mentor record by staff is written here (append-only).
 * Details carry ids and field names, never the personal data itself.
 */
import { and, asc, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { auditLog, users, type auditActorRoles } from "../../db/schema";
import type { AuditAction } from "../domain/enums";
import { builtOnce, eqIf, pagedWhere } from "../utils/sql";
import { clientOf, db, type Db } from "../db.server";
import { nowIso } from "../utils/clock";
import { AUDIT_DRAIN, drainAll, drainUnlessInBackground } from "../../db/queue-drain";
import type { AuditActor } from "./kernel.server";

type Tx = Pick<Db, "insert" | "select">;
type AuditActorRole = (typeof auditActorRoles)[number];

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

// Into the queue without indexes; moved into audit_log, in order, off the request path (docs/decisions/026).
const insertOn = builtOnce((client: Db["$client"]) =>
  client.prepare(
    "INSERT INTO audit_log_incoming (at, actor_user_id, actor_role, action, entity_type, entity_id, details) VALUES (?, ?, ?, ?, ?, ?, ?)",
  ),
);

/** Moves every row still waiting into audit_log: a reader of the log calls it first, so it sees every read so far. */
export function auditLogUpToDate(d: Db = db()) {
  drainAll(d.$client, AUDIT_DRAIN);
}

/**
 * The same read or change of several records (a list logs each person it shows; at most a page), in the caller's
 * transaction or in one of its own. One compiled insert run per row: a list page writes fifty rows on every view, and
 * building them as one drizzle statement cost about half again as much as the writing. The values go through the
 * columns' own encoders (an instant as epoch milliseconds, a role and an action as their codes, the details as JSON).
 */
export function auditEach(
  actor: AuditActor,
  action: AuditAction,
  entityType: string,
  entries: readonly { entityId: number | null; details?: Record<string, unknown> }[],
  tx: Tx = db(),
): void {
  if (!entries.length) return;
  const client = clientOf(tx);
  const insert = insertOn(client);
  const at = auditLog.at.mapToDriverValue(nowIso());
  // A role outside auditActorRoles is refused by the column's encoder (db/schema/audit.ts), not stored as something else.
  const role = actor?.role == null ? null : auditLog.actorRole.mapToDriverValue(actor.role as AuditActorRole);
  const code = auditLog.action.mapToDriverValue(action);
  const write = () => {
    for (const { entityId, details } of entries)
      insert.run(at, actor?.id ?? null, role, code, entityType, entityId, details ? JSON.stringify(details) : null);
    drainUnlessInBackground(client, AUDIT_DRAIN);
  };
  if (entries.length === 1 || client.inTransaction) write();
  else client.transaction(write)();
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
  auditLogUpToDate(d);
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
