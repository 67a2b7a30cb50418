/**
 * Referrals (henvisninger), the acts: a caseworker refers a citizen of their own municipality (possible duplicates are
 * shown first) and may withdraw a referral before the course starts. The caseworker's lists and the record are
 * `referral-reads.server.ts`; the coordinator's queue of waiting citizens is `waiting-queue.server.ts`. Every function
 * a caseworker can reach takes the scope, and every query filters by it.
 */
import { and, eq, inArray } from "drizzle-orm";
import { consents, courses, matchRequests, mentees, messages, municipalities } from "../../db/schema";
import { db } from "../db.server";
import type { Scope } from "./kernel.server";
import type { MenteeStatus } from "../domain/enums";
import { canWithdraw, duplicateKey } from "../domain/referrals";
import type { ReferralInput } from "../schemas/referral";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { issueCitizenLink } from "./citizen-links.server";
import { nowIso, today } from "../utils/clock";
import { fail, ok, scopedMunicipality, scopeWhere, transaction, type Actor, type Result } from "./kernel.server";
import { mustChangeStatus } from "./status.server";
import { orNull, pick } from "../utils/sql";

export const WELCOME_TEMPLATE = "mentee_welcome";

/* ------------------------------------------------------------------ duplicates */

/** Referrals in the same municipality with the same name, birth year and phone (normalised). */
export function findPossibleDuplicates(
  municipalityCode: number,
  probe: { firstName: string; lastName: string; birthYear: number; phone?: string | null },
) {
  const key = duplicateKey(probe);
  if (!key) return [];
  const candidates = db()
    .select({
      id: mentees.id,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
      birthYear: mentees.birthYear,
      phone: mentees.phone,
      status: mentees.status,
      referredAt: mentees.referredAt,
    })
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, municipalityCode), eq(mentees.birthYear, probe.birthYear)))
    .all();
  return candidates
    .filter((c) => duplicateKey(c) === key)
    .map(({ id, status, referredAt }) => ({ id, status, referredAt }));
}

/* ------------------------------------------------------------------ create */

/** A citizen already referred who may be the same person. */
export type PossibleDuplicate = { id: number; status: MenteeStatus; referredAt: string };
/** The new citizen's id; a refusal says why, and a possible duplicate comes with the citizens it may be. */
export type CreateResult = Result<{ id: number }> & { duplicates?: PossibleDuplicate[] };
/** Nothing saved: the citizen may be referred already, and the caseworker must confirm "save anyway" (409). */
export const REFERRAL_DUPLICATE = "referrals.form.duplicateTitle";
/** Only a partner municipality refers citizens (403). */
export const REFERRAL_NOT_PARTNER = "referrals.form.notPartner";

/**
 * Saves a referral: the citizen, their consents (purpose, text version, date, who recorded it), the first status
 * change, the access-log entry and the welcome message in the outbox, all in one transaction. A possible duplicate
 * is refused unless the caseworker confirmed "save anyway".
 */
export function createReferral(actor: Actor, scope: Scope, input: ReferralInput): CreateResult {
  const code = scopedMunicipality(scope, null);
  if (code == null) throw new Error("Only a caseworker refers citizens");
  const d = db();
  const muni = d.select().from(municipalities).where(eq(municipalities.code, code)).get();
  if (!muni?.isPartner) return fail(REFERRAL_NOT_PARTNER);
  const duplicates = findPossibleDuplicates(code, input);
  if (duplicates.length && !input.confirmDuplicate) return { ...fail(REFERRAL_DUPLICATE), duplicates };

  const at = nowIso();
  const givenAt = input.consentDate === today() ? at : `${input.consentDate}T12:00:00.000Z`;
  const id = transaction((tx) => {
    const m = tx
      .insert(mentees)
      .values({
        municipalityCode: code,
        referredBy: actor.id,
        ...pick(input, ["firstName", "lastName", "birthYear", "preferredChannel", "language"]),
        ...orNull(input, ["gender", "phone", "email"]),
        ...pick(input, ["group", "jobReady", "danishLevel", "englishLevel"]),
        danishModule: input.danishModule ?? null,
        languages: [input.language],
        educationLevel: input.educationLevel,
        educationField: input.educationField || null,
        educationCountry: input.educationCountry || null,
        experience: input.experience.map((e) => ({
          title: e.title,
          years: e.years,
          industryCode: e.industryCode ?? null,
        })),
        wishedIndustryCodes: input.wishedIndustryCodes,
        wishedOccupation: input.wishedOccupation || null,
        goals: input.goals,
        availability: input.availability || null,
        drivingLicence: input.drivingLicence,
        mentorGenderPreference: input.mentorGenderPreference,
        needsConsideration: input.needsConsideration,
        status: "waiting",
        referredAt: at,
      })
      .returning({ id: mentees.id })
      .get();
    for (const purpose of input.consentPurposes) {
      tx.insert(consents)
        .values({
          subjectType: "mentee",
          subjectId: m.id,
          purpose,
          textVersion: input.consentVersion,
          givenAt,
          recordedBy: actor.id,
        })
        .run();
    }
    mustChangeStatus(tx, {
      entity: "mentee",
      id: m.id,
      from: null,
      to: "waiting",
      reason: "referred",
      actor,
      at,
      audit: false,
    });
    audit(
      actor,
      "create",
      "mentee",
      m.id,
      duplicates.length ? { possibleDuplicateOf: duplicates.map((x) => x.id) } : undefined,
      tx,
    );
    const recipient = input.preferredChannel === "sms" ? input.phone! : input.email!;
    enqueue(
      {
        channel: input.preferredChannel,
        recipient,
        template: WELCOME_TEMPLATE,
        locale: input.language,
        data: { firstName: input.firstName, pageUrl: issueCitizenLink(tx, m.id) },
        subjectType: "mentee",
        subjectId: m.id,
        idempotencyKey: `${WELCOME_TEMPLATE}:${m.id}`,
      },
      tx,
    );
    return m.id;
  });
  return ok({ id });
}

/**
 * Withdraws a referral before the course starts: the citizen becomes "withdrawn" with the reason, a proposed or
 * approved course is ended, and queued messages to the citizen are cancelled. One transaction. Null if the citizen is not in scope; a failure
 * (`referrals.detail.withdrawNotAllowed`) once the course has started.
 */
export function withdrawReferral(scope: Scope, id: number, reason: string, actor: Actor): Result | null {
  return transaction((tx) => {
    const m = tx
      .select({ id: mentees.id, status: mentees.status })
      .from(mentees)
      .where(and(eq(mentees.id, id), scopeWhere(scope, mentees.municipalityCode)))
      .get();
    if (!m) return null;
    if (!canWithdraw(m.status)) return fail("referrals.detail.withdrawNotAllowed");
    mustChangeStatus(tx, {
      entity: "mentee",
      id,
      from: m.status,
      to: "withdrawn",
      reason,
      actor,
      set: { withdrawnReason: reason },
    });
    const open = tx
      .select({ id: courses.id, status: courses.status })
      .from(courses)
      .where(and(eq(courses.menteeId, id), inArray(courses.status, ["proposed", "approved"])))
      .all();
    for (const c of open) {
      mustChangeStatus(tx, {
        entity: "course",
        id: c.id,
        from: c.status,
        to: "ended_early",
        reason: "mentee_withdrew",
        actor,
        set: { endedOn: today(), endReason: "mentee_withdrew" },
      });
    }
    // A mentor still being asked about the citizen is asked no more (issue 19): the request is withdrawn, not expired,
    // so the pair is not excluded and no coordinator is told that the mentor failed to answer.
    const asked = tx
      .select({ id: matchRequests.id })
      .from(matchRequests)
      .where(and(eq(matchRequests.menteeId, id), eq(matchRequests.status, "requested")))
      .all();
    for (const r of asked) {
      mustChangeStatus(tx, {
        entity: "match_request",
        id: r.id,
        from: "requested",
        to: "withdrawn",
        reason: "mentee_withdrew",
        actor,
        set: { handledAt: nowIso() },
      });
    }
    tx.update(messages)
      .set({ status: "cancelled", lastError: "referral withdrawn" })
      .where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id), eq(messages.status, "queued")))
      .run();
    return ok();
  });
}
