/**
 * Planned meetings (issue 21): the mentor (or a coordinator) plans the next meeting of a course; both get a calendar
 * invite by email (the citizen by SMS too, or only, as they read), a change or cancellation sends an update, the
 * citizen gets a reminder the day before at an allowed hour (app/domain/planned-meetings.ts) and the mentor, once the
 * meeting has passed, confirms with one tap that it was held: that writes the logged meeting, the only kind that
 * counts in the commitment. Every change is one transaction with its messages and its access-log entry.
 *
 * Here: the commands and the read models. The messages are in planned-meeting-messages.server.ts, the daily job's
 * work in planned-meeting-jobs.server.ts.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { courses, meetings, plannedMeetings } from "../../db/schema";
import { db, type Db } from "../db.server";
import { addDays } from "../domain/dates";
import type { MeetingForm, MeetingTopic } from "../domain/enums";
import { awaitsLogging, canMove, changeable, checkPlannedTime, localDateTime } from "../domain/planned-meetings";
import { isClosed } from "../domain/course-status";
import { cancelQueued } from "../messaging/outbox.server";
import { now } from "../utils/clock";
import { builtOnce } from "../utils/sql";
import { audit } from "./audit.server";
import { ownCourse } from "./meeting-log.server";
import { fail, ok, transaction, type Actor, type Result, type Tx } from "./kernel.server";
import { people, queueReminder, reminderKeys, sendMeetingMessages } from "./planned-meeting-messages.server";

export type PlanInput = {
  date: string;
  time: string;
  minutes: number;
  form: MeetingForm;
  place?: string;
  agenda?: string;
};
type Planned = typeof plannedMeetings.$inferSelect;
type Course = typeof courses.$inferSelect;

/** The course an actor may plan in: the mentor's own, or any for coordinators and admins. */
export function courseFor(t: Tx, actor: Actor, courseId: number): Course | null {
  if (actor.role === "mentor") {
    return ownCourse(t, actor.id, courseId);
  }
  if (actor.role === "coordinator" || actor.role === "admin")
    return t.select().from(courses).where(eq(courses.id, courseId)).get() ?? null;
  return null;
}

/* ------------------------------------------------------------------ planning, changing, cancelling */

function checkTime(input: PlanInput): Result<Date> {
  const check = checkPlannedTime(input.date, input.time, now());
  if (check.ok) return ok(check.startsAt);
  return fail(`between.meeting.errors.${check.reason}`, check.field);
}

export function planMeeting(actor: Actor, courseId: number, input: PlanInput): Result<{ id: number }> {
  return transaction((t) => {
    const c = courseFor(t, actor, courseId);
    if (!c) return fail("courses.errors.notFound");
    if (c.status !== "approved" && c.status !== "active") return fail("between.meeting.errors.notRunning");
    const time = checkTime(input);
    if (!time.ok) return time;
    const p = t
      .insert(plannedMeetings)
      .values({
        courseId,
        startsAt: time.value.toISOString(),
        minutes: input.minutes,
        form: input.form,
        place: input.place || null,
        agenda: input.agenda || null,
        createdBy: actor.id,
      })
      .returning()
      .get();
    sendMeetingMessages(t, c, p, "planned");
    queueReminder(t, c, p);
    audit(actor, "create", "planned_meeting", p.id, { courseId }, t);
    return ok({ id: p.id });
  });
}

function plannedIn(t: Tx, courseId: number, id: number): Planned | null {
  return (
    t
      .select()
      .from(plannedMeetings)
      .where(and(eq(plannedMeetings.id, id), eq(plannedMeetings.courseId, courseId)))
      .get() ?? null
  );
}

export function changeMeeting(actor: Actor, courseId: number, id: number, input: PlanInput): Result {
  return transaction((t) => {
    const c = courseFor(t, actor, courseId);
    const p = c ? plannedIn(t, courseId, id) : null;
    if (!c || !p) return fail("courses.errors.notFound");
    if (!changeable(p, now())) return fail("between.meeting.errors.notChangeable");
    const time = checkTime(input);
    if (!time.ok) return time;
    const startsAt = time.value.toISOString();
    const moved = startsAt !== p.startsAt;
    if (moved) cancelQueued(reminderKeys(p, p.startsAt), "the meeting moved", t);
    const next = t
      .update(plannedMeetings)
      .set({
        startsAt,
        minutes: input.minutes,
        form: input.form,
        place: input.place || null,
        agenda: input.agenda || null,
        sequence: p.sequence + 1,
        ...(moved ? { reminderFor: null } : {}),
      })
      .where(eq(plannedMeetings.id, p.id))
      .returning()
      .get();
    sendMeetingMessages(t, c, next, "changed");
    queueReminder(t, c, next);
    audit(actor, "update", "planned_meeting", p.id, { courseId, moved }, t);
    return ok();
  });
}

export function cancelMeeting(actor: Actor, courseId: number, id: number): Result {
  return transaction((t) => {
    const c = courseFor(t, actor, courseId);
    const p = c ? plannedIn(t, courseId, id) : null;
    if (!c || !p) return fail("courses.errors.notFound");
    if (!changeable(p, now()) || !canMove(p.status, "cancelled")) return fail("between.meeting.errors.notChangeable");
    cancelQueued(reminderKeys(p, p.startsAt), "the meeting was cancelled", t);
    const next = t
      .update(plannedMeetings)
      .set({ status: "cancelled", sequence: p.sequence + 1 })
      .where(eq(plannedMeetings.id, p.id))
      .returning()
      .get();
    sendMeetingMessages(t, c, next, "cancelled");
    audit(actor, "update", "planned_meeting", p.id, { courseId, status: "cancelled" }, t);
    return ok();
  });
}

/* ------------------------------------------------------------------ after the meeting */

export type ConfirmInput = { minutes: number; topics: MeetingTopic[] };

/**
 * The mentor confirms that a planned meeting was held: the logged meeting is written (its date the meeting's
 * Copenhagen date, the confirmed duration and topics) and counts in the commitment like any other.
 */
export function confirmHeld(
  userId: number,
  courseId: number,
  id: number,
  input: ConfirmInput,
): Result<{ meetingId: number }> {
  return transaction((t) => {
    const actor: Actor = { id: userId, role: "mentor" };
    const c = courseFor(t, actor, courseId);
    const p = c ? plannedIn(t, courseId, id) : null;
    if (!c || !p) return fail("courses.errors.notFound");
    if (c.status !== "active") return fail("courses.meeting.notActive");
    if (p.status !== "planned" || new Date(p.startsAt).getTime() > now().getTime())
      return fail("between.meeting.errors.notPassed");
    const { date } = localDateTime(p.startsAt);
    if (c.startDate && date < addDays(c.startDate, -14)) return fail("courses.meeting.beforeStart");
    const m = t
      .insert(meetings)
      .values({
        courseId,
        date,
        minutes: input.minutes,
        form: p.form,
        topics: input.topics,
        nextStep: null,
        createdBy: userId,
      })
      .returning({ id: meetings.id })
      .get();
    t.update(plannedMeetings).set({ status: "held", meetingId: m.id }).where(eq(plannedMeetings.id, p.id)).run();
    audit(actor, "create", "meeting", m.id, { courseId, plannedMeetingId: p.id }, t);
    return ok({ meetingId: m.id });
  });
}

/** The mentor says a planned meeting did not happen (nothing is logged). */
export function markMissed(userId: number, courseId: number, id: number): Result {
  return transaction((t) => {
    const actor: Actor = { id: userId, role: "mentor" };
    const c = courseFor(t, actor, courseId);
    const p = c ? plannedIn(t, courseId, id) : null;
    if (!c || !p) return fail("courses.errors.notFound");
    if (p.status !== "planned" || new Date(p.startsAt).getTime() > now().getTime())
      return fail("between.meeting.errors.notPassed");
    t.update(plannedMeetings).set({ status: "missed" }).where(eq(plannedMeetings.id, p.id)).run();
    audit(actor, "update", "planned_meeting", p.id, { courseId, status: "missed" }, t);
    return ok();
  });
}

/* ------------------------------------------------------------------ reading */

export type PlannedView = {
  id: number;
  date: string;
  time: string;
  startsAt: string;
  minutes: number;
  form: MeetingForm;
  place: string | null;
  agenda: string | null;
  status: Planned["status"];
  changeable: boolean;
  awaitsLogging: boolean;
};

function toView(p: Planned, at: Date): PlannedView {
  return {
    id: p.id,
    ...localDateTime(p.startsAt),
    startsAt: p.startsAt,
    minutes: p.minutes,
    form: p.form,
    place: p.place,
    agenda: p.agenda,
    status: p.status,
    changeable: changeable(p, at),
    awaitsLogging: awaitsLogging(p, at),
  };
}

const plannedOfCourse = builtOnce((d: Db) =>
  d
    .select()
    .from(plannedMeetings)
    .where(eq(plannedMeetings.courseId, sql.placeholder("courseId")))
    .orderBy(sql`case when ${plannedMeetings.status} = 'planned' then 0 else 1 end`, desc(plannedMeetings.startsAt))
    .limit(sql.placeholder("limit"))
    .prepare(),
);
/**
 * A course's planned meetings for its pages: those ahead, those waiting to be logged, and the latest few others.
 * The caller has checked the course is the actor's (getMentorCourse / getCourseForStaff).
 */
export function plannedForCourse(courseId: number, d: Db = db(), limit = 10): PlannedView[] {
  const at = now();
  return plannedOfCourse(d)
    .all({ courseId, limit })
    .map((p) => toView(p, at));
}

/** One planned meeting of a course the actor may plan in (null otherwise). */
export function plannedMeetingFor(
  actor: Actor,
  courseId: number,
  id: number,
  d: Db = db(),
): (PlannedView & { courseStatus: Course["status"] }) | null {
  const c = courseFor(d, actor, courseId);
  const p = c ? plannedIn(d, courseId, id) : null;
  return c && p ? { ...toView(p, now()), courseStatus: c.status } : null;
}

/** Whether the actor may plan in this course (and its status, for the page). */
export function planningCourse(actor: Actor, courseId: number, d: Db = db()) {
  const c = courseFor(d, actor, courseId);
  if (!c) return null;
  const { mentee } = people(d, c);
  return {
    id: c.id,
    status: c.status,
    menteeFirstName: mentee.firstName,
    canPlan: c.status === "approved" || c.status === "active",
    closed: isClosed(c.status),
  };
}
