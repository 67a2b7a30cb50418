import { describe, expect, it } from "vitest";
import { mentorStatuses } from "./enums";
import {
  assertTransition,
  availableActions,
  canTransition,
  IllegalTransition,
  isMatchable,
  missingForApproval,
  onLeave,
} from "./mentor-status";

describe("mentor state machine", () => {
  it("follows the journey applied → screening → approved → active → approved", () => {
    expect(canTransition("applied", "screening")).toBe(true);
    expect(canTransition("screening", "approved")).toBe(true);
    expect(canTransition("approved", "active")).toBe(true);
    expect(canTransition("active", "approved")).toBe(true);
  });
  it.each([
    ["applied", "approved"],
    ["applied", "active"],
    ["rejected", "approved"],
    ["screening", "active"],
    ["rejected", "active"],
    ["approved", "screening"],
    ["approved", "rejected"],
  ] as const)("refuses %s → %s", (from, to) => {
    expect(canTransition(from, to)).toBe(false);
    expect(() => assertTransition(from, to)).toThrow(IllegalTransition);
  });
  it("never allows a status to follow itself", () => {
    for (const s of mentorStatuses) expect(canTransition(s, s)).toBe(false);
  });
  it("offers approve only during screening", () => {
    expect(availableActions("applied", false)).toEqual(["start_screening", "reject", "retire"]);
    expect(availableActions("screening", false)).toEqual(["approve", "reject", "retire"]);
    expect(availableActions("approved", false)).toEqual(["pause", "retire"]);
  });
  it("resumes a paused mentor with a mentee as active", () => {
    expect(availableActions("paused", true)).toContain("resume");
    expect(availableActions("paused", false)).toContain("resume");
  });
  it("requires the screening call, introduction and confidentiality declaration before approval", () => {
    expect(missingForApproval([])).toEqual(["screening_call", "introduction", "confidentiality_declaration"]);
    expect(missingForApproval(["screening_call", "introduction", "confidentiality_declaration"])).toEqual([]);
    expect(missingForApproval(["criminal_record_check", "introduction"])).toEqual([
      "screening_call",
      "confidentiality_declaration",
    ]);
  });
});

describe("matchable", () => {
  const base = {
    status: "approved" as const,
    capacity: 1,
    openCourses: 0,
    pausedFrom: null,
    pausedTo: null,
    introductionReadAt: "2026-11-01T10:00:00.000Z" as string | null,
  };
  it("is true for an approved mentor with room", () => expect(isMatchable(base, "2026-11-23")).toBe(true));
  it("is false until the mentor has read the introduction (issue 21)", () =>
    expect(isMatchable({ ...base, introductionReadAt: null }, "2026-11-23")).toBe(false));
  it("is false at capacity", () => expect(isMatchable({ ...base, openCourses: 1 }, "2026-11-23")).toBe(false));
  it("is true for an active mentor with a second place", () =>
    expect(isMatchable({ ...base, status: "active", capacity: 2, openCourses: 1 }, "2026-11-23")).toBe(true));
  it.each(["applied", "screening", "paused", "rejected", "retired"] as const)("is false when %s", (status) =>
    expect(isMatchable({ ...base, status }, "2026-11-23")).toBe(false),
  );
  it("is false during a leave, inclusive of both ends, and true after it", () => {
    const m = { ...base, pausedFrom: "2026-11-20", pausedTo: "2026-11-30" };
    expect(isMatchable(m, "2026-11-20")).toBe(false);
    expect(isMatchable(m, "2026-11-30")).toBe(false);
    expect(isMatchable(m, "2026-12-01")).toBe(true);
    expect(isMatchable(m, "2026-11-19")).toBe(true);
  });
  it("treats a leave without an end as open-ended", () => {
    expect(onLeave({ pausedFrom: "2026-01-01", pausedTo: null }, "2030-01-01")).toBe(true);
  });
});
