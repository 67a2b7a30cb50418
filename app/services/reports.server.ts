/**
 * Reports: every figure is added up in SQL, within the report's period and the caller's scope, from the facts kept
 * per citizen and per course (`mentee_facts`, `course_facts`, `course_on_track`; decision 012), and turned into
 * figures by the pure statistics module (`reportFromAggregates`: every figure through the small-group rule). What SQL
 * adds up is exactly what `computeReport` adds up from rows; a property test holds the two equal on random data.
 * A caseworker's scope is their municipality and every query below filters by it (a coordinator may narrow to one
 * municipality with the same filter). No names or contact details leave this module: ids, codes, dates and numbers.
 */
import { asc, eq, inArray, or } from "drizzle-orm";
import type Database from "better-sqlite3";
import { industries, mentees, municipalities } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import { addDays } from "../domain/dates";
import {
  breakdownDimensions, emptyBreakdownCounts, quarterOf, quarterRange, reportFromAggregates,
  type BreakdownCounts, type Histogram, type OutcomeCounts, type Period, type Report, type ReportAggregates,
} from "../domain/statistics";
import { outcomeTypes } from "../domain/enums";
import type { ReportFilterInput } from "../schemas/reports";
import type { UiLocale } from "../domain/enums";
import { today } from "../utils/clock";
import { audit } from "./audit.server";
import { clientOf, freshenFacts } from "./course-facts.server";

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

/* ------------------------------------------------------------------ SQL */

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** A prepared statement, prepared once per connection. */
function stmt(d: Db, text: string): Database.Statement {
  const client = clientOf(d);
  const cache = statements.get(client) ?? statements.set(client, new Map()).get(client)!;
  return cache.get(text) ?? cache.set(text, client.prepare(text)).get(text)!;
}
type Row = Record<string, number | string | null>;
const all = (d: Db, text: string, params: Record<string, unknown>) => stmt(d, text).all(params) as Row[];
const num = (v: unknown) => Number(v ?? 0);

/** The municipality a report is narrowed to (a caseworker's own, always), or null for the whole programme. */
function municipalityOf(scope: Scope, municipality: number | null): number | null {
  return scope.kind === "municipality" ? scope.code : municipality;
}

/** "AND <alias>.municipality_code = @m" when narrowed: each query exists in both forms, both prepared once. */
const inScope = (m: number | null, alias = "") => (m == null ? "" : ` AND ${alias}municipality_code = @m`);

const END_TYPES = outcomeTypes.map((t, i) => `sum((end_mask >> ${i}) & 1) AS "end_${t}"`).join(", ");
const FOLLOWUP_TYPES = outcomeTypes.map((t, i) => `sum((follow_up_mask >> ${i}) & 1) AS "fu_${t}"`).join(", ");
/** What a breakdown row adds up over the completed courses of a group. */
const COMPLETED_SUMS = "count(*) AS completed, sum(positive_end) AS positive, sum(follow_up_mask <> 0) AS with_followup, sum(positive_follow_up AND follow_up_mask <> 0) AS positive_followup";

const addCounts = (into: BreakdownCounts, r: Row) => {
  into.completed += num(r.completed);
  into.positive += num(r.positive);
  into.withFollowup += num(r.with_followup);
  into.positiveFollowup += num(r.positive_followup);
};
const quarterOfMonth = (month: string) => quarterOf(`${month}-01`);

/**
 * What a report adds up, from SQL: the same numbers `aggregateReport` (statistics.ts) gets from rows. Each query reads
 * one index range of the period (or a stock as of its end), never a row per citizen in JavaScript.
 */
export function aggregateReportInSql(d: Db, scope: Scope, filter: ResolvedFilter, asOf: string): ReportAggregates {
  const m = municipalityOf(scope, filter.municipality);
  const stockDate = filter.to < asOf ? filter.to : asOf;
  const p = { from: filter.from, to: filter.to, d: stockDate, ...(m == null ? {} : { m }) };
  const s = (text: string) => all(d, text, p);

  const breakdowns = Object.fromEntries(breakdownDimensions.map((k) => [k, new Map<string, BreakdownCounts>()])) as ReportAggregates["breakdowns"];
  const row = (dim: keyof ReportAggregates["breakdowns"], key: string | number | null) => {
    if (key == null) return null;
    const map = breakdowns[dim];
    return map.get(String(key)) ?? map.set(String(key), emptyBreakdownCounts()).get(String(key))!;
  };

  /* citizens: referred, matched (and the days it took), withdrawn, waiting */
  let referred = 0;
  for (const r of s(`SELECT municipality_code, mentee_group, danish_level, count(*) AS n FROM mentee_facts
      WHERE referred_on BETWEEN @from AND @to${inScope(m)} GROUP BY municipality_code, mentee_group, danish_level`)) {
    const n = num(r.n);
    referred += n;
    row("municipality", r.municipality_code as number)!.referred += n;
    row("group", r.mentee_group as string)!.referred += n;
    row("danishLevel", r.danish_level as string)!.referred += n;
  }
  for (const r of s(`SELECT substr(referred_on, 1, 7) AS month, count(*) AS n FROM mentee_facts
      WHERE referred_on BETWEEN @from AND @to${inScope(m)} GROUP BY month`)) row("quarter", quarterOfMonth(r.month as string))!.referred += num(r.n);

  let matched = 0;
  const daysToMatch: Histogram = new Map();
  for (const r of s(`SELECT match_days, count(*) AS n FROM mentee_facts WHERE matched_on BETWEEN @from AND @to${inScope(m)} GROUP BY match_days`)) {
    matched += num(r.n);
    if (r.match_days != null && num(r.match_days) >= 0) daysToMatch.set(num(r.match_days), num(r.n));
  }
  const withdrawn = num(s(`SELECT count(*) AS n FROM mentee_facts WHERE withdrawn_on BETWEEN @from AND @to${inScope(m)}`)[0].n);
  // Waiting on the day: referred by then, and not yet matched or withdrawn (waiting_until is never before referred_on).
  const waiting = num(s(`SELECT count(*) AS n FROM mentee_facts WHERE referred_on <= @d${inScope(m)}`)[0].n)
    - num(s(`SELECT count(*) AS n FROM mentee_facts WHERE waiting_until <= @d${inScope(m)}`)[0].n);

  /* courses: running on the day, ended in the period with their outcomes and hours, on track, mentors' second course */
  const active = num(s(`SELECT count(*) AS n FROM course_facts WHERE phase IN ('running', 'closed') AND start_date <= @d
      AND (ended_on IS NULL OR ended_on > @d)${inScope(m)}`)[0].n);
  const ended = new Map(s(`SELECT status, ${COMPLETED_SUMS}, sum(end_mask = 0) AS none, ${END_TYPES}, ${FOLLOWUP_TYPES}
      FROM course_facts WHERE status IN ('completed', 'ended_early') AND ended_on BETWEEN @from AND @to${inScope(m)} GROUP BY status`)
    .map((r) => [r.status as string, r]));
  const completed = ended.get("completed") ?? {};
  const byType = (prefix: string) => Object.fromEntries(outcomeTypes.map((t) => [t, num(completed[`${prefix}${t}`])]).filter(([, n]) => n));
  const outcomes: OutcomeCounts = { courses: num(completed.completed), positive: num(completed.positive), byType: byType("end_"), none: num(completed.none) };
  const followup: OutcomeCounts = { courses: num(completed.with_followup), positive: num(completed.positive_followup), byType: byType("fu_"), none: 0 };

  const hoursPerCourse: Histogram = new Map();
  for (const r of s(`SELECT minutes, count(*) AS n FROM course_facts WHERE status = 'completed' AND ended_on BETWEEN @from AND @to${inScope(m)} GROUP BY minutes`)) {
    hoursPerCourse.set(num(r.minutes) / 60, num(r.n));
  }
  for (const r of s(`SELECT municipality_code, industry_section, mentee_group, danish_level, ${COMPLETED_SUMS} FROM course_facts
      WHERE status = 'completed' AND ended_on BETWEEN @from AND @to${inScope(m)} GROUP BY municipality_code, industry_section, mentee_group, danish_level`)) {
    for (const [dim, key] of [["municipality", r.municipality_code], ["industry", r.industry_section], ["group", r.mentee_group], ["danishLevel", r.danish_level]] as const) {
      const b = row(dim, key);
      if (b) addCounts(b, r);
    }
  }
  for (const r of s(`SELECT substr(ended_on, 1, 7) AS month, ${COMPLETED_SUMS} FROM course_facts
      WHERE status = 'completed' AND ended_on BETWEEN @from AND @to${inScope(m)} GROUP BY month`)) addCounts(row("quarter", quarterOfMonth(r.month as string))!, r);

  // On track on the day, of the courses that ran during the period (a course without an answer that day has no row).
  const track = s(m == null
    ? `SELECT count(*) AS n, sum(on_track) AS yes FROM course_on_track WHERE end_key >= @from AND from_on <= @d AND to_on > @d AND start_date <= @to`
    : `SELECT count(*) AS n, sum(t.on_track) AS yes FROM course_on_track t JOIN course_facts f ON f.course_id = t.course_id
       WHERE t.end_key >= @from AND t.from_on <= @d AND t.to_on > @d AND t.start_date <= @to AND f.municipality_code = @m`)[0];
  const retention = s(m == null
    ? `SELECT count(*) AS n, sum(mentor_next_start <= @d) AS retained FROM course_facts WHERE mentor_first = 1 AND ended_on <= @d AND start_key <= @d`
    : `SELECT count(*) AS n, sum(mentor_next_start_local <= @d) AS retained FROM course_facts
       WHERE municipality_code = @m AND mentor_first_local = 1 AND ended_on <= @d AND start_key <= @d`)[0];

  // Answers in the period (a survey belongs to a course that has started, never to a proposed one).
  const satisfaction = { mentee: { answers: 0, sum: 0, satisfied: 0 }, mentor: { answers: 0, sum: 0, satisfied: 0 } };
  const answersTo = addDays(filter.to, 1);
  for (const r of all(d, m == null
    ? `SELECT respondent, count(*) AS n, sum(satisfaction) AS total, sum(satisfaction >= 4) AS satisfied FROM surveys
       WHERE answered_at >= @from AND answered_at < @until AND satisfaction IS NOT NULL GROUP BY respondent`
    : `SELECT s.respondent, count(*) AS n, sum(s.satisfaction) AS total, sum(s.satisfaction >= 4) AS satisfied FROM surveys s
       JOIN course_facts f ON f.course_id = s.course_id
       WHERE s.answered_at >= @from AND s.answered_at < @until AND s.satisfaction IS NOT NULL AND f.municipality_code = @m GROUP BY s.respondent`,
  { from: filter.from, until: answersTo, ...(m == null ? {} : { m }) })) {
    const k = r.respondent as "mentee" | "mentor";
    satisfaction[k] = { answers: num(r.n), sum: num(r.total), satisfied: num(r.satisfied) };
  }

  return {
    counts: {
      referred, matched, waiting, active, withdrawn,
      completed: num(completed.completed), endedEarly: num(ended.get("ended_early")?.completed),
    },
    outcomes,
    followup,
    daysToMatch,
    hoursPerCourse,
    onTrack: { evaluated: num(track.n), onTrack: num(track.yes) },
    mentorRetention: { base: num(retention.n), retained: num(retention.retained) },
    satisfaction,
    breakdowns,
  };
}

/** The report for a scope and filter, as of today. */
export function buildReport(scope: Scope, filter: ResolvedFilter, d: Db = db(), asOf: string = today()): Report {
  freshenFacts(d, asOf);
  return reportFromAggregates(aggregateReportInSql(d, scope, filter, asOf), filter, asOf);
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

/** Rows of the course list read at a time: one chunk is one short query, and the event loop is free between chunks. */
export const COURSE_LIST_CHUNK = 1000;

/**
 * The course list for exports, a chunk at a time in id order (keyset: `after` is the last id of the previous chunk):
 * courses that ran during the period or were approved in it. No names, no contact details, no free text: ids, codes,
 * dates, statuses, hours and outcome types. Hours, meetings and on track as of today, from the course facts.
 */
export function courseListChunk(scope: Scope, filter: ResolvedFilter, labels: ReportLabels, after: number, d: Db = db(), limit = COURSE_LIST_CHUNK): CourseListRow[] {
  const m = municipalityOf(scope, filter.municipality);
  const yn = (v: unknown) => (v ? "yes" : "no");
  const rows = all(d, `SELECT f.course_id, f.municipality_code, f.industry_section, f.industry_code, f.status, f.approved_at, f.start_date,
      c.planned_end_date, f.ended_on, c.end_reason, c.target_hours_per_month, f.meetings, f.minutes, f.on_track, f.end_outcomes,
      f.positive_end, f.follow_up_outcomes, f.positive_follow_up
    FROM course_facts f JOIN courses c ON c.id = f.course_id
    WHERE f.course_id > @after${inScope(m, "f.")} AND (
      (f.phase IN ('running', 'closed') AND f.start_date <= @to AND (f.ended_on IS NULL OR f.ended_on >= @from))
      OR (f.status = 'approved' AND substr(f.approved_at, 1, 10) BETWEEN @from AND @to))
    ORDER BY f.course_id LIMIT @limit`, { after, from: filter.from, to: filter.to, limit, ...(m == null ? {} : { m }) });
  return rows.map((r) => ({
    course_id: num(r.course_id),
    municipality_code: num(r.municipality_code),
    municipality: labels.municipalities[String(r.municipality_code)] ?? "",
    industry_section: (r.industry_section as string | null) ?? "",
    industry_division: (r.industry_code as string | null) ?? "",
    status: r.status as string,
    approved_on: r.approved_at ? String(r.approved_at).slice(0, 10) : "",
    start_date: (r.start_date as string | null) ?? "",
    planned_end_date: (r.planned_end_date as string | null) ?? "",
    ended_on: (r.ended_on as string | null) ?? "",
    end_reason: (r.end_reason as string | null) ?? "",
    target_hours_per_month: num(r.target_hours_per_month),
    meetings: num(r.meetings),
    hours_delivered: Math.round((num(r.minutes) / 60) * 100) / 100,
    on_track: r.on_track == null ? "" : yn(r.on_track),
    outcomes_end: (r.end_outcomes as string | null) ?? "",
    positive_outcome_end: r.status === "completed" ? yn(r.positive_end) : "",
    outcomes_followup_3m: (r.follow_up_outcomes as string | null) ?? "",
    positive_outcome_followup_3m: r.follow_up_outcomes ? yn(r.positive_follow_up) : "",
  }));
}

/** Every chunk of the course list in turn (the caller gives the event loop back between chunks). */
export function* courseListChunks(scope: Scope, filter: ResolvedFilter, labels: ReportLabels, d: Db = db()): Generator<CourseListRow[]> {
  freshenFacts(d);
  for (let after = 0; ;) {
    const rows = courseListChunk(scope, filter, labels, after, d);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].course_id;
  }
}

/** Exports are logged (what, not whom: there is no person in them). */
export function logReportExport(actor: { id: number; role: string }, details: Record<string, unknown>): void {
  audit(actor, "export", "report", null, details);
}
