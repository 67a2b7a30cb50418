/**
 * The report's SQL: what every figure adds up, summed in SQL within the report's period and the caller's scope from
 * the facts kept per citizen and per course (decision 016), and the course list of the exports, a chunk at a time.
 * What SQL adds up is exactly what `computeReport` adds up from rows; a property test holds the two equal.
 */
import type Database from "better-sqlite3";
import { clientOf, db, type Db } from "../db.server";
import { scopedMunicipality, type Scope } from "./kernel.server";
import { addDays, addMonths } from "../domain/dates";
import {
  breakdownDimensions,
  emptyBreakdownCounts,
  quarterOf,
  type BreakdownCounts,
  type BreakdownDimension,
  type Histogram,
  type OutcomeCounts,
  type ReportAggregates,
} from "../domain/statistics";
import { outcomeTypes } from "../domain/enums";
import { freshenFacts } from "./course-facts.server";
import { OUTCOME_FLAGS } from "../domain/course-facts";
import type { ReportLabels, ResolvedFilter } from "./reports.server";

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

/** "AND <alias>.municipality_code = @m" when narrowed: each query exists in both forms, both prepared once. */
const inScope = (m: number | null, alias = "") => (m == null ? "" : ` AND ${alias}municipality_code = @m`);

const { positiveEnd: POSITIVE, followUp: FOLLOWUP, positiveFollowUp: POSITIVE_FOLLOWUP } = OUTCOME_FLAGS;

/** The days of a period that are not whole calendar months (its edges), and its whole months ("YYYY-MM"), if any. */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; edges: [string, string][] } {
  const monthOf = (day: string) => day.slice(0, 7);
  const firstDay = (month: string) => `${month}-01`;
  const nextMonth = (month: string) => addMonths(firstDay(month), 1).slice(0, 7);
  const first = from === firstDay(monthOf(from)) ? monthOf(from) : nextMonth(monthOf(from));
  const last =
    addDays(to, 1) === firstDay(nextMonth(monthOf(to)))
      ? monthOf(to)
      : addMonths(firstDay(monthOf(to)), -1).slice(0, 7);
  if (first > last) return { months: null, edges: from <= to ? [[from, to]] : [] };
  const edges: [string, string][] = [];
  if (from < firstDay(first)) edges.push([from, addDays(firstDay(first), -1)]);
  const afterLast = firstDay(nextMonth(last));
  if (afterLast <= to) edges.push([afterLast, to]);
  return { months: [first, last], edges };
}

/** What the ended and completed courses of a report add up (filled from ranges of days and from whole months). */
class Accumulator {
  completed = 0;
  endedEarly = 0;
  referred = 0;
  outcomes: OutcomeCounts = { courses: 0, positive: 0, byType: {}, none: 0 };
  followup: OutcomeCounts = { courses: 0, positive: 0, byType: {}, none: 0 };
  hoursPerCourse: Histogram = new Map();
  satisfaction: ReportAggregates["satisfaction"] = { mentee: new Map(), mentor: new Map() };
  breakdowns = Object.fromEntries(
    breakdownDimensions.map((k) => [k, new Map<string, BreakdownCounts>()]),
  ) as ReportAggregates["breakdowns"];

  row(dim: BreakdownDimension, key: string | number | null | undefined): BreakdownCounts | null {
    if (key == null || key === "") return null;
    const map = this.breakdowns[dim];
    return map.get(String(key)) ?? map.set(String(key), emptyBreakdownCounts()).get(String(key))!;
  }
  /** n referred citizens of a municipality, group or Danish level. */
  referredIn(dim: BreakdownDimension, key: string | number, n: number) {
    this.row(dim, key)!.referred += n;
    if (dim === "municipality") this.referred += n;
  }
  /** n courses that ended with this status, outcome flags and outcome types. */
  ended(status: string, flags: number, endMask: number, followUpMask: number, n: number) {
    if (status === "ended_early") {
      this.endedEarly += n;
      return;
    }
    this.completed += n;
    this.outcomes.courses += n;
    if (flags & POSITIVE) this.outcomes.positive += n;
    if (!endMask) this.outcomes.none += n;
    this.addTypes(this.outcomes, endMask, n);
    if (!(flags & FOLLOWUP)) return;
    this.followup.courses += n;
    if (flags & POSITIVE_FOLLOWUP) this.followup.positive += n;
    this.addTypes(this.followup, followUpMask, n);
  }
  /** n completed courses of one breakdown row with these outcome flags. */
  completedIn(dim: BreakdownDimension, key: string | number | null, flags: number, n: number) {
    const into = this.row(dim, key);
    if (!into) return;
    into.completed += n;
    if (flags & POSITIVE) into.positive += n;
    if (flags & FOLLOWUP) into.withFollowup += n;
    if (flags & POSITIVE_FOLLOWUP) into.positiveFollowup += n;
  }
  add(h: Histogram, value: number, n: number) {
    h.set(value, (h.get(value) ?? 0) + n);
  }
  private addTypes(into: OutcomeCounts, mask: number, n: number) {
    outcomeTypes.forEach((t, i) => {
      if (mask & (1 << i)) into.byType[t] = (into.byType[t] ?? 0) + n;
    });
  }
}

const COMPLETED_DIMS = [
  ["municipality", "municipality_code"],
  ["industry", "industry_section"],
  ["group", "mentee_group"],
  ["danishLevel", "danish_level"],
] as const;

/** Adds what the citizens referred, courses ended and answers given on the days a..b add up, read from the facts. */
function addRange(d: Db, acc: Accumulator, m: number | null, a: string, b: string) {
  const p = { a, b, ...(m == null ? {} : { m }) };
  const q = (text: string) => all(d, text, p);
  const local = m == null ? "" : "_local";
  for (const r of q(`SELECT municipality_code, mentee_group, danish_level, count(*) AS n FROM mentee_facts INDEXED BY mentee_facts_referred${local}_idx
      WHERE referred_on BETWEEN @a AND @b${inScope(m)} GROUP BY municipality_code, mentee_group, danish_level`)) {
    const n = num(r.n);
    acc.referredIn("municipality", r.municipality_code as number, n);
    acc.referredIn("group", r.mentee_group as string, n);
    acc.referredIn("danishLevel", r.danish_level as string, n);
  }
  for (const r of q(`SELECT referred_on AS day, count(*) AS n FROM mentee_facts INDEXED BY mentee_facts_referred${local}_idx
      WHERE referred_on BETWEEN @a AND @b${inScope(m)} GROUP BY referred_on`))
    acc.referredIn("quarter", quarterOf(r.day as string), num(r.n));
  const ended = ` FROM course_facts INDEXED BY course_facts_ended${local}_idx WHERE ended_on BETWEEN @a AND @b${inScope(m)}`;
  for (const r of q(`SELECT status, outcome_flags AS flags, end_mask, follow_up_mask, count(*) AS n${ended} AND status IN ('completed', 'ended_early')
      GROUP BY status, outcome_flags, end_mask, follow_up_mask`))
    acc.ended(r.status as string, num(r.flags), num(r.end_mask), num(r.follow_up_mask), num(r.n));
  for (const r of q(`SELECT minutes, count(*) AS n${ended} AND status = 'completed' GROUP BY minutes`))
    acc.add(acc.hoursPerCourse, num(r.minutes) / 60, num(r.n));
  for (const r of q(`SELECT municipality_code, industry_section, mentee_group, danish_level, outcome_flags AS flags, count(*) AS n${ended} AND status = 'completed'
      GROUP BY municipality_code, industry_section, mentee_group, danish_level, outcome_flags`)) {
    for (const [dim, column] of COMPLETED_DIMS)
      acc.completedIn(dim, r[column] as string | number | null, num(r.flags), num(r.n));
  }
  for (const r of q(
    `SELECT ended_on AS day, outcome_flags AS flags, count(*) AS n${ended} AND status = 'completed' GROUP BY ended_on, outcome_flags`,
  )) {
    acc.completedIn("quarter", quarterOf(r.day as string), num(r.flags), num(r.n));
  }
  for (const r of q(`SELECT respondent, satisfaction, count(*) AS n FROM survey_facts INDEXED BY survey_facts_answered${local}_idx
      WHERE answered_on BETWEEN @a AND @b${inScope(m)} GROUP BY respondent, satisfaction`)) {
    acc.add(acc.satisfaction[r.respondent as "mentee" | "mentor"], num(r.satisfaction), num(r.n));
  }
}

/** Adds what the whole months m1..m2 add up for the programme (scope 0) or a municipality, from report_month_counts. */
function addWholeMonths(d: Db, acc: Accumulator, scope: number, m1: string, m2: string) {
  const p = { scope, m1, m2 };
  const where = "scope = @scope AND month BETWEEN @m1 AND @m2";
  const q = (kind: string, keys: string) =>
    all(
      d,
      `SELECT ${keys}, sum(n) AS n FROM report_month_counts
    WHERE kind = '${kind}' AND ${where} GROUP BY ${keys} HAVING sum(n) <> 0`,
      p,
    );
  for (const r of q("referred", "k1, k2")) acc.referredIn(r.k1 as BreakdownDimension, r.k2 as string, num(r.n));
  for (const r of all(
    d,
    `SELECT month, sum(n) AS n FROM report_month_counts WHERE kind = 'referred' AND ${where} AND k1 = 'municipality'
      GROUP BY month HAVING sum(n) <> 0`,
    p,
  ))
    acc.referredIn("quarter", quarterOf(`${r.month}-01`), num(r.n));
  for (const r of q("ended", "k1, k2, k3, k4")) acc.ended(r.k1 as string, num(r.k2), num(r.k3), num(r.k4), num(r.n));
  for (const r of q("hours", "k1")) acc.add(acc.hoursPerCourse, num(r.k1) / 60, num(r.n));
  for (const r of q("completed", "k1, k2, k3"))
    acc.completedIn(r.k1 as BreakdownDimension, r.k2 as string, num(r.k3), num(r.n));
  for (const r of all(
    d,
    `SELECT month, k3, sum(n) AS n FROM report_month_counts WHERE kind = 'completed' AND ${where} AND k1 = 'municipality'
      GROUP BY month, k3 HAVING sum(n) <> 0`,
    p,
  ))
    acc.completedIn("quarter", quarterOf(`${r.month}-01`), num(r.k3), num(r.n));
  for (const r of q("answers", "k1, k2")) acc.add(acc.satisfaction[r.k1 as "mentee" | "mentor"], num(r.k2), num(r.n));
}

/**
 * What a report adds up, from SQL: the same numbers `aggregateReport` (statistics.ts) gets from rows. Events of the
 * period (referred, ended, answered) come from the monthly counts of its whole months (the programme's or the
 * municipality's) and the facts of its edge days; stocks as of its end
 * (waiting, running, on track, mentors) and the matches from one index range each. Never a row per citizen in JavaScript.
 */
export function aggregateReportInSql(d: Db, scope: Scope, filter: ResolvedFilter, asOf: string): ReportAggregates {
  const m = scopedMunicipality(scope, filter.municipality);
  const stockDate = filter.to < asOf ? filter.to : asOf;
  const p = { from: filter.from, to: filter.to, d: stockDate, ...(m == null ? {} : { m }) };
  const s = (text: string) => all(d, text, p);

  const acc = new Accumulator();
  const { months, edges } = splitPeriod(filter.from, filter.to);
  if (months) addWholeMonths(d, acc, m ?? 0, months[0], months[1]);
  for (const [a, b] of edges) addRange(d, acc, m, a, b);

  let matched = 0;
  const daysToMatch: Histogram = new Map();
  for (const r of s(
    `SELECT match_days, count(*) AS n FROM mentee_facts WHERE matched_on BETWEEN @from AND @to${inScope(m)} GROUP BY match_days`,
  )) {
    matched += num(r.n);
    if (r.match_days != null) daysToMatch.set(num(r.match_days), num(r.n));
  }
  const withdrawn = num(
    s(`SELECT count(*) AS n FROM mentee_facts WHERE withdrawn_on BETWEEN @from AND @to${inScope(m)}`)[0].n,
  );
  // Waiting on the day: referred by then, and not yet matched or withdrawn by then.
  const waiting = num(
    s(`SELECT count(*) AS n FROM mentee_facts WHERE waiting_until > @d AND referred_on <= @d${inScope(m)}`)[0].n,
  );
  // Running on the day: started by then and not ended by then (a course that ended after the day was running then).
  const active =
    num(
      s(
        `SELECT count(*) AS n FROM course_facts WHERE phase = 'running' AND start_date <= @d AND (ended_on IS NULL OR ended_on > @d)${inScope(m)}`,
      )[0].n,
    ) +
    num(
      s(
        `SELECT count(*) AS n FROM course_facts WHERE phase = 'closed' AND ended_on > @d AND start_date <= @d${inScope(m)}`,
      )[0].n,
    ) +
    num(
      s(
        `SELECT count(*) AS n FROM course_facts WHERE phase = 'closed' AND ended_on IS NULL AND start_date <= @d${inScope(m)}`,
      )[0].n,
    );
  // On track on the day, of the courses that ran during the period (a course without an answer that day has no row).
  const track = s(`SELECT count(*) AS n, sum(on_track) AS yes FROM course_on_track
      WHERE end_key >= @from AND from_on <= @d AND to_on > @d AND start_date <= @to${inScope(m)}`)[0];
  const retention = s(
    m == null
      ? `SELECT count(*) AS n, sum(mentor_next_start <= @d) AS retained FROM course_facts WHERE mentor_first = 1 AND ended_on <= @d AND start_key <= @d`
      : `SELECT count(*) AS n, sum(mentor_next_start_local <= @d) AS retained FROM course_facts
       WHERE municipality_code = @m AND mentor_first_local = 1 AND ended_on <= @d AND start_key <= @d`,
  )[0];

  return {
    counts: {
      referred: acc.referred,
      matched,
      waiting,
      active,
      completed: acc.completed,
      endedEarly: acc.endedEarly,
      withdrawn,
    },
    outcomes: acc.outcomes,
    followup: acc.followup,
    daysToMatch,
    hoursPerCourse: acc.hoursPerCourse,
    onTrack: { evaluated: num(track.n), onTrack: num(track.yes) },
    mentorRetention: { base: num(retention.n), retained: num(retention.retained) },
    satisfaction: acc.satisfaction,
    breakdowns: acc.breakdowns,
  };
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
export const COURSE_LIST_CHUNK = 500;

/**
 * The course list for exports, a chunk at a time in id order (keyset: `after` is the last id of the previous chunk;
 * NOT INDEXED keeps SQLite walking the courses in id order from there, where an index for the filter would make it
 * collect and sort every match for each chunk):
 * courses that ran during the period or were approved in it. No names, no contact details, no free text: ids, codes,
 * dates, statuses, hours and outcome types. Hours, meetings and on track as of today, from the course facts.
 */
export function courseListChunk(
  scope: Scope,
  filter: ResolvedFilter,
  labels: ReportLabels,
  after: number,
  d: Db = db(),
  limit = COURSE_LIST_CHUNK,
): CourseListRow[] {
  const m = scopedMunicipality(scope, filter.municipality);
  const yn = (v: unknown) => (v ? "yes" : "no");
  const rows = all(
    d,
    `SELECT f.course_id, f.municipality_code, f.industry_section, f.industry_code, f.status, f.approved_at, f.start_date,
      c.planned_end_date, f.ended_on, c.end_reason, c.target_hours_per_month, f.meetings, f.minutes, f.on_track, f.end_outcomes,
      f.positive_end, f.follow_up_outcomes, f.positive_follow_up
    FROM course_facts f NOT INDEXED JOIN courses c ON c.id = f.course_id
    WHERE f.course_id > @after${inScope(m, "f.")} AND (
      (f.phase IN ('running', 'closed') AND f.start_date <= @to AND (f.ended_on IS NULL OR f.ended_on >= @from))
      OR (f.status = 'approved' AND substr(f.approved_at, 1, 10) BETWEEN @from AND @to))
    ORDER BY f.course_id LIMIT @limit`,
    { after, from: filter.from, to: filter.to, limit, ...(m == null ? {} : { m }) },
  );
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
export function* courseListChunks(
  scope: Scope,
  filter: ResolvedFilter,
  labels: ReportLabels,
  d: Db = db(),
): Generator<CourseListRow[]> {
  freshenFacts(d);
  for (let after = 0; ;) {
    const rows = courseListChunk(scope, filter, labels, after, d);
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].course_id;
  }
}

/** Exports are logged (what, not whom: there is no person in them). */
