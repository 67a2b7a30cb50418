/**
 * Statistics, the vocabulary (see statistics.ts): the input rows, the cells every figure is made of with the small-group
 * rule (decision 009), and small helpers (dates, medians, quarters).
 */
import {
  type CourseStatus,
  type DanishLevel,
  type MenteeGroup,
  type MenteeStatus,
  type OutcomePhase,
  type OutcomeType,
} from "./enums";
import { addDays } from "./dates";

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

export const CELLS = cellsFor();
export const countCell = CELLS.count;
export const baseCell = CELLS.base;
export const partCell = CELLS.part;
export const shareCell = CELLS.share;
export function isShown(c: Cell): c is { kind: "value"; value: number; n: number } {
  return c.kind === "value";
}

/* ------------------------------------------------------------------ small helpers */

export const dateOf = (v: string): string => v.slice(0, 10);
export const inPeriod = (d: string | null, p: Period) => d != null && dateOf(d) >= p.from && dateOf(d) <= p.to;
export const minDate = (...ds: (string | null | undefined)[]) => ds.filter((d): d is string => !!d).sort()[0];

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
