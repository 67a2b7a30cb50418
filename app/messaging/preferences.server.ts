/**
 * Who does not want messages. A mentee can opt out of email (the link in every email → /afmeld/$token) and of SMS
 * (replying STOP, or the same page); withdrawing the SMS consent also stops SMS. The sender asks `blockedReason`
 * before each send and cancels what may not go out.
 *
 * Opt-out links carry an opaque token: the person's type and id encrypted and authenticated with AES-256-GCM under a
 * key derived from SESSION_SECRET, so the URL shows no id and cannot be forged or altered.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { consents, mentees, messages } from "../../db/schema";
import { config } from "../config.server";
import { db, type Db } from "../db.server";
import type { Channel } from "../domain/enums";
import { toMsisdn } from "../domain/phone";
import { nowIso } from "../utils/clock";
import { absoluteUrl, transaction } from "../services/kernel.server";

type Person = { type: "mentee"; id: number };

function key(): Buffer {
  return createHash("sha256").update(`mentorbro:opt-out:${config().SESSION_SECRET}`).digest();
}

export function optOutToken(p: Person): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(`${p.type}:${p.id}`, "utf8"), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
}

export function readOptOutToken(token: string): Person | null {
  try {
    if (!/^[A-Za-z0-9_-]{30,120}$/.test(token)) return null;
    const raw = Buffer.from(token, "base64url");
    if (raw.length < 12 + 16 + 3) return null;
    const decipher = createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
    const m = text.match(/^mentee:(\d+)$/);
    return m ? { type: "mentee", id: Number(m[1]) } : null;
  } catch {
    return null;
  }
}

export function optOutUrl(p: Person): string {
  return absoluteUrl(`/afmeld/${optOutToken(p)}`);
}

/** Why a message to this subject must not go out on this channel, or null when it may. */
export function blockedReason(
  subjectType: string | null,
  subjectId: number | null,
  channel: Channel,
  d: Db = db(),
): string | null {
  if (subjectType !== "mentee" || subjectId == null) return null;
  const m = d
    .select({ sms: mentees.smsOptOutAt, email: mentees.emailOptOutAt, anon: mentees.anonymisedAt })
    .from(mentees)
    .where(eq(mentees.id, subjectId))
    .get();
  if (!m) return null;
  if (m.anon) return "person erased";
  if (channel === "email" && m.email) return "opted out of email";
  if (channel === "sms") {
    if (m.sms) return "opted out of SMS";
    const latest = d
      .select({ withdrawnAt: consents.withdrawnAt })
      .from(consents)
      .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, subjectId), eq(consents.purpose, "sms")))
      .orderBy(desc(consents.givenAt), desc(consents.id))
      .get();
    if (latest?.withdrawnAt) return "SMS consent withdrawn";
  }
  return null;
}

export type OptOutState = { smsOptOutAt: string | null; emailOptOutAt: string | null; language: string };

export function optOutState(p: Person, d: Db = db()): OptOutState | null {
  const m = d
    .select({
      smsOptOutAt: mentees.smsOptOutAt,
      emailOptOutAt: mentees.emailOptOutAt,
      language: mentees.language,
      anon: mentees.anonymisedAt,
    })
    .from(mentees)
    .where(eq(mentees.id, p.id))
    .get();
  if (!m || m.anon) return null;
  return { smsOptOutAt: m.smsOptOutAt, emailOptOutAt: m.emailOptOutAt, language: m.language };
}

/** Records an opt-out and cancels what is still waiting on those channels. Idempotent (keeps the first time). */
export function optOut(p: Person, channelsToStop: readonly Channel[], reason: string, d: Db = db()): boolean {
  if (!channelsToStop.length) return false;
  return transaction((tx) => {
    const m = tx
      .select({ id: mentees.id, sms: mentees.smsOptOutAt, email: mentees.emailOptOutAt })
      .from(mentees)
      .where(eq(mentees.id, p.id))
      .get();
    if (!m) return false;
    const t = nowIso();
    tx.update(mentees)
      .set({
        ...(channelsToStop.includes("sms") && !m.sms ? { smsOptOutAt: t } : {}),
        ...(channelsToStop.includes("email") && !m.email ? { emailOptOutAt: t } : {}),
      })
      .where(eq(mentees.id, p.id))
      .run();
    tx.update(messages)
      .set({ status: "cancelled", lastError: reason })
      .where(
        and(
          eq(messages.subjectType, "mentee"),
          eq(messages.subjectId, p.id),
          inArray(messages.channel, [...channelsToStop]),
          inArray(messages.status, ["queued", "failed"]),
        ),
      )
      .run();
    return true;
  }, d);
}

/** Opts back in (a coordinator, when the person asks). */
export function optIn(p: Person, channel: Channel, d: Db = db()): void {
  d.update(mentees)
    .set(channel === "sms" ? { smsOptOutAt: null } : { emailOptOutAt: null })
    .where(eq(mentees.id, p.id))
    .run();
}

/** Mentees whose phone is this MSISDN (an inbound "STOP" comes with the sender's number only). */
export function menteesByMsisdn(msisdn: string, d: Db = db()): number[] {
  const want = toMsisdn(msisdn);
  if (!want) return [];
  return d
    .select({ id: mentees.id, phone: mentees.phone })
    .from(mentees)
    .where(isNotNull(mentees.phone))
    .all()
    .filter((m) => m.phone && toMsisdn(m.phone) === want)
    .map((m) => m.id);
}

/** The words that stop SMS when texted back (Danish, English and the common variants). */
export function isStopKeyword(text: string): boolean {
  return /^(stop|stopp|afmeld|unsubscribe|stop all|stopall|end|quit|cancel)[.!]?$/i.test(text.trim());
}
