/**
 * The coordinators' work lists: the follow-up queue (courses at risk, calls due) with its count for the start pages,
 * and the outcomes mentors proposed that wait for a coordinator. Each pages in SQL with the true total.
 */
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { courseFacts, courses, mentees, mentors, outcomes } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import type { CommitmentStatus, FollowUpDue } from "../domain/commitment";
import type { OutcomeType } from "../domain/enums";
import { today } from "../utils/clock";
import { countFacts, freshenFacts } from "./course-facts.server";
import { paged, type Page } from "../domain/paging";
import { scopeWhere, transaction, type Actor, type Scope } from "./kernel.server";

/** Running courses whose follow-up call is due (on or after its due day): SQL of `followUpDue(...).state !== "not_due"`. */
const callDue = (day: string) => lte(courseFacts.followUpDueOn, day);
/** At risk: no meeting for NUDGE_AFTER_DAYS (21) days, or behind on hours (the commitment status of the facts). */
const atRisk = inArray(courseFacts.commitmentStatus, ["no_contact", "behind"]);
/** The follow-up queue: running, begun courses at risk or with a call due. */
const inQueue = (day: string) =>
  and(eq(courseFacts.status, "active"), lte(courseFacts.startDate, day), or(atRisk, callDue(day)));
/** Risk first (no contact, then behind), then the calls by how overdue they are. */
const queueOrder = [
  sql`CASE ${courseFacts.commitmentStatus} WHEN 'no_contact' THEN 0 WHEN 'behind' THEN 1 ELSE 2 END`,
  sql`coalesce(${courseFacts.followUpOverdueOn}, '9999-12-31')`,
  asc(courseFacts.courseId),
];

export type FollowUpItem = {
  id: number;
  menteeId: number;
  menteeName: string;
  menteePhone: string | null;
  mentorName: string;
  mentorPhone: string | null;
  commitmentStatus: CommitmentStatus | null;
  daysWithoutContact: number | null;
  /** The call, when one is due (a course at risk may have had its call recently). */
  followUp: FollowUpDue | null;
};

/** How many running courses are at risk or have a follow-up call due (the start pages' figure). */
export function countFollowUpsDue(scope: Scope, d: Db = db()): number {
  freshenFacts(d);
  return countFacts(d, and(scopeWhere(scope, courseFacts.municipalityCode), inQueue(today())));
}

/**
 * One page of the follow-up queue: courses at risk first (no contact for 21 days, then behind), then the calls due,
 * most overdue first; with both people's phone numbers, so each shown citizen's record read is logged.
 */
export function followUpsDue(
  scope: Scope,
  page: number,
  actor: Actor,
  opts: { riskOnly?: boolean; pageSize?: number } = {},
  d: Db = db(),
): Page<FollowUpItem> {
  freshenFacts(d);
  const day = today();
  const where = and(scopeWhere(scope, courseFacts.municipalityCode), inQueue(day), opts.riskOnly ? atRisk : undefined);
  const result = paged(
    page,
    () => countFacts(d, where),
    (limit, offset) =>
      d
        .select({
          id: courseFacts.courseId,
          menteeId: courseFacts.menteeId,
          menteeFirst: mentees.firstName,
          menteeLast: mentees.lastName,
          menteePhone: mentees.phone,
          mentorFirst: mentors.firstName,
          mentorLast: mentors.lastName,
          mentorPhone: mentors.phone,
          commitmentStatus: courseFacts.commitmentStatus,
          daysWithoutContact: courseFacts.daysWithoutContact,
          dueOn: courseFacts.followUpDueOn,
          overdueOn: courseFacts.followUpOverdueOn,
          kind: courseFacts.followUpKind,
        })
        .from(courseFacts)
        .innerJoin(mentees, eq(mentees.id, courseFacts.menteeId))
        .innerJoin(mentors, eq(mentors.id, courseFacts.mentorId))
        .where(
          inArray(
            courseFacts.courseId,
            d
              .select({ id: courseFacts.courseId })
              .from(courseFacts)
              .where(where)
              .orderBy(...queueOrder)
              .limit(limit)
              .offset(offset),
          ),
        )
        .orderBy(...queueOrder)
        .all()
        .map((r) => ({
          id: r.id,
          menteeId: r.menteeId,
          menteeName: `${r.menteeFirst} ${r.menteeLast}`,
          menteePhone: r.menteePhone,
          mentorName: `${r.mentorFirst} ${r.mentorLast}`,
          mentorPhone: r.mentorPhone,
          commitmentStatus: r.commitmentStatus,
          daysWithoutContact: r.daysWithoutContact,
          followUp:
            r.dueOn && r.dueOn <= day
              ? {
                  state: day >= r.overdueOn! ? ("overdue" as const) : ("due" as const),
                  dueOn: r.dueOn,
                  overdueOn: r.overdueOn!,
                  kind: r.kind ?? "start",
                }
              : null,
        })),
    opts.pageSize,
  );
  if (result.rows.length) {
    transaction((t) => {
      for (const r of result.rows)
        audit(actor, "view", "mentee", r.menteeId, { view: "follow_up_queue", courseId: r.id }, t);
    });
  }
  return result;
}

export type PendingOutcome = {
  id: number;
  courseId: number;
  type: OutcomeType;
  outcomeDate: string;
  menteeName: string;
  mentorName: string;
  proposedAt: string;
};

/** Outcomes proposed by mentors that wait for a coordinator (oldest first): one page and the true total. */
export function pendingOutcomes(page: number, pageSize?: number, d: Db = db()): Page<PendingOutcome> {
  // A literal 0, not a parameter, so SQLite can use the partial index of the unconfirmed outcomes.
  const where = sql`${outcomes.confirmed} = 0`;
  return paged(
    page,
    () =>
      d
        .select({ n: sql<number>`count(*)` })
        .from(outcomes)
        .where(where)
        .get()!.n,
    (limit, offset) =>
      d
        .select({
          id: outcomes.id,
          courseId: outcomes.courseId,
          type: outcomes.type,
          outcomeDate: outcomes.outcomeDate,
          proposedAt: outcomes.createdAt,
          menteeFirst: mentees.firstName,
          menteeLast: mentees.lastName,
          mentorFirst: mentors.firstName,
          mentorLast: mentors.lastName,
        })
        .from(outcomes)
        .innerJoin(courses, eq(courses.id, outcomes.courseId))
        .innerJoin(mentees, eq(mentees.id, courses.menteeId))
        .innerJoin(mentors, eq(mentors.id, courses.mentorId))
        .where(where)
        .orderBy(asc(outcomes.createdAt), asc(outcomes.id))
        .limit(limit)
        .offset(offset)
        .all()
        .map((r) => ({
          id: r.id,
          courseId: r.courseId,
          type: r.type,
          outcomeDate: r.outcomeDate,
          proposedAt: r.proposedAt,
          menteeName: `${r.menteeFirst} ${r.menteeLast}`,
          mentorName: `${r.mentorFirst} ${r.mentorLast}`,
        })),
    pageSize,
  );
}
