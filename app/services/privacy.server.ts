/**
 * Data-protection use cases: access on request (export everything about one person), erasure (anonymise the person and
 * the free text about them while the anonymous course, hours and outcomes remain for statistics), retention (the daily
 * job anonymises people whose courses ended longer ago than the retention period), and consent withdrawal.
 */
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import {
  auditLog, callRequests, citizenContactChanges, consents, courseGoals, courses, followUps, guidanceReads, meetings, mentorScreenings, mentees, mentors, messages,
  outcomes, plannedMeetings, sessions,
  settings, statusChanges, surveys, users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { notFound, type Scope } from "../auth/guards.server";
import type { ConsentPurpose } from "../domain/enums";
import { addMonths } from "../domain/dates";
import { audit } from "./audit.server";
import { revokeCitizenLinks } from "./citizen-page.server";
import { staffMessageColumns } from "../messaging/outbox.server";
import { nowIso, today } from "../utils/clock";

export type PersonType = "mentee" | "mentor";

/** Route params → a person reference; anything else is a 404. */
export function parsePerson(params: { type?: string; id?: string }): { type: PersonType; id: number } {
  const id = Number(params.id);
  if ((params.type !== "mentee" && params.type !== "mentor") || !Number.isInteger(id) || id <= 0) throw notFound();
  return { type: params.type, id };
}
type Actor = { id: number; role: string } | null;

export const ANONYMISED = "Anonymiseret";
export const DEFAULT_RETENTION_MONTHS = 24;

function menteeInScope(d: Db, id: number, scope: Scope) {
  return d.select().from(mentees).where(and(eq(mentees.id, id), scope.kind === "municipality" ? eq(mentees.municipalityCode, scope.code) : undefined)).get();
}

/** Everything stored about one person, as plain data (for JSON and the readable HTML view). Null if not found/in scope. */
export function exportPerson(type: PersonType, id: number, scope: Scope, actor: Actor) {
  const d = db();
  if (type === "mentee") {
    const mentee = menteeInScope(d, id, scope);
    if (!mentee) return null;
    const courseRows = d.select().from(courses).where(eq(courses.menteeId, id)).all();
    const courseIds = courseRows.map((c) => c.id);
    const inCourses = <T>(rows: () => T[]) => (courseIds.length ? rows() : []);
    audit(actor, "export", "mentee", id);
    return {
      type, exportedAt: nowIso(),
      person: mentee,
      consents: d.select().from(consents).where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, id))).all(),
      courses: courseRows.map((c) => ({ ...c, mentorId: c.mentorId })),
      meetings: inCourses(() => d.select().from(meetings).where(inArray(meetings.courseId, courseIds)).all()),
      followUps: inCourses(() => d.select().from(followUps).where(inArray(followUps.courseId, courseIds)).all()),
      outcomes: inCourses(() => d.select().from(outcomes).where(inArray(outcomes.courseId, courseIds)).all()),
      surveys: inCourses(() => d.select().from(surveys).where(and(inArray(surveys.courseId, courseIds), eq(surveys.respondent, "mentee"))).all()),
      plannedMeetings: inCourses(() => d.select().from(plannedMeetings).where(inArray(plannedMeetings.courseId, courseIds)).all()),
      goals: inCourses(() => d.select().from(courseGoals).where(inArray(courseGoals.courseId, courseIds)).all()),
      contactChanges: d.select({ id: citizenContactChanges.id, newPhone: citizenContactChanges.newPhone, newLanguage: citizenContactChanges.newLanguage, createdAt: citizenContactChanges.createdAt, confirmedAt: citizenContactChanges.confirmedAt })
        .from(citizenContactChanges).where(eq(citizenContactChanges.menteeId, id)).all(),
      callRequests: d.select().from(callRequests).where(eq(callRequests.menteeId, id)).all(),
      messages: d.select(staffMessageColumns).from(messages).where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id))).all(),
      statusChanges: d.select().from(statusChanges).where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.entityId, id))).all(),
      accessLog: d.select().from(auditLog).where(and(eq(auditLog.entityType, "mentee"), eq(auditLog.entityId, id))).all(),
    };
  }
  if (scope.kind !== "all") return null;
  const mentor = d.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!mentor) return null;
  const courseRows = d.select().from(courses).where(eq(courses.mentorId, id)).all();
  const courseIds = courseRows.map((c) => c.id);
  audit(actor, "export", "mentor", id);
  const user = mentor.userId ? d.select({ id: users.id, email: users.email, name: users.name, role: users.role, createdAt: users.createdAt, lastLoginAt: users.lastLoginAt }).from(users).where(eq(users.id, mentor.userId)).get() : null;
  return {
    type, exportedAt: nowIso(),
    person: mentor,
    account: user,
    screenings: d.select().from(mentorScreenings).where(eq(mentorScreenings.mentorId, id)).all(),
    consents: d.select().from(consents).where(and(eq(consents.subjectType, "mentor"), eq(consents.subjectId, id))).all(),
    courses: courseRows.map((c) => ({ id: c.id, status: c.status, startDate: c.startDate, plannedEndDate: c.plannedEndDate, endedOn: c.endedOn })),
    meetings: courseIds.length ? d.select().from(meetings).where(inArray(meetings.courseId, courseIds)).all() : [],
    surveys: courseIds.length ? d.select().from(surveys).where(and(inArray(surveys.courseId, courseIds), eq(surveys.respondent, "mentor"))).all() : [],
    plannedMeetings: courseIds.length ? d.select().from(plannedMeetings).where(inArray(plannedMeetings.courseId, courseIds)).all() : [],
    guidanceRead: d.select().from(guidanceReads).where(eq(guidanceReads.mentorId, id)).all(),
    messages: d.select(staffMessageColumns).from(messages).where(and(eq(messages.subjectType, "mentor"), eq(messages.subjectId, id))).all(),
    statusChanges: d.select().from(statusChanges).where(and(eq(statusChanges.entityType, "mentor"), eq(statusChanges.entityId, id))).all(),
    accessLog: d.select().from(auditLog).where(and(eq(auditLog.entityType, "mentor"), eq(auditLog.entityId, id))).all(),
  };
}
export type PersonExport = NonNullable<ReturnType<typeof exportPerson>>;

function anonymiseMessages(tx: Db, subjectType: PersonType, id: number) {
  tx.update(messages).set({ status: "cancelled", lastError: "person erased" })
    .where(and(eq(messages.subjectType, subjectType), eq(messages.subjectId, id), inArray(messages.status, ["queued", "failed", "held"]))).run();
  tx.update(messages).set({ recipient: ANONYMISED, data: {}, secrets: null, payload: null })
    .where(and(eq(messages.subjectType, subjectType), eq(messages.subjectId, id))).run();
}

/** Ends live courses of a person (the programme cannot go on without the person's data). */
function endLiveCourses(tx: Db, where: ReturnType<typeof eq>, actor: Actor) {
  const live = tx.select().from(courses).where(and(where, inArray(courses.status, ["proposed", "approved", "active", "paused"]))).all();
  for (const c of live) {
    tx.update(courses).set({ status: "ended_early", endedOn: today(), endReason: "consent_withdrawn" }).where(eq(courses.id, c.id)).run();
    tx.insert(statusChanges).values({ entityType: "course", entityId: c.id, fromStatus: c.status, toStatus: "ended_early", reason: "consent_withdrawn", byUserId: actor?.id ?? null }).run();
    const stillLive = tx.select({ n: sql<number>`count(*)` }).from(courses)
      .where(and(eq(courses.mentorId, c.mentorId), inArray(courses.status, ["approved", "active", "paused"]))).get()!.n;
    if (stillLive === 0) tx.update(mentors).set({ status: "approved" }).where(and(eq(mentors.id, c.mentorId), eq(mentors.status, "active"))).run();
    tx.update(mentees).set({ status: "ended_early" }).where(and(eq(mentees.id, c.menteeId), isNull(mentees.anonymisedAt))).run();
  }
  return live.length;
}

/**
 * Erasure: names, contacts and free text go; ids, municipality, dates, hours and outcomes stay for anonymous statistics.
 * Idempotent. Returns false if the person is not found or not in scope.
 */
export function erasePerson(type: PersonType, id: number, scope: Scope, actor: Actor, d: Db = db()): boolean {
  return d.transaction((t) => {
    const tx = t as unknown as Db;
    if (type === "mentee") {
      const m = menteeInScope(tx, id, scope);
      if (!m) return false;
      endLiveCourses(tx, eq(courses.menteeId, id), actor);
      tx.update(mentees).set({
        firstName: ANONYMISED, lastName: ANONYMISED, phone: null, email: null, educationField: null, educationCountry: null,
        experience: m.experience.map((e) => ({ title: "", years: e.years, industryCode: e.industryCode })),
        wishedOccupation: null, availability: null, withdrawnReason: null, currentInternshipEmployer: null,
        needsConsideration: false, anonymisedAt: m.anonymisedAt ?? nowIso(),
      }).where(eq(mentees.id, id)).run();
      const courseIds = tx.select({ id: courses.id }).from(courses).where(eq(courses.menteeId, id)).all().map((c) => c.id);
      if (courseIds.length) {
        tx.update(meetings).set({ nextStep: null }).where(inArray(meetings.courseId, courseIds)).run();
        tx.update(followUps).set({ notes: null }).where(inArray(followUps.courseId, courseIds)).run();
        tx.update(surveys).set({ comment: null }).where(inArray(surveys.courseId, courseIds)).run();
        tx.update(courses).set({ endNote: null, manualReason: null }).where(inArray(courses.id, courseIds)).run();
        // Issue 21: the pair's own words about meetings and goals.
        tx.update(plannedMeetings).set({ place: null, agenda: null }).where(inArray(plannedMeetings.courseId, courseIds)).run();
        tx.update(courseGoals).set({ text: null }).where(inArray(courseGoals.courseId, courseIds)).run();
      }
      // The citizen's page: pending number changes go, and every link to the page is closed.
      tx.delete(citizenContactChanges).where(eq(citizenContactChanges.menteeId, id)).run();
      revokeCitizenLinks(tx, id);
      anonymiseMessages(tx, "mentee", id);
      audit(actor, "anonymise", "mentee", id, undefined, tx);
      return true;
    }
    if (scope.kind !== "all") return false;
    const m = tx.select().from(mentors).where(eq(mentors.id, id)).get();
    if (!m) return false;
    endLiveCourses(tx, eq(courses.mentorId, id), actor);
    tx.update(mentors).set({
      firstName: ANONYMISED, lastName: ANONYMISED, email: `anonymised-mentor-${id}@invalid`, phone: "", postcode: "0000",
      employer: null, jobTitle: ANONYMISED, motivation: "", rejectionReason: null, status: "retired", anonymisedAt: m.anonymisedAt ?? nowIso(),
    }).where(eq(mentors.id, id)).run();
    tx.update(mentorScreenings).set({ notes: null }).where(eq(mentorScreenings.mentorId, id)).run();
    if (m.userId) {
      tx.update(users).set({ email: `anonymised-user-${m.userId}@invalid`, name: ANONYMISED, passwordHash: null, active: false, totpSecret: null }).where(eq(users.id, m.userId)).run();
      tx.delete(sessions).where(eq(sessions.userId, m.userId)).run();
    }
    anonymiseMessages(tx, "mentor", id);
    audit(actor, "anonymise", "mentor", id, undefined, tx);
    return true;
  });
}

export function getRetentionMonths(d: Db = db()): number {
  const row = d.select().from(settings).where(eq(settings.key, "retention_months")).get();
  const v = Number(row?.value);
  return Number.isInteger(v) && v >= 1 ? v : DEFAULT_RETENTION_MONTHS;
}

export function setRetentionMonths(months: number, actor: Actor): void {
  db().insert(settings).values({ key: "retention_months", value: months, updatedBy: actor?.id ?? null })
    .onConflictDoUpdate({ target: settings.key, set: { value: months, updatedBy: actor?.id ?? null, updatedAt: nowIso() } }).run();
  audit(actor, "update", "setting", null, { key: "retention_months", months });
}

/**
 * Who is past retention on `day`: mentees whose every course ended (or who were withdrawn / never matched) more than
 * N months ago, and mentors rejected/retired for more than N months. Pure selection; `applyRetention` acts on it.
 */
export function dueForRetention(day: string, d: Db = db()) {
  const cutoff = addMonths(day, -getRetentionMonths(d));
  const cutoffIso = `${cutoff}T00:00:00.000Z`;
  const menteeIds = d.select({ id: mentees.id }).from(mentees).where(and(
    isNull(mentees.anonymisedAt),
    or(
      and(inArray(mentees.status, ["completed", "ended_early"]),
        sql`not exists (select 1 from ${courses} c where c.mentee_id = ${mentees.id} and (c.ended_on is null or c.ended_on >= ${cutoff}))`),
      and(eq(mentees.status, "withdrawn"), lt(mentees.updatedAt, cutoffIso)),
    ),
  )).all().map((r) => r.id);
  const mentorIds = d.select({ id: mentors.id }).from(mentors).where(and(
    isNull(mentors.anonymisedAt), inArray(mentors.status, ["rejected", "retired"]), lt(mentors.updatedAt, cutoffIso),
  )).all().map((r) => r.id);
  return { menteeIds, mentorIds };
}

export function applyRetention(day: string, d: Db = db()): { mentees: number; mentors: number } {
  const due = dueForRetention(day, d);
  for (const id of due.menteeIds) erasePerson("mentee", id, { kind: "all" }, null, d);
  for (const id of due.mentorIds) erasePerson("mentor", id, { kind: "all" }, null, d);
  return { mentees: due.menteeIds.length, mentors: due.mentorIds.length };
}

/**
 * Withdrawing consent is as easy as giving it. SMS: queued SMS are cancelled and no more are sent.
 * Participation (mentee) or data processing (mentor): live courses end.
 */
export function withdrawConsent(type: PersonType, id: number, purpose: ConsentPurpose, scope: Scope, actor: Actor, d: Db = db()): boolean {
  return d.transaction((t) => {
    const tx = t as unknown as Db;
    if (type === "mentee" && !menteeInScope(tx, id, scope)) return false;
    if (type === "mentor" && scope.kind !== "all") return false;
    const changed = tx.update(consents).set({ withdrawnAt: nowIso(), withdrawnBy: actor?.id ?? null })
      .where(and(eq(consents.subjectType, type), eq(consents.subjectId, id), eq(consents.purpose, purpose), isNull(consents.withdrawnAt))).run().changes;
    if (purpose === "sms" && type === "mentee") {
      tx.update(mentees).set({ smsOptOutAt: nowIso() }).where(eq(mentees.id, id)).run();
      tx.update(messages).set({ status: "cancelled", lastError: "SMS consent withdrawn" })
        .where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id), eq(messages.channel, "sms"), inArray(messages.status, ["queued", "failed"]))).run();
    }
    if (purpose === "participation" && type === "mentee") endLiveCourses(tx, eq(courses.menteeId, id), actor);
    if (purpose === "mentor_data_processing" && type === "mentor") endLiveCourses(tx, eq(courses.mentorId, id), actor);
    audit(actor, "update", type, id, { consentWithdrawn: purpose }, tx);
    return changed > 0;
  });
}

/** Records a consent (again) with the current text version. */
export function giveConsent(type: PersonType, id: number, purpose: ConsentPurpose, textVersion: string, scope: Scope, actor: Actor, d: Db = db()): boolean {
  return d.transaction((t) => {
    const tx = t as unknown as Db;
    if (type === "mentee" && !menteeInScope(tx, id, scope)) return false;
    if (type === "mentor" && scope.kind !== "all") return false;
    tx.insert(consents).values({ subjectType: type, subjectId: id, purpose, textVersion, givenAt: nowIso(), recordedBy: actor?.id ?? null }).run();
    if (purpose === "sms" && type === "mentee") tx.update(mentees).set({ smsOptOutAt: null }).where(eq(mentees.id, id)).run();
    audit(actor, "update", type, id, { consentGiven: purpose }, tx);
    return true;
  });
}

export function listConsents(type: PersonType, id: number) {
  return db().select().from(consents).where(and(eq(consents.subjectType, type), eq(consents.subjectId, id))).orderBy(consents.givenAt).all();
}

/** Name and status of a person for the data-protection page (a logged read). Null if not found or out of scope. */
export function personSummary(type: PersonType, id: number, scope: Scope, actor: Actor) {
  const d = db();
  if (type === "mentee") {
    const m = menteeInScope(d, id, scope);
    if (!m) return null;
    audit(actor, "view", "mentee", id);
    return { name: `${m.firstName} ${m.lastName}`, status: m.status, anonymisedAt: m.anonymisedAt, consents: listConsents(type, id) };
  }
  if (scope.kind !== "all") return null;
  const m = d.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!m) return null;
  audit(actor, "view", "mentor", id);
  return { name: `${m.firstName} ${m.lastName}`, status: m.status, anonymisedAt: m.anonymisedAt, consents: listConsents(type, id) };
}

/** Whether the person exists within the caller's scope (a caseworker: own municipality's citizens only). */
export function personInScope(type: PersonType, id: number, scope: Scope): boolean {
  if (type === "mentee") return !!menteeInScope(db(), id, scope);
  return scope.kind === "all" && !!db().select({ id: mentors.id }).from(mentors).where(eq(mentors.id, id)).get();
}
