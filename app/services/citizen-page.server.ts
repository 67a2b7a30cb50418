/**
 * The citizen's own page (`/mig/:token`, issue 21). A citizen has no account: the page is reached through a personal
 * link (a random token stored only as its SHA-256 in verification_tokens, purpose `citizen_page`), sent in the welcome
 * and match messages, on request by SMS ("LINK" to our number) or by a coordinator. It shows what the citizen already
 * knows (their mentor's first name and phone, the next planned meeting, the goals, the coordinator's contact) in their
 * language, lets them ask to be called, change their phone number or language (confirmed by a code to the number),
 * and opt out. Every view and change is in the access log as the citizen's. The link dies by the rules of
 * app/domain/citizen-link.ts (expiry, revocation, withdrawal, erasure, a month after the course).
 *
 * Here: what the page shows. The links are in citizen-links.server.ts, the citizen's requests (a call, a change of
 * contact) in citizen-requests.server.ts.
 */
import { runningCourseStatuses } from "../domain/enums";
import { and, asc, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import {
  callRequests,
  citizenContactChanges,
  courseGoals,
  courses,
  mentees,
  mentors,
  plannedMeetings,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { hit } from "../auth/rate-limit.server";
import { addressKey } from "../auth/client-address";
import { contactCodeState } from "../domain/citizen-link";
import type { GoalKind, GoalStatus, MeetingForm, MessageLanguage } from "../domain/enums";
import { localDateTime } from "../domain/planned-meetings";
import { optOutUrl } from "../messaging/preferences.server";
import { now, nowIso } from "../utils/clock";
import { audit } from "./audit.server";
import { resolve } from "./citizen-links.server";
import { childRows } from "../utils/sql";

const CITIZEN = { id: null, role: "citizen" } as const;

export type CitizenGoal = { kind: GoalKind; text: string | null; status: GoalStatus; targetDate: string | null };
export type CitizenMeeting = {
  date: string;
  time: string;
  minutes: number;
  form: MeetingForm;
  place: string | null;
  agenda: string | null;
};
export type CitizenView = {
  firstName: string;
  language: MessageLanguage;
  /** The phone number with all but the last two digits hidden (a link that went astray shows no number). */
  phoneHint: string | null;
  mentor: { firstName: string; phone: string } | null;
  nextMeeting: CitizenMeeting | null;
  goals: CitizenGoal[];
  coordinator: { name: string | null; email: string };
  callRequested: boolean;
  pendingChange: { id: number; newPhone: boolean; newLanguage: MessageLanguage | null } | null;
  optOutUrl: string;
};

export type CitizenPage =
  | { state: "invalid" }
  | { state: "expired" | "revoked" | "closed"; language: MessageLanguage }
  | { state: "open"; menteeId: number; view: CitizenView };

function hint(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, "");
  return `•• •• •• ${digits.slice(-2)}`;
}

function view(d: Db, menteeId: number): CitizenView {
  const m = d
    .select({ firstName: mentees.firstName, language: mentees.language, phone: mentees.phone })
    .from(mentees)
    .where(eq(mentees.id, menteeId))
    .get()!;
  // The latest course that ran or runs, with the mentor and the coordinator who approved it.
  const course = d
    .select({
      id: courses.id,
      status: courses.status,
      mentor: { firstName: mentors.firstName, phone: mentors.phone, anonymisedAt: mentors.anonymisedAt },
      coordinator: { name: users.name, email: users.email, active: users.active },
    })
    .from(courses)
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .leftJoin(users, eq(users.id, courses.approvedBy))
    .where(
      and(
        eq(courses.menteeId, menteeId),
        inArray(courses.status, [...runningCourseStatuses, "completed", "ended_early"]),
      ),
    )
    .orderBy(desc(courses.id))
    .limit(1)
    .get();
  const running = !!course && (runningCourseStatuses as readonly string[]).includes(course.status);
  const mentor = running && !course.mentor.anonymisedAt ? course.mentor : null;
  const coordinator = course?.coordinator;
  const next = running
    ? d
        .select()
        .from(plannedMeetings)
        .where(
          and(
            eq(plannedMeetings.courseId, course.id),
            eq(plannedMeetings.status, "planned"),
            gt(plannedMeetings.startsAt, nowIso()),
          ),
        )
        .orderBy(asc(plannedMeetings.startsAt))
        .limit(1)
        .get()
    : undefined;
  const goals = course
    ? d
        .select({
          kind: courseGoals.kind,
          text: courseGoals.text,
          status: courseGoals.status,
          targetDate: courseGoals.targetDate,
        })
        .from(courseGoals)
        .where(eq(courseGoals.courseId, course.id))
        .orderBy(asc(courseGoals.id))
        .all()
    : [];
  // The latest change of contact the citizen asked for (its code's hash stays here: the view says only what changes).
  const pending = childRows(
    d.select().from(citizenContactChanges),
    citizenContactChanges.menteeId,
    menteeId,
    [desc(citizenContactChanges.id)],
    1,
  )[0];
  const open = pending && contactCodeState(pending, now()) === "open";
  const call = d
    .select({ id: callRequests.id })
    .from(callRequests)
    .where(and(eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
    .get();
  return {
    firstName: m.firstName,
    language: m.language,
    phoneHint: hint(m.phone),
    mentor: mentor && { firstName: mentor.firstName, phone: mentor.phone },
    nextMeeting: next
      ? {
          ...localDateTime(next.startsAt),
          minutes: next.minutes,
          form: next.form,
          place: next.place,
          agenda: next.agenda,
        }
      : null,
    goals,
    coordinator: coordinator?.active
      ? { name: coordinator.name.split(" ")[0] ?? null, email: coordinator.email }
      : { name: null, email: config().CONTACT_EMAIL },
    callRequested: Boolean(call),
    pendingChange: open
      ? { id: pending.id, newPhone: pending.newPhone != null, newLanguage: pending.newLanguage }
      : null,
    optOutUrl: optOutUrl({ type: "mentee", id: menteeId }),
  };
}

/** The page for a token; an open page's view is written to the access log as the citizen's. */
export function citizenPageByToken(token: string, d: Db = db()): CitizenPage {
  const r = resolve(token, d);
  if (r.state === "invalid") return { state: "invalid" };
  if (r.state !== "open") return { state: r.state, language: r.language };
  audit(CITIZEN, "view", "mentee", r.menteeId, { via: "citizen_page" }, d);
  return { state: "open", menteeId: r.menteeId, view: view(d, r.menteeId) };
}

/**
 * Rate limits of the page, per client address (the socket's, app/auth/client-address.ts): views (also of unknown
 * links, so guessing is slow) and posts. True when the request may go on.
 */
export function citizenPageAllowed(address: string, kind: "view" | "post"): boolean {
  return kind === "view"
    ? hit(`mig:view:${addressKey(address)}`, 120, 10 * 60_000)
    : hit(`mig:post:${addressKey(address)}`, 30, 10 * 60_000);
}
