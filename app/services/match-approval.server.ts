/**
 * The approval of a pair (issue 5, and issue 19: only once the mentor said yes): the course, the citizen matched, the
 * mentor active, the three messages.
 *
 * Approval runs in ONE write transaction taken with BEGIN IMMEDIATE: the mentor's free places are counted again
 * inside it, so two coordinators approving onto the same mentor at once can never exceed the mentor's capacity
 * (SQLite admits one writer; the second waits, then sees the first one's course and is refused).
 */
import { occupyingCourseStatuses } from "../domain/enums";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { courses, mentees, mentors, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { addMonths, isDate } from "../domain/dates";
import {
  evaluate,
  normaliseWeights,
  prepareMentee,
  prepareMentor,
  type HardRule,
  type MatchContext,
  type PreparedMentor,
  type Reason,
} from "../domain/matching";
import { nowIso, today } from "../utils/clock";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { issueCitizenLink } from "./citizen-links.server";
import { menteeChannel } from "../messaging/recipients.server";
import { absoluteUrl, fail, ok, transaction, type Actor, type Failure, type Result, type Tx } from "./kernel.server";
import { mustChangeStatus } from "./status.server";
import { currentWeights, matchContext } from "./match-context.server";
import { loadMentee, loadMentors } from "./match-pool.server";

export type ApproveInput = {
  menteeId: number;
  mentorId: number;
  startDate?: string;
  manualReason?: string | null;
  /** The coordinator's reason for a pair without a shared industry (issue 19), kept on the course. */
  noIndustryReason?: string | null;
  actor: Actor;
};
export type ApproveResult = Result<{ courseId: number }>;

/**
 * A refusal of a pair, as an i18n key (`matching.errors.<code>`). A refusal by the hard rules names them
 * (`matching.errors.rule|{"rules":"a,b"}`, shown by `refusalText`). A pool run stores the key on the pair.
 */
export function matchRefusal(code: string, rules?: readonly HardRule[]): string {
  return rules ? `matching.errors.rule|${JSON.stringify({ rules: rules.join(",") })}` : `matching.errors.${code}`;
}

/** The key of a refused pair (the citizen does not exist, is not waiting, a rule): a failure for the whole form. */
export const refuse = (code: string, rules?: readonly HardRule[]) => fail(matchRefusal(code, rules));

/**
 * A pair checked against the hard rules now (inside the caller's write transaction): the citizen exists and waits, the
 * mentor exists, and no rule excludes them. Shared by the approval and the request to the mentor (issue 19).
 */
export function checkPair(d: Db, menteeId: number, mentorId: number, ctx: MatchContext) {
  const mentee = d
    .select()
    .from(mentees)
    .where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt)))
    .get();
  if (!mentee) return refuse("mentee_not_found");
  if (mentee.status !== "waiting") return refuse("mentee_not_waiting");
  const [mentorRow] = loadMentors(d, { includeUnavailable: true, where: eq(mentors.id, mentorId) });
  const mentor = d.select().from(mentors).where(eq(mentors.id, mentorId)).get();
  if (!mentor || mentor.anonymisedAt) return refuse("mentor_not_found");
  const menteeRow = loadMentee(d, mentee.id)!;
  const occupied = () =>
    d
      .select({ n: sql<number>`count(*)` })
      .from(courses)
      .where(and(eq(courses.mentorId, mentor.id), inArray(courses.status, [...occupyingCourseStatuses])))
      .get()?.n ?? 0;
  const pm: PreparedMentor = prepareMentor(
    mentorRow ?? {
      ...mentor,
      municipalityName: undefined,
      activeCourses: occupied(),
      introductionRead: mentor.introductionReadAt != null,
    },
    ctx,
  );
  const ev = evaluate(prepareMentee(menteeRow, ctx), pm, ctx);
  if (!ev.allowed) return refuse("rule", ev.rules);
  return { ok: true as const, mentee, mentor, menteeRow, pm, ev };
}

/** Another writer held the lock longer than the busy timeout: nothing was written, the person may retry. */
export const isBusy = (e: unknown) => e instanceof Error && (e as { code?: string }).code === "SQLITE_BUSY";

/**
 * Runs a matching use case in one write transaction on `d`. An error `refusal` recognises (the lock held past the busy
 * timeout, a unique index) is that refusal: nothing was written and the person may try again. Others are thrown.
 */
export function attempt<T>(run: (tx: Tx) => Result<T>, d: Db, refusal: (e: unknown) => Failure | null): Result<T> {
  try {
    return transaction(run, d);
  } catch (e) {
    const refused = refusal(e);
    if (refused) return refused;
    throw e;
  }
}

/**
 * Approves a pair: creates the course (start, planned end = start + 6 months, 4 h/month), sets the mentee matched
 * and the mentor active, stores score, reasons, weights version, approver and a manual reason, writes status history
 * and the access log, and queues the three messages. All or nothing, under BEGIN IMMEDIATE.
 */
export function approveMatch(input: ApproveInput, d: Db = db()): ApproveResult {
  const start = input.startDate ?? today();
  if (!isDate(start)) return fail(matchRefusal("bad_start_date"), "startDate");
  // Distances and sections, built outside the write lock. The industry setting decides what is proposed and asked of
  // a mentor (requestMatch); a pair already asked is not refused here when the setting changed since.
  const base = { ...matchContext(d, normaliseWeights(null)), requireSharedIndustry: false };
  const run = (tx: Tx): ApproveResult => {
    const weights = currentWeights(tx);
    const checked = checkPair(tx, input.menteeId, input.mentorId, { ...base, weights: weights.weights });
    if (!checked.ok) return checked;
    const { mentee, mentor, menteeRow, ev } = checked;

    const course = tx
      .insert(courses)
      .values({
        menteeId: mentee.id,
        mentorId: mentor.id,
        status: "approved",
        proposedBy: input.actor.id,
        approvedAt: nowIso(),
        approvedBy: input.actor.id,
        startDate: start,
        plannedEndDate: addMonths(start, 6),
        targetHoursPerMonth: 4,
        matchScore: ev.score,
        matchReasons: ev.reasons as Reason[],
        weightsVersion: weights.version,
        manualReason: input.manualReason?.trim() || null,
        noIndustryReason: input.noIndustryReason?.trim() || null,
      })
      .returning({ id: courses.id })
      .get();
    // The history of all three, and the mentee's and mentor's changes in the access log (the course's is its creation).
    const actor = input.actor;
    mustChangeStatus(tx, { entity: "course", id: course.id, from: null, to: "approved", actor, audit: false });
    mustChangeStatus(tx, {
      entity: "mentee",
      id: mentee.id,
      from: mentee.status,
      to: "matched",
      actor,
      reason: input.manualReason?.trim() || null,
      set: { matchedAt: nowIso() },
      audit: false,
    });
    mustChangeStatus(tx, { entity: "mentor", id: mentor.id, from: mentor.status, to: "active", actor });
    audit(
      input.actor,
      "create",
      "course",
      course.id,
      {
        menteeId: mentee.id,
        mentorId: mentor.id,
        score: ev.score,
        weightsVersion: weights.version,
        manual: Boolean(input.manualReason?.trim()),
      },
      tx,
    );
    audit(input.actor, "update", "mentee", mentee.id, { field: "status", to: "matched", courseId: course.id }, tx);

    // The three messages, in the same transaction as the change.
    enqueue(
      {
        channel: "email",
        recipient: mentor.email,
        template: "match_mentor",
        locale: mentor.locale,
        subjectType: "mentor",
        subjectId: mentor.id,
        idempotencyKey: `match_mentor:${course.id}`,
        data: {
          mentorFirstName: mentor.firstName,
          menteeFirstName: mentee.firstName,
          menteePhone: mentee.phone,
          menteeEmail: mentee.email,
          municipality: menteeRow.municipalityName ?? "",
          languages: mentee.languages,
          danishLevel: mentee.danishLevel,
          wishedIndustryCodes: mentee.wishedIndustryCodes,
          goals: mentee.goals,
          startDate: start,
          url: absoluteUrl("/mentor"),
        },
      },
      tx,
    );
    const to = menteeChannel(mentee);
    if (to) {
      // Issue 19: the mentor has said yes, so the citizen gets the mentor's first name and phone and their coordinator.
      const coordinator = tx
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, input.actor.id))
        .get();
      enqueue(
        {
          ...to,
          template: "match_mentee",
          locale: mentee.language,
          subjectType: "mentee",
          subjectId: mentee.id,
          idempotencyKey: `match_mentee:${course.id}`,
          data: {
            mentorFirstName: mentor.firstName,
            mentorPhone: mentor.phone,
            coordinatorName: coordinator?.name.split(" ")[0] ?? "",
            coordinatorEmail: coordinator?.email ?? config().CONTACT_EMAIL,
            pageUrl: issueCitizenLink(tx, mentee.id),
          },
        },
        tx,
      );
    }
    const caseworker = mentee.referredBy
      ? tx
          .select()
          .from(users)
          .where(and(eq(users.id, mentee.referredBy), eq(users.active, true)))
          .get()
      : undefined;
    if (caseworker) {
      enqueue(
        {
          channel: "email",
          recipient: caseworker.email,
          template: "match_caseworker",
          locale: caseworker.locale,
          subjectType: "user",
          subjectId: caseworker.id,
          idempotencyKey: `match_caseworker:${course.id}`,
          data: {
            caseworkerName: caseworker.name,
            menteeFirstName: mentee.firstName,
            menteeId: mentee.id,
            mentorFirstName: mentor.firstName,
            startDate: start,
            url: absoluteUrl(`/kommune/borgere/${mentee.id}`),
          },
        },
        tx,
      );
    }
    return ok({ courseId: course.id });
  };
  // Another approval may hold the write lock longer than the busy timeout.
  return attempt(run, d, (e) => (isBusy(e) ? refuse("busy") : null));
}
