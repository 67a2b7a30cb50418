import { describe, expect, it } from "vitest";
import { mergeHistory, type HistoryCourse, type HistoryPlacement } from "./citizen-history";

const course = (id: number, startDate: string): HistoryCourse => ({
  kind: "course",
  id,
  status: "completed",
  startDate,
  endedOn: null,
  outcome: "internship_unpaid",
});
const placement = (id: number, startDate: string): HistoryPlacement => ({
  kind: "placement",
  id,
  status: "active",
  startDate,
  endedOn: null,
  outcome: null,
  type: "internship",
  companyName: "Stål A/S",
  occupation: "Svejser",
});

describe("a citizen's history", () => {
  it("shows courses and placements together, newest first", () => {
    const h = mergeHistory(
      [course(1, "2025-01-10"), course(2, "2025-09-01")],
      [placement(7, "2025-06-01"), placement(8, "2025-09-01")],
    );
    expect(h.map((x) => `${x.kind}:${x.id}`)).toEqual(["placement:8", "course:2", "placement:7", "course:1"]);
  });
  it("is empty for a citizen with neither", () => {
    expect(mergeHistory([], [])).toEqual([]);
  });
});
