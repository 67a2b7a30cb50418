/**
 * Delivery reports from providers (webhooks): a sent message becomes delivered, or failed when the provider could
 * not deliver it (bounce, unknown number, expired); repeats are harmless.
 *
 * A report also settles a held message (one the provider may have received while we never heard back): any report
 * naming it, even an intermediate one (ENROUTE, BUFFERED), proves the provider has it, so it becomes sent, delivered
 * or failed without a person having to check. This is how a held SMS is "looked up by our own reference": GatewayAPI
 * returns our key as `userref` in every status callback (it has no API to ask for a message by that reference).
 */
import { and, eq, or } from "drizzle-orm";
import { messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import { canTransition } from "../domain/outbox";
import type { MessageStatus } from "../domain/enums";
import { nowIso } from "../utils/clock";
import { log } from "../utils/logger.server";

export type DeliveryReport = {
  transport: "resend" | "gatewayapi";
  providerId?: string | null;
  idempotencyKey?: string | null;
  /** `accepted`: the provider has the message, its fate not yet known. */
  outcome: "accepted" | "delivered" | "failed";
  /** Provider status and code only (no personal data). */
  error?: string | null;
};

/** What a report makes of a message in `status`, or null when it changes nothing. */
export function reportTarget(status: MessageStatus, outcome: DeliveryReport["outcome"]): MessageStatus | null {
  const to: MessageStatus = outcome === "accepted" ? (status === "held" ? "sent" : status) : outcome;
  return to !== status && canTransition(status, to) ? to : null;
}

/** Returns "updated", "unchanged" (already final, not sent yet, or nothing new) or "unknown" (no such message). */
export function applyDeliveryReport(r: DeliveryReport, d: Db = db()): "updated" | "unchanged" | "unknown" {
  const match = [
    r.providerId ? and(eq(messages.transport, r.transport), eq(messages.providerId, r.providerId)) : undefined,
    r.idempotencyKey ? eq(messages.idempotencyKey, r.idempotencyKey) : undefined,
  ].filter(Boolean);
  if (!match.length) return "unknown";
  const m = d
    .select({ id: messages.id, status: messages.status, providerId: messages.providerId })
    .from(messages)
    .where(or(...match))
    .get();
  if (!m) return "unknown";
  const to = reportTarget(m.status, r.outcome);
  if (!to) return "unchanged";
  const t = nowIso();
  const settled =
    m.status === "held"
      ? {
          sentAt: t,
          providerId: m.providerId ?? r.providerId ?? null,
          lastError: "the provider reported it: it had received the message",
        }
      : {};
  const changes = d
    .update(messages)
    .set(
      to === "delivered"
        ? { ...settled, status: "delivered", deliveredAt: t }
        : to === "failed"
          ? { ...settled, status: "failed", lastError: `provider: ${r.error ?? "not delivered"}`.slice(0, 300) }
          : { ...settled, status: to },
    )
    .where(and(eq(messages.id, m.id), eq(messages.status, m.status)))
    .run().changes;
  log.info("delivery report", { messageId: m.id, transport: r.transport, outcome: r.outcome, from: m.status, to });
  return changes ? "updated" : "unchanged";
}

/** Resend event type → outcome (other events, e.g. opened or clicked, change nothing). */
export function resendOutcome(type: string): DeliveryReport["outcome"] | null {
  if (type === "email.delivered") return "delivered";
  if (type === "email.bounced" || type === "email.failed" || type === "email.complained") return "failed";
  if (type === "email.sent" || type === "email.delivery_delayed") return "accepted";
  return null;
}

/** GatewayAPI status → outcome. Every status proves GatewayAPI has the message; the final ones say how it went. */
export function gatewayApiOutcome(status: string): DeliveryReport["outcome"] {
  const s = status.toUpperCase();
  if (s === "DELIVERED") return "delivered";
  if (["UNDELIVERED", "REJECTED", "EXPIRED", "SKIPPED", "DELETED"].includes(s)) return "failed";
  return "accepted";
}
