import { describe, expect, it } from "vitest";
import {
  acceptsProposals,
  endsWithOutcome,
  IllegalTransition,
  initialPlacementStatus,
  openingMachine,
  openingStatusForPlaces,
  placementMachine,
  proposalMachine,
} from "./placement-status";
import { openingStatuses, placementStatuses, proposalStatuses } from "./enums";

describe("placement state machine", () => {
  it("walks planned → active → completed, or ends early", () => {
    expect(placementMachine.next("planned", "start")).toBe("active");
    expect(placementMachine.next("active", "complete")).toBe("completed");
    expect(placementMachine.next("active", "end_early")).toBe("ended_early");
    expect(placementMachine.next("planned", "cancel")).toBe("cancelled");
  });
  it("refuses what does not follow", () => {
    expect(() => placementMachine.next("planned", "complete")).toThrow(IllegalTransition);
    expect(() => placementMachine.next("active", "cancel")).toThrow(/placement that is active cannot cancel/);
    expect(() => placementMachine.next("active", "start")).toThrow(IllegalTransition);
  });
  it("ended, completed and cancelled placements are final", () => {
    for (const s of ["completed", "ended_early", "cancelled"] as const) expect(placementMachine.allowed(s)).toEqual([]);
    for (const s of placementStatuses)
      for (const e of placementMachine.allowed(s)) expect(() => placementMachine.next(s, e)).not.toThrow();
  });
  it("records an outcome when it ends, not when it is cancelled", () => {
    expect(endsWithOutcome("complete")).toBe(true);
    expect(endsWithOutcome("end_early")).toBe(true);
    expect(endsWithOutcome("cancel")).toBe(false);
    expect(endsWithOutcome("start")).toBe(false);
  });
  it("starts at once when accepted with a start today or earlier, else is planned", () => {
    expect(initialPlacementStatus("2026-03-01", "2026-03-01")).toBe("active");
    expect(initialPlacementStatus("2026-02-20", "2026-03-01")).toBe("active");
    expect(initialPlacementStatus("2026-03-02", "2026-03-01")).toBe("planned");
  });
});

describe("proposal state machine", () => {
  it("is answered once: accepted, declined or withdrawn", () => {
    expect(proposalMachine.next("proposed", "accept")).toBe("accepted");
    expect(proposalMachine.next("proposed", "decline")).toBe("declined");
    expect(proposalMachine.next("proposed", "withdraw")).toBe("withdrawn");
    for (const s of proposalStatuses.filter((x) => x !== "proposed")) expect(proposalMachine.allowed(s)).toEqual([]);
    expect(() => proposalMachine.next("declined", "accept")).toThrow(IllegalTransition);
  });
});

describe("opening state machine", () => {
  it("confirms a mentor's tip, fills, reopens and closes", () => {
    expect(openingMachine.next("proposed", "confirm")).toBe("open");
    expect(openingMachine.next("open", "fill")).toBe("filled");
    expect(openingMachine.next("filled", "reopen")).toBe("open");
    expect(openingMachine.next("open", "close")).toBe("closed");
    expect(openingMachine.next("closed", "reopen")).toBe("open");
    expect(() => openingMachine.next("closed", "fill")).toThrow(IllegalTransition);
    expect(() => openingMachine.next("open", "confirm")).toThrow(IllegalTransition);
    for (const s of openingStatuses) expect(openingMachine.allowed(s).length).toBeGreaterThan(0);
  });
  it("takes proposals only while open", () => {
    expect(openingStatuses.filter(acceptsProposals)).toEqual(["open"]);
  });
  it("fills when every place is taken and opens again when one is free", () => {
    expect(openingStatusForPlaces("open", 2, 1)).toBe("open");
    expect(openingStatusForPlaces("open", 2, 2)).toBe("filled");
    expect(openingStatusForPlaces("filled", 2, 1)).toBe("open");
    expect(openingStatusForPlaces("closed", 2, 0)).toBe("closed");
    expect(openingStatusForPlaces("proposed", 1, 1)).toBe("proposed");
  });
});
