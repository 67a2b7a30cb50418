/**
 * The coordinators' work lists: the follow-up queue (courses at risk, calls due) with its count for the start pages,
 * and the outcomes mentors proposed that wait for a coordinator. Each pages in SQL with the true total.
 */
import { and, asc, eq, inArray, lte, or, sql } from "drizzle-orm";
import { courseFacts, courses, mentees, mentors, outcomes } from "../../db/schema";
import { db, type Db } from "../db.server";
import { auditEach } from "./audit.server";
import type { CommitmentStatus, FollowUpDue } from "../domain/commitment";
import type { OutcomeType } from "../domain/enums";
import { today } from "../utils/clock";
import { freshenFacts } from "./course-facts.server";
import { pageCache } from "./page-cache.server";
import { paged, type Page } from "../domain/paging";
import { builtOnce, inIdList } from "../utils/sql";
import { scopeWhere, type Actor, type Scope } from "./kernel.server";
import { withCitizenAndMentor } from "./joins.server";

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

/** The queue's condition: running, begun courses at risk or with a call due (only those at risk: `riskOnly`). */
const queueWhere = (scope: Scope, day: string, riskOnly: boolean) =>
  and(scopeWhere(scope, courseFacts.municipalityCode), inQueue(day), riskOnly ? atRisk : undefined);

/** The whole queue in its order, as course ids: one SQL read of the facts (what the cache below keeps). */
export function followUpQueueIds(d: Db, scope: Scope, day: string, riskOnly: boolean): number[] {
  return d
    .select({ id: courseFacts.courseId })
    .from(courseFacts)
    .where(queueWhere(scope, day, riskOnly))
    .orderBy(...queueOrder)
    .all()
    .map((r) => r.id);
}

/**
 * The queue's order per day, scope and kind, kept while no course's facts change (decision 016): it rests on
 * `course_facts` alone, and every write to that table raises the `reports` stamp. A few thousand ids at national
 * scale; the rows of the page shown (names, phones) are read fresh each time.
 */
const queueCache = pageCache<number[]>("reports", 32);
export const followUpQueueCacheStats = queueCache.stats;

/** The queue's course ids in order, from the cache (after computing the stale facts, which moves the stamp). */
export function followUpQueue(scope: Scope, riskOnly: boolean, d: Db = db()): number[] {
  freshenFacts(d);
  const day = today();
  const key = `${day}|${scope.kind === "all" ? "all" : scope.code}|${riskOnly ? "risk" : "queue"}`;
  return queueCache.get(d, key, () => followUpQueueIds(d, scope, day, riskOnly));
}

/** How many running courses are at risk or have a follow-up call due (the start pages' figure). */
export function countFollowUpsDue(scope: Scope, d: Db = db()): number {
  return followUpQueue(scope, false, d).length;
}

/** The rows of one page of the queue (its course ids, as JSON): built once, as the queue is read all day. */
const followUpRows = builtOnce((d: Db) =>
  withCitizenAndMentor(
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
      .$dynamic(),
    courseFacts.menteeId,
    courseFacts.mentorId,
  )
    .where(inIdList(courseFacts.courseId, "ids"))
    .prepare(),
);

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
  const queue = followUpQueue(scope, opts.riskOnly ?? false, d);
  const day = today();
  const result = paged(
    page,
    () => queue.length,
    (limit, offset) => {
      const ids = queue.slice(offset, offset + limit);
      const position = new Map(ids.map((id, i) => [id, i]));
      return followUpRows(d)
        .all({ ids: JSON.stringify(ids) })
        .sort((a, b) => position.get(a.id)! - position.get(b.id)!)
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
        }));
    },
    opts.pageSize,
  );
  auditEach(
    actor,
    "view",
    "mentee",
    result.rows.map((r) => ({ entityId: r.menteeId, details: { view: "follow_up_queue", courseId: r.id } })),
  );
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

/** The unconfirmed outcomes' count and a page of them, built once per connection (`builtOnce`): the start page's list. */
const pendingReads = builtOnce((d: Db) => {
  // A literal 0, not a parameter, so SQLite can use the partial index of the unconfirmed outcomes.
  const where = sql`${outcomes.confirmed} = 0`;
  return {
    count: d
      .select({ n: sql<number>`count(*)` })
      .from(outcomes)
      .where(where)
      .prepare(),
    rows: withCitizenAndMentor(
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
        .$dynamic(),
      courses.menteeId,
      courses.mentorId,
    )
      .where(where)
      .orderBy(asc(outcomes.createdAt), asc(outcomes.id))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(),
  };
});

/** Outcomes proposed by mentors that wait for a coordinator (oldest first): one page and the true total. */
export function pendingOutcomes(page: number, pageSize?: number, d: Db = db()): Page<PendingOutcome> {
  const q = pendingReads(d);
  const result = paged(
    page,
    () => q.count.get()?.n ?? 0,
    (limit, offset) => q.rows.all({ limit, offset }),
    pageSize,
  );
  return {
    ...result,
    rows: result.rows.map((r) => ({
      id: r.id,
      courseId: r.courseId,
      type: r.type,
      outcomeDate: r.outcomeDate,
      proposedAt: r.proposedAt,
      menteeName: `${r.menteeFirst} ${r.menteeLast}`,
      mentorName: `${r.mentorFirst} ${r.mentorLast}`,
    })),
  };
}
