/**
 * Use cases of the six-month course (mentorforløb): the mentor's meeting log and outcome proposal, the coordinator's
 * lifecycle actions (start, pause, resume, extend, complete, end early), outcomes, follow-up calls, escalation, and
 * the caseworker's read-only summary. Every change is one transaction with its audit entry, status change and the
 * messages it causes (the outbox). A mentor only ever reaches their own courses; staff queries take the scope.
 */
import { and, asc, desc, eq, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
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
import type { Scope } from "../auth/guards.server";
import { audit } from "./audit.server";
import { enqueue } from "../messaging/outbox.server";
import { config } from "../config.server";
import { addDays, addMonths, daysBetween } from "../domain/dates";
import {
  commitment,
  followUpDue,
  plannedEndAfterPause,
  plannedEndFor,
  type Commitment,
  type CommitmentStatus,
  type FollowUpDue,
} from "../domain/commitment";
import {
  actionsFor,
  canAct,
  courseStage,
  hasBegun,
  isClosed,
  nextStatus,
  type CourseEvent,
} from "../domain/course-status";
import type {
  Channel,
  CourseStatus,
  EndReason,
  FollowUpStatus,
  MeetingForm,
  MeetingTopic,
  MessageLanguage,
  OutcomePhase,
  OutcomeType,
} from "../domain/enums";
import { now, nowIso, today } from "../utils/clock";
import { ensureSurveys } from "./surveys.server";
import { chunks, freshenCourses, freshenFacts, loadCourseInputs, refreshCourseFacts } from "./course-facts.server";
import { paged, type Page } from "../domain/paging";
import { courseFilterStatuses, type CourseFilterStatus } from "../schemas/courses";

export type Actor = { id: number; role: string };
type Tx = Db;
export type Failure = { ok: false; field?: string; message: string };
export type Result<T = object> = ({ ok: true } & T) | Failure;
const fail = (message: string, field?: string): Failure => ({ ok: false, message, field });

/** A mentor may change or delete their own meeting entry for this many days after writing it. */
export const MEETING_EDIT_DAYS = 14;

function tx<T>(fn: (t: Tx) => T): T {
  return db().transaction((t) => fn(t as unknown as Tx), { behavior: "immediate" });
}

/** A change to one course, in one transaction that also brings the course's facts up to date (decision 016). */
function changeCourse<T extends Result<object>>(courseId: number, fn: (t: Tx) => T): T {
  return tx((t) => {
    const r = fn(t);
    if (r.ok) refreshCourseFacts(t, [courseId], today());
    return r;
  });
}

function scopeFilter(scope: Scope) {
  return scope.kind === "municipality" ? eq(mentees.municipalityCode, scope.code) : undefined;
}

function appUrl(): string {
  return config().APP_URL.replace(/\/$/, "");
}

/* ------------------------------------------------------------------ reading */

type CourseRow = typeof courses.$inferSelect;

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

const factsScope = (scope: Scope) =>
  scope.kind === "municipality" ? eq(courseFacts.municipalityCode, scope.code) : undefined;
const countFacts = (d: Db, where: SQL | undefined) =>
  d
    .select({ n: sql<number>`count(*)` })
    .from(courseFacts)
    .where(where)
    .get()!.n;

/** How many courses in scope each filter shows (COUNT queries on the facts' indexes). */
export function courseFilterCounts(scope: Scope, d: Db = db()): Record<CourseListFilter, number> {
  freshenFacts(d);
  const day = today();
  const counts = Object.fromEntries(
    courseFilterStatuses
      .filter((f) => f !== "closed")
      .map((f) => [f, countFacts(d, and(factsScope(scope), courseFilter(f, day)))]),
  ) as Record<CourseListFilter, number>;
  // Every course is not started, running or closed: the largest of the three by subtraction, not by counting it.
  return { ...counts, closed: counts.all - counts.running - counts.not_started };
}

/** One page of the courses in scope that a filter shows, newest start first, with the true total. */
export function listCourses(scope: Scope, filter: CourseListFilter, page: number, d: Db = db()): Page<CourseListItem> {
  freshenFacts(d);
  const day = today();
  const where = and(factsScope(scope), courseFilter(filter, day));
  return paged(
    page,
    () => countFacts(d, where),
    (limit, offset) => {
      // The page's ids from the index alone; names and the rest only for those 50 (an OFFSET skips index entries, not joins).
      const pageIds = d
        .select({ id: courseFacts.courseId })
        .from(courseFacts)
        .where(where)
        .orderBy(desc(courseFacts.startDate), desc(courseFacts.courseId))
        .limit(limit)
        .offset(offset);
      const rows = d
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
          followUpOutcomeDue: sql<number>`${courseFacts.phase} = 'closed' AND ${courseFacts.hasFollowUpOutcome} = 0 AND ${courseFacts.followUpOutcomeDueOn} <= ${day}`,
        })
        .from(courseFacts)
        .innerJoin(courses, eq(courses.id, courseFacts.courseId))
        .innerJoin(mentees, eq(mentees.id, courseFacts.menteeId))
        .innerJoin(mentors, eq(mentors.id, courseFacts.mentorId))
        .innerJoin(municipalities, eq(municipalities.code, courseFacts.municipalityCode))
        .where(inArray(courseFacts.courseId, pageIds))
        .orderBy(desc(courseFacts.startDate), desc(courseFacts.courseId))
        .all();
      return rows.map(({ menteeFirst, menteeLast, mentorFirst, mentorLast, ...r }) => ({
        ...r,
        menteeName: `${menteeFirst} ${menteeLast}`,
        mentorName: `${mentorFirst} ${mentorLast}`,
        daysWithoutContact: r.status === "active" ? r.daysWithoutContact : null,
        followUpOutcomeDue: !!r.followUpOutcomeDue,
      }));
    },
  );
}

/** Everything about one course for coordinators (and, read-only, a caseworker in scope). Logs the read. */
export function getCourseForStaff(scope: Scope, id: number, actor: Actor) {
  const d = db();
  const row = d
    .select({ course: courses, mentee: mentees, mentor: mentors, municipalityName: municipalities.name })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(courses.id, id), scopeFilter(scope)))
    .get();
  if (!row) return null;
  audit(actor, "view", "course", id);
  audit(actor, "view", "mentee", row.mentee.id, { via: "course", courseId: id });
  const meetingRows = d
    .select()
    .from(meetings)
    .where(eq(meetings.courseId, id))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .all();
  const pauses = d
    .select()
    .from(coursePauses)
    .where(eq(coursePauses.courseId, id))
    .orderBy(asc(coursePauses.fromDate))
    .all();
  const calls = d
    .select({ f: followUps, by: users.name })
    .from(followUps)
    .leftJoin(users, eq(users.id, followUps.createdBy))
    .where(eq(followUps.courseId, id))
    .orderBy(desc(followUps.calledOn), desc(followUps.id))
    .all();
  const outcomeRows = d
    .select()
    .from(outcomes)
    .where(eq(outcomes.courseId, id))
    .orderBy(asc(outcomes.outcomeDate), asc(outcomes.id))
    .all();
  const surveyRows = d.select().from(surveys).where(eq(surveys.courseId, id)).orderBy(asc(surveys.id)).all();
  const history = d
    .select()
    .from(statusChanges)
    .where(and(eq(statusChanges.entityType, "course"), eq(statusChanges.entityId, id)))
    .orderBy(asc(statusChanges.id))
    .all();
  const c = row.course;
  const day = today();
  return {
    course: c,
    mentee: {
      id: row.mentee.id,
      firstName: row.mentee.firstName,
      lastName: row.mentee.lastName,
      phone: row.mentee.phone,
      email: row.mentee.email,
      language: row.mentee.language,
      status: row.mentee.status,
    },
    mentor: {
      id: row.mentor.id,
      firstName: row.mentor.firstName,
      lastName: row.mentor.lastName,
      phone: row.mentor.phone,
      email: row.mentor.email,
      status: row.mentor.status,
    },
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
  return countFacts(d, and(factsScope(scope), inQueue(today())));
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
  const where = and(factsScope(scope), inQueue(day), opts.riskOnly ? atRisk : undefined);
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
    tx((t) => {
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

/** The caseworker's read-only summary of a citizen's courses (newest first). Scope-filtered. */
export function courseSummariesForMentee(scope: Scope, menteeId: number) {
  const d = db();
  const rows = d
    .select({ course: courses })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(and(eq(courses.menteeId, menteeId), scopeFilter(scope)))
    .orderBy(desc(courses.id))
    .all();
  const ids = rows.map((r) => r.course.id);
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
  return rows.map(({ course: c }) => {
    const f = facts.get(c.id);
    return {
      id: c.id,
      status: c.status,
      startDate: c.startDate,
      plannedEndDate: c.plannedEndDate,
      endedOn: c.endedOn,
      endReason: c.endReason,
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

/* ------------------------------------------------------------------ mentor */

export function mentorIdOf(userId: number, d: Db = db()): number | null {
  return d.select({ id: mentors.id }).from(mentors).where(eq(mentors.userId, userId)).get()?.id ?? null;
}

function ownCourse(d: Db, userId: number, courseId: number) {
  const mentorId = mentorIdOf(userId, d);
  if (mentorId == null) return null;
  return (
    d
      .select()
      .from(courses)
      .where(and(eq(courses.id, courseId), eq(courses.mentorId, mentorId)))
      .get() ?? null
  );
}

/** The mentor's own course page: the minimal mentee profile, the month-by-month plan, the meeting log. Null if not theirs. */
export function getMentorCourse(userId: number, courseId: number) {
  const d = db();
  const c = ownCourse(d, userId, courseId);
  if (!c) return null;
  const m = d
    .select({
      firstName: mentees.firstName,
      phone: mentees.phone,
      email: mentees.email,
      languages: mentees.languages,
      danishLevel: mentees.danishLevel,
      goals: mentees.goals,
      wishedIndustryCodes: mentees.wishedIndustryCodes,
    })
    .from(mentees)
    .where(eq(mentees.id, c.menteeId))
    .get()!;
  const meetingRows = d
    .select()
    .from(meetings)
    .where(eq(meetings.courseId, courseId))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .all();
  const pauses = d
    .select({ fromDate: coursePauses.fromDate, toDate: coursePauses.toDate })
    .from(coursePauses)
    .where(eq(coursePauses.courseId, courseId))
    .all();
  const proposed = d
    .select()
    .from(outcomes)
    .where(and(eq(outcomes.courseId, courseId), eq(outcomes.recordedBy, userId)))
    .orderBy(asc(outcomes.id))
    .all();
  const openSurvey =
    d
      .select()
      .from(surveys)
      .where(and(eq(surveys.courseId, courseId), eq(surveys.respondent, "mentor"), isNull(surveys.answeredAt)))
      .orderBy(asc(surveys.id))
      .get() ?? null;
  const day = today();
  const editableFrom = new Date(now().getTime() - MEETING_EDIT_DAYS * 86_400_000).toISOString();
  return {
    course: {
      id: c.id,
      status: c.status,
      startDate: c.startDate,
      plannedEndDate: c.plannedEndDate,
      endedOn: c.endedOn,
    },
    mentee: m,
    commitment: commitmentOf(c, meetingRows, pauses, day),
    meetings: meetingRows.map((x) => ({
      ...x,
      editable: x.createdBy === userId && x.createdAt >= editableFrom && !isClosed(c.status),
    })),
    proposedOutcomes: proposed,
    openSurvey: openSurvey ? { id: openSurvey.id, kind: openSurvey.kind } : null,
    canLog: c.status === "active",
    canPropose: c.status === "active" || c.status === "paused" || isClosed(c.status),
    today: day,
  };
}

export type MeetingInput = {
  date: string;
  minutes: number;
  form: MeetingForm;
  topics: MeetingTopic[];
  nextStep?: string;
};

function checkMeetingDate(c: CourseRow, date: string): Failure | null {
  if (date > today()) return fail("courses.meeting.futureDate", "date");
  if (c.startDate && date < addDays(c.startDate, -14)) return fail("courses.meeting.beforeStart", "date");
  return null;
}

export function logMeeting(userId: number, courseId: number, input: MeetingInput): Result<{ id: number }> {
  return changeCourse(courseId, (t) => {
    const c = ownCourse(t, userId, courseId);
    if (!c) return fail("courses.errors.notFound");
    if (c.status !== "active") return fail("courses.meeting.notActive");
    const bad = checkMeetingDate(c, input.date);
    if (bad) return bad;
    const row = t
      .insert(meetings)
      .values({
        courseId,
        date: input.date,
        minutes: input.minutes,
        form: input.form,
        topics: input.topics,
        nextStep: input.nextStep || null,
        createdBy: userId,
      })
      .returning({ id: meetings.id })
      .get();
    audit({ id: userId, role: "mentor" }, "create", "meeting", row.id, { courseId }, t);
    return { ok: true as const, id: row.id };
  });
}

function editableMeeting(t: Tx, userId: number, courseId: number, meetingId: number) {
  const c = ownCourse(t, userId, courseId);
  if (!c || isClosed(c.status)) return null;
  const m = t
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.courseId, courseId), eq(meetings.createdBy, userId)))
    .get();
  if (!m) return null;
  const editableFrom = new Date(now().getTime() - MEETING_EDIT_DAYS * 86_400_000).toISOString();
  return m.createdAt >= editableFrom ? { c, m } : null;
}

export function updateMeeting(userId: number, courseId: number, meetingId: number, input: MeetingInput): Result {
  return changeCourse(courseId, (t) => {
    const found = editableMeeting(t, userId, courseId, meetingId);
    if (!found) return fail("courses.meeting.notEditable");
    const bad = checkMeetingDate(found.c, input.date);
    if (bad) return bad;
    t.update(meetings)
      .set({
        date: input.date,
        minutes: input.minutes,
        form: input.form,
        topics: input.topics,
        nextStep: input.nextStep || null,
      })
      .where(eq(meetings.id, meetingId))
      .run();
    audit({ id: userId, role: "mentor" }, "update", "meeting", meetingId, { courseId }, t);
    return { ok: true as const };
  });
}

export function deleteMeeting(userId: number, courseId: number, meetingId: number): Result {
  return changeCourse(courseId, (t) => {
    if (!editableMeeting(t, userId, courseId, meetingId)) return fail("courses.meeting.notEditable");
    t.delete(meetings).where(eq(meetings.id, meetingId)).run();
    audit({ id: userId, role: "mentor" }, "delete", "meeting", meetingId, { courseId }, t);
    return { ok: true as const };
  });
}

export type OutcomeInput = {
  type: OutcomeType;
  outcomeDate: string;
  employerIndustryCode?: string;
  viaMentorNetwork: boolean;
};

/** The mentor proposes an outcome; it counts only when a coordinator confirms it. */
export function proposeOutcome(userId: number, courseId: number, input: OutcomeInput): Result {
  return changeCourse(courseId, (t) => {
    const c = ownCourse(t, userId, courseId);
    if (!c || !c.startDate) return fail("courses.errors.notFound");
    if (c.status !== "active" && c.status !== "paused" && !isClosed(c.status)) return fail("courses.errors.notAllowed");
    if (input.outcomeDate < c.startDate) return fail("courses.outcome.beforeStart", "outcomeDate");
    if (input.outcomeDate > addMonths(today(), 1)) return fail("courses.outcome.tooLate", "outcomeDate");
    const row = t
      .insert(outcomes)
      .values({
        courseId,
        type: input.type,
        phase: "end",
        outcomeDate: input.outcomeDate,
        employerIndustryCode: input.employerIndustryCode ?? null,
        viaMentorNetwork: input.viaMentorNetwork,
        confirmed: false,
        recordedBy: userId,
      })
      .returning({ id: outcomes.id })
      .get();
    audit({ id: userId, role: "mentor" }, "create", "outcome", row.id, { courseId, proposed: true }, t);
    return { ok: true as const };
  });
}

/* ------------------------------------------------------------------ coordinator */

function recordStatus(
  t: Tx,
  entityType: "course" | "mentee" | "mentor",
  entityId: number,
  from: string | null,
  to: string,
  by: number | null,
  reason?: string | null,
) {
  if (from === to) return;
  t.insert(statusChanges)
    .values({ entityType, entityId, fromStatus: from, toStatus: to, byUserId: by, reason: reason ?? null })
    .run();
}

type MenteeContact = {
  id: number;
  phone: string | null;
  email: string | null;
  preferredChannel: Channel;
  language: MessageLanguage;
  smsOptOutAt: string | null;
  emailOptOutAt: string | null;
};

/** Where a message to a mentee goes: their preferred channel if possible, the other one otherwise; null if neither. */
export function menteeChannel(m: MenteeContact): { channel: Channel; recipient: string } | null {
  const sms = m.phone && !m.smsOptOutAt ? { channel: "sms" as const, recipient: m.phone } : null;
  const email = m.email && !m.emailOptOutAt ? { channel: "email" as const, recipient: m.email } : null;
  return m.preferredChannel === "sms" ? (sms ?? email) : (email ?? sms);
}

export function menteeContact(t: Tx, menteeId: number): MenteeContact {
  return t
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

/** The caseworker(s) to tell about a citizen: who referred them, else every active caseworker of the municipality. */
function caseworkersFor(t: Tx, menteeId: number) {
  const m = t
    .select({ referredBy: mentees.referredBy, code: mentees.municipalityCode })
    .from(mentees)
    .where(eq(mentees.id, menteeId))
    .get()!;
  const base = and(eq(users.role, "caseworker"), eq(users.active, true), eq(users.municipalityCode, m.code));
  const referrer = m.referredBy
    ? t
        .select({ id: users.id, email: users.email, locale: users.locale })
        .from(users)
        .where(and(base, eq(users.id, m.referredBy)))
        .get()
    : undefined;
  return referrer
    ? [referrer]
    : t.select({ id: users.id, email: users.email, locale: users.locale }).from(users).where(base).all();
}

export function coordinatorsToNotify(t: Tx) {
  return t
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.role, "coordinator"), eq(users.active, true)))
    .all();
}

function mentorContact(t: Tx, mentorId: number) {
  return t
    .select({ id: mentors.id, email: mentors.email, locale: mentors.locale, status: mentors.status })
    .from(mentors)
    .where(eq(mentors.id, mentorId))
    .get()!;
}

function staffCourse(t: Tx, scope: Scope, id: number) {
  return (
    t
      .select({ course: courses })
      .from(courses)
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(and(eq(courses.id, id), scopeFilter(scope)))
      .get()?.course ?? null
  );
}

export type CoordinatorAction =
  | { intent: "start"; startDate: string }
  | { intent: "pause"; fromDate: string; reason?: string }
  | { intent: "resume"; toDate: string }
  | { intent: "extend"; plannedEndDate: string }
  | { intent: "complete"; endedOn: string }
  | { intent: "end_early"; endedOn: string; reason: EndReason; note?: string }
  | { intent: "cancel"; reason: EndReason; note?: string }
  | ({ intent: "outcome"; phase: OutcomePhase } & OutcomeInput)
  | { intent: "confirm_outcome"; outcomeId: number }
  | { intent: "reject_outcome"; outcomeId: number }
  | {
      intent: "follow_up";
      calledOn: string;
      target: "mentor" | "mentee" | "caseworker";
      status: FollowUpStatus;
      notes?: string;
      escalate: boolean;
    };

const eventOf: Partial<Record<CoordinatorAction["intent"], CourseEvent>> = {
  start: "start",
  pause: "pause",
  resume: "resume",
  extend: "extend",
  complete: "complete",
  end_early: "end_early",
  cancel: "cancel",
};

/** One coordinator action on a course, in one transaction. Scope first: a course outside it "does not exist". */
export function applyCoordinatorAction(scope: Scope, courseId: number, actor: Actor, a: CoordinatorAction): Result {
  if (scope.kind !== "all") return fail("courses.errors.notAllowed");
  return changeCourse(courseId, (t) => {
    const c = staffCourse(t, scope, courseId);
    if (!c) return fail("courses.errors.notFound");
    const day = today();
    const event = eventOf[a.intent];
    if (event && !canAct(c, event, day)) return fail("courses.errors.illegalTransition");
    switch (a.intent) {
      case "start": {
        if (a.startDate < addDays(day, -60) || a.startDate > addMonths(day, 3))
          return fail("courses.errors.dateRange", "startDate");
        const plannedEndDate = plannedEndFor(a.startDate);
        t.update(courses)
          .set({ status: "active", startDate: a.startDate, plannedEndDate })
          .where(eq(courses.id, c.id))
          .run();
        recordStatus(t, "course", c.id, c.status, "active", actor.id);
        const mentee = menteeContact(t, c.menteeId);
        const ms = t.select({ status: mentees.status }).from(mentees).where(eq(mentees.id, c.menteeId)).get()!.status;
        t.update(mentees).set({ status: "in_course" }).where(eq(mentees.id, c.menteeId)).run();
        recordStatus(t, "mentee", c.menteeId, ms, "in_course", actor.id);
        const mentor = mentorContact(t, c.mentorId);
        if (mentor.status === "approved") {
          t.update(mentors).set({ status: "active" }).where(eq(mentors.id, mentor.id)).run();
          recordStatus(t, "mentor", mentor.id, "approved", "active", actor.id);
        }
        ensureSurveys(t, { id: c.id, menteeId: c.menteeId, mentorId: c.mentorId }, "day30", false);
        const to = menteeChannel(mentee);
        if (to)
          enqueue(
            {
              ...to,
              template: "course_started_mentee",
              locale: mentee.language,
              subjectType: "mentee",
              subjectId: mentee.id,
              data: { startDate: a.startDate },
              idempotencyKey: `course:${c.id}:started:mentee`,
            },
            t,
          );
        break;
      }
      case "pause": {
        if (c.startDate && a.fromDate < c.startDate) return fail("courses.errors.beforeStart", "fromDate");
        if (a.fromDate > addMonths(day, 1) || a.fromDate < addDays(day, -60))
          return fail("courses.errors.dateRange", "fromDate");
        t.insert(coursePauses)
          .values({ courseId: c.id, fromDate: a.fromDate, reason: a.reason || null, createdBy: actor.id })
          .run();
        t.update(courses).set({ status: "paused" }).where(eq(courses.id, c.id)).run();
        recordStatus(t, "course", c.id, c.status, "paused", actor.id, a.reason);
        break;
      }
      case "resume": {
        const open = t
          .select()
          .from(coursePauses)
          .where(and(eq(coursePauses.courseId, c.id), isNull(coursePauses.toDate)))
          .get();
        if (open && a.toDate < open.fromDate) return fail("courses.errors.beforePause", "toDate");
        if (a.toDate > addMonths(day, 1)) return fail("courses.errors.dateRange", "toDate");
        let plannedEndDate = c.plannedEndDate;
        if (open) {
          t.update(coursePauses).set({ toDate: a.toDate }).where(eq(coursePauses.id, open.id)).run();
          if (plannedEndDate)
            plannedEndDate = plannedEndAfterPause(plannedEndDate, { fromDate: open.fromDate, toDate: a.toDate });
        }
        t.update(courses).set({ status: "active", plannedEndDate }).where(eq(courses.id, c.id)).run();
        recordStatus(t, "course", c.id, c.status, "active", actor.id);
        break;
      }
      case "extend": {
        if (!c.plannedEndDate || a.plannedEndDate <= c.plannedEndDate)
          return fail("courses.errors.extendLater", "plannedEndDate");
        if (a.plannedEndDate > addMonths(c.plannedEndDate, 12))
          return fail("courses.errors.dateRange", "plannedEndDate");
        t.update(courses).set({ plannedEndDate: a.plannedEndDate }).where(eq(courses.id, c.id)).run();
        audit(actor, "update", "course", c.id, { plannedEndDate: { from: c.plannedEndDate, to: a.plannedEndDate } }, t);
        return { ok: true as const };
      }
      case "complete":
      case "end_early": {
        if (c.startDate && a.endedOn < c.startDate) return fail("courses.errors.beforeStart", "endedOn");
        if (a.endedOn > day) return fail("courses.errors.future", "endedOn");
        const to = nextStatus(c.status, event!);
        closeCourse(
          t,
          c,
          to as "completed" | "ended_early",
          a.endedOn,
          actor,
          a.intent === "end_early" ? a.reason : null,
          a.intent === "end_early" ? (a.note ?? null) : null,
        );
        break;
      }
      case "cancel": {
        // The match never began: no start, no end message or survey for the citizen, who waits for a new mentor.
        t.update(courses).set({ startDate: null, plannedEndDate: null }).where(eq(courses.id, c.id)).run();
        closeCourse(
          t,
          { ...c, startDate: null, plannedEndDate: null },
          "ended_early",
          day,
          actor,
          a.reason,
          a.note ?? null,
          "waiting",
        );
        break;
      }
      case "outcome": {
        if (!c.startDate || a.outcomeDate < c.startDate) return fail("courses.outcome.beforeStart", "outcomeDate");
        if (a.outcomeDate > addMonths(day, 1)) return fail("courses.outcome.tooLate", "outcomeDate");
        if (a.phase === "followup_3m" && !isClosed(c.status))
          return fail("courses.outcome.followUpNeedsClosed", "phase");
        const row = t
          .insert(outcomes)
          .values({
            courseId: c.id,
            type: a.type,
            phase: a.phase,
            outcomeDate: a.outcomeDate,
            employerIndustryCode: a.employerIndustryCode ?? null,
            viaMentorNetwork: a.viaMentorNetwork,
            confirmed: true,
            recordedBy: actor.id,
          })
          .returning({ id: outcomes.id })
          .get();
        audit(actor, "create", "outcome", row.id, { courseId: c.id }, t);
        return { ok: true as const };
      }
      case "confirm_outcome": {
        const changed = t
          .update(outcomes)
          .set({ confirmed: true })
          .where(and(eq(outcomes.id, a.outcomeId), eq(outcomes.courseId, c.id), eq(outcomes.confirmed, false)))
          .run().changes;
        if (!changed) return fail("courses.errors.notFound");
        audit(actor, "update", "outcome", a.outcomeId, { courseId: c.id, confirmed: true }, t);
        return { ok: true as const };
      }
      case "reject_outcome": {
        // A mentor's proposal that is wrong is removed; the coordinator registers the right outcome in its place.
        const gone = t
          .delete(outcomes)
          .where(and(eq(outcomes.id, a.outcomeId), eq(outcomes.courseId, c.id), eq(outcomes.confirmed, false)))
          .run().changes;
        if (!gone) return fail("courses.errors.notFound");
        audit(actor, "delete", "outcome", a.outcomeId, { courseId: c.id, proposed: true }, t);
        return { ok: true as const };
      }
      case "follow_up": {
        if (a.calledOn > day) return fail("courses.errors.future", "calledOn");
        if (c.startDate && a.calledOn < addDays(c.startDate, -30))
          return fail("courses.errors.beforeStart", "calledOn");
        const escalate = a.escalate && a.status !== "on_track";
        const row = t
          .insert(followUps)
          .values({
            courseId: c.id,
            calledOn: a.calledOn,
            target: a.target,
            status: a.status,
            notes: a.notes || null,
            createdBy: actor.id,
            escalatedAt: escalate ? nowIso() : null,
          })
          .returning({ id: followUps.id })
          .get();
        audit(actor, "create", "follow_up", row.id, { courseId: c.id, status: a.status, escalated: escalate }, t);
        if (escalate) {
          for (const cw of caseworkersFor(t, c.menteeId)) {
            enqueue(
              {
                channel: "email",
                recipient: cw.email,
                template: "course_concern_caseworker",
                locale: cw.locale,
                subjectType: "user",
                subjectId: cw.id,
                data: { url: `${appUrl()}/kommune/borgere/${c.menteeId}`, courseId: c.id },
                idempotencyKey: `followup:${row.id}:escalate:${cw.id}`,
              },
              t,
            );
          }
        }
        return { ok: true as const };
      }
    }
    audit(actor, "update", "course", c.id, { intent: a.intent }, t);
    return { ok: true as const };
  });
}

/**
 * Closes a course: status and end, the citizen's status, the mentor's capacity (back to approved when no other
 * course runs), the closure surveys, and messages to the citizen and the caseworker.
 */
function closeCourse(
  t: Tx,
  c: CourseRow,
  to: "completed" | "ended_early",
  endedOn: string,
  actor: Actor,
  reason: EndReason | null,
  note: string | null,
  menteeTo: "completed" | "ended_early" | "waiting" = to,
) {
  t.update(courses)
    .set({ status: to, endedOn, endReason: to === "completed" ? null : reason, endNote: note || null })
    .where(eq(courses.id, c.id))
    .run();
  const open = t
    .select()
    .from(coursePauses)
    .where(and(eq(coursePauses.courseId, c.id), isNull(coursePauses.toDate)))
    .get();
  if (open)
    t.update(coursePauses)
      .set({ toDate: endedOn < open.fromDate ? open.fromDate : endedOn })
      .where(eq(coursePauses.id, open.id))
      .run();
  recordStatus(t, "course", c.id, c.status, to, actor.id, reason);
  const ms = t.select({ status: mentees.status }).from(mentees).where(eq(mentees.id, c.menteeId)).get()!.status;
  if (ms === "in_course" || ms === "matched") {
    t.update(mentees).set({ status: menteeTo }).where(eq(mentees.id, c.menteeId)).run();
    recordStatus(t, "mentee", c.menteeId, ms, menteeTo, actor.id, reason);
  }
  const mentor = mentorContact(t, c.mentorId);
  const others = t
    .select({ n: sql<number>`count(*)` })
    .from(courses)
    .where(
      and(
        eq(courses.mentorId, c.mentorId),
        ne(courses.id, c.id),
        or(eq(courses.status, "active"), eq(courses.status, "paused")),
      ),
    )
    .get()!.n;
  if (mentor.status === "active" && others === 0) {
    t.update(mentors).set({ status: "approved" }).where(eq(mentors.id, mentor.id)).run();
    recordStatus(t, "mentor", mentor.id, "active", "approved", actor.id, "course_closed");
  }
  const mentee = menteeContact(t, c.menteeId);
  // A course that never started (ended while approved) has no end message or closure survey for the citizen.
  const channel = c.startDate ? menteeChannel(mentee) : null;
  if (channel)
    enqueue(
      {
        ...channel,
        template: "course_ended_mentee",
        locale: mentee.language,
        subjectType: "mentee",
        subjectId: mentee.id,
        data: {},
        idempotencyKey: `course:${c.id}:ended:mentee`,
      },
      t,
    );
  for (const cw of caseworkersFor(t, c.menteeId)) {
    enqueue(
      {
        channel: "email",
        recipient: cw.email,
        template: "course_closed_caseworker",
        locale: cw.locale,
        subjectType: "user",
        subjectId: cw.id,
        data: { url: `${appUrl()}/kommune/borgere/${c.menteeId}`, courseId: c.id, status: to },
        idempotencyKey: `course:${c.id}:closed:caseworker:${cw.id}`,
      },
      t,
    );
  }
  if (c.startDate) ensureSurveys(t, { id: c.id, menteeId: c.menteeId, mentorId: c.mentorId }, "closure", true);
}

/** Days between two dates, for the pages (re-exported so routes need not import the domain). */
export { daysBetween, isClosed };
