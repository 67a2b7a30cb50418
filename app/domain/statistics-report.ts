/**
 * Statistics, the figures (see statistics.ts): from what adds up to the report's cells, every one through the
 * small-group rule, with complementary suppression in the breakdowns.
 */
import { outcomeTypes } from "./enums";
import {
  type Report,
  type BreakdownCounts,
  type BreakdownRow,
  type Distribution,
  type Histogram,
  type OutcomeCounts,
  type OutcomeFigures,
  type ReportAggregates,
  aggregateReport,
  emptyBreakdownCounts,
  histogramSize,
  medianOf,
  percentileOf,
} from "./statistics-aggregate";
import {
  type Cells,
  HIDDEN,
  MIN_GROUP,
  type Period,
  type ReportInput,
  cellsFor,
  quartersBetween,
} from "./statistics-cells";

/* ------------------------------------------------------------------ from what adds up to the figures */

export function outcomeFigures(c: Cells, o: OutcomeCounts, withNone: boolean): OutcomeFigures {
  const n = o.courses;
  const distribution: Distribution = outcomeTypes.map((type) => {
    const k = o.byType[type] ?? 0;
    return { type, count: c.part(k, n), share: c.share(k, n) };
  });
  if (withNone) distribution.push({ type: "none_registered", count: c.part(o.none, n), share: c.share(o.none, n) });
  return { base: c.count(n), positive: c.part(o.positive, n), rate: c.share(o.positive, n), distribution };
}

export function breakdownRow(c: Cells, key: string, b: BreakdownCounts): BreakdownRow {
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

export function breakdown(c: Cells, keys: string[], counts: Map<string, BreakdownCounts>): BreakdownRow[] {
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
