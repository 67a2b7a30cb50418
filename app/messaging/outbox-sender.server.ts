/**
 * The outbox's sender (decisions 003, 007): one attempt at a claimed row (opt-outs, quiet hours, a provider's pause,
 * the payload made once, the hand-off under our lease, the provider's answer recorded) and the loop that runs it.
 */
import { and, eq, gt, or, sql } from "drizzle-orm";
import { messages, type MessagePayload } from "../../db/schema";
import { db, type Db } from "../db.server";
import { afterAttempt, assertTransition, HEARTBEAT_MS } from "../domain/outbox";
import { nextSmsWindow } from "../domain/quiet-hours";
import { transportFor } from "./transports/index.server";
import { blockedReason } from "./preferences.server";
import { claimDue, ours, recoverStuck, releaseClaims, renewLeases } from "./outbox-claims.server";
import { render } from "./outbox-render.server";
import { now } from "../utils/clock";
import { log } from "../utils/logger.server";

type Row = typeof messages.$inferSelect;

/** Puts a claimed row back without counting the claim as an attempt (quiet hours, a provider asking us to wait). */
function postpone(m: Row, until: Date, d: Db) {
  assertTransition("sending", "queued");
  d.update(messages)
    .set({
      status: "queued",
      nextAttemptAt: until.toISOString(),
      claimedBy: null,
      leaseUntil: null,
      attempts: sql`${messages.attempts} - 1`,
    })
    .where(ours(m.id))
    .run();
  log.info("message postponed", { messageId: m.id, channel: m.channel, until: until.toISOString() });
}

function cancel(m: Row, reason: string, d: Db) {
  assertTransition("sending", "cancelled");
  d.update(messages)
    .set({ status: "cancelled", lastError: reason, claimedBy: null, leaseUntil: null })
    .where(ours(m.id))
    .run();
  log.info("message cancelled", { messageId: m.id, channel: m.channel, reason });
}

/** A provider that answered 429 is left alone by this process until it said to come back. */
const throttledUntil = new Map<string, number>();
/** Tests that move the clock back forget the pauses of earlier tests. */
export function forgetThrottles(): void {
  throttledUntil.clear();
}

async function deliver(m: Row, d: Db) {
  const blocked = blockedReason(m.subjectType, m.subjectId, m.channel, d);
  if (blocked) return cancel(m, blocked, d);
  const transport = transportFor(m.channel);
  // Quiet hours protect people's nights; the local sink reaches nobody, so it is not held back.
  if (m.channel === "sms" && transport.name !== "local") {
    const window = nextSmsWindow(now());
    if (window.getTime() > now().getTime()) return postpone(m, window, d);
  }
  const pause = throttledUntil.get(transport.name) ?? 0;
  if (pause > now().getTime()) return postpone(m, new Date(pause), d);
  // The payload is made once, at the first send, and then sent as is (same bytes, same tokens) on every try.
  let payload: MessagePayload | null = m.payload;
  if (!payload) {
    try {
      const r = await render(m, "send", d);
      payload = {
        subject: r.subject,
        text: r.text,
        html: r.html,
        unsubscribeUrl: r.unsubscribeUrl,
        ...(r.attachments ? { attachments: r.attachments } : {}),
      };
    } catch (e) {
      return record(
        m,
        transport.name,
        { status: "failed", error: `render: ${e instanceof Error ? e.message : "failed"}`.slice(0, 300) },
        d,
      );
    }
  }
  // Hand-off, only while our lease holds: a row someone took back is not ours to send.
  const handed =
    d
      .update(messages)
      .set({ payload, handedOffAt: now().toISOString(), transport: transport.name })
      .where(and(ours(m.id), gt(messages.leaseUntil, now().toISOString())))
      .run().changes === 1;
  if (!handed) {
    log.warn("outbox lost a claim before hand-off; not sent", { messageId: m.id });
    return;
  }
  const result = await transport.send({
    id: m.id,
    channel: m.channel,
    template: m.template,
    to: m.recipient,
    subject: payload.subject,
    text: payload.text,
    html: payload.html,
    idempotencyKey: m.idempotencyKey,
    unsubscribeUrl: payload.unsubscribeUrl,
    attachments: payload.attachments,
  });
  const next = afterAttempt(result, m.attempts, now(), { idempotent: transport.idempotent });
  if (next.status === "queued" && next.refund) throttledUntil.set(transport.name, next.nextAttemptAt.getTime());
  record(m, transport.name, next, d);
}

function record(m: Row, transport: string, next: ReturnType<typeof afterAttempt>, d: Db) {
  assertTransition("sending", next.status);
  const t = now().toISOString();
  const release = { claimedBy: null, leaseUntil: null, transport };
  if (next.status === "sent") {
    // A success counts even when the row was meanwhile held by a recovery that took us for dead.
    d.update(messages)
      .set({
        ...release,
        status: "sent",
        sentAt: t,
        providerId: next.providerId,
        lastError: next.note,
        handedOffAt: null,
      })
      .where(or(ours(m.id), and(eq(messages.id, m.id), eq(messages.status, "held"))))
      .run();
  } else if (next.status === "queued") {
    d.update(messages)
      .set({
        ...release,
        status: "queued",
        nextAttemptAt: next.nextAttemptAt.toISOString(),
        lastError: next.error,
        handedOffAt: null,
        ...(next.refund ? { attempts: sql`${messages.attempts} - 1` } : {}),
      })
      .where(ours(m.id))
      .run();
  } else {
    d.update(messages)
      .set({ ...release, status: next.status, lastError: next.error })
      .where(ours(m.id))
      .run();
  }
  log.info("message attempt", {
    messageId: m.id,
    channel: m.channel,
    template: m.template,
    outcome: next.status,
    attempt: m.attempts,
  });
}

/* ------------------------------------------------------------------ the loop */

/**
 * One pass of the sender: recover, claim, deliver. Returns how many rows it claimed. `stopping` ends the pass early
 * (a shutdown); the claims it did not reach are given back by `releaseClaims`.
 */
export async function runOutboxOnce(d: Db = db(), limit = 20, stopping: () => boolean = () => false): Promise<number> {
  recoverStuck(d);
  const claimed = claimDue(limit, d);
  for (const m of claimed) {
    if (stopping()) break;
    renewLeases(d);
    await deliver(m, d);
  }
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

/**
 * Runs the sender every `intervalMs` and renews this process's leases every HEARTBEAT_MS. The returned stop waits for
 * the pass in progress (a send already handed off is let finish, up to `graceMs`) and gives back unsent claims.
 */
export function startSenderLoop(intervalMs: number, graceMs = 20_000): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = runOutboxOnce(db(), 20, () => stopped)
      .catch((e) => log.error("outbox pass failed", { error: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  const heartbeat = setInterval(() => {
    try {
      renewLeases();
    } catch (e) {
      log.error("outbox lease renewal failed", { error: e instanceof Error ? e.message : String(e) });
    }
  }, HEARTBEAT_MS);
  timer.unref();
  heartbeat.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (running) await Promise.race([running, new Promise((r) => setTimeout(r, graceMs).unref())]);
    clearInterval(heartbeat);
    try {
      releaseClaims();
    } catch {
      /* the database may already be closed */
    }
  };
}
