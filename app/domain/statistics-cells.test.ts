import { describe, expect, it } from "vitest";
import {
  revealsSmallGroup,
  suppressComplements,
  type BreakdownRow,
  countCell,
  median,
  partCell,
  percentile,
  quarterOf,
  quarterRange,
  quartersBetween,
  shareCell,
} from "./statistics";

/* Hand-computed fixture. Period 2026 Q1, as of 2026-06-30 (so stocks are taken on 2026-03-31). */
const v = (value: number, n: number) => ({ kind: "value", value, n });
const tooFew = { kind: "too_few" };
const none = { kind: "none" };

describe("small helpers", () => {
  it("median and nearest-rank percentile", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([0, 6, 12, 18, 24, 30])).toBe(15);
    expect(percentile([10, 10, 20, 30, 79], 90)).toBe(79);
    expect(
      percentile(
        Array.from({ length: 20 }, (_, i) => i + 1),
        90,
      ),
    ).toBe(18);
    expect(median([])).toBeNaN();
  });
  it("quarters", () => {
    expect(quarterOf("2026-11-23")).toBe("2026-Q4");
    expect(quarterRange("2026-Q1")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(quarterRange("2024-Q4")).toEqual({ from: "2024-10-01", to: "2024-12-31" });
    expect(quarterRange("2026-Q5")).toBeNull();
    expect(quartersBetween("2025-11-15", "2026-04-01")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"]);
  });
  it("the small-group rule: a count of 1-4, or anything about a group of 1-4, is too few; never the number", () => {
    expect(countCell(0)).toEqual(v(0, 0));
    for (const n of [1, 2, 3, 4]) {
      expect(countCell(n)).toEqual(tooFew);
      expect(JSON.stringify(countCell(n))).not.toMatch(/\d/);
      expect(shareCell(1, n)).toEqual(tooFew);
      expect(partCell(n, n)).toEqual(tooFew);
    }
    expect(countCell(5)).toEqual(v(5, 5));
    expect(shareCell(0, 0)).toEqual(none);
    expect(shareCell(5, 20)).toEqual(v(0.25, 20));
    expect(shareCell(0, 20)).toEqual(v(0, 20));
    expect(partCell(0, 20)).toEqual(v(0, 20));
    expect(partCell(5, 20)).toEqual(v(5, 20));
  });
  it("one rule for parts and shares too: 2 of 20 with a result names a group of 2", () => {
    for (const k of [1, 2, 3, 4]) {
      expect(partCell(k, 20)).toEqual(tooFew);
      expect(shareCell(k, 20)).toEqual(tooFew);
    }
    expect(revealsSmallGroup([0, 5, 120])).toBe(false);
    expect(revealsSmallGroup([12, 3])).toBe(true);
  });
});

describe("secondary suppression", () => {
  const row = (key: string, referred: number, completed: number, positive: number): BreakdownRow => ({
    key,
    referred: countCell(referred),
    completed: countCell(completed),
    positive: partCell(positive, completed),
    rate: shareCell(positive, completed),
    rateFollowup: shareCell(0, 0),
  });
  it("one too-few row hides the smallest other non-zero row, with its outcome figures", () => {
    const out = suppressComplements([row("a", 3, 2, 1), row("b", 0, 0, 0), row("c", 12, 9, 6), row("d", 7, 20, 10)]);
    expect(out.map((r) => [r.key, r.referred.kind, r.completed.kind, r.rate.kind])).toEqual([
      ["a", "too_few", "too_few", "too_few"],
      ["b", "value", "value", "none"],
      ["c", "value", "hidden", "hidden"],
      ["d", "hidden", "value", "value"],
    ]);
    expect(JSON.stringify(out[2].positive)).toBe('{"kind":"hidden"}');
  });
  it("a lone too-few count of positive outcomes hides the smallest other one too, with its rate", () => {
    const out = suppressComplements([row("a", 30, 20, 3), row("b", 40, 25, 10), row("c", 50, 30, 6)]);
    expect(out.map((r) => [r.key, r.positive.kind, r.rate.kind])).toEqual([
      ["a", "too_few", "too_few"],
      ["b", "value", "value"],
      ["c", "hidden", "hidden"],
    ]);
  });
  it("two or more too-few rows, or none, need nothing more", () => {
    const rows = [row("a", 3, 2, 1), row("b", 4, 1, 1), row("c", 12, 9, 6)];
    expect(suppressComplements(rows)).toEqual(rows);
    const big = [row("a", 30, 20, 10), row("b", 0, 0, 0)];
    expect(suppressComplements(big)).toEqual(big);
  });
});

describe("the report's audience (decision 009)", () => {
  it("shows the caseworker's own municipality exactly and hides small groups everywhere else", async () => {
    const { minGroupFor, cellsFor } = await import("./statistics");
    const own = cellsFor(minGroupFor("own_municipality"));
    const outside = cellsFor(minGroupFor("outside"));
    expect(own.count(2)).toEqual({ kind: "value", value: 2, n: 2 });
    expect(own.share(1, 3)).toEqual({ kind: "value", value: 1 / 3, n: 3 });
    expect(outside.count(2)).toEqual({ kind: "too_few" });
    expect(outside.share(1, 3)).toEqual({ kind: "too_few" });
    expect(own.share(0, 0)).toEqual({ kind: "none" });
    const { goalReport } = await import("./goal-report");
    const sums = [{ section: "Q", courses: 3, withPlan: 2, goalsSet: 6, goalsReached: 4, coursesReached: 2 }];
    expect(goalReport(sums, own).total.completed).toEqual({ kind: "value", value: 3, n: 3 });
    expect(goalReport(sums).total.completed).toEqual({ kind: "too_few" });
  });
});
