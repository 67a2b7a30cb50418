/**
 * The volunteer's public journey: online sign-up, email verification (which also sets the password), the options the
 * sign-up and profile forms offer, and the purge of sign-ups never verified. Every write is one transaction; every
 * message goes through the outbox in that transaction. The coordinator's side is `mentor-screening.server.ts`, the
 * mentor's own pages `mentor-home.server.ts`.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { consents, mentors, municipalities, statusChanges, users, verificationTokens } from "../../db/schema";
import { db, type Db } from "../db.server";
import { industryDivisions, industrySections, type IndustryRef } from "../domain/industries";
import type { UiLocale } from "../domain/enums";
import { hashPassword } from "../auth/password.server";
import { hit } from "../auth/rate-limit.server";
import { addressKey } from "../auth/client-address";
import { newToken, openTokenWhere, sha256 } from "../auth/tokens.server";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { now, nowIso } from "../utils/clock";
import { MENTOR_CONSENT_VERSION, type MentorProfileInput, type VolunteerSignupInput } from "../schemas/volunteer";
import { absoluteUrl, fail, ok, transaction, type Result, type Tx } from "./kernel.server";
import { mustChangeStatus } from "./status.server";

const VERIFY_TTL_MS = 48 * 3600_000;

/* ------------------------------------------------------------------ sign-up and verification */

/** Too many sign-ups from one address, or for one email, in an hour: the page answers 429. */
export const SIGNUP_RATE_LIMITED = "volunteer.signup.rateLimited";
/** A verification link that is unknown, used, expired, or whose email has an account meanwhile. */
export const VERIFY_INVALID = "volunteer.verify.invalid";

function issueVerification(tx: Tx, mentor: { id: number; email: string; firstName: string; locale: UiLocale }) {
  const token = newToken();
  tx.update(verificationTokens)
    .set({ usedAt: nowIso() })
    .where(
      and(
        eq(verificationTokens.purpose, "email_verification"),
        eq(verificationTokens.subjectType, "mentor"),
        eq(verificationTokens.subjectId, mentor.id),
        isNull(verificationTokens.usedAt),
      ),
    )
    .run();
  tx.insert(verificationTokens)
    .values({
      purpose: "email_verification",
      tokenHash: sha256(token),
      subjectType: "mentor",
      subjectId: mentor.id,
      email: mentor.email,
      expiresAt: new Date(now().getTime() + VERIFY_TTL_MS).toISOString(),
    })
    .run();
  enqueue(
    {
      channel: "email",
      recipient: mentor.email,
      template: "mentor_verify",
      locale: mentor.locale,
      data: { name: mentor.firstName, url: absoluteUrl(`/bliv-mentor/bekraeft/${token}`) },
      subjectType: "mentor",
      subjectId: mentor.id,
    },
    tx,
  );
}

/**
 * Signs a volunteer up. The answer is the same whether the email is new or known, so the page reveals nothing:
 * a new address gets a verification link; an unverified one a fresh link; a known, verified one an email saying
 * what to do (log in or reset the password).
 */
export function signUpVolunteer(input: VolunteerSignupInput, locale: UiLocale, address: string): Result {
  if (
    !hit(`signup:ip:${addressKey(address)}`, 10, 60 * 60_000) ||
    !hit(`signup:email:${sha256(input.email)}`, 3, 60 * 60_000)
  ) {
    return fail(SIGNUP_RATE_LIMITED);
  }
  transaction((tx) => {
    const existing = tx.select().from(mentors).where(eq(mentors.email, input.email)).get();
    const existingUser = tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(eq(users.email, input.email))
      .get();
    if (existing && !existing.emailVerifiedAt && !existingUser) {
      issueVerification(tx, { ...existing, locale });
      return;
    }
    if (existing || existingUser) {
      enqueue(
        {
          channel: "email",
          recipient: input.email,
          template: "mentor_already_registered",
          locale,
          data: { loginUrl: absoluteUrl("/login"), resetUrl: absoluteUrl("/glemt-adgangskode") },
          subjectType: existing ? "mentor" : "user",
          subjectId: existing?.id ?? existingUser?.id,
        },
        tx,
      );
      return;
    }
    const mentor = tx
      .insert(mentors)
      .values({
        ...profileValues(input),
        email: input.email,
        status: "applied",
        locale,
        recruitmentSource: input.source ?? null,
      })
      .returning()
      .get();
    const at = nowIso();
    tx.insert(consents)
      .values([
        {
          subjectType: "mentor",
          subjectId: mentor.id,
          purpose: "mentor_data_processing",
          textVersion: MENTOR_CONSENT_VERSION,
          givenAt: at,
        },
        {
          subjectType: "mentor",
          subjectId: mentor.id,
          purpose: "mentor_confidentiality",
          textVersion: MENTOR_CONSENT_VERSION,
          givenAt: at,
        },
      ])
      .run();
    mustChangeStatus(tx, { entity: "mentor", id: mentor.id, from: null, to: "applied", actor: null, audit: false });
    audit(null, "create", "mentor", mentor.id, { via: "signup" }, tx);
    issueVerification(tx, { ...mentor, locale });
  });
  return ok();
}

/** The columns the sign-up and profile forms set (lists without repeats). */
export function profileValues(input: MentorProfileInput) {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    phone: input.phone,
    postcode: input.postcode,
    municipalityCode: input.municipalityCode,
    travelKm: input.travelKm,
    employer: input.employer ?? null,
    jobTitle: input.jobTitle,
    industryCode: input.industryCode,
    networkIndustryCodes: [...new Set(input.networkIndustryCodes)],
    yearsExperience: input.yearsExperience,
    isManager: input.isManager,
    languages: [...new Set(input.languages)],
    gender: input.gender ?? null,
    menteeGenderPreference: input.menteeGenderPreference,
    offers: [...new Set(input.offers)],
    earliestStart: input.earliestStart ?? null,
    capacity: input.capacity,
    motivation: input.motivation,
  };
}

function validVerification(token: string) {
  return db()
    .select()
    .from(verificationTokens)
    .where(openTokenWhere(token, "email_verification", "mentor", nowIso()))
    .get();
}

/** For the verification page: is the link good, and whose first name to greet. */
export function verificationInfo(token: string): { valid: false } | { valid: true; firstName: string } {
  const row = validVerification(token);
  if (!row?.subjectId) return { valid: false };
  const m = db()
    .select({ firstName: mentors.firstName, userId: mentors.userId })
    .from(mentors)
    .where(eq(mentors.id, row.subjectId))
    .get();
  return m && !m.userId ? { valid: true, firstName: m.firstName } : { valid: false };
}

/**
 * Confirms the email and creates the mentor's account with the chosen password, in one step (the GET of the link
 * changes nothing, so mail scanners cannot use it up). Returns the new user id, or `VERIFY_INVALID`.
 */
export async function completeVerification(token: string, password: string): Promise<Result<number>> {
  const row = validVerification(token);
  if (!row?.subjectId) return fail(VERIFY_INVALID);
  const passwordHash = await hashPassword(password);
  const mentorId = row.subjectId;
  return transaction((tx): Result<number> => {
    const used = tx
      .update(verificationTokens)
      .set({ usedAt: nowIso() })
      .where(and(eq(verificationTokens.id, row.id), isNull(verificationTokens.usedAt)))
      .run().changes;
    if (used !== 1) return fail(VERIFY_INVALID);
    const m = tx.select().from(mentors).where(eq(mentors.id, mentorId)).get();
    if (!m || m.userId || m.anonymisedAt) return fail(VERIFY_INVALID);
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, m.email)).get()) return fail(VERIFY_INVALID);
    const at = nowIso();
    const user = tx
      .insert(users)
      .values({
        email: m.email,
        name: `${m.firstName} ${m.lastName}`,
        role: "mentor",
        passwordHash,
        locale: m.locale,
        emailVerifiedAt: at,
      })
      .returning({ id: users.id })
      .get();
    tx.update(mentors).set({ userId: user.id, emailVerifiedAt: at }).where(eq(mentors.id, m.id)).run();
    enqueue(
      {
        channel: "email",
        recipient: m.email,
        template: "mentor_next_steps",
        locale: m.locale,
        data: { name: m.firstName, url: absoluteUrl("/mentor") },
        subjectType: "mentor",
        subjectId: m.id,
        idempotencyKey: `mentor_next_steps:${m.id}`,
      },
      tx,
    );
    audit({ id: user.id, role: "mentor" }, "update", "mentor", m.id, { verified: true }, tx);
    return ok(user.id);
  });
}

/** Options for the sign-up and profile forms (municipalities, DB07 sections and divisions). */
export function signupOptions() {
  const byCode = (a: IndustryRef, b: IndustryRef) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const option = ({ code, section, labelDa, labelEn }: IndustryRef) => ({ code, section, labelDa, labelEn });
  return {
    municipalities: db()
      .select({ code: municipalities.code, name: municipalities.name })
      .from(municipalities)
      .orderBy(asc(municipalities.name))
      .all(),
    sections: [...industrySections].sort(byCode).map(option),
    divisions: [...industryDivisions].sort(byCode).map(option),
  };
}

/**
 * Sign-ups never verified are removed after 30 days (they have given nothing but a wish to help). The stale sign-ups
 * are a condition, used as a subquery by every delete: no list of ids.
 */
export function purgeUnverifiedSignups(d: Db = db()): number {
  const cutoff = new Date(now().getTime() - 30 * 24 * 3600_000).toISOString();
  return transaction((tx) => {
    const staleCond = and(
      isNull(mentors.emailVerifiedAt),
      isNull(mentors.userId),
      eq(mentors.status, "applied"),
      sql`${mentors.createdAt} < ${cutoff}`,
    );
    const stale = tx.select({ id: mentors.id }).from(mentors).where(staleCond);
    tx.delete(consents)
      .where(and(eq(consents.subjectType, "mentor"), inArray(consents.subjectId, stale)))
      .run();
    tx.delete(statusChanges)
      .where(and(eq(statusChanges.entityType, "mentor"), inArray(statusChanges.entityId, stale)))
      .run();
    tx.delete(verificationTokens)
      .where(and(eq(verificationTokens.subjectType, "mentor"), inArray(verificationTokens.subjectId, stale)))
      .run();
    return tx.delete(mentors).where(staleCond).run().changes;
  }, d);
}

/** For the public landing page: the partner municipalities' names. */
export function partnerMunicipalityNames(): string[] {
  return db()
    .select({ name: municipalities.name })
    .from(municipalities)
    .where(eq(municipalities.isPartner, true))
    .orderBy(asc(municipalities.name))
    .all()
    .map((r) => r.name);
}
