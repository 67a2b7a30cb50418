/**
 * Goals in the reports (issue 21): goals reached per completed course, by industry (the DB07 section of the course,
 * the mentor's industry, as in the other breakdowns). The database sums per section; this module turns the sums into
 * cells under the one small-group rule (app/domain/statistics.ts, `revealsSmallGroup` through its cell constructors)
 * and hides a second section when a single too-small one could otherwise be worked out from the total. Pure.
 */
import { cellsFor, HIDDEN, type Cell, type Cells } from "./statistics";

/** Sums over the completed courses of one industry section (null: no known section). */
export type GoalSums = {
  section: string | null;
  /** Completed courses. */
  courses: number;
  /** Of them, courses with a goal plan (at least one goal). */
  withPlan: number;
  goalsSet: number;
  goalsReached: number;
  /** Courses with at least one goal reached. */
  coursesReached: number;
};

export type GoalReportRow = {
  key: string;
  completed: Cell;
  withPlan: Cell;
  /** Goals reached per completed course (a mean over the completed courses). */
  reachedPerCourse: Cell;
  /** Goals set per completed course. */
  setPerCourse: Cell;
  /** Share of completed courses with at least one goal reached. */
  reachedShare: Cell;
};

export const UNKNOWN_SECTION = "?";

function row(c: Cells, key: string, s: Omit<GoalSums, "section">): GoalReportRow {
  return {
    key,
    completed: c.count(s.courses),
    withPlan: c.part(s.withPlan, s.courses),
    reachedPerCourse: c.base(s.courses, () => s.goalsReached / s.courses),
    setPerCourse: c.base(s.courses, () => s.goalsSet / s.courses),
    reachedShare: c.share(s.coursesReached, s.courses),
  };
}

export type GoalReport = { rows: GoalReportRow[]; total: GoalReportRow };

/** `cells`: the small-group rule for the report's audience (`cellsFor(minGroupFor(...))`); the real rule by default. */
export function goalReport(sums: readonly GoalSums[], cells: Cells = cellsFor()): GoalReport {
  const zero = { courses: 0, withPlan: 0, goalsSet: 0, goalsReached: 0, coursesReached: 0 };
  const bySection = new Map<string, Omit<GoalSums, "section">>();
  for (const s of sums) {
    const key = s.section ?? UNKNOWN_SECTION;
    const acc = bySection.get(key) ?? { ...zero };
    for (const k of Object.keys(zero) as (keyof typeof zero)[]) acc[k] += s[k];
    bySection.set(key, acc);
  }
  const total = { ...zero };
  for (const s of bySection.values()) for (const k of Object.keys(zero) as (keyof typeof zero)[]) total[k] += s[k];
  const rows = [...bySection.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => row(cells, k, s));
  // One section too small to show beside a shown total would be the total minus the others: hide the next smallest too.
  const small = rows.filter((r) => r.completed.kind === "too_few");
  if (small.length === 1) {
    const victim = rows
      .filter((r) => r.completed.kind === "value" && r.completed.value > 0)
      .sort(
        (a, b) =>
          (a.completed as { value: number }).value - (b.completed as { value: number }).value ||
          a.key.localeCompare(b.key),
      )[0];
    if (victim)
      Object.assign(victim, {
        completed: HIDDEN,
        withPlan: HIDDEN,
        reachedPerCourse: HIDDEN,
        setPerCourse: HIDDEN,
        reachedShare: HIDDEN,
      });
  }
  return { rows, total: row(cells, "total", total) };
}
