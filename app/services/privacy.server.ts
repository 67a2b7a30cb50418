/**
 * Data-protection use cases: access on request (export everything about one person), erasure (anonymise the person and
 * the free text about them while the anonymous course, hours and outcomes remain for statistics), retention (the daily
 * job anonymises people whose courses ended longer ago than the retention period), and consent withdrawal.
 */
import { and, eq, gt, inArray, isNull, lt, or, sql } from "drizzle-orm";
import {
  auditLog,
  callRequests,
  citizenContactChanges,
  menteeChanges,
  competenceProfiles,
  consents,
  courseGoals,
  courses,
  followUps,
  guidanceReads,
  meetings,
  mentees,
  mentorScreenings,
  mentors,
  messages,
  openingProposals,
  outcomes,
  placementFollowUps,
  placementSchoolPeriods,
  placements,
  plannedMeetings,
  sessions,
  settings,
  statusChanges,
  surveys,
  users,
  matchRequests,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { notFound, type Scope } from "../auth/guards.server";
import type { ConsentPurpose } from "../domain/enums";
import { addMonths } from "../domain/dates";
import { audit } from "./audit.server";
import { countRows, qualified } from "../utils/sql";
import { invalidatePublicPages } from "../public-pages.server";
import { revokeCitizenLinks } from "./citizen-links.server";
import { staffMessageColumns } from "../messaging/outbox-render.server";
import { transaction, type AuditActor } from "./kernel.server";
import { mustChangeStatus } from "./status.server";
import { nowIso, today } from "../utils/clock";

export type PersonType = "mentee" | "mentor";

/** Route params → a person reference; anything else is a 404. */
export function parsePerson(params: { type?: string; id?: string }): { type: PersonType; id: number } {
  const id = Number(params.id);
  if ((params.type !== "mentee" && params.type !== "mentor") || !Number.isInteger(id) || id <= 0) throw notFound();
  return { type: params.type, id };
}
type Actor = AuditActor;

export const ANONYMISED = "Anonymiseret";
export const DEFAULT_RETENTION_MONTHS = 24;

function menteeInScope(d: Db, id: number, scope: Scope) {
  return d
    .select()
    .from(mentees)
    .where(
      and(eq(mentees.id, id), scope.kind === "municipality" ? eq(mentees.municipalityCode, scope.code) : undefined),
    )
    .get();
}

/** Everything stored about one person, as plain data (for JSON and the readable HTML view). Null if not found/in scope. */
export function exportPerson(type: PersonType, id: number, scope: Scope, actor: Actor) {
  const d = db();
  if (type === "mentee") {
    const mentee = menteeInScope(d, id, scope);
    if (!mentee) return null;
    const courseRows = d.select().from(courses).where(eq(courses.menteeId, id)).all();
    // The person's courses as a subquery: no list of ids in the statement.
    const courseIds = d.select({ id: courses.id }).from(courses).where(eq(courses.menteeId, id));
    audit(actor, "export", "mentee", id);
    const companySide = companySideOf(d, id);
    return {
      type,
      exportedAt: nowIso(),
      person: mentee,
      consents: d
        .select()
        .from(consents)
        .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, id)))
        .all(),
      courses: courseRows.map((c) => ({ ...c, mentorId: c.mentorId })),
      meetings: d.select().from(meetings).where(inArray(meetings.courseId, courseIds)).all(),
      followUps: d.select().from(followUps).where(inArray(followUps.courseId, courseIds)).all(),
      outcomes: d.select().from(outcomes).where(inArray(outcomes.courseId, courseIds)).all(),
      surveys: d
        .select()
        .from(surveys)
        .where(and(inArray(surveys.courseId, courseIds), eq(surveys.respondent, "mentee")))
        .all(),
      competenceProfiles: companySide.competenceProfiles,
      openingProposals: companySide.openingProposals,
      placements: companySide.placements,
      placementSchoolPeriods: companySide.placementSchoolPeriods,
      placementFollowUps: companySide.placementFollowUps,
      plannedMeetings: d.select().from(plannedMeetings).where(inArray(plannedMeetings.courseId, courseIds)).all(),
      goals: d.select().from(courseGoals).where(inArray(courseGoals.courseId, courseIds)).all(),
      contactChanges: d
        .select({
          id: citizenContactChanges.id,
          newPhone: citizenContactChanges.newPhone,
          newLanguage: citizenContactChanges.newLanguage,
          createdAt: citizenContactChanges.createdAt,
          confirmedAt: citizenContactChanges.confirmedAt,
        })
        .from(citizenContactChanges)
        .where(eq(citizenContactChanges.menteeId, id))
        .all(),
      callRequests: d.select().from(callRequests).where(eq(callRequests.menteeId, id)).all(),
      recordChanges: d.select().from(menteeChanges).where(eq(menteeChanges.menteeId, id)).all(),
      messages: d
        .select(staffMessageColumns)
        .from(messages)
        .where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id)))
        .all(),
      statusChanges: d
        .select()
        .from(statusChanges)
        .where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.entityId, id)))
        .all(),
      accessLog: d
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityType, "mentee"), eq(auditLog.entityId, id)))
        .all(),
    };
  }
  if (scope.kind !== "all") return null;
  const mentor = d.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!mentor) return null;
  const courseRows = d.select().from(courses).where(eq(courses.mentorId, id)).all();
  const courseIds = d.select({ id: courses.id }).from(courses).where(eq(courses.mentorId, id));
  audit(actor, "export", "mentor", id);
  const user = mentor.userId
    ? d
        .select({
          id: users.id,
          email: users.email,
          name: users.name,
          role: users.role,
          createdAt: users.createdAt,
          lastLoginAt: users.lastLoginAt,
        })
        .from(users)
        .where(eq(users.id, mentor.userId))
        .get()
    : null;
  return {
    type,
    exportedAt: nowIso(),
    person: mentor,
    account: user,
    screenings: d.select().from(mentorScreenings).where(eq(mentorScreenings.mentorId, id)).all(),
    consents: d
      .select()
      .from(consents)
      .where(and(eq(consents.subjectType, "mentor"), eq(consents.subjectId, id)))
      .all(),
    courses: courseRows.map((c) => ({
      id: c.id,
      status: c.status,
      startDate: c.startDate,
      plannedEndDate: c.plannedEndDate,
      endedOn: c.endedOn,
    })),
    meetings: d.select().from(meetings).where(inArray(meetings.courseId, courseIds)).all(),
    surveys: d
      .select()
      .from(surveys)
      .where(and(inArray(surveys.courseId, courseIds), eq(surveys.respondent, "mentor")))
      .all(),
    plannedMeetings: d.select().from(plannedMeetings).where(inArray(plannedMeetings.courseId, courseIds)).all(),
    guidanceRead: d.select().from(guidanceReads).where(eq(guidanceReads.mentorId, id)).all(),
    messages: d
      .select(staffMessageColumns)
      .from(messages)
      .where(and(eq(messages.subjectType, "mentor"), eq(messages.subjectId, id)))
      .all(),
    statusChanges: d
      .select()
      .from(statusChanges)
      .where(and(eq(statusChanges.entityType, "mentor"), eq(statusChanges.entityId, id)))
      .all(),
    accessLog: d
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "mentor"), eq(auditLog.entityId, id)))
      .all(),
  };
}
export type PersonExport = NonNullable<ReturnType<typeof exportPerson>>;

/** The company side of a citizen's record (issue 20): every version of the competence assessment, proposals, placements. */
function companySideOf(d: Db, id: number) {
  const placementRows = d.select().from(placements).where(eq(placements.menteeId, id)).all();
  const placementIds = placementRows.map((p) => p.id);
  return {
    competenceProfiles: d.select().from(competenceProfiles).where(eq(competenceProfiles.menteeId, id)).all(),
    openingProposals: d.select().from(openingProposals).where(eq(openingProposals.menteeId, id)).all(),
    placements: placementRows,
    placementSchoolPeriods: placementIds.length
      ? d.select().from(placementSchoolPeriods).where(inArray(placementSchoolPeriods.placementId, placementIds)).all()
      : [],
    placementFollowUps: placementIds.length
      ? d.select().from(placementFollowUps).where(inArray(placementFollowUps.placementId, placementIds)).all()
      : [],
  };
}

/**
 * Erasure on the company side: the competence assessment goes (every version); placements keep type, company, dates,
 * status and outcome for statistics, but lose the workplace mentor's and adviser's names and phones and the follow-up
 * notes; proposals lose their reasons (drawn from the assessment) and the company's note. Live placements end.
 */
function eraseCompanySide(tx: Db, id: number, actor: Actor) {
  tx.delete(competenceProfiles).where(eq(competenceProfiles.menteeId, id)).run();
  const live = tx
    .select()
    .from(placements)
    .where(and(eq(placements.menteeId, id), inArray(placements.status, ["planned", "active"])))
    .all();
  for (const p of live) {
    const to = p.status === "planned" ? "cancelled" : "ended_early";
    // The erasure's own access-log entry covers the ended placements and courses.
    mustChangeStatus(tx, {
      entity: "placement",
      id: p.id,
      from: p.status,
      to,
      reason: "person_erased",
      actor,
      audit: false,
      set: { endedOn: to === "ended_early" ? today() : null, endReason: to === "ended_early" ? "other" : null },
    });
  }
  tx.update(placements)
    .set({
      workplaceMentorName: null,
      workplaceMentorPhone: null,
      completionAdviserName: null,
      completionAdviserPhone: null,
    })
    .where(eq(placements.menteeId, id))
    .run();
  tx.update(placementFollowUps)
    .set({ note: null })
    .where(
      inArray(
        placementFollowUps.placementId,
        tx.select({ id: placements.id }).from(placements).where(eq(placements.menteeId, id)),
      ),
    )
    .run();
  tx.update(openingProposals)
    .set({
      reasons: null,
      declineNote: null,
      status: sql`case when ${openingProposals.status} = 'proposed' then 'withdrawn' else ${openingProposals.status} end`,
    })
    .where(eq(openingProposals.menteeId, id))
    .run();
}

function anonymiseMessages(tx: Db, subjectType: PersonType, id: number) {
  tx.update(messages)
    .set({ status: "cancelled", lastError: "person erased" })
    .where(
      and(
        eq(messages.subjectType, subjectType),
        eq(messages.subjectId, id),
        inArray(messages.status, ["queued", "failed", "held"]),
      ),
    )
    .run();
  tx.update(messages)
    .set({ recipient: ANONYMISED, data: {}, secrets: null, payload: null })
    .where(and(eq(messages.subjectType, subjectType), eq(messages.subjectId, id)))
    .run();
}

/** Ends live courses of a person (the programme cannot go on without the person's data). */
function endLiveCourses(tx: Db, where: ReturnType<typeof eq>, actor: Actor) {
  const live = tx
    .select()
    .from(courses)
    .where(and(where, inArray(courses.status, ["proposed", "approved", "active", "paused"])))
    .all();
  for (const c of live) {
    mustChangeStatus(tx, {
      entity: "course",
      id: c.id,
      from: c.status,
      to: "ended_early",
      reason: "consent_withdrawn",
      actor,
      audit: false,
      set: { endedOn: today(), endReason: "consent_withdrawn" },
    });
    const stillLive = tx
      .select({ n: sql<number>`count(*)` })
      .from(courses)
      .where(and(eq(courses.mentorId, c.mentorId), inArray(courses.status, ["approved", "active", "paused"])))
      .get()!.n;
    if (stillLive === 0)
      tx.update(mentors)
        .set({ status: "approved" })
        .where(and(eq(mentors.id, c.mentorId), eq(mentors.status, "active")))
        .run();
    tx.update(mentees)
      .set({ status: "ended_early" })
      .where(and(eq(mentees.id, c.menteeId), isNull(mentees.anonymisedAt)))
      .run();
  }
  return live.length;
}

/**
 * Erasure: names, contacts and free text go; ids, municipality, dates, hours and outcomes stay for anonymous statistics.
 * Idempotent. Returns false if the person is not found or not in scope.
 */
export function erasePerson(type: PersonType, id: number, scope: Scope, actor: Actor, d: Db = db()): boolean {
  return transaction((tx) => {
    if (type === "mentee") {
      const m = menteeInScope(tx, id, scope);
      if (!m) return false;
      endLiveCourses(tx, eq(courses.menteeId, id), actor);
      tx.update(mentees)
        .set({
          firstName: ANONYMISED,
          lastName: ANONYMISED,
          phone: null,
          email: null,
          educationField: null,
          educationCountry: null,
          experience: m.experience.map((e) => ({ title: "", years: e.years, industryCode: e.industryCode })),
          wishedOccupation: null,
          availability: null,
          withdrawnReason: null,
          currentInternshipEmployer: null,
          needsConsideration: false,
          anonymisedAt: m.anonymisedAt ?? nowIso(),
        })
        .where(eq(mentees.id, id))
        .run();
      const courseIds = tx.select({ id: courses.id }).from(courses).where(eq(courses.menteeId, id));
      tx.update(meetings).set({ nextStep: null }).where(inArray(meetings.courseId, courseIds)).run();
      tx.update(followUps).set({ notes: null }).where(inArray(followUps.courseId, courseIds)).run();
      tx.update(surveys).set({ comment: null }).where(inArray(surveys.courseId, courseIds)).run();
      tx.update(courses).set({ endNote: null, manualReason: null }).where(eq(courses.menteeId, id)).run();
      eraseCompanySide(tx, id, actor);
      // Issue 21: the pair's own words about meetings and goals.
      tx.update(plannedMeetings)
        .set({ place: null, agenda: null })
        .where(inArray(plannedMeetings.courseId, courseIds))
        .run();
      tx.update(courseGoals).set({ text: null }).where(inArray(courseGoals.courseId, courseIds)).run();
      // The citizen's page: pending number changes go, and every link to the page is closed.
      tx.delete(citizenContactChanges).where(eq(citizenContactChanges.menteeId, id)).run();
      // Issue 19: the intake call's note (which fields were corrected stays: it names no value).
      tx.update(menteeChanges).set({ note: null }).where(eq(menteeChanges.menteeId, id)).run();
      revokeCitizenLinks(tx, id);
      anonymiseMessages(tx, "mentee", id);
      // Issue 19: the free-text reasons of match requests about the citizen (the coordinator's, the mentor's).
      tx.update(matchRequests).set({ reason: null, declineReason: null }).where(eq(matchRequests.menteeId, id)).run();
      audit(actor, "anonymise", "mentee", id, undefined, tx);
      return true;
    }
    if (scope.kind !== "all") return false;
    const m = tx.select().from(mentors).where(eq(mentors.id, id)).get();
    if (!m) return false;
    endLiveCourses(tx, eq(courses.mentorId, id), actor);
    tx.update(mentors)
      .set({
        firstName: ANONYMISED,
        lastName: ANONYMISED,
        email: `anonymised-mentor-${id}@invalid`,
        phone: "",
        postcode: "0000",
        employer: null,
        jobTitle: ANONYMISED,
        motivation: "",
        rejectionReason: null,
        status: "retired",
        anonymisedAt: m.anonymisedAt ?? nowIso(),
      })
      .where(eq(mentors.id, id))
      .run();
    tx.update(mentorScreenings).set({ notes: null }).where(eq(mentorScreenings.mentorId, id)).run();
    if (m.userId) {
      tx.update(users)
        .set({
          email: `anonymised-user-${m.userId}@invalid`,
          name: ANONYMISED,
          passwordHash: null,
          active: false,
          totpSecret: null,
        })
        .where(eq(users.id, m.userId))
        .run();
      tx.delete(sessions).where(eq(sessions.userId, m.userId)).run();
    }
    anonymiseMessages(tx, "mentor", id);
    tx.update(matchRequests).set({ declineReason: null }).where(eq(matchRequests.mentorId, id)).run();
    audit(actor, "anonymise", "mentor", id, undefined, tx);
    return true;
  }, d);
}

export function getRetentionMonths(d: Db = db()): number {
  const row = d.select().from(settings).where(eq(settings.key, "retention_months")).get();
  const v = Number(row?.value);
  return Number.isInteger(v) && v >= 1 ? v : DEFAULT_RETENTION_MONTHS;
}

export function setRetentionMonths(months: number, actor: Actor): void {
  db()
    .insert(settings)
    .values({ key: "retention_months", value: months, updatedBy: actor?.id ?? null })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: months, updatedBy: actor?.id ?? null, updatedAt: nowIso() },
    })
    .run();
  audit(actor, "update", "setting", null, { key: "retention_months", months });
  invalidatePublicPages(); // the privacy notice states the period
}

/** Retention works through the people due in chunks of this many, yielding to the server between chunks. */
export const RETENTION_CHUNK = 200;

/**
 * Who is past retention on `day`: mentees whose every course ended (or who were withdrawn / never matched) more than
 * N months ago, and mentors rejected/retired for more than N months. Conditions only: the count, the chunks and the
 * tests share them.
 */
function retentionConditions(day: string, d: Db) {
  const cutoff = addMonths(day, -getRetentionMonths(d));
  const cutoffIso = `${cutoff}T00:00:00.000Z`;
  return {
    mentee: and(
      isNull(mentees.anonymisedAt),
      or(
        and(
          inArray(mentees.status, ["completed", "ended_early"]),
          sql`not exists (select 1 from ${courses} c where c.mentee_id = ${qualified(mentees.id)} and (c.ended_on is null or c.ended_on >= ${cutoff}))`,
        ),
        and(eq(mentees.status, "withdrawn"), lt(mentees.updatedAt, cutoffIso)),
      ),
      // A placement running, planned or ended within the period keeps the citizen (an IGU runs two years).
      sql`not exists (select 1 from ${placements} p where p.mentee_id = ${qualified(mentees.id)} and (p.status in ('planned', 'active') or p.ended_on >= ${cutoff}))`,
    ),
    mentor: and(
      isNull(mentors.anonymisedAt),
      inArray(mentors.status, ["rejected", "retired"]),
      lt(mentors.updatedAt, cutoffIso),
    ),
  };
}

/** The next people due for retention on `day` after the given ids, at most `limit` of each kind (lowest ids first). */
export function dueForRetention(
  day: string,
  d: Db = db(),
  limit = RETENTION_CHUNK,
  after: { mentee?: number; mentor?: number } = {},
) {
  const c = retentionConditions(day, d);
  return {
    menteeIds: d
      .select({ id: mentees.id })
      .from(mentees)
      .where(and(c.mentee, gt(mentees.id, after.mentee ?? 0)))
      .orderBy(mentees.id)
      .limit(limit)
      .all()
      .map((r) => r.id),
    mentorIds: d
      .select({ id: mentors.id })
      .from(mentors)
      .where(and(c.mentor, gt(mentors.id, after.mentor ?? 0)))
      .orderBy(mentors.id)
      .limit(limit)
      .all()
      .map((r) => r.id),
  };
}

/** How many people are due for retention on `day` (the admin's page). */
export function countDueForRetention(day: string, d: Db = db()): { mentees: number; mentors: number } {
  const c = retentionConditions(day, d);
  const n = (table: typeof mentees | typeof mentors, where: ReturnType<typeof and>) => countRows(d, table, where);
  return { mentees: n(mentees, c.mentee), mentors: n(mentors, c.mentor) };
}

/**
 * Anonymises everyone due on `day`, a chunk at a time in id order (each person in their own transaction; the next
 * chunk starts after the last id), yielding to the event loop between chunks so requests are served meanwhile.
 */
export async function applyRetention(
  day: string,
  d: Db = db(),
  chunk = RETENTION_CHUNK,
): Promise<{ mentees: number; mentors: number }> {
  const done = { mentees: 0, mentors: 0 };
  for (const type of ["mentee", "mentor"] as const) {
    let after = 0;
    for (;;) {
      const due = dueForRetention(day, d, chunk, type === "mentee" ? { mentee: after } : { mentor: after });
      const ids = type === "mentee" ? due.menteeIds : due.mentorIds;
      if (!ids.length) break;
      for (const id of ids) erasePerson(type, id, { kind: "all" }, null, d);
      after = ids[ids.length - 1];
      if (type === "mentee") done.mentees += ids.length;
      else done.mentors += ids.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return done;
}

/**
 * Withdrawing consent is as easy as giving it. SMS: queued SMS are cancelled and no more are sent.
 * Participation (mentee) or data processing (mentor): live courses end.
 */
export function withdrawConsent(
  type: PersonType,
  id: number,
  purpose: ConsentPurpose,
  scope: Scope,
  actor: Actor,
  d: Db = db(),
): boolean {
  return transaction((tx) => {
    if (type === "mentee" && !menteeInScope(tx, id, scope)) return false;
    if (type === "mentor" && scope.kind !== "all") return false;
    const changed = tx
      .update(consents)
      .set({ withdrawnAt: nowIso(), withdrawnBy: actor?.id ?? null })
      .where(
        and(
          eq(consents.subjectType, type),
          eq(consents.subjectId, id),
          eq(consents.purpose, purpose),
          isNull(consents.withdrawnAt),
        ),
      )
      .run().changes;
    if (purpose === "sms" && type === "mentee") {
      tx.update(mentees).set({ smsOptOutAt: nowIso() }).where(eq(mentees.id, id)).run();
      tx.update(messages)
        .set({ status: "cancelled", lastError: "SMS consent withdrawn" })
        .where(
          and(
            eq(messages.subjectType, "mentee"),
            eq(messages.subjectId, id),
            eq(messages.channel, "sms"),
            inArray(messages.status, ["queued", "failed"]),
          ),
        )
        .run();
    }
    if (purpose === "participation" && type === "mentee") endLiveCourses(tx, eq(courses.menteeId, id), actor);
    if (purpose === "mentor_data_processing" && type === "mentor") endLiveCourses(tx, eq(courses.mentorId, id), actor);
    audit(actor, "update", type, id, { consentWithdrawn: purpose }, tx);
    return changed > 0;
  }, d);
}

/** Records a consent (again) with the current text version. */
export function giveConsent(
  type: PersonType,
  id: number,
  purpose: ConsentPurpose,
  textVersion: string,
  scope: Scope,
  actor: Actor,
  d: Db = db(),
): boolean {
  return transaction((tx) => {
    if (type === "mentee" && !menteeInScope(tx, id, scope)) return false;
    if (type === "mentor" && scope.kind !== "all") return false;
    tx.insert(consents)
      .values({
        subjectType: type,
        subjectId: id,
        purpose,
        textVersion,
        givenAt: nowIso(),
        recordedBy: actor?.id ?? null,
      })
      .run();
    if (purpose === "sms" && type === "mentee")
      tx.update(mentees).set({ smsOptOutAt: null }).where(eq(mentees.id, id)).run();
    audit(actor, "update", type, id, { consentGiven: purpose }, tx);
    return true;
  }, d);
}

export function listConsents(type: PersonType, id: number) {
  return db()
    .select()
    .from(consents)
    .where(and(eq(consents.subjectType, type), eq(consents.subjectId, id)))
    .orderBy(consents.givenAt)
    .all();
}

/** Name and status of a person for the data-protection page (a logged read). Null if not found or out of scope. */
export function personSummary(type: PersonType, id: number, scope: Scope, actor: Actor) {
  const d = db();
  if (type === "mentee") {
    const m = menteeInScope(d, id, scope);
    if (!m) return null;
    audit(actor, "view", "mentee", id);
    return {
      name: `${m.firstName} ${m.lastName}`,
      status: m.status,
      anonymisedAt: m.anonymisedAt,
      consents: listConsents(type, id),
    };
  }
  if (scope.kind !== "all") return null;
  const m = d.select().from(mentors).where(eq(mentors.id, id)).get();
  if (!m) return null;
  audit(actor, "view", "mentor", id);
  return {
    name: `${m.firstName} ${m.lastName}`,
    status: m.status,
    anonymisedAt: m.anonymisedAt,
    consents: listConsents(type, id),
  };
}

/** Whether the person exists within the caller's scope (a caseworker: own municipality's citizens only). */
export function personInScope(type: PersonType, id: number, scope: Scope): boolean {
  if (type === "mentee") return !!menteeInScope(db(), id, scope);
  return scope.kind === "all" && !!db().select({ id: mentors.id }).from(mentors).where(eq(mentors.id, id)).get();
}
