/**
 * The outbox: every email and SMS is first a row in `messages`, written in the same transaction as the change that
 * caused it. The sender loop claims due rows atomically (one SQLite write transaction) under a lease, renders a row
 * once into its payload, sends that payload through the configured transport, and records the result.
 *
 * Never twice, never lost (docs/decisions/003-outbox.md, 007-messaging-providers.md):
 * - Secrets (live links) stay out of `data`: they live in `secrets`, read here alone, and are dropped when final.
 * - The payload is fixed at the first send and kept until the message is final, so every retry is byte-identical.
 * - Just before the provider is called the row gets `handedOffAt`, written only while our lease holds. A failure is
 *   judged by what the provider may have seen (app/domain/outbox.ts): an unknown outcome is retried with the same key
 *   and bytes through a provider that deduplicates (Resend), and held for a person otherwise (GatewayAPI SMS).
 * - A row claimed by a process that is gone is taken back: at once when the claimer was on this machine and its pid
 *   no longer exists, otherwise when its lease runs out. A live sender renews its leases, so no two send one row.
 *
 * Before a send: a message to a person who opted out (or withdrew SMS consent) is cancelled; an SMS due in quiet hours
 * (21:00-08:00 Copenhagen) waits for 08:00.
 */
import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { messages, messageTemplates, type MessagePayload } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Channel, MessageLanguage, SubjectType } from "../domain/enums";
import {
  afterAttempt,
  assertTransition,
  claimerGone,
  HEARTBEAT_MS,
  HELD_ERROR,
  LEASE_MS,
  senderIdentity,
} from "../domain/outbox";
import { containsLiveLink, maskSecret, SECRET_MASK } from "../domain/secrets";
import { nextSmsWindow } from "../domain/quiet-hours";
import { renderMessage, splitMessageData, type Rendered } from "../../emails";
import { isIdempotentTransport, transportFor } from "./transports/index.server";
import { blockedReason, optOutUrl } from "./preferences.server";
import { overridesFor } from "./template-store.server";
import { now } from "../utils/clock";
import { config } from "../config.server";
import { log } from "../utils/logger.server";
import { absoluteUrl } from "../services/kernel.server";

type Tx = Pick<Db, "insert" | "select" | "update">;
type Row = typeof messages.$inferSelect;

export type NewMessage = {
  channel: Channel;
  recipient: string;
  template: string;
  locale: MessageLanguage;
  /** The template's data. Fields the template declares secret are kept apart and masked in the stored data. */
  data?: Record<string, unknown>;
  subjectType?: SubjectType;
  subjectId?: number;
  /** Same key twice = one message. Default: a fresh key. */
  idempotencyKey?: string;
  /** Not before (e.g. quiet hours). */
  notBefore?: Date;
};

export function enqueue(m: NewMessage, tx: Tx = db()): number | null {
  const { data, secrets } = splitMessageData(m.template, m.data ?? {});
  const row = tx
    .insert(messages)
    .values({
      channel: m.channel,
      recipient: m.recipient,
      template: m.template,
      locale: m.locale,
      data,
      secrets,
      subjectType: m.subjectType ?? null,
      subjectId: m.subjectId ?? null,
      idempotencyKey: m.idempotencyKey ?? `${m.template}:${randomUUID()}`,
      nextAttemptAt: (m.notBefore ?? now()).toISOString(),
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id })
    .get();
  return row?.id ?? null;
}

/**
 * Cancels messages still waiting under these idempotency keys (a reminder of a meeting that moved or was cancelled).
 * A message already being sent or sent is left alone. Returns how many were cancelled.
 */
export function cancelQueued(keys: string[], reason: string, tx: Tx = db()): number {
  if (!keys.length) return 0;
  return tx
    .update(messages)
    .set({ status: "cancelled", lastError: reason })
    .where(and(inArray(messages.idempotencyKey, keys), eq(messages.status, "queued")))
    .run().changes;
}

/* ------------------------------------------------------------------ claims and leases */

/** This process as a sender. */
export const SENDER = senderIdentity(hostname(), process.pid, randomUUID().slice(0, 8));

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // it exists, it is just not ours
  }
}

const leaseEnd = () => new Date(now().getTime() + LEASE_MS).toISOString();
/** Conditions that hold while this process owns a `sending` row. */
const ours = (id: number) =>
  and(eq(messages.id, id), eq(messages.status, "sending"), eq(messages.claimedBy, SENDER.id));

export const INTERRUPTED_ERROR = "interrupted after hand-off to the provider";

/**
 * Takes back rows whose claimer is gone (dead on this machine, or its lease ran out). A row never handed to the
 * provider goes back to the queue. A handed-off row goes back only when the transport that had it deduplicates by
 * our key (it will get the same key and bytes); otherwise it is held: it may have been delivered.
 */
export function recoverStuck(d: Db = db()): number {
  const t = now().toISOString();
  const sending = d
    .select({
      id: messages.id,
      handedOffAt: messages.handedOffAt,
      transport: messages.transport,
      claimedBy: messages.claimedBy,
      leaseUntil: messages.leaseUntil,
    })
    .from(messages)
    .where(eq(messages.status, "sending"))
    .all();
  let n = 0;
  for (const r of sending) {
    const expired = !r.leaseUntil || r.leaseUntil <= t;
    if (!expired && !claimerGone(r.claimedBy, SENDER, pidAlive)) continue;
    const requeue = !r.handedOffAt || isIdempotentTransport(r.transport);
    const same = and(
      eq(messages.id, r.id),
      eq(messages.status, "sending"),
      r.claimedBy ? eq(messages.claimedBy, r.claimedBy) : sql`${messages.claimedBy} is null`,
      r.leaseUntil ? eq(messages.leaseUntil, r.leaseUntil) : sql`${messages.leaseUntil} is null`,
    );
    // A claim that never reached the provider was no attempt: it is given back.
    const refund = r.handedOffAt ? {} : { attempts: sql`max(${messages.attempts} - 1, 0)` };
    const changed = d
      .update(messages)
      .set(
        requeue
          ? {
              ...refund,
              status: "queued",
              claimedBy: null,
              leaseUntil: null,
              handedOffAt: null,
              nextAttemptAt: t,
              lastError: r.handedOffAt
                ? `${INTERRUPTED_ERROR}; sent again with the same key`
                : "recovered: never handed to the provider",
            }
          : { status: "held", claimedBy: null, leaseUntil: null, lastError: `${INTERRUPTED_ERROR}; ${HELD_ERROR}` },
      )
      .where(same)
      .run().changes;
    n += changed;
    if (changed)
      log.warn("outbox took back a message from a sender that is gone", {
        messageId: r.id,
        outcome: requeue ? "queued" : "held",
        leaseExpired: expired,
      });
  }
  return n;
}

/** Claims up to `limit` due rows in one write transaction, under this process's lease: no two senders get a row. */
export function claimDue(limit = 20, d: Db = db()) {
  const t = now().toISOString();
  return d.$client
    .transaction(() => {
      const due = d
        .select({ id: messages.id })
        .from(messages)
        // The literal (not a parameter) lets SQLite use the partial index of queued rows (messages_due_idx).
        .where(and(sql`${messages.status} = 'queued'`, lte(messages.nextAttemptAt, t)))
        .orderBy(asc(messages.nextAttemptAt), asc(messages.id))
        .limit(limit)
        .all();
      if (!due.length) return [];
      return d
        .update(messages)
        .set({
          status: "sending",
          claimedAt: t,
          claimedBy: SENDER.id,
          leaseUntil: leaseEnd(),
          handedOffAt: null,
          attempts: sql`${messages.attempts} + 1`,
        })
        .where(
          and(
            inArray(
              messages.id,
              due.map((r) => r.id),
            ),
            eq(messages.status, "queued"),
          ),
        )
        .returning()
        .all();
    })
    .immediate();
}

/** Extends this process's leases (the heartbeat of a live sender). */
export function renewLeases(d: Db = db()): number {
  return d
    .update(messages)
    .set({ leaseUntil: leaseEnd() })
    .where(and(eq(messages.status, "sending"), eq(messages.claimedBy, SENDER.id)))
    .run().changes;
}

/** Gives back this process's claims that were never handed off (a clean shutdown). */
export function releaseClaims(d: Db = db()): number {
  return d
    .update(messages)
    .set({ status: "queued", claimedBy: null, leaseUntil: null, attempts: sql`${messages.attempts} - 1` })
    .where(and(eq(messages.status, "sending"), eq(messages.claimedBy, SENDER.id), sql`${messages.handedOffAt} is null`))
    .run().changes;
}

/* ------------------------------------------------------------------ rendering */

type RenderMode = "send" | "history";

/**
 * Renders a message. For the real send the secrets are filled in and a fresh opt-out link is made (once: the result
 * becomes the payload). For the history view the data stays masked and the opt-out link is shown masked.
 */
async function render(
  m: Pick<Row, "template" | "locale" | "channel" | "subjectType" | "subjectId" | "data" | "secrets">,
  mode: RenderMode,
  d: Db,
): Promise<Rendered & { unsubscribeUrl: string | null }> {
  // A citizen can always object: emails carry the opt-out link, SMS the number to send STOP to (when we have one).
  const menteeId = m.subjectType === "mentee" ? m.subjectId : null;
  const unsubscribeUrl =
    m.channel === "email" && menteeId
      ? mode === "send"
        ? optOutUrl({ type: "mentee", id: menteeId })
        : absoluteUrl(`/afmeld/${SECRET_MASK}`)
      : null;
  const smsStopNumber = m.channel === "sms" && menteeId ? (config().SMS_STOP_NUMBER ?? null) : null;
  const data = mode === "send" ? { ...m.data, ...(m.secrets ?? {}) } : m.data;
  const rendered = await renderMessage(m.template, m.locale, data, m.channel, {
    overrides: overridesFor(m.template, d),
    unsubscribeUrl,
    smsStopNumber,
  });
  return { ...rendered, unsubscribeUrl };
}

/**
 * The columns staff may see of a message: never `secrets` or `payload` (live links only the recipient may use). Every
 * staff read of messages (pages, exports) selects these.
 */
export const staffMessageColumns = {
  id: messages.id,
  channel: messages.channel,
  recipient: messages.recipient,
  subjectType: messages.subjectType,
  subjectId: messages.subjectId,
  template: messages.template,
  locale: messages.locale,
  data: messages.data,
  status: messages.status,
  attempts: messages.attempts,
  nextAttemptAt: messages.nextAttemptAt,
  handedOffAt: messages.handedOffAt,
  lastError: messages.lastError,
  transport: messages.transport,
  providerId: messages.providerId,
  idempotencyKey: messages.idempotencyKey,
  sentAt: messages.sentAt,
  deliveredAt: messages.deliveredAt,
  createdAt: messages.createdAt,
  updatedAt: messages.updatedAt,
};

export type HistoryView =
  { subject: string; text: string; html: string | null; editedSince: boolean } | { error: string };

/**
 * A message as staff may see it, rendered again from its template, data and language with every secret masked (the
 * bodies as sent are not kept). `editedSince`: the template's text was edited after the message went out.
 */
export async function renderForHistory(
  m: Pick<Row, "template" | "locale" | "channel" | "subjectType" | "subjectId" | "data" | "sentAt" | "createdAt">,
  d: Db = db(),
): Promise<HistoryView> {
  try {
    const r = await render({ ...m, data: maskAll(m.data), secrets: null }, "history", d);
    const since = m.sentAt ?? m.createdAt;
    const edited =
      d
        .select({ n: sql<number>`count(*)` })
        .from(messageTemplates)
        .where(and(eq(messageTemplates.templateKey, m.template), gt(messageTemplates.updatedAt, since)))
        .get()?.n ?? 0;
    return { subject: r.subject, text: r.text, html: r.html, editedSince: edited > 0 };
  } catch (e) {
    return { error: e instanceof Error ? e.message : "render failed" };
  }
}

/** Defence in depth: any live link that reached the stored data (an old row, a bug) is masked before rendering. */
function maskAll(data: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return containsLiveLink(v) ? maskSecret(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(data) as Record<string, unknown>;
}

/* ------------------------------------------------------------------ one attempt */

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

/** A person asks to send a failed or held message again: a fresh series of attempts with the same bytes and key. */
export function retryMessage(id: number, d: Db = db()): boolean {
  return (
    d
      .update(messages)
      .set({ status: "queued", nextAttemptAt: now().toISOString(), lastError: null, attempts: 0, handedOffAt: null })
      .where(and(eq(messages.id, id), inArray(messages.status, ["failed", "held"])))
      .run().changes === 1
  );
}

/** A person checked with the provider that a held message did arrive. */
export function confirmHeldSent(id: number, d: Db = db()): boolean {
  return (
    d
      .update(messages)
      .set({
        status: "sent",
        sentAt: now().toISOString(),
        lastError: "confirmed by a person after checking with the provider",
      })
      .where(and(eq(messages.id, id), eq(messages.status, "held")))
      .run().changes === 1
  );
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
