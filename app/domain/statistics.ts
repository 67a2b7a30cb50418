/**
 * Outcome statistics for reports: pure functions over plain rows (no database, no Remix). The use case in
 * app/services/reports.server.ts loads the rows within the caller's scope; everything here is arithmetic.
 *
 * Small-group rule, decided in one place (`revealsSmallGroup`) that every cell constructor below asks: a figure is shown
 * only when every count of people it rests on or gives away is 0 or at least 5. So a count of 1-4, a part of 1-4 of a
 * larger group ("2 with a result"), a share whose numerator is 1-4, and anything about a group of 1-4 are "too few to
 * show", a distinct value that never carries the number. Zero is shown as zero; a share or median of an empty group is
 * "none". Every figure, chart, table and export of a report is built from these cells.
 * See docs/decisions/009-reports-small-groups.md.
 */
import {
  positiveOutcomeTypes,
  outcomeTypes,
  type CourseStatus,
  type DanishLevel,
  type MenteeGroup,
  type MenteeStatus,
  type OutcomePhase,
  type OutcomeType,
} from "./enums";
import { addDays, daysBetween } from "./dates";
import { commitment, hoursOnTrack, plannedEndFor } from "./commitment";

export const MIN_GROUP = 5;

/* ------------------------------------------------------------------ input rows */

export type MenteeRow = {
  id: number;
  municipalityCode: number;
  group: MenteeGroup;
  danishLevel: DanishLevel;
  status: MenteeStatus;
  /** Date (YYYY-MM-DD) or ISO instant; only the date part is used. */
  referredAt: string;
  matchedAt: string | null;
  /** When the mentee withdrew (date or instant), if they did. */
  withdrawnAt: string | null;
};
export type CourseRow = {
  id: number;
  menteeId: number;
  mentorId: number;
  status: CourseStatus;
  approvedAt: string | null;
  startDate: string | null;
  plannedEndDate: string | null;
  endedOn: string | null;
  targetHoursPerMonth: number;
  /** DB07 section of the course's industry (the mentor's industry), e.g. "F". */
  industrySection: string | null;
};
export type OutcomeRow = {
  courseId: number;
  type: OutcomeType;
  phase: OutcomePhase;
  outcomeDate: string;
  confirmed: boolean;
};
export type MeetingRow = { courseId: number; date: string; minutes: number };
export type PauseRow = { courseId: number; fromDate: string; toDate: string | null };
export type SurveyRow = {
  courseId: number;
  respondent: "mentor" | "mentee";
  answeredAt: string | null;
  satisfaction: number | null;
};

export type ReportInput = {
  mentees: MenteeRow[];
  courses: CourseRow[];
  outcomes: OutcomeRow[];
  meetings: MeetingRow[];
  pauses?: PauseRow[];
  surveys: SurveyRow[];
};
/** Inclusive calendar dates. */
export type Period = { from: string; to: string };

/* ------------------------------------------------------------------ output cells */

/** A figure as shown: a value with the number of people it rests on, "too few to show", or nothing to show. */
export type Cell =
  | { kind: "value"; value: number; n: number }
  | { kind: "too_few" }
  /** Hidden although the group has 5 or more, because the figure would let a too-few figure be worked out by subtraction. */
  | { kind: "hidden" }
  | { kind: "none" };

export const TOO_FEW: Cell = { kind: "too_few" };
export const NONE: Cell = { kind: "none" };
export const HIDDEN: Cell = { kind: "hidden" };

/**
 * THE small-group rule: does a figure built on these counts of people give away a group of 1-4? Zero gives nothing
 * away; 1 to MIN_GROUP - 1 does. (Only the unit tests of the arithmetic pass another `minGroup`: 1 shows everything.)
 */
export function revealsSmallGroup(counts: number[], minGroup = MIN_GROUP): boolean {
  return counts.some((c) => c > 0 && c < minGroup);
}

/**
 * Who a report's figures are for (decision 009). The caseworker's own report stays in their municipality, whose
 * citizens they already see one by one, so its figures are exact; figures that leave the municipality (the
 * coordinator's cross-municipality tables, comparisons, prints and exports for third parties) keep the rule above.
 */
export type ReportAudience = "own_municipality" | "outside";
export function minGroupFor(audience: ReportAudience): number {
  return audience === "own_municipality" ? 1 : MIN_GROUP;
}

/** The four kinds of cell, each asking the rule above. */
export type Cells = {
  /** A count of people/courses: 0 is shown, 1-4 are too few. */
  count: (count: number) => Cell;
  /** A figure computed over `n` people (median, mean): nothing when n = 0, too few when n < 5. */
  base: (n: number, value: () => number) => Cell;
  /** A count within a group of `base` people: shown when both are 0 or at least 5 ("2 of 20 got a job" names 2). */
  part: (part: number, base: number) => Cell;
  /** A share part/base: nothing for an empty group; too few when the group or the part is 1-4 (the base is shown beside it). */
  share: (part: number, base: number) => Cell;
};

export function cellsFor(minGroup = MIN_GROUP): Cells {
  const small = (...counts: number[]) => revealsSmallGroup(counts, minGroup);
  return {
    count: (count) => (small(count) ? TOO_FEW : { kind: "value", value: count, n: count }),
    base: (n, value) => (n === 0 ? NONE : small(n) ? TOO_FEW : { kind: "value", value: value(), n }),
    part: (part, base) => (small(part, base) ? TOO_FEW : { kind: "value", value: part, n: base }),
    share: (part, base) =>
      base === 0 ? NONE : small(part, base) ? TOO_FEW : { kind: "value", value: part / base, n: base },
  };
}

const CELLS = cellsFor();
export const countCell = CELLS.count;
export const baseCell = CELLS.base;
export const partCell = CELLS.part;
export const shareCell = CELLS.share;
export function isShown(c: Cell): c is { kind: "value"; value: number; n: number } {
  return c.kind === "value";
}

/* ------------------------------------------------------------------ small helpers */

export const dateOf = (v: string): string => v.slice(0, 10);
const inPeriod = (d: string | null, p: Period) => d != null && dateOf(d) >= p.from && dateOf(d) <= p.to;
const minDate = (...ds: (string | null | undefined)[]) => ds.filter((d): d is string => !!d).sort()[0];

/** Median of numbers (mean of the two middle values for an even count). */
export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Percentile by the nearest-rank method: the smallest value with at least p % of the values at or below it. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[rank - 1];
}

/** "2026-Q3" for a date. */
export function quarterOf(date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  return `${y}-Q${Math.ceil(m / 3)}`;
}
/** First and last day of a quarter key like "2026-Q3"; null for anything else. */
export function quarterRange(key: string): Period | null {
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  const y = Number(m[1]);
  const q = Number(m[2]);
  const from = `${y}-${String((q - 1) * 3 + 1).padStart(2, "0")}-01`;
  const nextFrom = q === 4 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  return { from, to: addDays(nextFrom, -1) };
}
/** Every quarter key from the quarter of `from` to the quarter of `to`, in order. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let k = quarterOf(from);
  const last = quarterOf(to);
  while (k <= last && out.length < 400) {
    out.push(k);
    const r = quarterRange(k)!;
    k = quarterOf(addDays(r.to, 1));
  }
  return out;
}

/* ------------------------------------------------------------------ course-level facts */

const STARTED: readonly CourseStatus[] = ["active", "paused", "completed", "ended_early"];
/** A course that has started (and so has hours, months and an on-track answer). */
export const isStarted = (c: Pick<CourseRow, "status" | "startDate">) => STARTED.includes(c.status) && !!c.startDate;
const isFinished = (c: CourseRow) => (c.status === "completed" || c.status === "ended_early") && !!c.endedOn;

export type CourseFacts = {
  course: CourseRow;
  mentee: MenteeRow | undefined;
  hours: number;
  meetings: number;
  endOutcomes: OutcomeType[];
  followupOutcomes: OutcomeType[];
  positiveAtEnd: boolean;
  positiveAtFollowup: boolean;
  /** null when the course has run less than one full month by the evaluation date (or never started). */
  onTrack: boolean | null;
};

/**
 * On track with the commitment, by the one definition the course pages use too (`hoursOnTrack` in commitment.ts): the
 * hours logged in the course months completed by `asOf` (or the end of the course), pauses moving the months, are at
 * least 75 % of their target. null when the course has not started or has no complete month yet.
 */
export function onTrack(c: CourseRow, meetings: MeetingRow[], pauses: PauseRow[], asOf: string): boolean | null {
  if (!isStarted(c)) return null;
  return hoursOnTrack(
    commitment(
      {
        startDate: c.startDate!,
        plannedEndDate: c.plannedEndDate ?? plannedEndFor(c.startDate!),
        targetHoursPerMonth: c.targetHoursPerMonth,
        meetings,
        pauses,
        endedOn: c.endedOn,
        paused: c.status === "paused",
      },
      asOf,
    ),
  );
}

/** Rows per course id, so each course's rows are found without scanning them all. */
function byCourse<T extends { courseId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) (m.get(r.courseId) ?? m.set(r.courseId, []).get(r.courseId)!).push(r);
  return m;
}

export function courseFacts(input: ReportInput, asOf: string): CourseFacts[] {
  const menteeById = new Map(input.mentees.map((m) => [m.id, m]));
  const meetings = byCourse(input.meetings);
  const outcomes = byCourse(input.outcomes.filter((o) => o.confirmed));
  const pauses = byCourse(input.pauses ?? []);
  return input.courses.map((c) => {
    const ms = meetings.get(c.id) ?? [];
    const os = outcomes.get(c.id) ?? [];
    const endOutcomes = [...new Set(os.filter((o) => o.phase === "end").map((o) => o.type))];
    const followupOutcomes = [...new Set(os.filter((o) => o.phase === "followup_3m").map((o) => o.type))];
    const until = minDate(asOf, c.endedOn)!;
    return {
      course: c,
      mentee: menteeById.get(c.menteeId),
      hours: ms.filter((m) => m.date <= until).reduce((s, m) => s + m.minutes, 0) / 60,
      meetings: ms.filter((m) => m.date <= until).length,
      endOutcomes,
      followupOutcomes,
      positiveAtEnd: endOutcomes.some((t) => positiveOutcomeTypes.includes(t)),
      positiveAtFollowup: followupOutcomes.some((t) => positiveOutcomeTypes.includes(t)),
      onTrack: onTrack(c, ms, pauses.get(c.id) ?? [], asOf),
    };
  });
}

/** Courses that ran at some time during the period (started on or before its end, not ended before its start). */
export function courseRanDuring(c: CourseRow, p: Period): boolean {
  if (!isStarted(c)) return false;
  return c.startDate! <= p.to && (!c.endedOn || c.endedOn >= p.from);
}

/* ------------------------------------------------------------------ the report */

export type StatusCounts = {
  referred: Cell;
  matched: Cell;
  waiting: Cell;
  active: Cell;
  completed: Cell;
  endedEarly: Cell;
  withdrawn: Cell;
};
export type Distribution = { type: OutcomeType | "none_registered"; count: Cell; share: Cell }[];
export type OutcomeFigures = {
  /** Courses the figure is about (completed in the period; at follow-up: those with a 3-month outcome registered). */
  base: Cell;
  positive: Cell;
  rate: Cell;
  distribution: Distribution;
};
export type BreakdownRow = {
  key: string;
  referred: Cell;
  completed: Cell;
  positive: Cell;
  rate: Cell;
  rateFollowup: Cell;
};
export type Report = {
  period: Period;
  asOf: string;
  counts: StatusCounts;
  outcomes: OutcomeFigures;
  followup: OutcomeFigures & { awaiting: Cell };
  daysToMatch: { median: Cell; p90: Cell };
  hoursPerCourse: { median: Cell };
  onTrack: { share: Cell; onTrack: Cell; base: Cell };
  mentorRetention: { share: Cell; retained: Cell; base: Cell };
  satisfaction: { all: Cell; mentee: Cell; mentor: Cell; satisfiedShare: Cell };
  breakdowns: {
    municipality: BreakdownRow[];
    industry: BreakdownRow[];
    quarter: BreakdownRow[];
    group: BreakdownRow[];
    danishLevel: BreakdownRow[];
  };
};

/* ------------------------------------------------------------------ what the figures add up */

/** How often each value occurs (value → count): enough for a median or a percentile, however many values. */
export type Histogram = Map<number, number>;

export function histogramOf(xs: number[]): Histogram {
  const h: Histogram = new Map();
  for (const x of xs) h.set(x, (h.get(x) ?? 0) + 1);
  return h;
}
const histogramSize = (h: Histogram) => [...h.values()].reduce((a, b) => a + b, 0);
/** The k-th smallest value (0-based) a histogram counts. */
function nth(h: Histogram, k: number): number {
  let seen = 0;
  for (const v of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(v)!;
    if (k < seen) return v;
  }
  return NaN;
}
/** `median` of the values a histogram counts. */
export function medianOf(h: Histogram): number {
  const n = histogramSize(h);
  if (!n) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 ? nth(h, mid) : (nth(h, mid - 1) + nth(h, mid)) / 2;
}
/** `percentile` of the values a histogram counts. */
export function percentileOf(h: Histogram, p: number): number {
  const n = histogramSize(h);
  if (!n) return NaN;
  return nth(h, Math.max(1, Math.ceil((p / 100) * n)) - 1);
}

/** Courses with their outcomes: how many, how many positive, how many of each type, how many with none. */
export type OutcomeCounts = {
  courses: number;
  positive: number;
  byType: Partial<Record<OutcomeType, number>>;
  none: number;
};
/** One row of a breakdown: referred citizens, completed courses, of them positive, with a 3-month outcome, positive then. */
export type BreakdownCounts = {
  referred: number;
  completed: number;
  positive: number;
  withFollowup: number;
  positiveFollowup: number;
};
export const breakdownDimensions = ["municipality", "industry", "quarter", "group", "danishLevel"] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];
export const emptyBreakdownCounts = (): BreakdownCounts => ({
  referred: 0,
  completed: 0,
  positive: 0,
  withFollowup: 0,
  positiveFollowup: 0,
});

/**
 * Everything a report adds up, before the small-group rule: plain counts, histograms and sums. `computeReport` gets
 * them from rows (`aggregateReport`, the reference); the report use case gets the same numbers from SQL. Either way
 * `reportFromAggregates` turns them into the figures, every one through the cells of `cellsFor`.
 */
export type ReportAggregates = {
  counts: Record<"referred" | "matched" | "waiting" | "active" | "completed" | "endedEarly" | "withdrawn", number>;
  /** Completed courses (ended in the period) and their confirmed end outcomes. */
  outcomes: OutcomeCounts;
  /** Of those, the ones with a 3-month outcome registered, and those outcomes. */
  followup: OutcomeCounts;
  /** Days from referral to match of the citizens matched in the period. */
  daysToMatch: Histogram;
  /** Hours logged per completed course. */
  hoursPerCourse: Histogram;
  onTrack: { evaluated: number; onTrack: number };
  mentorRetention: { base: number; retained: number };
  /** Scores (1-5) of the answers given in the period, per respondent. */
  satisfaction: Record<"mentee" | "mentor", Histogram>;
  breakdowns: Record<BreakdownDimension, Map<string, BreakdownCounts>>;
};

function outcomeCounts(
  courses: CourseFacts[],
  pick: (f: CourseFacts) => OutcomeType[],
  positive: (f: CourseFacts) => boolean,
): OutcomeCounts {
  const byType: Partial<Record<OutcomeType, number>> = {};
  for (const f of courses) for (const t of pick(f)) byType[t] = (byType[t] ?? 0) + 1;
  return {
    courses: courses.length,
    positive: courses.filter(positive).length,
    byType,
    none: courses.filter((f) => pick(f).length === 0).length,
  };
}

/**
 * The reference arithmetic of every report figure from plain rows (definitions on `computeReport`).
 */
export function aggregateReport(input: ReportInput, period: Period, asOf: string): ReportAggregates {
  const stockDate = period.to < asOf ? period.to : asOf;
  const facts = courseFacts(input, asOf);
  const ms = input.mentees;

  const referred = ms.filter((m) => inPeriod(m.referredAt, period));
  const matched = ms.filter((m) => inPeriod(m.matchedAt, period));
  const withdrawn = ms.filter((m) => m.status === "withdrawn" && inPeriod(m.withdrawnAt, period));
  const waiting = ms.filter(
    (m) =>
      dateOf(m.referredAt) <= stockDate &&
      (!m.matchedAt || dateOf(m.matchedAt) > stockDate) &&
      !(m.status === "withdrawn" && (!m.withdrawnAt || dateOf(m.withdrawnAt) <= stockDate)),
  );
  const active = facts.filter(
    (f) =>
      isStarted(f.course) && f.course.startDate! <= stockDate && (!f.course.endedOn || f.course.endedOn > stockDate),
  );
  const finished = facts.filter((f) => isFinished(f.course) && inPeriod(f.course.endedOn, period));
  const completed = finished.filter((f) => f.course.status === "completed");
  const endedEarly = finished.filter((f) => f.course.status === "ended_early");
  const withFollowup = completed.filter((f) => f.followupOutcomes.length > 0);

  const waits = matched.map((m) => daysBetween(dateOf(m.referredAt), dateOf(m.matchedAt!)));

  const running = facts.filter((f) => courseRanDuring(f.course, period));
  const meetingsBy = byCourse(input.meetings);
  const pausesBy = byCourse(input.pauses ?? []);
  const evaluated = running
    .map((f) => onTrack(f.course, meetingsBy.get(f.course.id) ?? [], pausesBy.get(f.course.id) ?? [], stockDate))
    .filter((v): v is boolean => v !== null);

  // Mentor retention, as of the end of the period.
  const byMentor = new Map<number, CourseRow[]>();
  for (const c of input.courses) {
    const started = c.startDate ?? (c.approvedAt ? dateOf(c.approvedAt) : null);
    if (c.status === "proposed" || !started || started > stockDate) continue;
    (byMentor.get(c.mentorId) ?? byMentor.set(c.mentorId, []).get(c.mentorId)!).push(c);
  }
  let retentionBase = 0;
  let retained = 0;
  for (const cs of byMentor.values()) {
    const sorted = [...cs].sort(
      (a, b) => (a.startDate ?? a.approvedAt ?? "").localeCompare(b.startDate ?? b.approvedAt ?? "") || a.id - b.id,
    );
    const first = sorted[0];
    if (!first.endedOn || first.endedOn > stockDate) continue;
    retentionBase++;
    if (sorted.length > 1) retained++;
  }

  const answered = input.surveys.filter((s) => s.satisfaction != null && inPeriod(s.answeredAt, period));
  const satisfaction = (respondent: SurveyRow["respondent"]) =>
    histogramOf(answered.filter((s) => s.respondent === respondent).map((s) => s.satisfaction!));

  const breakdowns = Object.fromEntries(
    breakdownDimensions.map((d) => [d, new Map<string, BreakdownCounts>()]),
  ) as ReportAggregates["breakdowns"];
  const row = (d: BreakdownDimension, key: string | null | undefined) => {
    if (key == null) return null;
    const m = breakdowns[d];
    return m.get(key) ?? m.set(key, emptyBreakdownCounts()).get(key)!;
  };
  for (const m of referred) {
    for (const r of [
      row("municipality", String(m.municipalityCode)),
      row("quarter", quarterOf(dateOf(m.referredAt))),
      row("group", m.group),
      row("danishLevel", m.danishLevel),
    ])
      r!.referred++;
  }
  for (const f of completed) {
    const mentee = f.mentee;
    const keys: [BreakdownDimension, string | null | undefined][] = [
      ["municipality", mentee ? String(mentee.municipalityCode) : null],
      ["industry", f.course.industrySection],
      ["quarter", quarterOf(f.course.endedOn!)],
      ["group", mentee?.group],
      ["danishLevel", mentee?.danishLevel],
    ];
    for (const [d, key] of keys) {
      const r = row(d, key);
      if (!r) continue;
      r.completed++;
      if (f.positiveAtEnd) r.positive++;
      if (f.followupOutcomes.length) r.withFollowup++;
      if (f.positiveAtFollowup && f.followupOutcomes.length) r.positiveFollowup++;
    }
  }

  return {
    counts: {
      referred: referred.length,
      matched: matched.length,
      waiting: waiting.length,
      active: active.length,
      completed: completed.length,
      endedEarly: endedEarly.length,
      withdrawn: withdrawn.length,
    },
    outcomes: outcomeCounts(
      completed,
      (f) => f.endOutcomes,
      (f) => f.positiveAtEnd,
    ),
    followup: outcomeCounts(
      withFollowup,
      (f) => f.followupOutcomes,
      (f) => f.positiveAtFollowup,
    ),
    daysToMatch: histogramOf(waits),
    hoursPerCourse: histogramOf(completed.map((f) => f.hours)),
    onTrack: { evaluated: evaluated.length, onTrack: evaluated.filter(Boolean).length },
    mentorRetention: { base: retentionBase, retained },
    satisfaction: { mentee: satisfaction("mentee"), mentor: satisfaction("mentor") },
    breakdowns,
  };
}

/* ------------------------------------------------------------------ from what adds up to the figures */

function outcomeFigures(c: Cells, o: OutcomeCounts, withNone: boolean): OutcomeFigures {
  const n = o.courses;
  const distribution: Distribution = outcomeTypes.map((type) => {
    const k = o.byType[type] ?? 0;
    return { type, count: c.part(k, n), share: c.share(k, n) };
  });
  if (withNone) distribution.push({ type: "none_registered", count: c.part(o.none, n), share: c.share(o.none, n) });
  return { base: c.count(n), positive: c.part(o.positive, n), rate: c.share(o.positive, n), distribution };
}

function breakdownRow(c: Cells, key: string, b: BreakdownCounts): BreakdownRow {
  return {
    key,
    referred: c.count(b.referred),
    completed: c.count(b.completed),
    positive: c.part(b.positive, b.completed),
    rate: c.share(b.positive, b.completed),
    rateFollowup: c.share(b.positiveFollowup, b.withFollowup),
  };
}

/**
 * Secondary suppression: the report shows totals, so a single too-few row in a column could be worked out as the
 * total minus the other rows. When exactly one row of a column is too few, the smallest other non-zero row of that
 * column is hidden too (for completed courses that row's outcome figures go with it; for positive outcomes its rate).
 */
export function suppressComplements(rows: BreakdownRow[]): BreakdownRow[] {
  const out = rows.map((r) => ({ ...r }));
  for (const col of ["referred", "completed", "positive"] as const) {
    const small = out.filter((r) => r[col].kind === "too_few" || r[col].kind === "hidden");
    if (small.length !== 1) continue;
    const candidates = out
      .filter((r) => r[col].kind === "value" && (r[col] as { value: number }).value > 0)
      .sort(
        (a, b) =>
          (a[col] as { value: number }).value - (b[col] as { value: number }).value || a.key.localeCompare(b.key),
      );
    const victim = candidates[0];
    if (!victim) continue;
    victim[col] = HIDDEN;
    if (col === "completed") {
      for (const k of ["positive", "rate", "rateFollowup"] as const) if (victim[k].kind === "value") victim[k] = HIDDEN;
    }
    if (col === "positive" && victim.rate.kind === "value") victim.rate = HIDDEN;
  }
  return out;
}

function breakdown(c: Cells, keys: string[], counts: Map<string, BreakdownCounts>): BreakdownRow[] {
  const all = new Set([...keys, ...counts.keys()]);
  return suppressComplements([...all].sort().map((k) => breakdownRow(c, k, counts.get(k) ?? emptyBreakdownCounts())));
}

/**
 * The figures from what they add up: every figure is a cell of `cellsFor`, so the small-group rule decides what is
 * shown, here and nowhere else.
 */
export function reportFromAggregates(a: ReportAggregates, period: Period, asOf: string, minGroup = MIN_GROUP): Report {
  const cell = cellsFor(minGroup);
  const k = a.counts;
  // A match dated before the referral is a data error, not a wait.
  const waits: Histogram = new Map([...a.daysToMatch].filter(([days]) => days >= 0));
  const hours = a.hoursPerCourse;
  const waitsN = histogramSize(waits);
  const hoursN = histogramSize(hours);
  const allScores: Histogram = new Map(a.satisfaction.mentee);
  for (const [v, n] of a.satisfaction.mentor) allScores.set(v, (allScores.get(v) ?? 0) + n);
  const scores = { ...a.satisfaction, all: allScores };
  const meanOf = (h: Histogram) => {
    const n = histogramSize(h);
    return cell.base(n, () => [...h].reduce((sum, [v, c]) => sum + v * c, 0) / n);
  };
  const satisfied = (h: Histogram) => [...h].filter(([v]) => v >= 4).reduce((sum, [, c]) => sum + c, 0);
  return {
    period,
    asOf,
    counts: {
      referred: cell.count(k.referred),
      matched: cell.count(k.matched),
      waiting: cell.count(k.waiting),
      active: cell.count(k.active),
      completed: cell.count(k.completed),
      endedEarly: cell.count(k.endedEarly),
      withdrawn: cell.count(k.withdrawn),
    },
    outcomes: outcomeFigures(cell, a.outcomes, true),
    followup: {
      ...outcomeFigures(cell, a.followup, false),
      awaiting: cell.part(a.outcomes.courses - a.followup.courses, a.outcomes.courses),
    },
    daysToMatch: {
      median: cell.base(waitsN, () => medianOf(waits)),
      p90: cell.base(waitsN, () => percentileOf(waits, 90)),
    },
    hoursPerCourse: { median: cell.base(hoursN, () => medianOf(hours)) },
    onTrack: {
      share: cell.share(a.onTrack.onTrack, a.onTrack.evaluated),
      onTrack: cell.part(a.onTrack.onTrack, a.onTrack.evaluated),
      base: cell.count(a.onTrack.evaluated),
    },
    mentorRetention: {
      share: cell.share(a.mentorRetention.retained, a.mentorRetention.base),
      retained: cell.part(a.mentorRetention.retained, a.mentorRetention.base),
      base: cell.count(a.mentorRetention.base),
    },
    satisfaction: {
      all: meanOf(scores.all),
      mentee: meanOf(scores.mentee),
      mentor: meanOf(scores.mentor),
      satisfiedShare: cell.share(satisfied(scores.all), histogramSize(scores.all)),
    },
    breakdowns: {
      municipality: breakdown(cell, [], a.breakdowns.municipality),
      industry: breakdown(cell, [], a.breakdowns.industry),
      quarter: breakdown(cell, quartersBetween(period.from, period.to), a.breakdowns.quarter),
      group: breakdown(cell, [], a.breakdowns.group),
      danishLevel: breakdown(cell, [], a.breakdowns.danishLevel),
    },
  };
}

/**
 * Every figure of the report for a period, as of a date (today: stocks such as "waiting" are taken at the end of the
 * period or today, whichever is earlier).
 *  - referred / matched / completed / ended early / withdrawn: events dated in the period;
 *  - waiting / active: the stock at the end of the period (or today);
 *  - outcome rate: completed courses (ended in the period) with a confirmed positive end outcome / completed courses;
 *  - the same at the 3-month follow-up, over the completed courses that have a follow-up outcome registered;
 *  - days referral → match: mentees matched in the period; hours: completed courses; on track: courses running
 *    during the period for at least one whole month; mentor retention: mentors whose first course had ended by the
 *    end of the period, and of them those who started a second; satisfaction: surveys answered in the period (1-5).
 * This is the reference: the app computes the same from SQL (app/services/reports.server.ts), and a property test
 * holds the two equal.
 */
export function computeReport(input: ReportInput, period: Period, asOf: string, minGroup = MIN_GROUP): Report {
  return reportFromAggregates(aggregateReport(input, period, asOf), period, asOf, minGroup);
}
