/**
 * Who a message goes to: a citizen's channel (preferred one, else the other; opt-outs respected), a mentor's address,
 * the caseworker(s) to tell about a citizen, the coordinators to notify. Said once here; the use cases that enqueue
 * messages (courses, surveys, matching, the citizen's page, the jobs) ask this module.
 */
import { and, eq } from "drizzle-orm";
import { mentees, mentors, users } from "../../db/schema";
import type { Channel, MessageLanguage } from "../domain/enums";
import type { Db } from "../db.server";

export type MenteeContact = {
  id: number;
  phone: string | null;
  email: string | null;
  preferredChannel: Channel;
  language: MessageLanguage;
  smsOptOutAt: string | null;
  emailOptOutAt: string | null;
};

/** Where a message to a mentee goes: their preferred channel if possible, the other one otherwise; null if neither. */
export function menteeChannel(
  m: Pick<MenteeContact, "phone" | "email" | "preferredChannel" | "smsOptOutAt" | "emailOptOutAt">,
): { channel: Channel; recipient: string } | null {
  const sms = m.phone && !m.smsOptOutAt ? { channel: "sms" as const, recipient: m.phone } : null;
  const email = m.email && !m.emailOptOutAt ? { channel: "email" as const, recipient: m.email } : null;
  return m.preferredChannel === "sms" ? (sms ?? email) : (email ?? sms);
}

/** What is needed to reach a mentee (their channels, opt-outs and language). */
export function menteeContact(d: Db, menteeId: number): MenteeContact {
  return d
    .select({
      id: mentees.id,
      phone: mentees.phone,
      email: mentees.email,
      preferredChannel: mentees.preferredChannel,
      language: mentees.language,
      smsOptOutAt: mentees.smsOptOutAt,
      emailOptOutAt: mentees.emailOptOutAt,
    })
    .from(mentees)
    .where(eq(mentees.id, menteeId))
    .get()!;
}

/** A mentor's address and language (and status, which a course change may move). */
export function mentorContact(d: Db, mentorId: number) {
  return d
    .select({ id: mentors.id, email: mentors.email, locale: mentors.locale, status: mentors.status })
    .from(mentors)
    .where(eq(mentors.id, mentorId))
    .get()!;
}

const staffAddress = { id: users.id, email: users.email, locale: users.locale };

/** The caseworker(s) to tell about a citizen: who referred them, else every active caseworker of the municipality. */
export function caseworkersFor(d: Db, menteeId: number) {
  const m = d
    .select({ referredBy: mentees.referredBy, code: mentees.municipalityCode })
    .from(mentees)
    .where(eq(mentees.id, menteeId))
    .get()!;
  const base = and(eq(users.role, "caseworker"), eq(users.active, true), eq(users.municipalityCode, m.code));
  const referrer = m.referredBy
    ? d
        .select(staffAddress)
        .from(users)
        .where(and(base, eq(users.id, m.referredBy)))
        .get()
    : undefined;
  return referrer ? [referrer] : d.select(staffAddress).from(users).where(base).all();
}

/** Every active coordinator (a flag, a question that waits for staff). */
export function coordinatorsToNotify(d: Db) {
  return d
    .select(staffAddress)
    .from(users)
    .where(and(eq(users.role, "coordinator"), eq(users.active, true)))
    .all();
}
