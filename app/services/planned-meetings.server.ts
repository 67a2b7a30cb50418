/**
 * Planned meetings (issue 21): the mentor (or a coordinator) plans the next meeting of a course; both get a calendar
 * invite by email (the citizen by SMS too, or only, as they read), a change or cancellation sends an update, the
 * citizen gets a reminder the day before at an allowed hour (app/domain/planned-meetings.ts) and the mentor, once the
 * meeting has passed, confirms with one tap that it was held: that writes the logged meeting, the only kind that
 * counts in the commitment. Every change is one transaction with its messages and its access-log entry.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { courses, meetings, mentees, mentors, plannedMeetings } from "../../db/schema";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { addDays } from "../domain/dates";
import type { Channel, MeetingForm, MeetingTopic, MessageLanguage } from "../domain/enums";
import {
  awaitsLogging,
  canMove,
  changeable,
  checkPlannedTime,
  endsAt,
  localDateTime,
  reminderAt,
  reminderDay,
} from "../domain/planned-meetings";
import { isClosed } from "../domain/course-status";
import { cancelQueued, enqueue } from "../messaging/outbox.server";
import { copenhagenDate, now, nowIso } from "../utils/clock";
import { audit } from "./audit.server";
import { ownCourse } from "./meeting-log.server";

type Actor = { id: number; role: string };
type Tx = Db;
export type Failure = { ok: false; field?: string; message: string };
export type Result<T = object> = ({ ok: true } & T) | Failure;
const fail = (message: string, field?: string): Failure => ({ ok: false, message, field });

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

function tx<T>(fn: (t: Tx) => T): T {
  return db().transaction((t) => fn(t as unknown as Tx), { behavior: "immediate" });
}

function appUrl(): string {
  return config().APP_URL.replace(/\/$/, "");
}

/** Our sender address, the organiser of every invite. */
function organizerEmail(): string {
  const from = config().EMAIL_FROM;
  return from.match(/<([^>]+)>/)?.[1] ?? from.trim();
}

/** The course an actor may plan in: the mentor's own, or any for coordinators and admins. */
export function courseFor(t: Tx, actor: Actor, courseId: number): Course | null {
  if (actor.role === "mentor") {
    return ownCourse(t, actor.id, courseId);
  }
  if (actor.role === "coordinator" || actor.role === "admin")
    return t.select().from(courses).where(eq(courses.id, courseId)).get() ?? null;
  return null;
}

/* ------------------------------------------------------------------ messages */

type Kind = "planned" | "changed" | "cancelled";

type People = {
  mentor: { id: number; firstName: string; email: string; locale: "da" | "en"; anonymisedAt: string | null };
  mentee: {
    id: number;
    firstName: string;
    phone: string | null;
    email: string | null;
    preferredChannel: Channel;
    language: MessageLanguage;
    smsOptOutAt: string | null;
    emailOptOutAt: string | null;
    anonymisedAt: string | null;
  };
};

function people(t: Tx, c: Course): People {
  const mentor = t
    .select({
      id: mentors.id,
      firstName: mentors.firstName,
      email: mentors.email,
      locale: mentors.locale,
      anonymisedAt: mentors.anonymisedAt,
    })
    .from(mentors)
    .where(eq(mentors.id, c.mentorId))
    .get()!;
  const mentee = t
    .select({
      id: mentees.id,
      firstName: mentees.firstName,
      phone: mentees.phone,
      email: mentees.email,
      preferredChannel: mentees.preferredChannel,
      language: mentees.language,
      smsOptOutAt: mentees.smsOptOutAt,
      emailOptOutAt: mentees.emailOptOutAt,
      anonymisedAt: mentees.anonymisedAt,
    })
    .from(mentees)
    .where(eq(mentees.id, c.menteeId))
    .get()!;
  return { mentor, mentee };
}

function meetingData(p: Planned) {
  return { ...localDateTime(p.startsAt), form: p.form, place: p.place };
}

function ics(p: Planned, attendeeEmail: string) {
  const host = new URL(appUrl()).hostname;
  return {
    uid: `planned-${p.id}@${host}`,
    sequence: p.sequence,
    cancelled: p.status === "cancelled",
    startsAt: p.startsAt,
    minutes: p.minutes,
    location: p.place,
    description: p.agenda,
    organizerEmail: organizerEmail(),
    attendeeEmail,
    stamp: nowIso(),
  };
}

/**
 * The invite, its update or its cancellation, to both. The citizen gets the email with the invite when they have a
 * usable address, and an SMS when they read SMS (or have no email): the SMS says when and where, without a link.
 */
function sendMeetingMessages(t: Tx, c: Course, p: Planned, kind: Kind) {
  const { mentor, mentee } = people(t, c);
  const key = `planned:${p.id}:${p.sequence}:${kind}`;
  if (!mentor.anonymisedAt) {
    enqueue(
      {
        channel: "email",
        recipient: mentor.email,
        template: `meeting_${kind}_mentor`,
        locale: mentor.locale,
        subjectType: "mentor",
        subjectId: mentor.id,
        data: {
          ...meetingData(p),
          menteeFirstName: mentee.firstName,
          agenda: p.agenda,
          url: `${appUrl()}/mentor/forloeb/${c.id}`,
          ics: ics(p, mentor.email),
        },
        idempotencyKey: `${key}:mentor`,
      },
      t,
    );
  }
  if (mentee.anonymisedAt) return;
  const base = {
    template: `meeting_${kind}_mentee`,
    locale: mentee.language,
    subjectType: "mentee" as const,
    subjectId: mentee.id,
  };
  const data = { ...meetingData(p), mentorFirstName: mentor.firstName };
  const email = mentee.email && !mentee.emailOptOutAt ? mentee.email : null;
  const sms = mentee.phone && !mentee.smsOptOutAt ? mentee.phone : null;
  if (email)
    enqueue(
      {
        ...base,
        channel: "email",
        recipient: email,
        data: { ...data, ics: ics(p, email) },
        idempotencyKey: `${key}:mentee:email`,
      },
      t,
    );
  if (sms && (!email || mentee.preferredChannel === "sms"))
    enqueue({ ...base, channel: "sms", recipient: sms, data, idempotencyKey: `${key}:mentee:sms` }, t);
}

const reminderKeys = (p: Pick<Planned, "id">, startsAt: string) => [
  `planned:${p.id}:reminder:${startsAt}:mentee`,
  `planned:${p.id}:reminder:${startsAt}:mentor`,
];

/**
 * Queues the reminders of a planned meeting once its reminder day (the day before) has come: to the citizen (SMS
 * when they can get one, else email) and the mentor (email), not before the reminder's instant. Idempotent per start
 * time; returns how many messages it queued.
 */
export function queueReminder(t: Tx, c: Course, p: Planned, at: Date = now()): number {
  if (p.status !== "planned" || p.reminderFor === p.startsAt) return 0;
  const startsAt = new Date(p.startsAt);
  if (copenhagenDate(at) < reminderDay(startsAt)) return 0;
  const when = reminderAt(startsAt, at);
  t.update(plannedMeetings).set({ reminderFor: p.startsAt }).where(eq(plannedMeetings.id, p.id)).run();
  if (!when) return 0;
  const { mentor, mentee } = people(t, c);
  const [menteeKey, mentorKey] = reminderKeys(p, p.startsAt);
  let n = 0;
  const sms = mentee.phone && !mentee.smsOptOutAt ? mentee.phone : null;
  const email = mentee.email && !mentee.emailOptOutAt ? mentee.email : null;
  const to = sms
    ? { channel: "sms" as const, recipient: sms }
    : email
      ? { channel: "email" as const, recipient: email }
      : null;
  if (to && !mentee.anonymisedAt) {
    if (
      enqueue(
        {
          ...to,
          template: "meeting_reminder_mentee",
          locale: mentee.language,
          subjectType: "mentee",
          subjectId: mentee.id,
          data: { ...meetingData(p), mentorFirstName: mentor.firstName },
          idempotencyKey: menteeKey,
          notBefore: when,
        },
        t,
      )
    )
      n++;
  }
  if (!mentor.anonymisedAt) {
    if (
      enqueue(
        {
          channel: "email",
          recipient: mentor.email,
          template: "meeting_reminder_mentor",
          locale: mentor.locale,
          subjectType: "mentor",
          subjectId: mentor.id,
          data: {
            ...meetingData(p),
            menteeFirstName: mentee.firstName,
            agenda: p.agenda,
            url: `${appUrl()}/mentor/forloeb/${c.id}`,
          },
          idempotencyKey: mentorKey,
          notBefore: when,
        },
        t,
      )
    )
      n++;
  }
  return n;
}

/* ------------------------------------------------------------------ planning, changing, cancelling */

function checkTime(input: PlanInput): Failure | { startsAt: Date } {
  const check = checkPlannedTime(input.date, input.time, now());
  if (check.ok) return { startsAt: check.startsAt };
  return fail(`between.meeting.errors.${check.reason}`, check.field);
}

export function planMeeting(actor: Actor, courseId: number, input: PlanInput): Result<{ id: number }> {
  return tx((t) => {
    const c = courseFor(t, actor, courseId);
    if (!c) return fail("courses.errors.notFound");
    if (c.status !== "approved" && c.status !== "active") return fail("between.meeting.errors.notRunning");
    const time = checkTime(input);
    if ("ok" in time) return time;
    const p = t
      .insert(plannedMeetings)
      .values({
        courseId,
        startsAt: time.startsAt.toISOString(),
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
    return { ok: true as const, id: p.id };
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
  return tx((t) => {
    const c = courseFor(t, actor, courseId);
    const p = c ? plannedIn(t, courseId, id) : null;
    if (!c || !p) return fail("courses.errors.notFound");
    if (!changeable(p, now())) return fail("between.meeting.errors.notChangeable");
    const time = checkTime(input);
    if ("ok" in time) return time;
    const startsAt = time.startsAt.toISOString();
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
    return { ok: true as const };
  });
}

export function cancelMeeting(actor: Actor, courseId: number, id: number): Result {
  return tx((t) => {
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
    return { ok: true as const };
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
  return tx((t) => {
    const actor = { id: userId, role: "mentor" };
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
    return { ok: true as const, meetingId: m.id };
  });
}

/** The mentor says a planned meeting did not happen (nothing is logged). */
export function markMissed(userId: number, courseId: number, id: number): Result {
  return tx((t) => {
    const actor = { id: userId, role: "mentor" };
    const c = courseFor(t, actor, courseId);
    const p = c ? plannedIn(t, courseId, id) : null;
    if (!c || !p) return fail("courses.errors.notFound");
    if (p.status !== "planned" || new Date(p.startsAt).getTime() > now().getTime())
      return fail("between.meeting.errors.notPassed");
    t.update(plannedMeetings).set({ status: "missed" }).where(eq(plannedMeetings.id, p.id)).run();
    audit(actor, "update", "planned_meeting", p.id, { courseId, status: "missed" }, t);
    return { ok: true as const };
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

/**
 * A course's planned meetings for its pages: those ahead, those waiting to be logged, and the latest few others.
 * The caller has checked the course is the actor's (getMentorCourse / getCourseForStaff).
 */
export function plannedForCourse(courseId: number, d: Db = db(), limit = 10): PlannedView[] {
  const at = now();
  return d
    .select()
    .from(plannedMeetings)
    .where(eq(plannedMeetings.courseId, courseId))
    .orderBy(sql`case when ${plannedMeetings.status} = 'planned' then 0 else 1 end`, desc(plannedMeetings.startsAt))
    .limit(limit)
    .all()
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

/* ------------------------------------------------------------------ the daily job */

const CHUNK = 200;

/**
 * The daily work (app/jobs/planned-meetings.server.ts): queue the reminders whose day has come (meetings up to the end
 * of tomorrow), and ask mentors to log meetings that passed. In chunks of CHUNK rows, each in its own transaction,
 * paged by id, so a national backlog never holds the database for long.
 */
export function runPlannedMeetingJobs(d: Db, day: string, at: Date = now()): { reminders: number; prompts: number } {
  let reminders = 0;
  let prompts = 0;
  // Reminders: planned meetings starting before the end of tomorrow (Copenhagen), not yet reminded for their time.
  const horizon = new Date(at.getTime() + 2 * 86_400_000).toISOString();
  let after = 0;
  for (;;) {
    const rows = d
      .select({ p: plannedMeetings, c: courses })
      .from(plannedMeetings)
      .innerJoin(courses, eq(courses.id, plannedMeetings.courseId))
      .where(
        and(
          eq(plannedMeetings.status, "planned"),
          gt(plannedMeetings.startsAt, at.toISOString()),
          lte(plannedMeetings.startsAt, horizon),
          or(isNull(plannedMeetings.reminderFor), ne(plannedMeetings.reminderFor, plannedMeetings.startsAt)),
          gt(plannedMeetings.id, after),
          inArray(courses.status, ["approved", "active"]),
        ),
      )
      .orderBy(asc(plannedMeetings.id))
      .limit(CHUNK)
      .all();
    if (!rows.length) break;
    after = rows[rows.length - 1].p.id;
    d.transaction(
      (t0) => {
        for (const r of rows) reminders += queueReminder(t0 as unknown as Tx, r.c, r.p, at);
      },
      { behavior: "immediate" },
    );
  }
  // Prompts: meetings that ended and are still "planned", asked about once.
  after = 0;
  const base = appUrl();
  for (;;) {
    const rows = d
      .select({ p: plannedMeetings, c: courses })
      .from(plannedMeetings)
      .innerJoin(courses, eq(courses.id, plannedMeetings.courseId))
      .where(
        and(
          eq(plannedMeetings.status, "planned"),
          lte(plannedMeetings.startsAt, at.toISOString()),
          isNull(plannedMeetings.logPromptAt),
          gt(plannedMeetings.id, after),
          eq(courses.status, "active"),
        ),
      )
      .orderBy(asc(plannedMeetings.id))
      .limit(CHUNK)
      .all();
    if (!rows.length) break;
    after = rows[rows.length - 1].p.id;
    d.transaction(
      (t0) => {
        const t = t0 as unknown as Tx;
        for (const { p, c } of rows) {
          if (endsAt(new Date(p.startsAt), p.minutes).getTime() > at.getTime()) continue; // not over yet: tomorrow's run asks
          t.update(plannedMeetings).set({ logPromptAt: at.toISOString() }).where(eq(plannedMeetings.id, p.id)).run();
          if (!awaitsLogging(p, at)) continue; // too long ago to ask

          const { mentor, mentee } = people(t, c);
          if (mentor.anonymisedAt) continue;
          if (
            enqueue(
              {
                channel: "email",
                recipient: mentor.email,
                template: "meeting_log_prompt",
                locale: mentor.locale,
                subjectType: "mentor",
                subjectId: mentor.id,
                data: {
                  ...localDateTime(p.startsAt),
                  menteeFirstName: mentee.firstName,
                  url: `${base}/mentor/forloeb/${c.id}#planned-title`,
                },
                idempotencyKey: `planned:${p.id}:log-prompt`,
              },
              t,
            )
          )
            prompts++;
        }
      },
      { behavior: "immediate" },
    );
  }
  void day;
  return { reminders, prompts };
}
