import { describe, expect, it } from "vitest";
import { canMoveGoal, checkNewGoal, MAX_GOALS, nextGoalStatuses, reachedCount, type GoalLite } from "./goals";

const g = (o: Partial<GoalLite> = {}): GoalLite => ({ kind: "cv_danish", text: null, status: "planned", ...o });

describe("goal status", () => {
  it("moves forward and can be reopened, never back to set", () => {
    expect(canMoveGoal("planned", "in_progress")).toBe(true);
    expect(canMoveGoal("planned", "reached")).toBe(true);
    expect(canMoveGoal("in_progress", "reached")).toBe(true);
    expect(canMoveGoal("reached", "in_progress")).toBe(true);
    expect(canMoveGoal("dropped", "in_progress")).toBe(true);
    expect(canMoveGoal("reached", "planned")).toBe(false);
    expect(canMoveGoal("in_progress", "planned")).toBe(false);
    expect(canMoveGoal("reached", "dropped")).toBe(false);
    expect(canMoveGoal("reached", "reached")).toBe(true);
  });
  it("offers the current status first", () => {
    expect(nextGoalStatuses("in_progress")).toEqual(["in_progress", "reached", "dropped"]);
  });
});

describe("adding a goal", () => {
  it("allows up to five live goals; dropped ones make room", () => {
    const kinds = ["labour_market", "cv_danish", "applications", "interview_practice", "network_contacts"] as const;
    const five = kinds.map((kind) => g({ kind }));
    expect(five).toHaveLength(MAX_GOALS);
    expect(checkNewGoal(five, "placement", null)).toEqual({ ok: false, reason: "too_many" });
    expect(
      checkNewGoal([...five.slice(1), g({ kind: "labour_market", status: "dropped" })], "placement", null),
    ).toEqual({ ok: true });
  });
  it("takes a programme aim once, an own goal once per wording, and an own goal needs words", () => {
    expect(checkNewGoal([g()], "cv_danish", null)).toEqual({ ok: false, reason: "duplicate" });
    expect(checkNewGoal([g({ status: "dropped" })], "cv_danish", null)).toEqual({ ok: true });
    expect(checkNewGoal([], "own", "  ")).toEqual({ ok: false, reason: "own_needs_text" });
    expect(checkNewGoal([g({ kind: "own", text: "Kørekort" })], "own", " kørekort ")).toEqual({
      ok: false,
      reason: "duplicate",
    });
    expect(checkNewGoal([g({ kind: "own", text: "Kørekort" })], "own", "Truckcertifikat")).toEqual({ ok: true });
  });
  it("counts the goals reached", () => {
    expect(reachedCount([g({ status: "reached" }), g({ status: "dropped" }), g({ status: "reached" })])).toBe(2);
  });
});
