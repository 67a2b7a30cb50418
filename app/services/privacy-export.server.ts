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
import { audit } from "./audit.server";
import { staffMessageColumns } from "../messaging/outbox-render.server";
import type { AuditActor, Scope } from "./kernel.server";
import { nowIso } from "../utils/clock";
import { menteeInScope, mentorInScope, type PersonType } from "./privacy.server";

/** Everything stored about one person, as plain data (for JSON and the readable HTML view). Null if not found/in scope. */
export function exportPerson(type: PersonType, id: number, scope: Scope, actor: AuditActor) {
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
  const mentor = mentorInScope(d, id, scope);
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
