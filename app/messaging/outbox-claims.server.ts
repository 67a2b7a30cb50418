/**
 * The outbox's claims (decision 003): the sender takes due rows under a lease in one write transaction, renews its
 * leases while alive, gives back what it did not hand off when it stops, and takes back rows whose claimer is gone.
 */
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { messages } from "../../db/schema";
import { db, type Db } from "../db.server";
import { claimerGone, HELD_ERROR, LEASE_MS, senderIdentity } from "../domain/outbox";
import { isIdempotentTransport } from "./transports/index.server";
import { now } from "../utils/clock";
import { log } from "../utils/logger.server";
import { transaction } from "../services/kernel.server";

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
export const ours = (id: number) =>
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
  return transaction((tx) => {
    const due = tx
      .select({ id: messages.id })
      .from(messages)
      // The literal (not a parameter) lets SQLite use the partial index of queued rows (messages_due_idx).
      .where(and(sql`${messages.status} = 'queued'`, lte(messages.nextAttemptAt, t)))
      .orderBy(asc(messages.nextAttemptAt), asc(messages.id))
      .limit(limit)
      .all();
    if (!due.length) return [];
    return tx
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
  }, d);
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
