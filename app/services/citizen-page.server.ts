/**
 * The citizen's own page (`/mig/:token`, issue 21). A citizen has no account: the page is reached through a personal
 * link (a random token stored only as its SHA-256 in verification_tokens, purpose `citizen_page`), sent in the welcome
 * and match messages, on request by SMS ("LINK" to our number) or by a coordinator. It shows what the citizen already
 * knows (their mentor's first name and phone, the next planned meeting, the goals, the coordinator's contact) in their
 * language, lets them ask to be called, change their phone number or language (confirmed by a code to the number),
 * and opt out. Every view and change is in the access log as the citizen's. The link dies by the rules of
 * app/domain/citizen-link.ts (expiry, revocation, withdrawal, erasure, a month after the course).
 */
import { randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, asc, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import {
  callRequests,
  citizenContactChanges,
  courseGoals,
  courses,
  mentees,
  mentors,
  plannedMeetings,
  users,
  verificationTokens,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { sha256 } from "../auth/tokens.server";
import { hit } from "../auth/rate-limit.server";
import { addressKey } from "../auth/client-address";
import {
  citizenLinkState,
  CODE_MAX_PER_WINDOW,
  CODE_WINDOW_MINUTES,
  codeExpiry,
  contactCodeState,
  linkExpiry,
  type LinkState,
} from "../domain/citizen-link";
import type { GoalKind, GoalStatus, MeetingForm, MessageLanguage } from "../domain/enums";
import { localDateTime } from "../domain/planned-meetings";
import { enqueue } from "../messaging/outbox.server";
import { optOutUrl } from "../messaging/preferences.server";
import { now, nowIso, today } from "../utils/clock";
import { audit } from "./audit.server";
import { coordinatorsToNotify, menteeChannel, menteeContact } from "../messaging/recipients.server";

type Tx = Db;
const CITIZEN = { id: null, role: "citizen" } as const;
/** 128 random bits: enough against guessing, short enough for an SMS (22 characters). */
const TOKEN_BYTES = 16;
const RUNNING = ["proposed", "approved", "active", "paused"] as const;

function appUrl(): string {
  return config().APP_URL.replace(/\/$/, "");
}

/** Makes a new personal link for a citizen (in the caller's transaction) and returns its URL, for a message's `pageUrl`. */
export function issueCitizenLink(t: Tx, menteeId: number): string {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  t.insert(verificationTokens)
    .values({
      purpose: "citizen_page",
      tokenHash: sha256(token),
      subjectType: "mentee",
      subjectId: menteeId,
      expiresAt: linkExpiry(now()),
    })
    .run();
  return `${appUrl()}/mig/${token}`;
}

/** Ends every live link of a citizen (a lost phone, a link that reached someone else). Returns how many. */
export function revokeCitizenLinks(t: Tx, menteeId: number): number {
  return t
    .update(verificationTokens)
    .set({ usedAt: nowIso() })
    .where(
      and(
        eq(verificationTokens.purpose, "citizen_page"),
        eq(verificationTokens.subjectType, "mentee"),
        eq(verificationTokens.subjectId, menteeId),
        isNull(verificationTokens.usedAt),
      ),
    )
    .run().changes;
}

/**
 * Sends a citizen a fresh link to their page (SMS or email, their channel). `replace` ends the older links first (the
 * coordinator's "the link went astray"). False when the citizen cannot be reached or has no page any more.
 */
export function sendCitizenLink(
  actor: { id: number; role: string } | null,
  menteeId: number,
  opts: { replace?: boolean; via: "coordinator" | "sms" },
  d: Db = db(),
): boolean {
  return d.transaction(
    (t0) => {
      const t = t0 as unknown as Tx;
      const m = t
        .select({ status: mentees.status, anonymisedAt: mentees.anonymisedAt })
        .from(mentees)
        .where(eq(mentees.id, menteeId))
        .get();
      if (!m || m.anonymisedAt || m.status === "withdrawn") return false;
      const contact = menteeContact(t, menteeId);
      const to = menteeChannel(contact);
      if (!to) return false;
      if (opts.replace) revokeCitizenLinks(t, menteeId);
      const pageUrl = issueCitizenLink(t, menteeId);
      enqueue(
        {
          ...to,
          template: "citizen_page_link",
          locale: contact.language,
          subjectType: "mentee",
          subjectId: menteeId,
          data: { pageUrl },
        },
        t,
      );
      audit(
        actor,
        "update",
        "mentee",
        menteeId,
        { action: "citizen_page_link_sent", via: opts.via, replaced: Boolean(opts.replace) },
        t,
      );
      return true;
    },
    { behavior: "immediate" },
  );
}

type Resolved = { state: LinkState; menteeId: number; language: MessageLanguage; tokenId: number };

/** What a token leads to, without reading anything else. Unknown tokens are `invalid` (nothing revealed). */
function resolve(token: string, d: Db): Resolved | { state: "invalid" } {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { state: "invalid" };
  const row = d
    .select({
      token: verificationTokens,
      mentee: {
        id: mentees.id,
        language: mentees.language,
        status: mentees.status,
        anonymisedAt: mentees.anonymisedAt,
      },
    })
    .from(verificationTokens)
    .innerJoin(mentees, eq(mentees.id, verificationTokens.subjectId))
    .where(
      and(
        eq(verificationTokens.tokenHash, sha256(token)),
        eq(verificationTokens.purpose, "citizen_page"),
        eq(verificationTokens.subjectType, "mentee"),
      ),
    )
    .get();
  if (!row) return { state: "invalid" };
  const last = d
    .select({ status: courses.status, endedOn: courses.endedOn })
    .from(courses)
    .where(eq(courses.menteeId, row.mentee.id))
    .orderBy(desc(courses.id))
    .limit(1)
    .get();
  const state = citizenLinkState(
    {
      expiresAt: row.token.expiresAt,
      revokedAt: row.token.usedAt,
      anonymised: Boolean(row.mentee.anonymisedAt),
      menteeStatus: row.mentee.status,
      courseEndedOn: last?.endedOn ?? null,
      courseRunning: !!last && (RUNNING as readonly string[]).includes(last.status),
    },
    now(),
    today(),
  );
  return { state, menteeId: row.mentee.id, language: row.mentee.language, tokenId: row.token.id };
}

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
  const course = d
    .select({ id: courses.id, mentorId: courses.mentorId, approvedBy: courses.approvedBy, status: courses.status })
    .from(courses)
    .where(and(eq(courses.menteeId, menteeId), inArray(courses.status, [...RUNNING, "completed", "ended_early"])))
    .orderBy(desc(courses.id))
    .limit(1)
    .get();
  const running = !!course && (RUNNING as readonly string[]).includes(course.status);
  const mentor =
    course && running
      ? d
          .select({ firstName: mentors.firstName, phone: mentors.phone, anon: mentors.anonymisedAt })
          .from(mentors)
          .where(eq(mentors.id, course.mentorId))
          .get()
      : undefined;
  const next =
    course && running
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
  const coordinator = course?.approvedBy
    ? d
        .select({ name: users.name, email: users.email, active: users.active })
        .from(users)
        .where(eq(users.id, course.approvedBy))
        .get()
    : undefined;
  const pending = d
    .select({
      id: citizenContactChanges.id,
      newPhone: citizenContactChanges.newPhone,
      newLanguage: citizenContactChanges.newLanguage,
      expiresAt: citizenContactChanges.expiresAt,
      attempts: citizenContactChanges.attempts,
      confirmedAt: citizenContactChanges.confirmedAt,
    })
    .from(citizenContactChanges)
    .where(eq(citizenContactChanges.menteeId, menteeId))
    .orderBy(desc(citizenContactChanges.id))
    .limit(1)
    .get();
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
    mentor: mentor && !mentor.anon ? { firstName: mentor.firstName, phone: mentor.phone } : null,
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

export type CitizenFailure = {
  ok: false;
  reason: "link" | "nothing_changed" | "too_many" | "no_channel" | "wrong_code" | "code_expired" | "already";
};
export type CitizenResult<T = object> = ({ ok: true } & T) | CitizenFailure;

function withOpenLink<T>(token: string, fn: (t: Tx, menteeId: number) => CitizenResult<T>): CitizenResult<T> {
  return db().transaction(
    (t0) => {
      const t = t0 as unknown as Tx;
      const r = resolve(token, t);
      if (r.state !== "open") return { ok: false as const, reason: "link" as const };
      return fn(t, r.menteeId);
    },
    { behavior: "immediate" },
  );
}

/** "Call me": one open request at a time; the coordinators get an email (no personal data, a link to the citizen). */
export function requestCall(token: string): CitizenResult {
  return withOpenLink<object>(token, (t, menteeId) => {
    const open = t
      .select({ id: callRequests.id })
      .from(callRequests)
      .where(and(eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
      .get();
    if (open) return { ok: false, reason: "already" };
    const row = t.insert(callRequests).values({ menteeId }).returning({ id: callRequests.id }).get();
    for (const u of coordinatorsToNotify(t)) {
      enqueue(
        {
          channel: "email",
          recipient: u.email,
          template: "citizen_call_request",
          locale: u.locale,
          subjectType: "user",
          subjectId: u.id,
          data: { menteeId, url: `${appUrl()}/koordinator/mentees/${menteeId}` },
          idempotencyKey: `call-request:${row.id}:user:${u.id}`,
        },
        t,
      );
    }
    audit(CITIZEN, "create", "call_request", row.id, { menteeId }, t);
    return { ok: true };
  });
}

const codeHash = (changeId: number, code: string) => sha256(`citizen-contact:${changeId}:${code}`);

/**
 * Starts a change of phone number and/or message language: a code goes to the number that will be used (the new one,
 * else the current one; email when there is no number), in the language that will be used. Nothing changes until the
 * code is typed back. At most CODE_MAX_PER_WINDOW codes per citizen per hour.
 */
export function startContactChange(
  token: string,
  input: { phone?: string; language?: MessageLanguage },
): CitizenResult<{ changeId: number }> {
  return withOpenLink<{ changeId: number }>(token, (t, menteeId) => {
    const m = menteeContact(t, menteeId);
    const newPhone = input.phone && input.phone !== m.phone ? input.phone : null;
    const newLanguage = input.language && input.language !== m.language ? input.language : null;
    if (!newPhone && !newLanguage) return { ok: false, reason: "nothing_changed" };
    const since = new Date(now().getTime() - CODE_WINDOW_MINUTES * 60_000).toISOString();
    const recent = t
      .select({ n: sql<number>`count(*)` })
      .from(citizenContactChanges)
      .where(and(eq(citizenContactChanges.menteeId, menteeId), gt(citizenContactChanges.createdAt, since)))
      .get()!.n;
    if (recent >= CODE_MAX_PER_WINDOW) return { ok: false, reason: "too_many" };
    const to = newPhone ? { channel: "sms" as const, recipient: newPhone } : menteeChannel(m);
    if (!to) return { ok: false, reason: "no_channel" };
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const row = t
      .insert(citizenContactChanges)
      .values({ menteeId, newPhone, newLanguage, codeHash: "pending", expiresAt: codeExpiry(now()) })
      .returning({ id: citizenContactChanges.id })
      .get();
    t.update(citizenContactChanges)
      .set({ codeHash: codeHash(row.id, code) })
      .where(eq(citizenContactChanges.id, row.id))
      .run();
    enqueue(
      {
        ...to,
        template: "citizen_contact_code",
        locale: newLanguage ?? m.language,
        subjectType: "mentee",
        subjectId: menteeId,
        data: { code },
        idempotencyKey: `contact-change:${row.id}`,
      },
      t,
    );
    audit(
      CITIZEN,
      "create",
      "contact_change",
      row.id,
      { menteeId, fields: [newPhone ? "phone" : null, newLanguage ? "language" : null].filter(Boolean) },
      t,
    );
    return { ok: true, changeId: row.id };
  });
}

/** Confirms a change with its code (CODE_MAX_ATTEMPTS tries), then applies it to the citizen's record. */
export function confirmContactChange(token: string, changeId: number, code: string): CitizenResult {
  return withOpenLink<object>(token, (t, menteeId) => {
    const c = t
      .select()
      .from(citizenContactChanges)
      .where(and(eq(citizenContactChanges.id, changeId), eq(citizenContactChanges.menteeId, menteeId)))
      .get();
    if (!c) return { ok: false, reason: "code_expired" };
    if (contactCodeState(c, now()) !== "open") return { ok: false, reason: "code_expired" };
    const want = Buffer.from(c.codeHash);
    const got = Buffer.from(codeHash(c.id, code.trim()));
    if (want.length !== got.length || !timingSafeEqual(want, got)) {
      t.update(citizenContactChanges)
        .set({ attempts: c.attempts + 1 })
        .where(eq(citizenContactChanges.id, c.id))
        .run();
      return { ok: false, reason: "wrong_code" };
    }
    t.update(citizenContactChanges).set({ confirmedAt: nowIso() }).where(eq(citizenContactChanges.id, c.id)).run();
    t.update(mentees)
      .set({ ...(c.newPhone ? { phone: c.newPhone } : {}), ...(c.newLanguage ? { language: c.newLanguage } : {}) })
      .where(eq(mentees.id, menteeId))
      .run();
    audit(
      CITIZEN,
      "update",
      "mentee",
      menteeId,
      { via: "citizen_page", fields: [c.newPhone ? "phone" : null, c.newLanguage ? "language" : null].filter(Boolean) },
      t,
    );
    return { ok: true };
  });
}

/** The language of a link's page even when it no longer opens (to say so in the citizen's language). */
export function languageOfToken(token: string, d: Db = db()): MessageLanguage {
  const r = resolve(token, d);
  return r.state === "invalid" ? "da" : r.language;
}

/* ------------------------------------------------------------------ the coordinator's side */

export function openCallRequests(menteeId: number, d: Db = db()) {
  return d
    .select({ id: callRequests.id, requestedAt: callRequests.requestedAt })
    .from(callRequests)
    .where(and(eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
    .orderBy(asc(callRequests.id))
    .all();
}

export function markCallHandled(
  actor: { id: number; role: string },
  menteeId: number,
  id: number,
  d: Db = db(),
): boolean {
  const changed =
    d
      .update(callRequests)
      .set({ handledAt: nowIso(), handledBy: actor.id })
      .where(and(eq(callRequests.id, id), eq(callRequests.menteeId, menteeId), isNull(callRequests.handledAt)))
      .run().changes === 1;
  if (changed) audit(actor, "update", "call_request", id, { menteeId, handled: true }, d);
  return changed;
}

/** How many live links a citizen has (the coordinator's page says so, never the links). */
export function liveLinkCount(menteeId: number, d: Db = db()): number {
  return d
    .select({ n: sql<number>`count(*)` })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.purpose, "citizen_page"),
        eq(verificationTokens.subjectType, "mentee"),
        eq(verificationTokens.subjectId, menteeId),
        isNull(verificationTokens.usedAt),
        gt(verificationTokens.expiresAt, nowIso()),
      ),
    )
    .get()!.n;
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
