/**
 * The outbox: every email and SMS is first a row in `messages`, written in the same transaction as the change that
 * caused it. The sender loop claims due rows atomically (one SQLite write transaction), renders, sends through the
 * configured transport, and records the result. Rows stuck in `sending` after a crash are released.
 *
 * Before a send: a message to a person who opted out (or withdrew SMS consent) is cancelled; an SMS due in quiet hours
 * (21:00-08:00 Copenhagen) waits for 08:00. Just before the provider is called the row is marked `handedOffAt`, so
 * recovery knows which stuck rows may already have reached the provider: those are resent only through a provider
 * that deduplicates by our idempotency key (Resend); otherwise they fail for a person to check (never sent twice).
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Channel, MessageLanguage, SubjectType } from "../domain/enums";
import { afterAttempt, assertTransition, STUCK_AFTER_MS } from "../domain/outbox";
import { nextSmsWindow } from "../domain/quiet-hours";
import { renderMessage } from "../../emails";
import { transportFor } from "./transports/index.server";
import { blockedReason, optOutUrl } from "./preferences.server";
import { overridesFor } from "./template-store.server";
import { now } from "../utils/clock";
import { config } from "../config.server";
import { log } from "../utils/logger.server";

type Tx = Pick<Db, "insert" | "select" | "update">;

export type NewMessage = {
  channel: Channel;
  recipient: string;
  template: string;
  locale: MessageLanguage;
  data?: Record<string, unknown>;
  subjectType?: SubjectType;
  subjectId?: number;
  /** Same key twice = one message. Default: a fresh key. */
  idempotencyKey?: string;
  /** Not before (e.g. quiet hours). */
  notBefore?: Date;
};

export function enqueue(m: NewMessage, tx: Tx = db()): number | null {
  const row = tx.insert(messages).values({
    channel: m.channel,
    recipient: m.recipient,
    template: m.template,
    locale: m.locale,
    data: m.data ?? {},
    subjectType: m.subjectType ?? null,
    subjectId: m.subjectId ?? null,
    idempotencyKey: m.idempotencyKey ?? `${m.template}:${crypto.randomUUID()}`,
    nextAttemptAt: (m.notBefore ?? now()).toISOString(),
  }).onConflictDoNothing({ target: messages.idempotencyKey }).returning({ id: messages.id }).get();
  return row?.id ?? null;
}

export const UNCERTAIN_ERROR = "interrupted after hand-off to the provider: may have been delivered; check before retrying";

/**
 * Releases rows a crashed sender left in `sending`. A row never handed to the provider goes back to the queue. A row
 * that was handed off goes back only when its provider deduplicates by idempotency key; otherwise it fails, so that
 * nobody gets the same SMS twice (a person can look and retry).
 */
export function recoverStuck(d: Db = db()): number {
  const cutoff = new Date(now().getTime() - STUCK_AFTER_MS).toISOString();
  const stuck = d.select({ id: messages.id, channel: messages.channel, handedOffAt: messages.handedOffAt }).from(messages)
    .where(and(eq(messages.status, "sending"), lte(messages.claimedAt, cutoff))).all();
  let n = 0;
  for (const r of stuck) {
    const safe = !r.handedOffAt || transportFor(r.channel).idempotent;
    n += d.update(messages).set(safe
      ? { status: "queued", claimedAt: null, handedOffAt: null, lastError: "recovered after interrupted send" }
      : { status: "failed", claimedAt: null, lastError: UNCERTAIN_ERROR })
      .where(and(eq(messages.id, r.id), eq(messages.status, "sending"), lte(messages.claimedAt, cutoff))).run().changes;
    log.warn("outbox recovered a stuck message", { messageId: r.id, outcome: safe ? "queued" : "failed" });
  }
  return n;
}

/** Claims up to `limit` due rows in one write transaction: no two senders get the same row. */
export function claimDue(limit = 20, d: Db = db()) {
  const t = now().toISOString();
  return d.$client.transaction(() => {
    const due = d.select({ id: messages.id }).from(messages)
      .where(and(eq(messages.status, "queued"), lte(messages.nextAttemptAt, t)))
      .orderBy(asc(messages.nextAttemptAt), asc(messages.id)).limit(limit).all();
    if (!due.length) return [];
    return d.update(messages)
      .set({ status: "sending", claimedAt: t, handedOffAt: null, attempts: sql`${messages.attempts} + 1` })
      .where(and(inArray(messages.id, due.map((r) => r.id)), eq(messages.status, "queued")))
      .returning().all();
  }).immediate();
}

/** Puts a claimed row back without counting the claim as an attempt (quiet hours). */
function postpone(m: typeof messages.$inferSelect, until: Date, d: Db) {
  assertTransition("sending", "queued");
  d.update(messages).set({ status: "queued", nextAttemptAt: until.toISOString(), claimedAt: null, attempts: sql`${messages.attempts} - 1` })
    .where(and(eq(messages.id, m.id), eq(messages.status, "sending"))).run();
  log.info("message postponed", { messageId: m.id, channel: m.channel, until: until.toISOString() });
}

function cancel(m: typeof messages.$inferSelect, reason: string, d: Db) {
  assertTransition("sending", "cancelled");
  d.update(messages).set({ status: "cancelled", lastError: reason, claimedAt: null })
    .where(and(eq(messages.id, m.id), eq(messages.status, "sending"))).run();
  log.info("message cancelled", { messageId: m.id, channel: m.channel, reason });
}

async function deliver(m: typeof messages.$inferSelect, d: Db) {
  const blocked = blockedReason(m.subjectType, m.subjectId, m.channel, d);
  if (blocked) return cancel(m, blocked, d);
  const transport = transportFor(m.channel);
  // Quiet hours protect people's nights; the local sink reaches nobody, so it is not held back.
  if (m.channel === "sms" && transport.name !== "local") {
    const window = nextSmsWindow(now());
    if (window.getTime() > now().getTime()) return postpone(m, window, d);
  }
  let result;
  let rendered;
  // A citizen can always object: emails carry the opt-out link, SMS the number to send STOP to (when we have one).
  const menteeId = m.subjectType === "mentee" ? m.subjectId : null;
  const unsubscribeUrl = m.channel === "email" && menteeId ? optOutUrl({ type: "mentee", id: menteeId }) : null;
  const smsStopNumber = m.channel === "sms" && menteeId ? (config().SMS_STOP_NUMBER ?? null) : null;
  try {
    rendered = await renderMessage(m.template, m.locale, m.data, m.channel, { overrides: overridesFor(m.template, d), unsubscribeUrl, smsStopNumber });
  } catch (e) {
    result = { ok: false as const, permanent: true, error: `render: ${e instanceof Error ? e.message : "failed"}` };
  }
  if (rendered) {
    d.update(messages).set({ renderedSubject: rendered.subject, renderedText: rendered.text, renderedHtml: rendered.html, handedOffAt: now().toISOString(), transport: transport.name })
      .where(eq(messages.id, m.id)).run();
    result = await transport.send({
      id: m.id, channel: m.channel, to: m.recipient, subject: rendered.subject, text: rendered.text, html: rendered.html,
      idempotencyKey: m.idempotencyKey, unsubscribeUrl,
    });
  }
  const next = afterAttempt(result!, m.attempts, now());
  assertTransition("sending", next.status);
  const t = now().toISOString();
  if (next.status === "sent") {
    d.update(messages).set({ status: "sent", sentAt: t, providerId: next.providerId, transport: transport.name, lastError: null, claimedAt: null, handedOffAt: null })
      .where(and(eq(messages.id, m.id), eq(messages.status, "sending"))).run();
  } else if (next.status === "queued") {
    d.update(messages).set({ status: "queued", nextAttemptAt: next.nextAttemptAt.toISOString(), lastError: next.error, claimedAt: null, handedOffAt: null, transport: transport.name })
      .where(and(eq(messages.id, m.id), eq(messages.status, "sending"))).run();
  } else {
    d.update(messages).set({ status: "failed", lastError: next.error, claimedAt: null, handedOffAt: null, transport: transport.name })
      .where(and(eq(messages.id, m.id), eq(messages.status, "sending"))).run();
  }
  log.info("message attempt", { messageId: m.id, channel: m.channel, template: m.template, outcome: next.status, attempt: m.attempts });
}

/** One pass of the sender: recover, claim, deliver. Returns how many rows it handled. */
export async function runOutboxOnce(d: Db = db(), limit = 20): Promise<number> {
  recoverStuck(d);
  const claimed = claimDue(limit, d);
  for (const m of claimed) await deliver(m, d);
  return claimed.length;
}

/** Sends until nothing is due (tests and scripts). */
export async function drainOutbox(d: Db = db()): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await runOutboxOnce(d);
    total += n;
    if (n === 0) return total;
  }
}

/** A person asks to try a failed message again (a fresh series of attempts). */
export function retryMessage(id: number, d: Db = db()): boolean {
  return d.update(messages).set({ status: "queued", nextAttemptAt: now().toISOString(), lastError: null, attempts: 0, handedOffAt: null })
    .where(and(eq(messages.id, id), eq(messages.status, "failed"))).run().changes === 1;
}

export function startSenderLoop(intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runOutboxOnce()
      .catch((e) => log.error("outbox pass failed", { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => { running = false; });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
