import { describe, expect, it } from "vitest";
import {
  demandCells,
  lastMonths,
  monthEnd,
  parseRecruitmentSource,
  recruitmentPath,
  recruitmentSource,
  shortages,
  totalsBy,
} from "./demand";

const places = [
  { code: 751, regionCode: 1082 },
  { code: 730, regionCode: 1082 },
  { code: 101, regionCode: 1084 },
];

describe("demand cells", () => {
  const cells = demandCells(
    [
      { section: "Q", municipalityCode: 751, waiting: 5, oldestReferredAt: "2026-01-02T10:00:00Z" },
      { section: "Q", municipalityCode: 730, waiting: 2, oldestReferredAt: "2026-03-02T10:00:00Z" },
      { section: "F", municipalityCode: 101, waiting: 1, oldestReferredAt: "2026-05-02T10:00:00Z" },
    ],
    [
      { section: "Q", municipalityCode: 751, freeMentors: 1 },
      { section: "F", municipalityCode: 101, freeMentors: 3 },
      { section: "Q", municipalityCode: 101, freeMentors: 2 },
    ],
    [{ section: "Q", municipalityCode: 751, openPlaces: 4 }],
    places,
  );

  it("joins demand, supply and open places into one cell per section and municipality", () => {
    expect(cells.map((c) => [c.section, c.municipalityCode, c.waiting, c.freeMentors, c.openPlaces, c.gap])).toEqual([
      ["F", 101, 1, 3, 0, 0],
      ["Q", 101, 0, 2, 0, 0],
      ["Q", 730, 2, 0, 0, 2],
      ["Q", 751, 5, 1, 4, 4],
    ]);
    expect(cells.find((c) => c.municipalityCode === 730)!.regionCode).toBe(1082);
  });

  it("lists shortages biggest gap first", () => {
    expect(shortages(cells).map((c) => `${c.section}${c.municipalityCode}:${c.gap}`)).toEqual(["Q751:4", "Q730:2"]);
  });

  it("sums regions by their cells' gaps: a free mentor elsewhere does not close a gap", () => {
    const regions = totalsBy(cells, "region");
    expect(regions).toEqual([
      { key: "1082", waiting: 7, freeMentors: 1, openPlaces: 4, gap: 6 },
      { key: "1084", waiting: 1, freeMentors: 5, openPlaces: 0, gap: 0 },
    ]);
    expect(totalsBy(cells, "section").map((t) => [t.key, t.gap])).toEqual([
      ["F", 0],
      ["Q", 6],
    ]);
  });
});

describe("recruitment links", () => {
  it("round-trips the source and builds the public link", () => {
    expect(recruitmentSource("Q", 751)).toBe("Q-751");
    expect(recruitmentSource("F", 85)).toBe("F-085");
    expect(parseRecruitmentSource("Q-751")).toEqual({ section: "Q", municipalityCode: 751 });
    for (const bad of ["", "q-751", "Q751", "Z-751", "Q-75", "Q-751x", null, undefined])
      expect(parseRecruitmentSource(bad)).toBeNull();
    expect(recruitmentPath("Q", 751)).toBe("/bliv-mentor?branche=Q&kommune=751");
  });
});

describe("months", () => {
  it("gives the last months oldest first across a year end, and month ends", () => {
    expect(lastMonths("2026-02-15", 4)).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthEnd("2026-02")).toBe("2026-02-28");
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2025-12")).toBe("2025-12-31");
  });
});
