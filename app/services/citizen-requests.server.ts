/**
 * What a citizen asks on their page (issue 21), each in one transaction with the access-log entry as the citizen's:
 * to be called (the coordinators get an email), and a change of phone number or message language confirmed by a code
 * to the number that will be used. And the coordinator's side of the calls asked for.
 */
import { randomInt, timingSafeEqual } from "node:crypto";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { callRequests, citizenContactChanges, mentees } from "../../db/schema";
import { db, type Db } from "../db.server";
import { sha256 } from "../auth/tokens.server";
import { CODE_MAX_PER_WINDOW, CODE_WINDOW_MINUTES, codeExpiry, contactCodeState } from "../domain/citizen-link";
import type { MessageLanguage } from "../domain/enums";
import { enqueue } from "../messaging/outbox.server";
import { now, nowIso } from "../utils/clock";
import { audit } from "./audit.server";
import { resolve } from "./citizen-links.server";
import { coordinatorsToNotify, menteeChannel, menteeContact } from "../messaging/recipients.server";
import { absoluteUrl, fail, ok, transaction, type Actor, type Result, type Tx } from "./kernel.server";

const CITIZEN = { id: null, role: "citizen" } as const;

/**
 * Why a citizen's request was refused. The messages are keys of the citizen page's own copy (`citizenPageCopy[l].errors`,
 * in the citizen's language, decision 018), not of the staff's i18n files: the link is closed, a call is already
 * asked for, nothing changed, too many codes, no way to send one (beside the phone), a wrong or spent code.
 */
type CitizenRefusal =
  "link" | "already" | "nothing_changed" | "too_many" | "no_channel" | "wrong_code" | "code_expired";
const refuse = (reason: CitizenRefusal, field?: "phone" | "code") => fail(reason, field);
/** The refusal of a request on a closed, expired or unknown link (the page answers 410). */
export const LINK_CLOSED: CitizenRefusal = "link";

function withOpenLink<T>(token: string, fn: (t: Tx, menteeId: number) => Result<T>): Result<T> {
  return transaction((t) => {
    const r = resolve(token, t);
    if (r.state !== "open") return refuse("link");
    return fn(t, r.menteeId);
  });
}

/** "Call me": one open request at a time; the coordinators get an email (no personal data, a link to the citizen). */
export function requestCall(token: string): Result {
  return withOpenLink(token, (t, menteeId) => {
    const open = t
      .select({ id: callRequests.id })
      .from(callRequests)
      .where(and(eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
      .get();
    if (open) return refuse("already");
    const row = t.insert(callRequests).values({ menteeId }).returning({ id: callRequests.id }).get();
    for (const u of coordinatorsToNotify(t)) {
      enqueue(
        {
          channel: "email",
          recipient: u.email,
          template: "citizen_call_request",
          locale: u.locale,
          subjectType: "user",
          subjectId: u.id,
          data: { menteeId, url: absoluteUrl(`/koordinator/mentees/${menteeId}`) },
          idempotencyKey: `call-request:${row.id}:user:${u.id}`,
        },
        t,
      );
    }
    audit(CITIZEN, "create", "call_request", row.id, { menteeId }, t);
    return ok();
  });
}

const codeHash = (changeId: number, code: string) => sha256(`citizen-contact:${changeId}:${code}`);

/**
 * Starts a change of phone number and/or message language: a code goes to the number that will be used (the new one,
 * else the current one; email when there is no number), in the language that will be used. Nothing changes until the
 * code is typed back. At most CODE_MAX_PER_WINDOW codes per citizen per hour.
 */
export function startContactChange(
  token: string,
  input: { phone?: string; language?: MessageLanguage },
): Result<{ changeId: number }> {
  return withOpenLink(token, (t, menteeId): Result<{ changeId: number }> => {
    const m = menteeContact(t, menteeId);
    const newPhone = input.phone && input.phone !== m.phone ? input.phone : null;
    const newLanguage = input.language && input.language !== m.language ? input.language : null;
    if (!newPhone && !newLanguage) return refuse("nothing_changed", "phone");
    const since = new Date(now().getTime() - CODE_WINDOW_MINUTES * 60_000).toISOString();
    const recent = t
      .select({ n: sql<number>`count(*)` })
      .from(citizenContactChanges)
      .where(and(eq(citizenContactChanges.menteeId, menteeId), gt(citizenContactChanges.createdAt, since)))
      .get()!.n;
    if (recent >= CODE_MAX_PER_WINDOW) return refuse("too_many", "phone");
    const to = newPhone ? { channel: "sms" as const, recipient: newPhone } : menteeChannel(m);
    if (!to) return refuse("no_channel", "phone");
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const row = t
      .insert(citizenContactChanges)
      .values({ menteeId, newPhone, newLanguage, codeHash: "pending", expiresAt: codeExpiry(now()) })
      .returning({ id: citizenContactChanges.id })
      .get();
    t.update(citizenContactChanges)
      .set({ codeHash: codeHash(row.id, code) })
      .where(eq(citizenContactChanges.id, row.id))
      .run();
    enqueue(
      {
        ...to,
        template: "citizen_contact_code",
        locale: newLanguage ?? m.language,
        subjectType: "mentee",
        subjectId: menteeId,
        data: { code },
        idempotencyKey: `contact-change:${row.id}`,
      },
      t,
    );
    audit(
      CITIZEN,
      "create",
      "contact_change",
      row.id,
      { menteeId, fields: [newPhone ? "phone" : null, newLanguage ? "language" : null].filter(Boolean) },
      t,
    );
    return ok({ changeId: row.id });
  });
}

/** Confirms a change with its code (CODE_MAX_ATTEMPTS tries), then applies it to the citizen's record. */
export function confirmContactChange(token: string, changeId: number, code: string): Result {
  return withOpenLink(token, (t, menteeId) => {
    const c = t
      .select()
      .from(citizenContactChanges)
      .where(and(eq(citizenContactChanges.id, changeId), eq(citizenContactChanges.menteeId, menteeId)))
      .get();
    if (!c || contactCodeState(c, now()) !== "open") return refuse("code_expired", "code");
    const want = Buffer.from(c.codeHash);
    const got = Buffer.from(codeHash(c.id, code.trim()));
    if (want.length !== got.length || !timingSafeEqual(want, got)) {
      t.update(citizenContactChanges)
        .set({ attempts: c.attempts + 1 })
        .where(eq(citizenContactChanges.id, c.id))
        .run();
      return refuse("wrong_code", "code");
    }
    t.update(citizenContactChanges).set({ confirmedAt: nowIso() }).where(eq(citizenContactChanges.id, c.id)).run();
    t.update(mentees)
      .set({ ...(c.newPhone ? { phone: c.newPhone } : {}), ...(c.newLanguage ? { language: c.newLanguage } : {}) })
      .where(eq(mentees.id, menteeId))
      .run();
    audit(
      CITIZEN,
      "update",
      "mentee",
      menteeId,
      { via: "citizen_page", fields: [c.newPhone ? "phone" : null, c.newLanguage ? "language" : null].filter(Boolean) },
      t,
    );
    return ok();
  });
}

/* ------------------------------------------------------------------ the coordinator's side */

export function openCallRequests(menteeId: number, d: Db = db()) {
  return d
    .select({ id: callRequests.id, requestedAt: callRequests.requestedAt })
    .from(callRequests)
    .where(and(eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
    .orderBy(asc(callRequests.id))
    .all();
}

/** The coordinator has called back. Refused when the request is not the citizen's, or is handled already. */
export function markCallHandled(actor: Actor, menteeId: number, id: number, d: Db = db()): Result {
  const changed =
    d
      .update(callRequests)
      .set({ handledAt: nowIso(), handledBy: actor.id })
      .where(and(eq(callRequests.id, id), eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
      .run().changes === 1;
  if (!changed) return fail("between.citizen.callGone");
  audit(actor, "update", "call_request", id, { menteeId, handled: true }, d);
  return ok();
}
