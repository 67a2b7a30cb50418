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
 *
 * This module is the outbox's door for use cases: `enqueue` (in the caller's transaction), `cancelQueued`, and the
 * two acts of a person on a failed or held message. The rest lives beside it, one responsibility a module:
 * outbox-claims.server.ts (claims, leases, recovery), outbox-render.server.ts (rendering, the staff's history view),
 * outbox-sender.server.ts (one attempt, the sender loop).
 */
import { and, eq, inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Channel, MessageLanguage, SubjectType } from "../domain/enums";
import { splitMessageData, type TemplateData, type TemplateKey } from "../../emails";
import { now } from "../utils/clock";

type Tx = Pick<Db, "insert" | "select" | "update">;

/** A message to queue: who gets it how, which template, and that template's data (typed per template). */
export type NewMessage<K extends TemplateKey = TemplateKey> = {
  channel: Channel;
  recipient: string;
  template: K;
  locale: MessageLanguage;
  /** The template's data. Fields the template declares secret are kept apart and masked in the stored data. */
  data: TemplateData<K>;
  subjectType?: SubjectType;
  subjectId?: number;
  /** Same key twice = one message. Default: a fresh key. */
  idempotencyKey?: string;
  /** Not before (e.g. quiet hours). */
  notBefore?: Date;
};

export function enqueue<K extends TemplateKey>(m: NewMessage<K>, tx: Tx = db()): number | null {
  const { data, secrets } = splitMessageData(m.template, (m.data ?? {}) as Record<string, unknown>);
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
