/**
 * Access on request (GDPR art. 15): everything stored about one person, as plain data for the JSON download and the
 * readable HTML view. A logged read; null if the person is not found or not in the caller's scope.
 */
import { and, eq, inArray } from "drizzle-orm";
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
  mentorScreenings,
  messages,
  openingProposals,
  outcomes,
  placementFollowUps,
  placementSchoolPeriods,
  placements,
  plannedMeetings,
  statusChanges,
  surveys,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit, auditLogUpToDate } from "./audit.server";
import { staffMessageColumns } from "../messaging/outbox-render.server";
import type { AuditActor, Scope } from "./kernel.server";
import { nowIso } from "../utils/clock";
import { courseDates } from "./course-reads.server";
import { about } from "./person-records.server";
import { menteeInScope, mentorInScope, type PersonType } from "./privacy.server";

/**
 * What every person's export holds, mentee or mentor: consents, the meetings and planned meetings of their courses
 * and their own survey answers (the courses as a subquery: no list of ids in the statement), the messages sent to
 * them, their status history and the access log of their record.
 */
function recordsOf(d: Db, type: PersonType, id: number) {
  // The access log up to this very export (its own row included).
  auditLogUpToDate(d);
  const courseIds = d
    .select({ id: courses.id })
    .from(courses)
    .where(eq(type === "mentee" ? courses.menteeId : courses.mentorId, id));
  return {
    courseIds,
    consents: d
      .select()
      .from(consents)
      .where(about(consents, type, id))
      .all(),
    meetings: d.select().from(meetings).where(inArray(meetings.courseId, courseIds)).all(),
    surveys: d
      .select()
      .from(surveys)
      .where(and(inArray(surveys.courseId, courseIds), eq(surveys.respondent, type)))
      .all(),
    plannedMeetings: d.select().from(plannedMeetings).where(inArray(plannedMeetings.courseId, courseIds)).all(),
    messages: d
      .select(staffMessageColumns)
      .from(messages)
      .where(about(messages, type, id))
      .all(),
    statusChanges: d
      .select()
      .from(statusChanges)
      .where(about(statusChanges, type, id))
      .all(),
    accessLog: d
      .select()
      .from(auditLog)
      .where(about(auditLog, type, id))
      .all(),
  };
}
type Records = ReturnType<typeof recordsOf>;

/** A citizen's export, in the order the readable view shows it. */
function menteeExport(d: Db, mentee: NonNullable<ReturnType<typeof menteeInScope>>, r: Records) {
  const id = mentee.id;
  const companySide = companySideOf(d, id);
  return {
    type: "mentee" as const,
    exportedAt: nowIso(),
    person: mentee,
    consents: r.consents,
    courses: d.select().from(courses).where(eq(courses.menteeId, id)).all(),
    meetings: r.meetings,
    followUps: d.select().from(followUps).where(inArray(followUps.courseId, r.courseIds)).all(),
    outcomes: d.select().from(outcomes).where(inArray(outcomes.courseId, r.courseIds)).all(),
    surveys: r.surveys,
    competenceProfiles: companySide.competenceProfiles,
    openingProposals: companySide.openingProposals,
    placements: companySide.placements,
    placementSchoolPeriods: companySide.placementSchoolPeriods,
    placementFollowUps: companySide.placementFollowUps,
    plannedMeetings: r.plannedMeetings,
    goals: d.select().from(courseGoals).where(inArray(courseGoals.courseId, r.courseIds)).all(),
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
    messages: r.messages,
    statusChanges: r.statusChanges,
    accessLog: r.accessLog,
  };
}

/** A mentor's export: their account, screenings and courses (dates and status only), in the view's order. */
function mentorExport(d: Db, mentor: NonNullable<ReturnType<typeof mentorInScope>>, r: Records) {
  const id = mentor.id;
  const account = mentor.userId
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
    type: "mentor" as const,
    exportedAt: nowIso(),
    person: mentor,
    account,
    screenings: d.select().from(mentorScreenings).where(eq(mentorScreenings.mentorId, id)).all(),
    consents: r.consents,
    courses: d.select(courseDates).from(courses).where(eq(courses.mentorId, id)).all(),
    meetings: r.meetings,
    surveys: r.surveys,
    plannedMeetings: r.plannedMeetings,
    guidanceRead: d.select().from(guidanceReads).where(eq(guidanceReads.mentorId, id)).all(),
    messages: r.messages,
    statusChanges: r.statusChanges,
    accessLog: r.accessLog,
  };
}

export type MenteeExport = ReturnType<typeof menteeExport>;
export type MentorExport = ReturnType<typeof mentorExport>;
export type PersonExport = MenteeExport | MentorExport;

/** Everything stored about one person, as plain data (for JSON and the readable HTML view). Null if not found/in scope. */
export function exportPerson(type: "mentee", id: number, scope: Scope, actor: AuditActor): MenteeExport | null;
export function exportPerson(type: "mentor", id: number, scope: Scope, actor: AuditActor): MentorExport | null;
export function exportPerson(type: PersonType, id: number, scope: Scope, actor: AuditActor): PersonExport | null;
export function exportPerson(type: PersonType, id: number, scope: Scope, actor: AuditActor): PersonExport | null {
  const d = db();
  if (type === "mentee") {
    const mentee = menteeInScope(d, id, scope);
    if (!mentee) return null;
    audit(actor, "export", type, id);
    return menteeExport(d, mentee, recordsOf(d, type, id));
  }
  const mentor = mentorInScope(d, id, scope);
  if (!mentor) return null;
  audit(actor, "export", type, id);
  return mentorExport(d, mentor, recordsOf(d, type, id));
}

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
