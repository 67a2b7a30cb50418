/**
 * The citizen's personal links (issue 21): a random token stored only as its SHA-256 in verification_tokens (purpose
 * `citizen_page`): issued for a message, sent on request, revoked, counted for the coordinator (never shown), and
 * resolved to the state of its page by the rules of app/domain/citizen-link.ts.
 */
import { runningCourseStatuses } from "../domain/enums";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { courses, mentees, verificationTokens } from "../../db/schema";
import { db, type Db } from "../db.server";
import { sha256, tokenWhere } from "../auth/tokens.server";
import { citizenLinkState, linkExpiry, type LinkState } from "../domain/citizen-link";
import type { MessageLanguage } from "../domain/enums";
import { enqueue } from "../messaging/outbox.server";
import { now, nowIso, today } from "../utils/clock";
import { audit } from "./audit.server";
import { menteeChannel, menteeContact } from "../messaging/recipients.server";
import { absoluteUrl, fail, ok, transaction, type Actor, type Result, type Tx } from "./kernel.server";

/** 128 random bits: enough against guessing, short enough for an SMS (22 characters). */
const TOKEN_BYTES = 16;
/** The course statuses in which a citizen's course is running. */

/** Makes a new personal link for a citizen (in the caller's transaction) and returns its URL, for a message's `pageUrl`. */
export function issueCitizenLink(t: Tx, menteeId: number): string {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  t.insert(verificationTokens)
    .values({
      purpose: "citizen_page",
      tokenHash: sha256(token),
      subjectType: "mentee",
      subjectId: menteeId,
      expiresAt: linkExpiry(now()),
    })
    .run();
  return absoluteUrl(`/mig/${token}`);
}

/** A citizen's page links not yet revoked (nor used up). */
const unrevoked = (menteeId: number) =>
  and(
    eq(verificationTokens.purpose, "citizen_page"),
    eq(verificationTokens.subjectType, "mentee"),
    eq(verificationTokens.subjectId, menteeId),
    isNull(verificationTokens.usedAt),
  );

/** Ends every live link of a citizen (a lost phone, a link that reached someone else). Returns how many. */
export function revokeCitizenLinks(t: Tx, menteeId: number): number {
  return t.update(verificationTokens).set({ usedAt: nowIso() }).where(unrevoked(menteeId)).run().changes;
}

/**
 * Sends a citizen a fresh link to their page (SMS or email, their channel). `replace` ends the older links first (the
 * coordinator's "the link went astray"). Refused (`between.citizen.cannotSend`) when the citizen cannot be reached or
 * has no page any more.
 */
export function sendCitizenLink(
  actor: Actor | null,
  menteeId: number,
  opts: { replace?: boolean; via: "coordinator" | "sms" },
  d: Db = db(),
): Result {
  return transaction((t) => {
    const m = t
      .select({ status: mentees.status, anonymisedAt: mentees.anonymisedAt })
      .from(mentees)
      .where(eq(mentees.id, menteeId))
      .get();
    const contact = m && !m.anonymisedAt && m.status !== "withdrawn" ? menteeContact(t, menteeId) : null;
    const to = contact && menteeChannel(contact);
    if (!contact || !to) return fail("between.citizen.cannotSend");
    if (opts.replace) revokeCitizenLinks(t, menteeId);
    const pageUrl = issueCitizenLink(t, menteeId);
    enqueue(
      {
        ...to,
        template: "citizen_page_link",
        locale: contact.language,
        subjectType: "mentee",
        subjectId: menteeId,
        data: { pageUrl },
      },
      t,
    );
    audit(
      actor,
      "update",
      "mentee",
      menteeId,
      { action: "citizen_page_link_sent", via: opts.via, replaced: Boolean(opts.replace) },
      t,
    );
    return ok();
  }, d);
}

export type Resolved = { state: LinkState; menteeId: number; language: MessageLanguage; tokenId: number };

/** What a token leads to, without reading anything else. Unknown tokens are `invalid` (nothing revealed). */
export function resolve(token: string, d: Db): Resolved | { state: "invalid" } {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { state: "invalid" };
  const row = d
    .select({
      token: verificationTokens,
      mentee: {
        id: mentees.id,
        language: mentees.language,
        status: mentees.status,
        anonymisedAt: mentees.anonymisedAt,
      },
    })
    .from(verificationTokens)
    .innerJoin(mentees, eq(mentees.id, verificationTokens.subjectId))
    .where(tokenWhere(token, "citizen_page", "mentee"))
    .get();
  if (!row) return { state: "invalid" };
  const last = d
    .select({ status: courses.status, endedOn: courses.endedOn })
    .from(courses)
    .where(eq(courses.menteeId, row.mentee.id))
    .orderBy(desc(courses.id))
    .limit(1)
    .get();
  const state = citizenLinkState(
    {
      expiresAt: row.token.expiresAt,
      revokedAt: row.token.usedAt,
      anonymised: Boolean(row.mentee.anonymisedAt),
      menteeStatus: row.mentee.status,
      courseEndedOn: last?.endedOn ?? null,
      courseRunning: !!last && (runningCourseStatuses as readonly string[]).includes(last.status),
    },
    now(),
    today(),
  );
  return { state, menteeId: row.mentee.id, language: row.mentee.language, tokenId: row.token.id };
}

/** The language of a link's page even when it no longer opens (to say so in the citizen's language). */
export function languageOfToken(token: string, d: Db = db()): MessageLanguage {
  const r = resolve(token, d);
  return r.state === "invalid" ? "da" : r.language;
}

/** How many live links a citizen has (the coordinator's page says so, never the links). */
export function liveLinkCount(menteeId: number, d: Db = db()): number {
  return d
    .select({ n: sql<number>`count(*)` })
    .from(verificationTokens)
    .where(and(unrevoked(menteeId), gt(verificationTokens.expiresAt, nowIso())))
    .get()!.n;
}
