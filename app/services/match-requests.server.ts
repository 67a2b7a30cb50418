/**
 * The mentor says yes (issue 19, decision 017). A coordinator's approval makes a match request and asks the mentor
 * (email, and SMS to the mentor's phone) with the citizen's minimal profile; only when the mentor accepts is the course
 * created, by the same use case as before (`approveMatch`: commitment, messages, capacity under one write lock), and
 * the citizen told the mentor's name and phone. A decline or an expiry leaves the citizen waiting (their referral date
 * unchanged, so ahead of everyone referred later), excludes the pair from future proposals (hard rule `pair_declined`)
 * and tells the coordinator who asked.
 *
 * Concurrency: every change runs under BEGIN IMMEDIATE and changes a request only from `requested`; one open request
 * per citizen is also a partial unique index. Two coordinators approving the same citizen make one request; a mentor
 * answering twice makes one course and one set of messages (the outbox's idempotency keys besides).
 */
import { and, asc, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { matchRequests, mentees, mentors, municipalities, statusChanges, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { isDate } from "../domain/dates";
import {
  canAnswer,
  isOverdue,
  nextRequestStatus,
  requestDeadline,
  type MatchRequestStatus,
} from "../domain/match-request";
import type { HardRule } from "../domain/matching";
import { nowIso, today } from "../utils/clock";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { approveMatch, checkPair, matchContext, pairSharesIndustry } from "./matching.server";
import { getMatchSettings } from "./match-settings.server";
import { coordinatorsToNotify } from "../messaging/recipients.server";
import { paged, type Page } from "../domain/paging";

type Actor = { id: number; role: string };

const appUrl = () => config().APP_URL.replace(/\/$/, "");
const isBusy = (e: unknown) => e instanceof Error && (e as { code?: string }).code === "SQLITE_BUSY";
const isUnique = (e: unknown) =>
  e instanceof Error && String((e as { code?: string }).code).startsWith("SQLITE_CONSTRAINT");

/* ------------------------------------------------------------------ the coordinator asks */

export type RequestInput = {
  menteeId: number;
  mentorId: number;
  startDate?: string;
  reason?: string | null;
  actor: Actor;
};
export type RequestResult =
  | { ok: true; requestId: number }
  | {
      ok: false;
      error:
        | "mentee_not_found"
        | "mentee_not_waiting"
        | "mentor_not_found"
        | "bad_start_date"
        | "rule"
        | "busy"
        | "request_open"
        | "reason_required";
      rules?: HardRule[];
    };

/**
 * The coordinator approves a pair: the mentor is asked. A pair without a shared industry needs `reason` (and is only
 * possible while the admin setting proposes such pairs). The mentor's open requests count against their free places.
 */
export function requestMatch(input: RequestInput, d: Db = db()): RequestResult {
  const start = input.startDate ?? today();
  if (!isDate(start)) return { ok: false, error: "bad_start_date" };
  const settings = getMatchSettings(d);
  const ctx = matchContext(d);
  const reason = input.reason?.trim() || null;
  const run = d.$client.transaction((): RequestResult => {
    expireOverdue(d, { menteeId: input.menteeId });
    if (
      d
        .select({ id: matchRequests.id })
        .from(matchRequests)
        .where(and(eq(matchRequests.menteeId, input.menteeId), eq(matchRequests.status, "requested")))
        .get()
    )
      return { ok: false, error: "request_open" };
    const checked = checkPair(d, input.menteeId, input.mentorId, ctx);
    if (!checked.ok) return checked;
    const { mentee, mentor, menteeRow, pm, ev } = checked;
    const asked = d
      .select({ n: sql<number>`count(*)` })
      .from(matchRequests)
      .where(and(eq(matchRequests.mentorId, mentor.id), eq(matchRequests.status, "requested")))
      .get()!.n;
    if (pm.free - asked <= 0) return { ok: false, error: "rule", rules: ["mentor_at_capacity"] };
    const noIndustry = !pairSharesIndustry(mentee.wishedIndustryCodes, mentor);
    if (noIndustry && !reason) return { ok: false, error: "reason_required" };
    const at = nowIso();
    const deadline = requestDeadline(at, settings.requestDays);
    const req = d
      .insert(matchRequests)
      .values({
        menteeId: mentee.id,
        mentorId: mentor.id,
        requestedBy: input.actor.id,
        requestedAt: at,
        deadline,
        startDate: start,
        matchScore: ev.allowed ? ev.score : null,
        noIndustry,
        reason,
      })
      .returning({ id: matchRequests.id })
      .get();
    // Earlier declined or expired requests about this citizen are dealt with: a new mentor is being asked.
    d.update(matchRequests)
      .set({ handledAt: at })
      .where(
        and(
          eq(matchRequests.menteeId, mentee.id),
          inArray(matchRequests.status, ["declined", "expired"]),
          isNull(matchRequests.handledAt),
        ),
      )
      .run();
    d.insert(statusChanges)
      .values({
        entityType: "match_request",
        entityId: req.id,
        fromStatus: null,
        toStatus: "requested",
        byUserId: input.actor.id,
        reason,
      })
      .run();
    audit(input.actor, "create", "match_request", req.id, { menteeId: mentee.id, mentorId: mentor.id, noIndustry }, d);
    const url = `${appUrl()}/mentor/forespoergsel/${req.id}`;
    const data = {
      mentorFirstName: mentor.firstName,
      menteeFirstName: mentee.firstName,
      municipality: menteeRow.municipalityName ?? "",
      languages: mentee.languages,
      danishLevel: mentee.danishLevel,
      wishedIndustryCodes: mentee.wishedIndustryCodes,
      goals: mentee.goals,
      noIndustry,
      deadline: deadline.slice(0, 10),
      url,
    };
    enqueue(
      {
        channel: "email",
        recipient: mentor.email,
        template: "match_request_mentor",
        locale: mentor.locale,
        subjectType: "mentor",
        subjectId: mentor.id,
        idempotencyKey: `match_request_mentor:${req.id}:email`,
        data,
      },
      d,
    );
    if (mentor.phone.trim()) {
      enqueue(
        {
          channel: "sms",
          recipient: mentor.phone,
          template: "match_request_mentor",
          locale: mentor.locale,
          subjectType: "mentor",
          subjectId: mentor.id,
          idempotencyKey: `match_request_mentor:${req.id}:sms`,
          data,
        },
        d,
      );
    }
    return { ok: true, requestId: req.id };
  });
  try {
    return run.immediate();
  } catch (e) {
    if (isBusy(e)) return { ok: false, error: "busy" };
    if (isUnique(e)) return { ok: false, error: "request_open" };
    throw e;
  }
}

/* ------------------------------------------------------------------ the mentor answers */

export type Answer = { accept: true } | { accept: false; reason?: string | null };
export type AnswerResult =
  | { ok: true; status: "accepted"; courseId: number }
  | { ok: true; status: "declined" }
  | {
      ok: false;
      error: "not_found" | "answered" | "expired" | "withdrawn" | "cannot_start" | "busy";
      status?: MatchRequestStatus;
    };

function mentorOfUser(d: Db, userId: number) {
  return d
    .select({ id: mentors.id, firstName: mentors.firstName, lastName: mentors.lastName })
    .from(mentors)
    .where(and(eq(mentors.userId, userId), isNull(mentors.anonymisedAt)))
    .get();
}

/** The mentor accepts or declines one of their own requests. Only from `requested` and before the deadline. */
export function answerRequest(user: Actor, requestId: number, answer: Answer, d: Db = db()): AnswerResult {
  const run = d.$client.transaction((): AnswerResult => {
    const mentor = mentorOfUser(d, user.id);
    if (!mentor) return { ok: false, error: "not_found" };
    const req = d
      .select()
      .from(matchRequests)
      .where(and(eq(matchRequests.id, requestId), eq(matchRequests.mentorId, mentor.id)))
      .get();
    if (!req) return { ok: false, error: "not_found" };
    const at = nowIso();
    if (!canAnswer(req, at))
      return {
        ok: false,
        error: req.status === "withdrawn" ? "withdrawn" : isOverdue(req, at) ? "expired" : "answered",
        status: req.status,
      };
    if (answer.accept) {
      const requester = req.requestedBy
        ? d.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, req.requestedBy)).get()
        : undefined;
      const start = req.startDate > today() ? req.startDate : today();
      // Today's approval use case, inside this transaction (a savepoint): the course, statuses, capacity, messages.
      const r = approveMatch(
        {
          menteeId: req.menteeId,
          mentorId: req.mentorId,
          startDate: start,
          actor: requester ?? user,
          manualReason: req.noIndustry ? null : req.reason,
          noIndustryReason: req.noIndustry ? req.reason : null,
        },
        d,
      );
      if (!r.ok) return { ok: false, error: "cannot_start" };
      close(d, req.id, "accept", user, { courseId: r.courseId });
      return { ok: true, status: "accepted", courseId: r.courseId };
    }
    close(d, req.id, "decline", user, { declineReason: answer.reason?.trim() || null });
    notifyClosed(d, req.id);
    return { ok: true, status: "declined" };
  });
  try {
    return run.immediate();
  } catch (e) {
    if (isBusy(e)) return { ok: false, error: "busy" };
    throw e;
  }
}

/** Moves a request on from `requested` (the state machine), with its status change and audit entry. */
function close(
  d: Db,
  id: number,
  event: "accept" | "decline" | "expire",
  actor: Actor | null,
  extra: { courseId?: number; declineReason?: string | null } = {},
): boolean {
  const to = nextRequestStatus("requested", event)!;
  const changed = d
    .update(matchRequests)
    .set({
      status: to,
      answeredAt: nowIso(),
      courseId: extra.courseId ?? null,
      declineReason: extra.declineReason ?? null,
    })
    .where(and(eq(matchRequests.id, id), eq(matchRequests.status, "requested")))
    .run().changes;
  if (!changed) return false;
  d.insert(statusChanges)
    .values({
      entityType: "match_request",
      entityId: id,
      fromStatus: "requested",
      toStatus: to,
      byUserId: actor?.id ?? null,
    })
    .run();
  audit(actor, "update", "match_request", id, { to }, d);
  return true;
}

/** Tells the coordinator who asked (or every coordinator when they are gone) that the mentor said no or did not answer. */
function notifyClosed(d: Db, id: number): void {
  const r = d
    .select({ req: matchRequests, mentorFirst: mentors.firstName, mentorLast: mentors.lastName })
    .from(matchRequests)
    .innerJoin(mentors, eq(mentors.id, matchRequests.mentorId))
    .where(eq(matchRequests.id, id))
    .get()!;
  const asker = r.req.requestedBy
    ? d
        .select({ id: users.id, email: users.email, locale: users.locale, name: users.name, active: users.active })
        .from(users)
        .where(eq(users.id, r.req.requestedBy))
        .get()
    : undefined;
  const to = asker?.active ? [asker] : coordinatorsToNotify(d).map((u) => ({ ...u, name: "" }));
  for (const u of to) {
    enqueue(
      {
        channel: "email",
        recipient: u.email,
        template: "match_request_closed",
        locale: u.locale,
        subjectType: "user",
        subjectId: u.id,
        idempotencyKey: `match_request_closed:${id}:${u.id}`,
        data: {
          coordinatorName: u.name.split(" ")[0] ?? "",
          mentorName: `${r.mentorFirst} ${r.mentorLast}`,
          menteeId: r.req.menteeId,
          outcome: r.req.status === "expired" ? "expired" : "declined",
          reason: r.req.declineReason,
          url: `${appUrl()}/koordinator/mentees/${r.req.menteeId}/kandidater`,
        },
      },
      d,
    );
  }
}

/* ------------------------------------------------------------------ expiry (the daily job) */

/** Requests past their deadline become expired (in chunks); the coordinators are told. Returns how many. */
export function expireOverdue(d: Db = db(), opts: { menteeId?: number; at?: string } = {}): number {
  const at = opts.at ?? nowIso();
  let n = 0;
  for (;;) {
    const due = d
      .select({ id: matchRequests.id })
      .from(matchRequests)
      .where(
        and(
          eq(matchRequests.status, "requested"),
          lt(matchRequests.deadline, at),
          opts.menteeId ? eq(matchRequests.menteeId, opts.menteeId) : undefined,
        ),
      )
      .orderBy(asc(matchRequests.deadline))
      .limit(200)
      .all();
    if (!due.length) return n;
    d.$client
      .transaction(() => {
        for (const r of due)
          if (close(d, r.id, "expire", null)) {
            notifyClosed(d, r.id);
            n++;
          }
      })
      .immediate();
  }
}

/* ------------------------------------------------------------------ reading */

const profileColumns = {
  id: matchRequests.id,
  status: matchRequests.status,
  deadline: matchRequests.deadline,
  requestedAt: matchRequests.requestedAt,
  startDate: matchRequests.startDate,
  noIndustry: matchRequests.noIndustry,
  answeredAt: matchRequests.answeredAt,
  courseId: matchRequests.courseId,
  menteeFirstName: mentees.firstName,
  municipality: municipalities.name,
  languages: mentees.languages,
  danishLevel: mentees.danishLevel,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
  goals: mentees.goals,
};

/** The mentor's open requests (their start page). */
export function openRequestsForMentor(userId: number, d: Db = db()) {
  const mentor = mentorOfUser(d, userId);
  if (!mentor) return [];
  return d
    .select(profileColumns)
    .from(matchRequests)
    .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(matchRequests.mentorId, mentor.id), eq(matchRequests.status, "requested")))
    .orderBy(asc(matchRequests.deadline))
    .limit(20)
    .all();
}

/**
 * One request as its mentor sees it: the citizen's minimal profile (first name, municipality, languages, Danish level,
 * wished industries, goals) and no contact details before the mentor has said yes. Null when it is not theirs.
 */
export function requestForMentor(userId: number, requestId: number, d: Db = db()) {
  const mentor = mentorOfUser(d, userId);
  if (!mentor) return null;
  const r = d
    .select(profileColumns)
    .from(matchRequests)
    .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(matchRequests.id, requestId), eq(matchRequests.mentorId, mentor.id), isNull(mentees.anonymisedAt)))
    .get();
  if (!r) return null;
  return { ...r, answerable: canAnswer(r, nowIso()) };
}

/** A citizen's requests, newest first (the candidates page: who was asked, who said no and why). */
export function requestsForMentee(menteeId: number, d: Db = db()) {
  return d
    .select({
      id: matchRequests.id,
      status: matchRequests.status,
      requestedAt: matchRequests.requestedAt,
      deadline: matchRequests.deadline,
      answeredAt: matchRequests.answeredAt,
      declineReason: matchRequests.declineReason,
      noIndustry: matchRequests.noIndustry,
      reason: matchRequests.reason,
      mentorFirstName: mentors.firstName,
      mentorLastName: mentors.lastName,
    })
    .from(matchRequests)
    .innerJoin(mentors, eq(mentors.id, matchRequests.mentorId))
    .where(eq(matchRequests.menteeId, menteeId))
    .orderBy(desc(matchRequests.id))
    .limit(20)
    .all();
}

export type ClosedRequest = {
  id: number;
  status: MatchRequestStatus;
  answeredAt: string | null;
  menteeId: number;
  menteeName: string;
  mentorName: string;
  declineReason: string | null;
};

/**
 * Declined and expired requests of citizens still waiting that no coordinator has dealt with yet (a new request deals
 * with them), newest first, paged: the coordinator's start page item (app/components/MatchRequestNotices.tsx).
 */
export function closedRequestsToHandle(page = 1, d: Db = db()): Page<ClosedRequest> {
  const where = and(
    inArray(matchRequests.status, ["declined", "expired"]),
    isNull(matchRequests.handledAt),
    eq(mentees.status, "waiting"),
    isNull(mentees.anonymisedAt),
  );
  return paged(
    page,
    () =>
      d
        .select({ n: sql<number>`count(*)` })
        .from(matchRequests)
        .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
        .where(where)
        .get()!.n,
    (limit, offset) =>
      d
        .select({
          id: matchRequests.id,
          status: matchRequests.status,
          answeredAt: matchRequests.answeredAt,
          menteeId: mentees.id,
          menteeName: sql<string>`${mentees.firstName} || ' ' || ${mentees.lastName}`,
          mentorName: sql<string>`${mentors.firstName} || ' ' || ${mentors.lastName}`,
          declineReason: matchRequests.declineReason,
        })
        .from(matchRequests)
        .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
        .innerJoin(mentors, eq(mentors.id, matchRequests.mentorId))
        .where(where)
        .orderBy(desc(matchRequests.answeredAt), desc(matchRequests.id))
        .limit(limit)
        .offset(offset)
        .all(),
  );
}
