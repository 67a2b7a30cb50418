import { describe, expect, it } from "vitest";
import { canRequeue } from "./second-chance";

describe("second chances", () => {
  it("only after an early end the citizen did not cause", () => {
    expect(canRequeue("ended_early", { status: "ended_early", endReason: "mentor_withdrew" })).toBe(true);
    expect(canRequeue("ended_early", { status: "ended_early", endReason: "pair_mismatch" })).toBe(true);
    expect(canRequeue("ended_early", { status: "ended_early", endReason: "got_job" })).toBe(false);
    expect(canRequeue("ended_early", { status: "ended_early", endReason: "mentee_withdrew" })).toBe(false);
    expect(canRequeue("completed", { status: "completed", endReason: null })).toBe(false);
    expect(canRequeue("waiting", { status: "ended_early", endReason: "mentor_withdrew" })).toBe(false);
    expect(canRequeue("ended_early", null)).toBe(false);
  });
});
