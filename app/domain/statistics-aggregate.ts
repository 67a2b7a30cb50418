/**
 * Statistics, what the figures add up (see statistics.ts): the report's shape, and the counts and histograms that SQL
 * (app/services/report-sql.server.ts) and `aggregateReport` (from rows, the reference) both produce.
 */
import { type OutcomeType } from "./enums";
import { daysBetween } from "./dates";
import {
  type Cell,
  type CourseRow,
  type Period,
  type ReportInput,
  type SurveyRow,
  dateOf,
  inPeriod,
  quarterOf,
} from "./statistics-cells";
import {
  type CourseFacts,
  byCourse,
  courseFacts,
  courseRanDuring,
  isFinished,
  isStarted,
  onTrack,
} from "./statistics-facts";

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
export const histogramSize = (h: Histogram) => [...h.values()].reduce((a, b) => a + b, 0);
/** The k-th smallest value (0-based) a histogram counts. */
export function nth(h: Histogram, k: number): number {
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

export function outcomeCounts(
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
