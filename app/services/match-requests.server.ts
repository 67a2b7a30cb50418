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
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { matchRequests, mentors, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import { isDate } from "../domain/dates";
import { canAnswer, isOverdue, nextRequestStatus, requestDeadline } from "../domain/match-request";
import { nowIso, today } from "../utils/clock";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { approveMatch, attempt, checkPair, isBusy, matchRefusal, refuse } from "./match-approval.server";
import { matchContext, pairSharesIndustry } from "./match-context.server";
import { getMatchSettings } from "./match-settings.server";
import { coordinatorsToNotify } from "../messaging/recipients.server";
import { absoluteUrl, fail, ok, transaction, type Actor, type AuditActor, type Result, type Tx } from "./kernel.server";
import { changeStatus, mustChangeStatus } from "./status.server";
import { mentorOfUser } from "./match-request-reads.server";
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
export type RequestResult = Result<{ requestId: number }>;

/**
 * The coordinator approves a pair: the mentor is asked. A pair without a shared industry needs `reason` (and is only
 * possible while the admin setting proposes such pairs). The mentor's open requests count against their free places.
 */
export function requestMatch(input: RequestInput, d: Db = db()): RequestResult {
  const start = input.startDate ?? today();
  if (!isDate(start)) return fail(matchRefusal("bad_start_date"), "startDate");
  const settings = getMatchSettings(d);
  const ctx = matchContext(d);
  const reason = input.reason?.trim() || null;
  const run = (tx: Tx): RequestResult => {
    expireOverdue(tx, { menteeId: input.menteeId });
    if (
      tx
        .select({ id: matchRequests.id })
        .from(matchRequests)
        .where(and(eq(matchRequests.menteeId, input.menteeId), eq(matchRequests.status, "requested")))
        .get()
    )
      return refuse("request_open");
    const checked = checkPair(tx, input.menteeId, input.mentorId, ctx);
    if (!checked.ok) return checked;
    const { mentee, mentor, menteeRow, pm, ev } = checked;
    const asked = tx
      .select({ n: sql<number>`count(*)` })
      .from(matchRequests)
      .where(and(eq(matchRequests.mentorId, mentor.id), eq(matchRequests.status, "requested")))
      .get()!.n;
    if (pm.free - asked <= 0) return refuse("rule", ["mentor_at_capacity"]);
    const noIndustry = !pairSharesIndustry(mentee.wishedIndustryCodes, mentor);
    if (noIndustry && !reason) return fail("matching.errors.noIndustryReason", "manualReason");
    const at = nowIso();
    const deadline = requestDeadline(at, settings.requestDays);
    const req = tx
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
    tx.update(matchRequests)
      .set({ handledAt: at })
      .where(
        and(
          eq(matchRequests.menteeId, mentee.id),
          inArray(matchRequests.status, ["declined", "expired"]),
          isNull(matchRequests.handledAt),
        ),
      )
      .run();
    const created = { entity: "match_request", id: req.id, from: null, to: "requested" } as const;
    mustChangeStatus(tx, { ...created, actor: input.actor, reason, audit: false });
    audit(input.actor, "create", "match_request", req.id, { menteeId: mentee.id, mentorId: mentor.id, noIndustry }, tx);
    const url = absoluteUrl(`/mentor/forespoergsel/${req.id}`);
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
      tx,
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
        tx,
      );
    }
    return ok({ requestId: req.id });
  };
  return attempt(run, d, (e) => (isBusy(e) ? refuse("busy") : isUnique(e) ? refuse("request_open") : null));
}

/* ------------------------------------------------------------------ the mentor answers */

export type Answer = { accept: true } | { accept: false; reason?: string | null };
export type AnswerResult = Result<{ status: "accepted"; courseId: number } | { status: "declined" }>;
/** Why a mentor's answer was refused: an i18n key (`volunteer.request.errors.<code>`). */
const answerRefusal = (code: "not_found" | "answered" | "expired" | "withdrawn" | "cannot_start" | "busy") =>
  fail(`volunteer.request.errors.${code}`);
/** The refusal of an answer to a request that is not the mentor's own (or does not exist). */
export const REQUEST_NOT_FOUND = "volunteer.request.errors.not_found";

/** The mentor accepts or declines one of their own requests. Only from `requested` and before the deadline. */
export function answerRequest(user: Actor, requestId: number, answer: Answer, d: Db = db()): AnswerResult {
  const run = (tx: Tx): AnswerResult => {
    const mentor = mentorOfUser(tx, user.id);
    if (!mentor) return answerRefusal("not_found");
    const req = tx
      .select()
      .from(matchRequests)
      .where(and(eq(matchRequests.id, requestId), eq(matchRequests.mentorId, mentor.id)))
      .get();
    if (!req) return answerRefusal("not_found");
    const at = nowIso();
    if (!canAnswer(req, at))
      return answerRefusal(req.status === "withdrawn" ? "withdrawn" : isOverdue(req, at) ? "expired" : "answered");
    if (answer.accept) {
      const requester = req.requestedBy
        ? tx.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, req.requestedBy)).get()
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
        tx,
      );
      if (!r.ok) return answerRefusal("cannot_start");
      close(tx, req.id, "accept", user, { courseId: r.value.courseId });
      return ok({ status: "accepted" as const, courseId: r.value.courseId });
    }
    close(tx, req.id, "decline", user, { declineReason: answer.reason?.trim() || null });
    notifyClosed(tx, req.id);
    return ok({ status: "declined" as const });
  };
  return attempt(run, d, (e) => (isBusy(e) ? answerRefusal("busy") : null));
}

/** Moves a request on from `requested` (the state machine), with its status change and audit entry. */
function close(
  d: Tx,
  id: number,
  event: "accept" | "decline" | "expire",
  actor: AuditActor,
  extra: { courseId?: number; declineReason?: string | null } = {},
): boolean {
  return changeStatus(d, {
    entity: "match_request",
    id,
    from: "requested",
    to: nextRequestStatus("requested", event)!,
    actor,
    set: { answeredAt: nowIso(), courseId: extra.courseId ?? null, declineReason: extra.declineReason ?? null },
  }).ok;
}

/** Tells the coordinator who asked (or every coordinator when they are gone) that the mentor said no or did not answer. */
function notifyClosed(d: Tx, id: number): void {
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
          url: absoluteUrl(`/koordinator/mentees/${r.req.menteeId}/kandidater`),
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
    transaction((tx) => {
      for (const r of due)
        if (close(tx, r.id, "expire", null)) {
          notifyClosed(tx, r.id);
          n++;
        }
    }, d);
  }
}
