import { describe, expect, it } from "vitest";
import { goalReport, type GoalSums } from "./goal-report";

const s = (section: string | null, courses: number, o: Partial<GoalSums> = {}): GoalSums => ({
  section,
  courses,
  withPlan: courses,
  goalsSet: courses * 3,
  goalsReached: courses * 2,
  coursesReached: courses,
  ...o,
});

describe("goals in the report", () => {
  it("gives goals reached per completed course and the share with a goal reached, by section and in total", () => {
    const r = goalReport([
      s("F", 10, { goalsReached: 15, coursesReached: 8 }),
      s("I", 5, { withPlan: 5, goalsReached: 5, coursesReached: 5 }),
    ]);
    expect(r.rows.map((x) => x.key)).toEqual(["F", "I"]);
    expect(r.rows[0].reachedPerCourse).toEqual({ kind: "value", value: 1.5, n: 10 });
    expect(r.rows[0].reachedShare).toEqual({ kind: "value", value: 0.8, n: 10 });
    expect(r.total.completed).toEqual({ kind: "value", value: 15, n: 15 });
    expect(r.total.reachedPerCourse).toEqual({ kind: "value", value: 20 / 15, n: 15 });
  });
  it("never shows a group of 1-4: a small section is too few, and the next smallest is hidden so the total gives nothing away", () => {
    const r = goalReport([s("F", 20), s("G", 6), s("I", 3), s("Q", 9)]);
    const by = Object.fromEntries(r.rows.map((x) => [x.key, x]));
    expect(by.I.completed).toEqual({ kind: "too_few" });
    expect(by.I.reachedPerCourse).toEqual({ kind: "too_few" });
    expect(by.G.completed).toEqual({ kind: "hidden" });
    expect(by.G.reachedShare).toEqual({ kind: "hidden" });
    expect(by.F.completed.kind).toBe("value");
    expect(r.total.completed).toEqual({ kind: "value", value: 38, n: 38 });
  });
  it("a share whose part is 1-4 is too few even in a large group; nothing to show for no courses", () => {
    const r = goalReport([s("F", 12, { coursesReached: 3 })]);
    expect(r.rows[0].reachedShare).toEqual({ kind: "too_few" });
    expect(goalReport([]).total.reachedPerCourse).toEqual({ kind: "none" });
  });
  it("adds up rows of the same section and names an unknown one", () => {
    const r = goalReport([s(null, 5), s(null, 5)]);
    expect(r.rows.map((x) => [x.key, x.completed])).toEqual([["?", { kind: "value", value: 10, n: 10 }]]);
  });
});
