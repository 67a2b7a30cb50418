import { describe, expect, it } from "vitest";
import { courseColumns, courseTable, exportValue, reportTables } from "./report-tables";
import { computeReport } from "./statistics";

describe("report tables for exports", () => {
  it("cells: values rounded, too few as <5 (never the number), hidden, empty for nothing", () => {
    expect(exportValue({ kind: "value", value: 2 / 3, n: 6 })).toBe(0.6667);
    expect(exportValue({ kind: "too_few" })).toBe("<5");
    expect(exportValue({ kind: "hidden" })).toBe("hidden");
    expect(exportValue({ kind: "none" })).toBe("");
  });
  it("an empty period still gives every table with its header", () => {
    const r = computeReport(
      { mentees: [], courses: [], outcomes: [], meetings: [], surveys: [] },
      { from: "2026-01-01", to: "2026-03-31" },
      "2026-06-30",
    );
    const t = reportTables(r, { municipalities: {}, sections: {} });
    expect(t.map((x) => [x.name, x.columns[0]])).toEqual([
      ["summary", "figure"],
      ["outcomes", "phase"],
      ["quarters", "quarter"],
      ["municipalities", "municipality_code"],
      ["industries", "industry_section"],
      ["mentee_groups", "mentee_group"],
      ["danish_levels", "danish_level"],
    ]);
    expect(t[0].rows.find((row) => row[0] === "outcome_rate")).toEqual(["outcome_rate", "", 0]);
    expect(t[2].rows).toEqual([["2026-Q1", 0, 0, 0, "", ""]]);
    expect(courseTable([]).columns).toEqual([...courseColumns]);
  });
});
