/**
 * Referrals (henvisninger): a caseworker refers a citizen of their own municipality, sees their municipality's
 * referrals with status and outcome, and may withdraw one. The coordinator sees the queue of waiting citizens across
 * municipalities. Every function that a caseworker can reach takes the scope, and every query filters by it; another
 * municipality's citizen is simply not found. Every read of a record is written to the access log.
 */
import { and, asc, desc, eq, inArray, like, or } from "drizzle-orm";
import {
  consents, courses, industries, mentees, messages, municipalities, outcomes, statusChanges, users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import type { MenteeStatus } from "../domain/enums";
import { canWithdraw, duplicateKey, matchesIndustry, waitingDays } from "../domain/referrals";
import { sectionOf } from "../../db/reference/db07";
import type { ReferralInput } from "../schemas/referral";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { issueCitizenLink } from "./citizen-page.server";
import { scopeFilter } from "./mentees.server";
import { nowIso, today } from "../utils/clock";

type Actor = { id: number; role: string };

export const WELCOME_TEMPLATE = "mentee_welcome";

/* ------------------------------------------------------------------ duplicates */

/** Referrals in the same municipality with the same name, birth year and phone (normalised). */
export function findPossibleDuplicates(municipalityCode: number, probe: { firstName: string; lastName: string; birthYear: number; phone?: string | null }) {
  const key = duplicateKey(probe);
  if (!key) return [];
  const candidates = db().select({
    id: mentees.id, firstName: mentees.firstName, lastName: mentees.lastName, birthYear: mentees.birthYear,
    phone: mentees.phone, status: mentees.status, referredAt: mentees.referredAt,
  }).from(mentees).where(and(eq(mentees.municipalityCode, municipalityCode), eq(mentees.birthYear, probe.birthYear))).all();
  return candidates.filter((c) => duplicateKey(c) === key).map(({ id, status, referredAt }) => ({ id, status, referredAt }));
}

/* ------------------------------------------------------------------ create */

export type CreateResult =
  | { ok: true; id: number }
  | { ok: false; reason: "duplicate"; duplicates: { id: number; status: MenteeStatus; referredAt: string }[] }
  | { ok: false; reason: "not_partner" };

/**
 * Saves a referral: the citizen, their consents (purpose, text version, date, who recorded it), the first status
 * change, the access-log entry and the welcome message in the outbox, all in one transaction. A possible duplicate
 * is refused unless the caseworker confirmed "save anyway".
 */
export function createReferral(actor: Actor, scope: Scope, input: ReferralInput): CreateResult {
  if (scope.kind !== "municipality") throw new Error("Only a caseworker refers citizens");
  const code = scope.code;
  const d = db();
  const muni = d.select().from(municipalities).where(eq(municipalities.code, code)).get();
  if (!muni?.isPartner) return { ok: false, reason: "not_partner" };
  const duplicates = findPossibleDuplicates(code, input);
  if (duplicates.length && !input.confirmDuplicate) return { ok: false, reason: "duplicate", duplicates };

  const at = nowIso();
  const givenAt = input.consentDate === today() ? at : `${input.consentDate}T12:00:00.000Z`;
  const id = d.transaction((tx) => {
    const m = tx.insert(mentees).values({
      municipalityCode: code,
      referredBy: actor.id,
      firstName: input.firstName,
      lastName: input.lastName,
      birthYear: input.birthYear,
      gender: input.gender ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredChannel: input.preferredChannel,
      language: input.language,
      group: input.group,
      jobReady: input.jobReady,
      danishLevel: input.danishLevel,
      danishModule: input.danishModule ?? null,
      englishLevel: input.englishLevel,
      languages: [input.language],
      educationLevel: input.educationLevel,
      educationField: input.educationField || null,
      educationCountry: input.educationCountry || null,
      experience: input.experience.map((e) => ({ title: e.title, years: e.years, industryCode: e.industryCode ?? null })),
      wishedIndustryCodes: input.wishedIndustryCodes,
      wishedOccupation: input.wishedOccupation || null,
      goals: input.goals,
      availability: input.availability || null,
      drivingLicence: input.drivingLicence,
      mentorGenderPreference: input.mentorGenderPreference,
      needsConsideration: input.needsConsideration,
      status: "waiting",
      referredAt: at,
    }).returning({ id: mentees.id }).get();
    for (const purpose of input.consentPurposes) {
      tx.insert(consents).values({ subjectType: "mentee", subjectId: m.id, purpose, textVersion: input.consentVersion, givenAt, recordedBy: actor.id }).run();
    }
    tx.insert(statusChanges).values({ entityType: "mentee", entityId: m.id, toStatus: "waiting", reason: "referred", byUserId: actor.id, at }).run();
    audit(actor, "create", "mentee", m.id, duplicates.length ? { possibleDuplicateOf: duplicates.map((x) => x.id) } : undefined, tx);
    const recipient = input.preferredChannel === "sms" ? input.phone! : input.email!;
    enqueue({
      channel: input.preferredChannel, recipient, template: WELCOME_TEMPLATE, locale: input.language,
      data: { firstName: input.firstName, pageUrl: issueCitizenLink(tx as unknown as Db, m.id) }, subjectType: "mentee", subjectId: m.id, idempotencyKey: `${WELCOME_TEMPLATE}:${m.id}`,
    }, tx);
    return m.id;
  });
  return { ok: true, id };
}

/* ------------------------------------------------------------------ read */

/** The latest confirmed outcome per mentee (end or follow-up, whichever is newest). */
function latestOutcomes(menteeIds: number[]) {
  if (!menteeIds.length) return new Map<number, { type: string; date: string }>();
  const rows = db().select({ menteeId: courses.menteeId, type: outcomes.type, date: outcomes.outcomeDate })
    .from(outcomes).innerJoin(courses, eq(courses.id, outcomes.courseId))
    .where(and(inArray(courses.menteeId, menteeIds), eq(outcomes.confirmed, true)))
    .orderBy(asc(outcomes.outcomeDate), asc(outcomes.id)).all();
  const map = new Map<number, { type: string; date: string }>();
  for (const r of rows) map.set(r.menteeId, { type: r.type, date: r.date });
  return map;
}

/** The caseworker's list: their municipality's referrals, newest first, with status and outcome. */
export function listReferrals(scope: Scope, filter: { status?: MenteeStatus; q?: string } = {}) {
  const q = filter.q?.trim();
  const rows = db().select({
    id: mentees.id, firstName: mentees.firstName, lastName: mentees.lastName, birthYear: mentees.birthYear,
    status: mentees.status, referredAt: mentees.referredAt, municipalityName: municipalities.name,
  }).from(mentees).innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(
      scopeFilter(scope),
      filter.status ? eq(mentees.status, filter.status) : undefined,
      q ? or(like(mentees.firstName, `%${q}%`), like(mentees.lastName, `%${q}%`)) : undefined,
    ))
    .orderBy(desc(mentees.referredAt), desc(mentees.id)).limit(500).all();
  const outs = latestOutcomes(rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, outcome: outs.get(r.id) ?? null }));
}

function messagesFor(menteeId: number) {
  return db().select({
    id: messages.id, template: messages.template, channel: messages.channel, locale: messages.locale, status: messages.status,
    createdAt: messages.createdAt, sentAt: messages.sentAt,
  }).from(messages).where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, menteeId)))
    .orderBy(desc(messages.id)).all();
}

/** One referral within scope with its consents, welcome message, course and outcome; a logged read. Null if not in scope. */
export function getReferral(scope: Scope, id: number, actor: Actor) {
  const d = db();
  const row = d.select({ mentee: mentees, municipalityName: municipalities.name, referredByName: users.name })
    .from(mentees).innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .leftJoin(users, eq(users.id, mentees.referredBy))
    .where(and(eq(mentees.id, id), scopeFilter(scope))).get();
  if (!row) return null;
  audit(actor, "view", "mentee", id);
  const consentRows = d.select({
    id: consents.id, purpose: consents.purpose, textVersion: consents.textVersion, givenAt: consents.givenAt,
    withdrawnAt: consents.withdrawnAt, recordedByName: users.name,
  }).from(consents).leftJoin(users, eq(users.id, consents.recordedBy))
    .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, id))).orderBy(asc(consents.givenAt)).all();
  const msgs = messagesFor(id);
  const course = d.select({ id: courses.id, status: courses.status, startDate: courses.startDate, endedOn: courses.endedOn })
    .from(courses).where(eq(courses.menteeId, id)).orderBy(desc(courses.id)).get() ?? null;
  const history = d.select({ fromStatus: statusChanges.fromStatus, toStatus: statusChanges.toStatus, reason: statusChanges.reason, at: statusChanges.at })
    .from(statusChanges).where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.entityId, id))).orderBy(asc(statusChanges.at)).all();
  const industryCodes = [...row.mentee.wishedIndustryCodes, ...row.mentee.experience.map((e) => e.industryCode).filter((c): c is string => !!c)];
  const industryLabels = industryCodes.length
    ? d.select({ code: industries.code, labelDa: industries.labelDa, labelEn: industries.labelEn }).from(industries).where(inArray(industries.code, industryCodes)).all()
    : [];
  return {
    ...row,
    consents: consentRows,
    messages: msgs,
    welcome: msgs.find((m) => m.template === WELCOME_TEMPLATE) ?? null,
    course,
    outcome: latestOutcomes([id]).get(id) ?? null,
    history,
    industryLabels,
    waitingDays: row.mentee.status === "waiting" ? waitingDays(row.mentee.referredAt, today()) : null,
  };
}

export type WithdrawResult = "ok" | "not_found" | "not_allowed";

/**
 * Withdraws a referral before the course starts: the citizen becomes "withdrawn" with the reason, a proposed or
 * approved course is ended, and queued messages to the citizen are cancelled. One transaction.
 */
export function withdrawReferral(scope: Scope, id: number, reason: string, actor: Actor): WithdrawResult {
  const d = db();
  return d.transaction((tx) => {
    const m = tx.select({ id: mentees.id, status: mentees.status }).from(mentees).where(and(eq(mentees.id, id), scopeFilter(scope))).get();
    if (!m) return "not_found";
    if (!canWithdraw(m.status)) return "not_allowed";
    tx.update(mentees).set({ status: "withdrawn", withdrawnReason: reason }).where(eq(mentees.id, id)).run();
    tx.insert(statusChanges).values({ entityType: "mentee", entityId: id, fromStatus: m.status, toStatus: "withdrawn", reason, byUserId: actor.id }).run();
    const open = tx.select({ id: courses.id, status: courses.status }).from(courses)
      .where(and(eq(courses.menteeId, id), inArray(courses.status, ["proposed", "approved"]))).all();
    for (const c of open) {
      tx.update(courses).set({ status: "ended_early", endedOn: today(), endReason: "mentee_withdrew" }).where(eq(courses.id, c.id)).run();
      tx.insert(statusChanges).values({ entityType: "course", entityId: c.id, fromStatus: c.status, toStatus: "ended_early", reason: "mentee_withdrew", byUserId: actor.id }).run();
    }
    tx.update(messages).set({ status: "cancelled", lastError: "referral withdrawn" })
      .where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id), eq(messages.status, "queued"))).run();
    audit(actor, "update", "mentee", id, { status: "withdrawn" }, tx);
    return "ok";
  });
}

/* ------------------------------------------------------------------ coordinator */

/** Waiting citizens across municipalities, oldest first, with waiting time; filters by industry and municipality. */
export function waitingQueue(filter: { industry?: string; municipality?: number } = {}) {
  const t = today();
  const rows = db().select({
    id: mentees.id, firstName: mentees.firstName, lastName: mentees.lastName, referredAt: mentees.referredAt,
    municipalityCode: mentees.municipalityCode, municipalityName: municipalities.name, wishedIndustryCodes: mentees.wishedIndustryCodes,
    language: mentees.language, danishLevel: mentees.danishLevel, needsConsideration: mentees.needsConsideration,
  }).from(mentees).innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(mentees.status, "waiting"), filter.municipality ? eq(mentees.municipalityCode, filter.municipality) : undefined))
    .orderBy(asc(mentees.referredAt), asc(mentees.id)).all();
  return rows.filter((r) => matchesIndustry(r.wishedIndustryCodes, filter.industry, sectionOf))
    .map((r) => ({ ...r, waitingDays: waitingDays(r.referredAt, t) }));
}

/** Municipalities that have (or had) citizens waiting, for the queue's filter. */
export function queueMunicipalities() {
  return db().selectDistinct({ code: municipalities.code, name: municipalities.name }).from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(eq(mentees.status, "waiting")).orderBy(asc(municipalities.name)).all();
}

export function industryOptions() {
  return db().select().from(industries).orderBy(asc(industries.section), asc(industries.level), asc(industries.code)).all();
}
