/**
 * The reference loader of the reports (it was the report use case until decision 016): every row a report needs,
 * within scope, for the pure `computeReport`. Whole tables in JavaScript, so only for tests: the property test holds
 * the SQL report (app/services/report-sql.server.ts) equal to `computeReport` over these rows.
 */
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import {
  coursePauses,
  courses,
  industries,
  meetings,
  mentees,
  mentors,
  outcomes,
  statusChanges,
  surveys,
} from "../../db/schema";
import type { Db } from "../../db/client";
import type { Scope } from "../../app/auth/guards.server";
import type { CourseListRow } from "../../app/services/report-sql.server";
import {
  courseFacts,
  courseRanDuring,
  dateOf,
  type CourseRow,
  type Period,
  type ReportInput,
} from "../../app/domain/statistics";

function menteeFilter(scope: Scope, municipality: number | null): SQL | undefined {
  if (scope.kind === "municipality") return eq(mentees.municipalityCode, scope.code);
  return municipality != null ? eq(mentees.municipalityCode, municipality) : undefined;
}

type Loaded = ReportInput & {
  courseMeta: Map<
    number,
    { municipalityCode: number; industryCode: string | null; endReason: string | null; approvedAt: string | null }
  >;
};

/** Every row the report needs, within scope (outcomes in the order registered). */
export function loadReportInput(d: Db, scope: Scope, municipality: number | null): Loaded {
  const where = menteeFilter(scope, municipality);
  const withdrawn = new Map(
    d
      .select({ id: statusChanges.entityId, at: sql<string>`max(${statusChanges.at})` })
      .from(statusChanges)
      .innerJoin(mentees, eq(mentees.id, statusChanges.entityId))
      .where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.toStatus, "withdrawn"), where))
      .groupBy(statusChanges.entityId)
      .all()
      .map((r) => [r.id, r.at]),
  );
  const menteeRows = d
    .select({
      id: mentees.id,
      municipalityCode: mentees.municipalityCode,
      group: mentees.group,
      danishLevel: mentees.danishLevel,
      status: mentees.status,
      referredAt: mentees.referredAt,
      matchedAt: mentees.matchedAt,
      updatedAt: mentees.updatedAt,
    })
    .from(mentees)
    .where(where)
    .all()
    .map(({ updatedAt, ...m }) => ({
      ...m,
      withdrawnAt: m.status === "withdrawn" ? (withdrawn.get(m.id) ?? updatedAt) : null,
    }));
  const courseRows = d
    .select({
      id: courses.id,
      menteeId: courses.menteeId,
      mentorId: courses.mentorId,
      status: courses.status,
      approvedAt: courses.approvedAt,
      startDate: courses.startDate,
      plannedEndDate: courses.plannedEndDate,
      endedOn: courses.endedOn,
      endReason: courses.endReason,
      targetHoursPerMonth: courses.targetHoursPerMonth,
      industrySection: industries.section,
      industryCode: mentors.industryCode,
      municipalityCode: mentees.municipalityCode,
    })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .leftJoin(industries, eq(industries.code, mentors.industryCode))
    .where(and(ne(courses.status, "proposed"), where))
    .orderBy(asc(courses.id))
    .all();
  const courseScope = and(ne(courses.status, "proposed"), where);
  return {
    mentees: menteeRows,
    courses: courseRows.map(({ endReason: _e, industryCode: _i, municipalityCode: _m, ...c }): CourseRow => c),
    courseMeta: new Map(
      courseRows.map((c) => [
        c.id,
        {
          municipalityCode: c.municipalityCode,
          industryCode: c.industryCode,
          endReason: c.endReason,
          approvedAt: c.approvedAt,
        },
      ]),
    ),
    meetings: d
      .select({ courseId: meetings.courseId, date: meetings.date, minutes: meetings.minutes })
      .from(meetings)
      .innerJoin(courses, eq(courses.id, meetings.courseId))
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(courseScope)
      .all(),
    outcomes: d
      .select({
        courseId: outcomes.courseId,
        type: outcomes.type,
        phase: outcomes.phase,
        outcomeDate: outcomes.outcomeDate,
        confirmed: outcomes.confirmed,
      })
      .from(outcomes)
      .innerJoin(courses, eq(courses.id, outcomes.courseId))
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(courseScope)
      .orderBy(asc(outcomes.id))
      .all(),
    pauses: d
      .select({ courseId: coursePauses.courseId, fromDate: coursePauses.fromDate, toDate: coursePauses.toDate })
      .from(coursePauses)
      .innerJoin(courses, eq(courses.id, coursePauses.courseId))
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(courseScope)
      .all(),
    surveys: d
      .select({
        courseId: surveys.courseId,
        respondent: surveys.respondent,
        answeredAt: surveys.answeredAt,
        satisfaction: surveys.satisfaction,
      })
      .from(surveys)
      .innerJoin(courses, eq(courses.id, surveys.courseId))
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(courseScope)
      .all(),
  };
}

/** The reference's course list has the export's row shape (the test compares them row by row). */
export type ReferenceCourseListRow = CourseListRow;

/**
 * The course list for exports: courses that ran during the period or were approved in it. No names, no contact
 * details, no free text: ids, codes, dates, statuses, hours and outcome types.
 */
export function referenceCourseList(
  input: Loaded,
  filter: Period,
  labels: { municipalities: Record<string, string> },
  asOf: string,
): ReferenceCourseListRow[] {
  const yn = (b: boolean) => (b ? "yes" : "no");
  return courseFacts(input, asOf)
    .filter(
      (f) =>
        courseRanDuring(f.course, filter) ||
        (f.course.status === "approved" &&
          !!f.course.approvedAt &&
          dateOf(f.course.approvedAt) >= filter.from &&
          dateOf(f.course.approvedAt) <= filter.to),
    )
    .map((f) => {
      const meta = input.courseMeta.get(f.course.id)!;
      const c = f.course;
      return {
        course_id: c.id,
        municipality_code: meta.municipalityCode,
        municipality: labels.municipalities[String(meta.municipalityCode)] ?? "",
        industry_section: c.industrySection ?? "",
        industry_division: meta.industryCode ?? "",
        status: c.status,
        approved_on: meta.approvedAt ? dateOf(meta.approvedAt) : "",
        start_date: c.startDate ?? "",
        planned_end_date: c.plannedEndDate ?? "",
        ended_on: c.endedOn ?? "",
        end_reason: meta.endReason ?? "",
        target_hours_per_month: c.targetHoursPerMonth,
        meetings: f.meetings,
        hours_delivered: Math.round(f.hours * 100) / 100,
        on_track: f.onTrack == null ? "" : yn(f.onTrack),
        outcomes_end: f.endOutcomes.join(";"),
        positive_outcome_end: c.status === "completed" ? yn(f.positiveAtEnd) : "",
        outcomes_followup_3m: f.followupOutcomes.join(";"),
        positive_outcome_followup_3m: f.followupOutcomes.length ? yn(f.positiveAtFollowup) : "",
      };
    });
}
