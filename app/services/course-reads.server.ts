/**
 * The course read models: a course's hours against the plan, the coordinator's course list and its filter counts (on
 * the course facts, decision 016), everything about one course for staff, and the caseworker's read-only summary of a
 * citizen's courses. Staff reads take the scope; a read of a citizen's record is logged.
 */
import { and, asc, desc, eq, inArray, lte, sql, type Placeholder, type SQL } from "drizzle-orm";
import {
  courseFacts,
  courses,
  coursePauses,
  followUps,
  meetings,
  mentees,
  mentors,
  municipalities,
  outcomes,
  statusChanges,
  surveys,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { commitment, followUpDue, type Commitment, type CommitmentStatus } from "../domain/commitment";
import { actionsFor, courseStage, hasBegun } from "../domain/course-status";
import type { CourseStatus } from "../domain/enums";
import { today } from "../utils/clock";
import { chunks, countFacts, freshenCourses, freshenFacts, loadCourseInputs } from "./course-facts.server";
import type { Page } from "../domain/paging";
import { builtOnce, inIdList, pagedByKeys } from "../utils/sql";
import { courseFilterStatuses, type CourseFilterStatus } from "../schemas/courses";
import { scopeWhere, type Actor, type Scope, type ScopeOf } from "./kernel.server";
import { about } from "./person-records.server";
import { scopeFilter } from "./mentees.server";
import { pageCache } from "./page-cache.server";

export type CourseRow = typeof courses.$inferSelect;

/** A course at a glance: its status and dates (lists, a mentor's course page, a person's data export). */
export const courseDates = {
  id: courses.id,
  status: courses.status,
  startDate: courses.startDate,
  plannedEndDate: courses.plannedEndDate,
  endedOn: courses.endedOn,
};

/** A course within the caller's scope (the citizen's municipality; courses joined to mentees): others "do not exist". */
export function courseInScope(scope: ScopeOf, courseId: number | Placeholder): SQL | undefined {
  return and(eq(courses.id, courseId), scopeFilter(scope));
}

const courseParam = sql.placeholder("courseId");

const meetingsOfCourse = builtOnce((d: Db) =>
  d
    .select()
    .from(meetings)
    .where(eq(meetings.courseId, courseParam))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .prepare(),
);
/** A course's logged meetings, newest first. */
export function courseMeetings(d: Db, courseId: number) {
  return meetingsOfCourse(d).all({ courseId });
}

const pausesOfCourse = builtOnce((d: Db) =>
  d
    .select()
    .from(coursePauses)
    .where(eq(coursePauses.courseId, courseParam))
    .orderBy(asc(coursePauses.fromDate))
    .prepare(),
);
/** A course's pauses, in order (the last may still be open). */
export function coursePausesOf(d: Db, courseId: number) {
  return pausesOfCourse(d).all({ courseId });
}

export function commitmentOf(
  c: Pick<CourseRow, "startDate" | "plannedEndDate" | "targetHoursPerMonth" | "endedOn" | "status">,
  meetingRows: { date: string; minutes: number }[],
  pauses: { fromDate: string; toDate: string | null }[],
  asOf = today(),
): Commitment | null {
  if (!c.startDate || !c.plannedEndDate) return null;
  return commitment(
    {
      startDate: c.startDate,
      plannedEndDate: c.plannedEndDate,
      targetHoursPerMonth: c.targetHoursPerMonth,
      meetings: meetingRows,
      pauses,
      endedOn: c.endedOn,
      paused: c.status === "paused",
    },
    asOf,
  );
}

/** Each course's hours against the plan as of today, month by month (the mentor's start page: their few courses). */
export function commitmentsFor(
  rows: Pick<CourseRow, "id" | "startDate" | "plannedEndDate" | "targetHoursPerMonth" | "endedOn" | "status">[],
  d: Db = db(),
): Map<number, Commitment | null> {
  const day = today();
  const out = new Map<number, Commitment | null>();
  for (const part of chunks(rows)) {
    const inputs = loadCourseInputs(
      d,
      part.map((r) => r.id),
    );
    for (const c of part) {
      const x = inputs.get(c.id);
      out.set(c.id, commitmentOf(c, x?.meetings ?? [], x?.pauses ?? [], day));
    }
  }
  return out;
}

export type CourseListItem = {
  id: number;
  status: CourseStatus;
  startDate: string | null;
  plannedEndDate: string | null;
  endedOn: string | null;
  menteeId: number;
  menteeName: string;
  mentorId: number;
  mentorName: string;
  municipalityName: string;
  commitmentStatus: CommitmentStatus | null;
  totalLogged: number;
  totalTarget: number;
  daysWithoutContact: number | null;
  followUpOutcomeDue: boolean;
};

type CourseListFilter = CourseFilterStatus;

/** The follow-up outcome is due (three months after the end) and not registered: SQL of `followUpOutcomeDue`. */
const outcomeDue = (day: string) =>
  and(
    eq(courseFacts.phase, "closed"),
    eq(courseFacts.hasFollowUpOutcome, false),
    lte(courseFacts.followUpOutcomeDueOn, day),
  );

/** The course list's filters (the coordinator's "commitment status" views), in SQL on the course facts. */
function courseFilter(filter: CourseListFilter, day: string): SQL | undefined {
  switch (filter) {
    case "all":
      return undefined;
    case "running":
      return eq(courseFacts.phase, "running");
    case "on_track":
    case "behind":
    case "no_contact":
      return and(eq(courseFacts.status, "active"), eq(courseFacts.commitmentStatus, filter));
    case "paused":
      return eq(courseFacts.status, "paused");
    case "not_started":
      return eq(courseFacts.phase, "not_started");
    case "closed":
      return eq(courseFacts.phase, "closed");
    case "followup_due":
      return outcomeDue(day);
  }
}

/** How many courses in scope each filter shows (COUNT queries on the facts' indexes). */
export function countCoursesByFilter(d: Db, scope: Scope, day: string): Record<CourseListFilter, number> {
  const counts = Object.fromEntries(
    courseFilterStatuses
      .filter((f) => f !== "closed")
      .map((f) => [f, countFacts(d, and(scopeWhere(scope, courseFacts.municipalityCode), courseFilter(f, day)))]),
  ) as Record<CourseListFilter, number>;
  // Every course is not started, running or closed: the largest of the three by subtraction, not by counting it.
  return { ...counts, closed: counts.all - counts.running - counts.not_started };
}

/**
 * The counts per filter, kept while no course's facts change (decision 016): they rest on `course_facts` alone, whose
 * every write raises the `reports` stamp. One entry per day and scope (the programme and each municipality).
 */
const filterCountsCache = pageCache<Record<CourseListFilter, number>>("reports", 16);
export const courseFilterCountsCacheStats = filterCountsCache.stats;

/** How many courses in scope each filter shows (from the cache, after computing the stale facts). */
export function courseFilterCounts(scope: Scope, d: Db = db()): Record<CourseListFilter, number> {
  freshenFacts(d);
  const day = today();
  const key = `${day}|${scope.kind === "all" ? "all" : scope.code}`;
  return filterCountsCache.get(d, key, () => countCoursesByFilter(d, scope, day));
}

/**
 * The rows of one page of the course list (its course ids, as JSON), newest start first: built once per connection,
 * as it reads five tables and drizzle took longer to write its SQL than SQLite to run it.
 */
const courseListRows = builtOnce((d: Db) =>
  d
    .select({
      id: courseFacts.courseId,
      status: courseFacts.status,
      startDate: courseFacts.startDate,
      plannedEndDate: courses.plannedEndDate,
      endedOn: courseFacts.endedOn,
      menteeId: courseFacts.menteeId,
      mentorId: courseFacts.mentorId,
      menteeFirst: mentees.firstName,
      menteeLast: mentees.lastName,
      mentorFirst: mentors.firstName,
      mentorLast: mentors.lastName,
      municipalityName: municipalities.name,
      commitmentStatus: courseFacts.commitmentStatus,
      totalLogged: courseFacts.totalLogged,
      totalTarget: courseFacts.totalTarget,
      daysWithoutContact: courseFacts.daysWithoutContact,
      followUpOutcomeDue: sql<number>`${courseFacts.phase} = 'closed' AND ${courseFacts.hasFollowUpOutcome} = 0 AND ${courseFacts.followUpOutcomeDueOn} <= ${sql.placeholder("day")}`,
    })
    .from(courseFacts)
    .innerJoin(courses, eq(courses.id, courseFacts.courseId))
    .innerJoin(mentees, eq(mentees.id, courseFacts.menteeId))
    .innerJoin(mentors, eq(mentors.id, courseFacts.mentorId))
    .innerJoin(municipalities, eq(municipalities.code, courseFacts.municipalityCode))
    .where(inIdList(courseFacts.courseId, "ids"))
    .orderBy(desc(courseFacts.startDate), desc(courseFacts.courseId))
    .prepare(),
);

/** One page of the courses in scope that a filter shows, newest start first, with the true total. */
export function listCourses(scope: Scope, filter: CourseListFilter, page: number, d: Db = db()): Page<CourseListItem> {
  freshenFacts(d);
  const day = today();
  const where = and(scopeWhere(scope, courseFacts.municipalityCode), courseFilter(filter, day));
  const order = [desc(courseFacts.startDate), desc(courseFacts.courseId)];
  // The page's ids from the index alone; names and the rest only for those 50.
  const ids = d
    .select({ id: courseFacts.courseId })
    .from(courseFacts)
    .where(where)
    .orderBy(...order);
  return pagedByKeys(
    page,
    () => courseFilterCounts(scope, d)[filter],
    ids,
    (pageKeys) =>
      courseListRows(d)
        .all({ ids: JSON.stringify(pageKeys.all().map((k) => k.id)), day })
        .map(({ menteeFirst, menteeLast, mentorFirst, mentorLast, ...r }) => ({
          ...r,
          menteeName: `${menteeFirst} ${menteeLast}`,
          mentorName: `${mentorFirst} ${mentorLast}`,
          daysWithoutContact: r.status === "active" ? r.daysWithoutContact : null,
          followUpOutcomeDue: !!r.followUpOutcomeDue,
        })),
  );
}

/** What the course page shows staff of the citizen and the mentor: who they are, how to reach them, their status. */
const menteeForStaff = {
  id: mentees.id,
  firstName: mentees.firstName,
  lastName: mentees.lastName,
  phone: mentees.phone,
  email: mentees.email,
  language: mentees.language,
  status: mentees.status,
};
const mentorForStaff = {
  id: mentors.id,
  firstName: mentors.firstName,
  lastName: mentors.lastName,
  phone: mentors.phone,
  email: mentors.email,
  status: mentors.status,
};

/** The course page's own reads, built once (`builtOnce`); the course itself in either scope. */
const courseForStaff = (d: Db, scope: Scope["kind"]) =>
  d
    .select({ course: courses, mentee: menteeForStaff, mentor: mentorForStaff, municipalityName: municipalities.name })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(
      courseInScope(
        scope === "all" ? { kind: "all" } : { kind: "municipality", code: sql.placeholder("municipalityCode") },
        courseParam,
      ),
    )
    .prepare();
const staffReads = builtOnce((d: Db) => ({
  anyCourse: courseForStaff(d, "all"),
  courseInMunicipality: courseForStaff(d, "municipality"),
  calls: d
    .select({ f: followUps, by: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.createdBy))
    .where(eq(followUps.courseId, courseParam))
    .orderBy(desc(followUps.calledOn), desc(followUps.id))
    .prepare(),
  outcomes: d
    .select()
    .from(outcomes)
    .where(eq(outcomes.courseId, courseParam))
    .orderBy(asc(outcomes.outcomeDate), asc(outcomes.id))
    .prepare(),
  surveys: d.select().from(surveys).where(eq(surveys.courseId, courseParam)).orderBy(asc(surveys.id)).prepare(),
  history: d
    .select()
    .from(statusChanges)
    .where(about(statusChanges, "course", courseParam))
    .orderBy(asc(statusChanges.id))
    .prepare(),
}));

/** Everything about one course for coordinators (and, read-only, a caseworker in scope). Logs the read. */
export function getCourseForStaff(scope: Scope, id: number, actor: Actor) {
  const d = db();
  const reads = staffReads(d);
  const row =
    scope.kind === "all"
      ? reads.anyCourse.get({ courseId: id })
      : reads.courseInMunicipality.get({ courseId: id, municipalityCode: scope.code });
  if (!row) return null;
  audit(actor, "view", "course", id);
  audit(actor, "view", "mentee", row.mentee.id, { via: "course", courseId: id });
  const meetingRows = courseMeetings(d, id);
  const pauses = coursePausesOf(d, id);
  const calls = reads.calls.all({ courseId: id });
  const outcomeRows = reads.outcomes.all({ courseId: id });
  const surveyRows = reads.surveys.all({ courseId: id });
  const history = reads.history.all({ courseId: id });
  const c = row.course;
  const day = today();
  return {
    course: c,
    mentee: row.mentee,
    mentor: row.mentor,
    municipalityName: row.municipalityName,
    commitment: commitmentOf(c, meetingRows, pauses, day),
    followUp:
      c.status === "active" && c.startDate && c.startDate <= day
        ? followUpDue(
            c.startDate,
            calls.map((x) => x.f.calledOn),
            day,
          )
        : null,
    meetings: meetingRows,
    pauses,
    followUps: calls.map((x) => ({ ...x.f, byName: x.by })),
    outcomes: outcomeRows,
    surveys: surveyRows,
    history,
    stage: courseStage(c, day),
    begun: hasBegun(c, day),
    events: actionsFor(c, day),
    openPause: pauses.find((p) => p.toDate == null) ?? null,
  };
}
export type StaffCourse = NonNullable<ReturnType<typeof getCourseForStaff>>;

/** The caseworker's read-only summary of a citizen's courses (newest first). Scope-filtered. */
export function courseSummariesForMentee(scope: Scope, menteeId: number) {
  const d = db();
  const rows = d
    .select({ ...courseDates, endReason: courses.endReason })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(and(eq(courses.menteeId, menteeId), scopeFilter(scope)))
    .orderBy(desc(courses.id))
    .all();
  const ids = rows.map((r) => r.id);
  freshenCourses(d, ids);
  const facts = new Map(
    ids.length
      ? d
          .select()
          .from(courseFacts)
          .where(inArray(courseFacts.courseId, ids))
          .all()
          .map((f) => [f.courseId, f])
      : [],
  );
  const outcomeRows = ids.length
    ? d
        .select()
        .from(outcomes)
        .where(and(inArray(outcomes.courseId, ids), eq(outcomes.confirmed, true)))
        .orderBy(asc(outcomes.outcomeDate))
        .all()
    : [];
  return rows.map((c) => {
    const f = facts.get(c.id);
    return {
      ...c,
      totalLogged: f?.totalLogged ?? 0,
      totalTarget: f?.totalTarget ?? 0,
      commitmentStatus: f?.commitmentStatus ?? null,
      outcomes: outcomeRows
        .filter((o) => o.courseId === c.id)
        .map((o) => ({
          id: o.id,
          type: o.type,
          phase: o.phase,
          outcomeDate: o.outcomeDate,
          employerIndustryCode: o.employerIndustryCode,
        })),
    };
  });
}
export type CourseSummaryData = ReturnType<typeof courseSummariesForMentee>[number];
