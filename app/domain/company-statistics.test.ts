import { describe, expect, it } from "vitest";
import {
  computeCompanyReport,
  isMovedOn,
  placementMovedOnTypes,
  suppressLone,
  type CompanyReportInput,
} from "./company-statistics";
import { countCell, type Cell } from "./statistics";

const empty: CompanyReportInput = {
  openingsBySection: [],
  openingsByMunicipality: [],
  openingsByType: [],
  placementsByType: [],
  placementsBySection: [],
  placementsByMunicipality: [],
  outcomes: [],
  companies: [],
  engagement: { withOpenings: 0, taking: 0, repeat: 0 },
};

describe("company report figures", () => {
  it("count job, wage subsidy, IGU and education as moving on; an unpaid internship or 'closer' not", () => {
    expect([...placementMovedOnTypes].sort()).toEqual([
      "education",
      "igu",
      "job_full_time",
      "job_part_time",
      "wage_subsidy",
    ]);
    expect(isMovedOn("wage_subsidy")).toBe(true);
    expect(isMovedOn("internship_unpaid")).toBe(false);
    expect(isMovedOn("closer_to_job")).toBe(false);
    expect(isMovedOn(null)).toBe(false);
  });

  it("an empty period shows zeros and no shares", () => {
    const r = computeCompanyReport(empty);
    expect(r.totals.ended).toEqual({ kind: "value", value: 0, n: 0 });
    expect(r.totals.movedOnShare).toEqual({ kind: "none" });
    expect(r.engagement.openingsPerCompany).toBeNull();
    expect(r.outcomes.every((o) => o.share.kind === "none")).toBe(true);
  });

  it("shows openings and places as they are, and placements under the small-group rule", () => {
    const r = computeCompanyReport({
      ...empty,
      openingsByType: [
        { key: "internship", openings: 3, places: 4, openPlaces: 1 },
        { key: "igu", openings: 1, places: 1, openPlaces: 0 },
      ],
      placementsByType: [
        { key: "internship", started: 12, running: 2, ended: 9, movedOn: 6 },
        { key: "igu", started: 2, running: 2, ended: 0, movedOn: 0 },
        { key: "wage_subsidy", started: 6, running: 6, ended: 0, movedOn: 0 },
      ],
      outcomes: [
        { type: "wage_subsidy", n: 5 },
        { type: "job_full_time", n: 1 },
        { type: "internship_unpaid", n: 3 },
      ],
      engagement: { withOpenings: 2, taking: 4, repeat: 1 },
    });
    expect(r.totals.openings).toBe(4);
    expect(r.totals.places).toBe(5);
    expect(r.totals.started).toEqual(countCell(20));
    expect(r.totals.movedOnShare).toEqual({ kind: "value", value: 6 / 9, n: 9 });
    expect(r.engagement).toEqual({ withOpenings: 2, taking: 4, repeat: 1, repeatShare: 0.25, openingsPerCompany: 2 });
    // 5 of 9 ended with wage subsidy: shown
    expect(r.outcomes.find((o) => o.type === "wage_subsidy")).toEqual({
      type: "wage_subsidy",
      count: { kind: "value", value: 5, n: 9 },
      share: { kind: "value", value: 5 / 9, n: 9 },
    });
    const igu = r.placements.byType.find((x) => x.key === "igu")!;
    expect(igu.started).toEqual({ kind: "too_few" });
    // the lone too-few "started" row hides the smallest other one (wage subsidy, 6), not the internship row (12)
    expect(r.placements.byType.find((x) => x.key === "wage_subsidy")!.started).toEqual({ kind: "hidden" });
    expect(r.placements.byType.find((x) => x.key === "internship")!.started).toEqual(countCell(12));
  });

  it("hides how many citizens a company took when it is 1-4, and one neighbour when it is alone", () => {
    const r = computeCompanyReport({
      ...empty,
      companies: [
        { companyId: 1, name: "Stål A/S", municipalityCode: 657, openings: 2, places: 6, taken: 6 },
        { companyId: 2, name: "Pleje ApS", municipalityCode: 657, openings: 1, places: 2, taken: 2 },
        { companyId: 3, name: "Hotel Fjord", municipalityCode: 390, openings: 1, places: 9, taken: 8 },
        { companyId: 4, name: "Bus A/S", municipalityCode: 621, openings: 1, places: 1, taken: 0 },
      ],
    });
    expect(r.companies.map((c) => [c.name, c.taken.kind])).toEqual([
      ["Hotel Fjord", "value"],
      ["Stål A/S", "hidden"],
      ["Pleje ApS", "too_few"],
      ["Bus A/S", "value"],
    ]);
    expect(r.companies[3].taken).toEqual(countCell(0));
  });

  it("suppression leaves a column alone with no or several small cells", () => {
    const rows: { k: string; c: Cell }[] = [
      { k: "a", c: countCell(2) },
      { k: "b", c: countCell(3) },
      { k: "c", c: countCell(9) },
    ];
    suppressLone(
      rows,
      (r) => r.c,
      (r, c) => {
        r.c = c;
      },
      (r) => r.k,
    );
    expect(rows.map((r) => r.c.kind)).toEqual(["too_few", "too_few", "value"]);
  });
});
