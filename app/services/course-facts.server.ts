/**
 * Keeping `course_facts` and `course_on_track` true (decision 016). Triggers mark a course's row stale
 * (`fresh_until = ''`) whenever anything it rests on changes; running courses are also stale from the next day on.
 * Stale rows are computed again here, with the pure `computeCourseFacts`, from the course's own rows:
 *  - by the course use cases, in the transaction of the change (`refreshCourseFacts`);
 *  - by reads that use the facts, for a bounded number of stale rows first (`freshenFacts`): writers outside the
 *    course use cases (matching, withdrawals, consent, seeds, tests) only have their triggers;
 *  - by the daily course job, all of them in chunks (`refreshStaleFacts`).
 * Every read of meetings, pauses, calls or outcomes here asks for at most CHUNK courses at a time.
 */
import { and, asc, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import {
  courseFacts,
  coursePauses,
  courses,
  followUps,
  industries,
  meetings,
  mentors,
  outcomes,
} from "../../db/schema";
import { clientOf, db, type Db } from "../db.server";
import { computeCourseFacts, END_OF_TIME, mentorFirsts, type FactsInput } from "../domain/course-facts";
import { today } from "../utils/clock";
import { yieldToEventLoop } from "../utils/yield";
import { builtOnce } from "../utils/sql";
import { transaction, type Result, type Tx } from "./kernel.server";

/** The most courses read or written in one go (an IN list never holds more). */
export const CHUNK = 500;

export function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

function groupBy<T extends { courseId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) (m.get(r.courseId) ?? m.set(r.courseId, []).get(r.courseId)!).push(r);
  return m;
}

/** One chunk of courses with their meetings, pauses, follow-up calls and outcomes (at most CHUNK ids). */
export function loadCourseInputs(
  d: Db,
  ids: readonly number[],
): Map<number, FactsInput & { course: typeof courses.$inferSelect }> {
  if (ids.length > CHUNK)
    throw new Error(`loadCourseInputs: ${ids.length} courses at once; read them in chunks of ${CHUNK}`);
  if (!ids.length) return new Map();
  const list = [...ids];
  const rows = d
    .select({ course: courses, industrySection: industries.section })
    .from(courses)
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .leftJoin(industries, eq(industries.code, mentors.industryCode))
    .where(inArray(courses.id, list))
    .all();
  const meetingsBy = groupBy(
    d
      .select({ courseId: meetings.courseId, date: meetings.date, minutes: meetings.minutes })
      .from(meetings)
      .where(inArray(meetings.courseId, list))
      .all(),
  );
  const pausesBy = groupBy(
    d
      .select({ courseId: coursePauses.courseId, fromDate: coursePauses.fromDate, toDate: coursePauses.toDate })
      .from(coursePauses)
      .where(inArray(coursePauses.courseId, list))
      .all(),
  );
  const callsBy = groupBy(
    d
      .select({ courseId: followUps.courseId, calledOn: followUps.calledOn })
      .from(followUps)
      .where(inArray(followUps.courseId, list))
      .all(),
  );
  const outcomesBy = groupBy(
    d
      .select({
        courseId: outcomes.courseId,
        type: outcomes.type,
        phase: outcomes.phase,
        confirmed: outcomes.confirmed,
      })
      .from(outcomes)
      .where(inArray(outcomes.courseId, list))
      .orderBy(asc(outcomes.id))
      .all(),
  );
  return new Map(
    rows.map(({ course: c, industrySection }) => [
      c.id,
      {
        course: { ...c, industrySection },
        meetings: (meetingsBy.get(c.id) ?? []).map((m) => ({ date: m.date, minutes: m.minutes })),
        pauses: (pausesBy.get(c.id) ?? []).map((p) => ({ fromDate: p.fromDate, toDate: p.toDate })),
        callDates: (callsBy.get(c.id) ?? []).map((f) => f.calledOn),
        outcomes: (outcomesBy.get(c.id) ?? []).map((o) => ({ type: o.type, phase: o.phase, confirmed: o.confirmed })),
      },
    ]),
  );
}

const b = (v: boolean) => (v ? 1 : 0);

/** Computes the facts of these courses as of `day` and writes them (and their mentors' retention facts). */
export function refreshCourseFacts(
  d: Db,
  ids: readonly number[],
  day: string = today(),
  loaded?: ReturnType<typeof loadCourseInputs>,
): void {
  if (!ids.length) return;
  const client = clientOf(d);
  const update =
    client.prepare(`UPDATE course_facts SET fresh_until = ?, facts_on = ?, commitment_status = ?, total_logged = ?, total_target = ?,
    days_without_contact = ?, follow_up_due_on = ?, follow_up_overdue_on = ?, follow_up_kind = ?, follow_up_outcome_due_on = ?,
    has_follow_up_outcome = ?, meetings = ?, minutes = ?, on_track = ?, end_outcomes = ?, follow_up_outcomes = ?, end_mask = ?,
    follow_up_mask = ?, positive_end = ?, positive_follow_up = ?, outcome_flags = ? WHERE course_id = ?`);
  const clear = client.prepare("DELETE FROM course_on_track WHERE course_id = ?");
  const stretch =
    client.prepare(`INSERT INTO course_on_track (course_id, from_on, to_on, on_track, start_date, end_key, municipality_code)
    SELECT course_id, ?, ?, ?, ?, ?, municipality_code FROM course_facts WHERE course_id = ?`);
  transaction(() => {
    for (const part of chunks(ids)) {
      const inputs = loaded && part.every((id) => loaded.has(id)) ? loaded : loadCourseInputs(d, part);
      const mentorIds = new Set<number>();
      for (const id of part) {
        const x = inputs.get(id);
        if (!x) continue;
        const f = computeCourseFacts(x, day);
        update.run(
          f.freshUntil,
          f.factsOn,
          f.commitmentStatus,
          f.totalLogged,
          f.totalTarget,
          f.daysWithoutContact,
          f.followUpDueOn,
          f.followUpOverdueOn,
          f.followUpKind,
          f.followUpOutcomeDueOn,
          b(f.hasFollowUpOutcome),
          f.meetings,
          f.minutes,
          f.onTrack == null ? null : b(f.onTrack),
          f.endOutcomes,
          f.followUpOutcomes,
          f.endMask,
          f.followUpMask,
          b(f.positiveEnd),
          b(f.positiveFollowUp),
          f.outcomeFlags,
          id,
        );
        clear.run(id);
        for (const s of f.onTrackStretches)
          stretch.run(s.from, s.to, b(s.onTrack), x.course.startDate, x.course.endedOn ?? END_OF_TIME, id);
        mentorIds.add(x.course.mentorId);
      }
      refreshMentorFirsts(d, [...mentorIds]);
    }
  }, d);
}

/** Which course is each of these mentors' first, and when their second began (programme-wide and per municipality). */
function refreshMentorFirsts(d: Db, mentorIds: number[]): void {
  const set = clientOf(d).prepare(
    "UPDATE course_facts SET mentor_first = ?, mentor_next_start = ?, mentor_first_local = ?, mentor_next_start_local = ? WHERE course_id = ?",
  );
  for (const part of chunks(mentorIds)) {
    const rows = d
      .select({
        id: courseFacts.courseId,
        mentorId: courseFacts.mentorId,
        status: courseFacts.status,
        startDate: courseFacts.startDate,
        approvedAt: courseFacts.approvedAt,
        municipalityCode: courseFacts.municipalityCode,
      })
      .from(courseFacts)
      .where(inArray(courseFacts.mentorId, part))
      .all();
    const byMentor = new Map<number, typeof rows>();
    for (const r of rows) (byMentor.get(r.mentorId) ?? byMentor.set(r.mentorId, []).get(r.mentorId)!).push(r);
    for (const cs of byMentor.values()) {
      for (const [id, f] of mentorFirsts(cs)) set.run(b(f.first), f.nextStart, b(f.firstLocal), f.nextStartLocal, id);
    }
  }
}

/** Ids of stale rows (changed ones first), at most `limit`; built once, as every list with facts asks before it reads. */
const staleRows = builtOnce((d: Db) =>
  d
    .select({ id: courseFacts.courseId })
    .from(courseFacts)
    .where(lte(courseFacts.freshUntil, sql.placeholder("day")))
    .orderBy(asc(courseFacts.freshUntil), asc(courseFacts.courseId))
    .limit(sql.placeholder("limit"))
    .prepare(),
);
function staleIds(d: Db, day: string, limit: number): number[] {
  return staleRows(d)
    .all({ day, limit })
    .map((r) => r.id);
}

/**
 * Before a read: computes up to `limit` stale rows again (the changed ones first). Nothing to do costs one index probe.
 * More than that waits for the course job (after midnight every running course is stale until it has run).
 */
export function freshenFacts(d: Db = db(), day: string = today(), limit = 200): number {
  const ids = staleIds(d, day, limit);
  refreshCourseFacts(d, ids, day);
  return ids.length;
}

/** Are these courses' facts current? (For a page that shows a few courses: recompute only theirs if not.) */
export function freshenCourses(d: Db, ids: readonly number[], day: string = today()): void {
  for (const part of chunks(ids)) {
    const stale = d
      .select({ id: courseFacts.courseId })
      .from(courseFacts)
      .where(and(inArray(courseFacts.courseId, part), lte(courseFacts.freshUntil, day)))
      .all()
      .map((r) => r.id);
    refreshCourseFacts(d, stale, day);
  }
}

/**
 * Every stale row, CHUNK at a time, giving the event loop back between chunks (the course job; a data set made
 * before the facts existed). Returns how many were computed.
 */
export async function refreshStaleFacts(
  d: Db,
  day: string,
  onProgress?: (done: number, left: number) => void,
): Promise<number> {
  let done = 0;
  let last = "";
  for (;;) {
    const ids = staleIds(d, day, CHUNK);
    if (!ids.length) return done;
    // A row that stays stale after its refresh (a course that could not be read) must not keep the job going round.
    if (ids.join() === last)
      throw new Error(`course facts: ${ids.length} rows stay stale after a refresh (first ${ids[0]})`);
    last = ids.join();
    refreshCourseFacts(d, ids, day);
    done += ids.length;
    if (onProgress)
      onProgress(
        done,
        d
          .select({ n: sql<number>`count(*)` })
          .from(courseFacts)
          .where(lte(courseFacts.freshUntil, day))
          .get()!.n,
      );
    await yieldToEventLoop();
  }
}

/** How many course facts rows match `where` (a COUNT on the facts' indexes). */
export function countFacts(d: Db, where: SQL | undefined): number {
  return d
    .select({ n: sql<number>`count(*)` })
    .from(courseFacts)
    .where(where)
    .get()!.n;
}

/** A change to one course, in one transaction that also brings the course's facts up to date (decision 016). */
export function changeCourse<T extends Result<unknown>>(courseId: number, fn: (t: Tx) => T): T {
  return transaction((t) => {
    const r = fn(t);
    if (r.ok) refreshCourseFacts(t, [courseId], today());
    return r;
  });
}
