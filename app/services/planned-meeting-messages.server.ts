/**
 * The messages of a planned meeting (issue 21): the invite, its update or cancellation to both (a calendar invite by
 * email; the citizen by SMS too, or only, as they read), the reminders the day before, and the mentor's prompt to log
 * a meeting that passed. Each in the caller's transaction, under a stable idempotency key.
 */
import { eq } from "drizzle-orm";
import { courses, mentees, mentors, plannedMeetings } from "../../db/schema";
import { config } from "../config.server";
import type { Channel, MessageLanguage } from "../domain/enums";
import { localDateTime, reminderAt, reminderDay } from "../domain/planned-meetings";
import { enqueue } from "../messaging/outbox.server";
import { copenhagenDate, now, nowIso } from "../utils/clock";
import { absoluteUrl, type Tx } from "./kernel.server";

type Planned = typeof plannedMeetings.$inferSelect;
type Course = typeof courses.$inferSelect;

/** Our sender address, the organiser of every invite. */
function organizerEmail(): string {
  const from = config().EMAIL_FROM;
  return from.match(/<([^>]+)>/)?.[1] ?? from.trim();
}

export type Kind = "planned" | "changed" | "cancelled";

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

export function people(t: Tx, c: Course): People {
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

export function meetingData(p: Planned) {
  return { ...localDateTime(p.startsAt), form: p.form, place: p.place };
}

/** What the mentor's messages about a meeting say: when, where, with whom, the agenda and the link to the course. */
function mentorData(c: Course, p: Planned, menteeFirstName: string) {
  return { ...meetingData(p), menteeFirstName, agenda: p.agenda, url: absoluteUrl(`/mentor/forloeb/${c.id}`) };
}

function ics(p: Planned, attendeeEmail: string) {
  const host = new URL(absoluteUrl("/")).hostname;
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
export function sendMeetingMessages(t: Tx, c: Course, p: Planned, kind: Kind) {
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
          ...mentorData(c, p, mentee.firstName),
          ics: ics(p, mentor.email),
        },
        idempotencyKey: `${key}:mentor`,
      },
      t,
    );
  }
  if (mentee.anonymisedAt) return;
  const base = {
    template: `meeting_${kind}_mentee` as const,
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

export const reminderKeys = (p: Pick<Planned, "id">, startsAt: string) => [
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
          data: mentorData(c, p, mentee.firstName),
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

/** Asks the mentor to log a planned meeting that passed (once: a stable key). Whether a message was queued. */
export function queueLogPrompt(t: Tx, c: Course, p: Planned): boolean {
  const { mentor, mentee } = people(t, c);
  if (mentor.anonymisedAt) return false;
  return (
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
          url: absoluteUrl(`/mentor/forloeb/${c.id}#planned-title`),
        },
        idempotencyKey: `planned:${p.id}:log-prompt`,
      },
      t,
    ) != null
  );
}
