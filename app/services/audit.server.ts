/**
 * The access log: every read or change of a mentee or mentor record by staff is written here (append-only).
 * Details carry ids and field names, never the personal data itself.
 */
import { auditLog } from "../../db/schema";
import type { AuditAction } from "../domain/enums";
import type { Db } from "../db.server";
import { db } from "../db.server";

type Actor = { id: number; role: string } | null;
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
