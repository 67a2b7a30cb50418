/**
 * The access log: every read or change of a mentee or mentor record by staff is written here (append-only).
 * Details carry ids and field names, never the personal data itself.
 */
import { and, desc, eq, gte, lte } from "drizzle-orm";
import { auditLog, users } from "../../db/schema";
import type { AuditAction } from "../domain/enums";
import type { Db } from "../db.server";
import { countRows } from "../utils/sql";
import { db } from "../db.server";
import { paged } from "../domain/paging";

/** Who acted: a user, a citizen on their own page (`{ id: null, role: "citizen" }`), or null for the system. */
type Actor = { id: number | null; role: string } | null;
type Tx = Pick<Db, "insert">;

export function audit(actor: Actor, action: AuditAction, entityType: string, entityId: number | null, details?: Record<string, unknown>, tx: Tx = db()): void {
  tx.insert(auditLog).values({
    actorUserId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action,
    entityType,
    entityId,
    details: details ?? null,
  }).run();
}

export type AuditFilter = { entityType?: string; entityId?: number; actorUserId?: number; action?: AuditAction; from?: string; to?: string };

/**
 * Admin search of the access log, newest first, with the actor's name: one page and the true total. Each filter has an
 * index that keeps time order (entity, actor, action, kind of record, period), so a page is read in order and stops.
 */
export function searchAuditLog(f: AuditFilter, page = 1) {
  const d = db();
  const where = and(
    f.entityType ? eq(auditLog.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.actorUserId ? eq(auditLog.actorUserId, f.actorUserId) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.from ? gte(auditLog.at, `${f.from}T00:00:00`) : undefined,
    f.to ? lte(auditLog.at, `${f.to}T23:59:59.999Z`) : undefined,
  );
  return paged(page,
    () => countRows(d, auditLog, where),
    (limit, offset) => d.select({
      id: auditLog.id, at: auditLog.at, actorUserId: auditLog.actorUserId, actorRole: auditLog.actorRole, actorName: users.name,
      action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId,
    }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id)).limit(limit).offset(offset).all());
}
