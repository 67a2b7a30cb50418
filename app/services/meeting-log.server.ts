/**
 * The mentor's side of a course: their own course page (the minimal mentee profile, the month-by-month plan, the
 * meeting log), logging, changing and deleting meetings, and proposing an outcome. A mentor only ever reaches their own
 * courses; each change is one transaction that also brings the course's facts up to date.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { courses, meetings, mentees, mentors, outcomes, surveys } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { addDays, addMonths } from "../domain/dates";
import { isClosed } from "../domain/course-status";
import type { MeetingForm, MeetingTopic, OutcomeType } from "../domain/enums";
import { now, today } from "../utils/clock";
import { changeCourse } from "./course-facts.server";
import { commitmentOf, courseMeetings, coursePausesOf, type CourseRow } from "./course-reads.server";
import { fail, ok, type Actor, type Failure, type Result, type Tx } from "./kernel.server";

/** A mentor may change or delete their own meeting entry for this many days after writing it. */
export const MEETING_EDIT_DAYS = 14;

const mentorActor = (userId: number): Actor => ({ id: userId, role: "mentor" });

export function mentorIdOf(userId: number, d: Db = db()): number | null {
  return d.select({ id: mentors.id }).from(mentors).where(eq(mentors.userId, userId)).get()?.id ?? null;
}

/** The mentor's (by their user id) own course, or null: a mentor only ever reaches their own courses. */
export function ownCourse(d: Db, userId: number, courseId: number) {
  const mentorId = mentorIdOf(userId, d);
  if (mentorId == null) return null;
  return (
    d
      .select()
      .from(courses)
      .where(and(eq(courses.id, courseId), eq(courses.mentorId, mentorId)))
      .get() ?? null
  );
}

/** What a mentor sees of their mentee: the minimum to meet and help them (first name, contact, languages, goals). */
export const menteeForMentor = {
  firstName: mentees.firstName,
  phone: mentees.phone,
  email: mentees.email,
  languages: mentees.languages,
  danishLevel: mentees.danishLevel,
  goals: mentees.goals,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
};

/** The mentor's own course page: the minimal mentee profile, the month-by-month plan, the meeting log. Null if not theirs. */
export function getMentorCourse(userId: number, courseId: number) {
  const d = db();
  const c = ownCourse(d, userId, courseId);
  if (!c) return null;
  const m = d.select(menteeForMentor).from(mentees).where(eq(mentees.id, c.menteeId)).get()!;
  const meetingRows = courseMeetings(d, courseId);
  const pauses = coursePausesOf(d, courseId);
  const proposed = d
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.courseId, courseId), eq(outcomes.recordedBy, userId)))
    .orderBy(asc(outcomes.id))
    .all();
  const openSurvey =
    d
      .select()
      .from(surveys)
      .where(and(eq(surveys.courseId, courseId), eq(surveys.respondent, "mentor"), isNull(surveys.answeredAt)))
      .orderBy(asc(surveys.id))
      .get() ?? null;
  const day = today();
  const editableFrom = new Date(now().getTime() - MEETING_EDIT_DAYS * 86_400_000).toISOString();
  const { id, status, startDate, plannedEndDate, endedOn } = c;
  return {
    course: { id, status, startDate, plannedEndDate, endedOn },
    mentee: m,
    commitment: commitmentOf(c, meetingRows, pauses, day),
    meetings: meetingRows.map((x) => ({
      ...x,
      editable: x.createdBy === userId && x.createdAt >= editableFrom && !isClosed(c.status),
    })),
    proposedOutcomes: proposed,
    openSurvey: openSurvey ? { id: openSurvey.id, kind: openSurvey.kind } : null,
    canLog: c.status === "active",
    canPropose: c.status === "active" || c.status === "paused" || isClosed(c.status),
    today: day,
  };
}

export type MeetingInput = {
  date: string;
  minutes: number;
  form: MeetingForm;
  topics: MeetingTopic[];
  nextStep?: string;
};

function checkMeetingDate(c: CourseRow, date: string): Failure | null {
  if (date > today()) return fail("courses.meeting.futureDate", "date");
  if (c.startDate && date < addDays(c.startDate, -14)) return fail("courses.meeting.beforeStart", "date");
  return null;
}

export function logMeeting(userId: number, courseId: number, input: MeetingInput): Result<{ id: number }> {
  return changeCourse(courseId, (t) => {
    const c = ownCourse(t, userId, courseId);
    if (!c) return fail("courses.errors.notFound");
    if (c.status !== "active") return fail("courses.meeting.notActive");
    const bad = checkMeetingDate(c, input.date);
    if (bad) return bad;
    const row = t
      .insert(meetings)
      .values({
        courseId,
        date: input.date,
        minutes: input.minutes,
        form: input.form,
        topics: input.topics,
        nextStep: input.nextStep || null,
        createdBy: userId,
      })
      .returning({ id: meetings.id })
      .get();
    audit(mentorActor(userId), "create", "meeting", row.id, { courseId }, t);
    return ok({ id: row.id });
  });
}

function editableMeeting(t: Tx, userId: number, courseId: number, meetingId: number) {
  const c = ownCourse(t, userId, courseId);
  if (!c || isClosed(c.status)) return null;
  const m = t
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.courseId, courseId), eq(meetings.createdBy, userId)))
    .get();
  if (!m) return null;
  const editableFrom = new Date(now().getTime() - MEETING_EDIT_DAYS * 86_400_000).toISOString();
  return m.createdAt >= editableFrom ? { c, m } : null;
}

export function updateMeeting(userId: number, courseId: number, meetingId: number, input: MeetingInput): Result {
  return changeCourse(courseId, (t) => {
    const found = editableMeeting(t, userId, courseId, meetingId);
    if (!found) return fail("courses.meeting.notEditable");
    const bad = checkMeetingDate(found.c, input.date);
    if (bad) return bad;
    t.update(meetings)
      .set({
        date: input.date,
        minutes: input.minutes,
        form: input.form,
        topics: input.topics,
        nextStep: input.nextStep || null,
      })
      .where(eq(meetings.id, meetingId))
      .run();
    audit(mentorActor(userId), "update", "meeting", meetingId, { courseId }, t);
    return ok();
  });
}

export function deleteMeeting(userId: number, courseId: number, meetingId: number): Result {
  return changeCourse(courseId, (t) => {
    if (!editableMeeting(t, userId, courseId, meetingId)) return fail("courses.meeting.notEditable");
    t.delete(meetings).where(eq(meetings.id, meetingId)).run();
    audit(mentorActor(userId), "delete", "meeting", meetingId, { courseId }, t);
    return ok();
  });
}

export type OutcomeInput = {
  type: OutcomeType;
  outcomeDate: string;
  employerIndustryCode?: string;
  viaMentorNetwork: boolean;
};

/** The mentor proposes an outcome; it counts only when a coordinator confirms it. */
export function proposeOutcome(userId: number, courseId: number, input: OutcomeInput): Result {
  return changeCourse(courseId, (t) => {
    const c = ownCourse(t, userId, courseId);
    if (!c || !c.startDate) return fail("courses.errors.notFound");
    if (c.status !== "active" && c.status !== "paused" && !isClosed(c.status)) return fail("courses.errors.notAllowed");
    if (input.outcomeDate < c.startDate) return fail("courses.outcome.beforeStart", "outcomeDate");
    if (input.outcomeDate > addMonths(today(), 1)) return fail("courses.outcome.tooLate", "outcomeDate");
    const row = t
      .insert(outcomes)
      .values({
        courseId,
        type: input.type,
        phase: "end",
        outcomeDate: input.outcomeDate,
        employerIndustryCode: input.employerIndustryCode ?? null,
        viaMentorNetwork: input.viaMentorNetwork,
        confirmed: false,
        recordedBy: userId,
      })
      .returning({ id: outcomes.id })
      .get();
    audit(mentorActor(userId), "create", "outcome", row.id, { courseId, proposed: true }, t);
    return ok();
  });
}
