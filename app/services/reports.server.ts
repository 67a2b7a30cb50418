/**
 * Reports: load the rows a report needs within the caller's scope, and let the pure statistics module
 * (app/domain/statistics.ts) compute the figures. A caseworker's scope is their municipality and every query below
 * filters by it (a coordinator may narrow to one municipality with the same filter). No names or contact details
 * leave this module: rows are ids, codes, dates, statuses and numbers.
 */
import { and, asc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import {
  coursePauses, courses, industries, meetings, mentees, mentors, municipalities, outcomes, statusChanges, surveys,
} from "../../db/schema";
import { db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import { addDays } from "../domain/dates";
import {
  computeReport, courseFacts, courseRanDuring, dateOf, quarterOf, quarterRange,
  type CourseRow, type Period, type Report, type ReportInput,
} from "../domain/statistics";
import type { ReportFilterInput } from "../schemas/reports";
import type { UiLocale } from "../domain/enums";
import { today } from "../utils/clock";
import { audit } from "./audit.server";

export type ResolvedFilter = Period & { quarter: string | null; municipality: number | null };

/** The last `n` quarter keys up to and including today's, newest first. */
export function recentQuarters(n = 12, asOf = today()): string[] {
  const out: string[] = [];
  let k = quarterOf(asOf);
  for (let i = 0; i < n; i++) {
    out.push(k);
    k = quarterOf(addDays(quarterRange(k)!.from, -1));
  }
  return out;
}

/**
 * The period and municipality a report is about. A quarter wins over from/to; the default is the last eight quarters
 * up to today. A caseworker's municipality is always their own, whatever the request says.
 */
export function resolveFilter(scope: Scope, input: ReportFilterInput, asOf = today()): ResolvedFilter {
  const municipality = scope.kind === "municipality" ? scope.code : input.municipality ?? null;
  const q = input.quarter ? quarterRange(input.quarter) : null;
  if (q) return { ...q, quarter: input.quarter!, municipality };
  let from = input.from ?? quarterRange(recentQuarters(8, asOf)[7])!.from;
  let to = input.to ?? asOf;
  if (from > to) [from, to] = [to, from];
  // At most 25 years: keeps the quarter breakdown a readable size.
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 25) from = `${Number(to.slice(0, 4)) - 25}-01-01`;
  return { from, to, quarter: null, municipality };
}

function menteeFilter(scope: Scope, municipality: number | null): SQL | undefined {
  if (scope.kind === "municipality") return eq(mentees.municipalityCode, scope.code);
  return municipality != null ? eq(mentees.municipalityCode, municipality) : undefined;
}

type Loaded = ReportInput & { courseMeta: Map<number, { municipalityCode: number; industryCode: string | null; endReason: string | null; approvedAt: string | null }> };

/** Every row the report needs, within scope. */
export function loadReportInput(scope: Scope, municipality: number | null): Loaded {
  const d = db();
  const where = menteeFilter(scope, municipality);
  const withdrawn = new Map(d.select({ id: statusChanges.entityId, at: sql<string>`max(${statusChanges.at})` }).from(statusChanges)
    .innerJoin(mentees, eq(mentees.id, statusChanges.entityId))
    .where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.toStatus, "withdrawn"), where))
    .groupBy(statusChanges.entityId).all().map((r) => [r.id, r.at]));
  const menteeRows = d.select({
    id: mentees.id, municipalityCode: mentees.municipalityCode, group: mentees.group, danishLevel: mentees.danishLevel,
    status: mentees.status, referredAt: mentees.referredAt, matchedAt: mentees.matchedAt, updatedAt: mentees.updatedAt,
  }).from(mentees).where(where).all().map(({ updatedAt, ...m }) => ({
    ...m, withdrawnAt: m.status === "withdrawn" ? withdrawn.get(m.id) ?? updatedAt : null,
  }));
  const courseRows = d.select({
    id: courses.id, menteeId: courses.menteeId, mentorId: courses.mentorId, status: courses.status, approvedAt: courses.approvedAt,
    startDate: courses.startDate, plannedEndDate: courses.plannedEndDate, endedOn: courses.endedOn, endReason: courses.endReason,
    targetHoursPerMonth: courses.targetHoursPerMonth, industrySection: industries.section, industryCode: mentors.industryCode,
    municipalityCode: mentees.municipalityCode,
  }).from(courses).innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .leftJoin(industries, eq(industries.code, mentors.industryCode))
    .where(and(ne(courses.status, "proposed"), where)).orderBy(asc(courses.id)).all();
  const courseScope = and(ne(courses.status, "proposed"), where);
  return {
    mentees: menteeRows,
    courses: courseRows.map(({ endReason: _e, industryCode: _i, municipalityCode: _m, ...c }): CourseRow => c),
    courseMeta: new Map(courseRows.map((c) => [c.id, { municipalityCode: c.municipalityCode, industryCode: c.industryCode, endReason: c.endReason, approvedAt: c.approvedAt }])),
    meetings: d.select({ courseId: meetings.courseId, date: meetings.date, minutes: meetings.minutes }).from(meetings)
      .innerJoin(courses, eq(courses.id, meetings.courseId)).innerJoin(mentees, eq(mentees.id, courses.menteeId)).where(courseScope).all(),
    outcomes: d.select({ courseId: outcomes.courseId, type: outcomes.type, phase: outcomes.phase, outcomeDate: outcomes.outcomeDate, confirmed: outcomes.confirmed })
      .from(outcomes).innerJoin(courses, eq(courses.id, outcomes.courseId)).innerJoin(mentees, eq(mentees.id, courses.menteeId)).where(courseScope).all(),
    pauses: d.select({ courseId: coursePauses.courseId, fromDate: coursePauses.fromDate, toDate: coursePauses.toDate })
      .from(coursePauses).innerJoin(courses, eq(courses.id, coursePauses.courseId)).innerJoin(mentees, eq(mentees.id, courses.menteeId)).where(courseScope).all(),
    surveys: d.select({ courseId: surveys.courseId, respondent: surveys.respondent, answeredAt: surveys.answeredAt, satisfaction: surveys.satisfaction })
      .from(surveys).innerJoin(courses, eq(courses.id, surveys.courseId)).innerJoin(mentees, eq(mentees.id, courses.menteeId)).where(courseScope).all(),
  };
}

export type ReportLabels = { municipalities: Record<string, string>; sections: Record<string, string> };

/** Names for the breakdown keys (municipality codes and DB07 sections), in the reader's language. */
export function reportLabels(locale: UiLocale): ReportLabels {
  const d = db();
  return {
    municipalities: Object.fromEntries(d.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).all().map((m) => [String(m.code), m.name])),
    sections: Object.fromEntries(d.select({ code: industries.code, da: industries.labelDa, en: industries.labelEn }).from(industries)
      .where(eq(industries.level, "section")).all().map((s) => [s.code, locale === "en" ? s.en : s.da])),
  };
}

/** Municipalities a coordinator can narrow the report to: the partners and any other with referred citizens. */
export function reportMunicipalities() {
  const d = db();
  return d.select({ code: municipalities.code, name: municipalities.name }).from(municipalities)
    .where(or(eq(municipalities.isPartner, true), inArray(municipalities.code, d.selectDistinct({ c: mentees.municipalityCode }).from(mentees))))
    .orderBy(asc(municipalities.name)).all();
}

/** The report for a scope and filter. */
export function buildReport(scope: Scope, filter: ResolvedFilter): Report {
  return computeReport(loadReportInput(scope, filter.municipality), filter, today());
}

export type CourseListRow = {
  course_id: number;
  municipality_code: number;
  municipality: string;
  industry_section: string;
  industry_division: string;
  status: string;
  approved_on: string;
  start_date: string;
  planned_end_date: string;
  ended_on: string;
  end_reason: string;
  target_hours_per_month: number;
  meetings: number;
  hours_delivered: number;
  on_track: string;
  outcomes_end: string;
  positive_outcome_end: string;
  outcomes_followup_3m: string;
  positive_outcome_followup_3m: string;
};

/**
 * The course list for exports: courses that ran during the period or were approved in it. No names, no contact
 * details, no free text: ids, codes, dates, statuses, hours and outcome types.
 */
export function courseList(scope: Scope, filter: ResolvedFilter, labels: ReportLabels): CourseListRow[] {
  const input = loadReportInput(scope, filter.municipality);
  const yn = (b: boolean) => (b ? "yes" : "no");
  return courseFacts(input, today())
    .filter((f) => courseRanDuring(f.course, filter) || (f.course.status === "approved" && !!f.course.approvedAt
      && dateOf(f.course.approvedAt) >= filter.from && dateOf(f.course.approvedAt) <= filter.to))
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

/** Exports are logged (what, not whom: there is no person in them). */
export function logReportExport(actor: { id: number; role: string }, details: Record<string, unknown>): void {
  audit(actor, "export", "report", null, details);
}
