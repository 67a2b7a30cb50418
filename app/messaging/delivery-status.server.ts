/**
 * Delivery reports from providers (webhooks): a sent message becomes delivered, or failed when the provider could
 * not deliver it (bounce, unknown number, expired). Only sent → delivered/failed is allowed; repeats are harmless.
 */
import { and, eq, or } from "drizzle-orm";
import { messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import { canTransition } from "../domain/outbox";
import { nowIso } from "../utils/clock";
import { log } from "../utils/logger.server";

export type DeliveryReport = {
  transport: "resend" | "gatewayapi";
  providerId?: string | null;
  idempotencyKey?: string | null;
  outcome: "delivered" | "failed";
  /** Provider status and code only (no personal data). */
  error?: string | null;
};

/** Returns "updated", "unchanged" (already final or not sent yet) or "unknown" (no such message). */
export function applyDeliveryReport(r: DeliveryReport, d: Db = db()): "updated" | "unchanged" | "unknown" {
  const match = [
    r.providerId ? and(eq(messages.transport, r.transport), eq(messages.providerId, r.providerId)) : undefined,
    r.idempotencyKey ? eq(messages.idempotencyKey, r.idempotencyKey) : undefined,
  ].filter(Boolean);
  if (!match.length) return "unknown";
  const m = d.select({ id: messages.id, status: messages.status }).from(messages).where(or(...match)).get();
  if (!m) return "unknown";
  if (!canTransition(m.status, r.outcome)) return "unchanged";
  const changes = d.update(messages).set(r.outcome === "delivered"
    ? { status: "delivered", deliveredAt: nowIso() }
    : { status: "failed", lastError: `provider: ${r.error ?? "not delivered"}`.slice(0, 300) })
    .where(and(eq(messages.id, m.id), eq(messages.status, m.status))).run().changes;
  log.info("delivery report", { messageId: m.id, transport: r.transport, outcome: r.outcome });
  return changes ? "updated" : "unchanged";
}

/** Resend event type → outcome (other events, e.g. opened or clicked, change nothing). */
export function resendOutcome(type: string): "delivered" | "failed" | null {
  if (type === "email.delivered") return "delivered";
  if (type === "email.bounced" || type === "email.failed" || type === "email.complained") return "failed";
  return null;
}

/** GatewayAPI status → outcome (intermediate states such as ENROUTE or BUFFERED change nothing). */
export function gatewayApiOutcome(status: string): "delivered" | "failed" | null {
  const s = status.toUpperCase();
  if (s === "DELIVERED") return "delivered";
  if (["UNDELIVERED", "REJECTED", "EXPIRED", "SKIPPED", "DELETED"].includes(s)) return "failed";
  return null;
}
