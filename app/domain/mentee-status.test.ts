import { describe, expect, it } from "vitest";
import { menteeStatuses } from "./enums";
import {
  canMenteeTransition,
  initialMenteeStatus,
  menteeStatusWhenCourseEnds,
  menteeTransitions,
} from "./mentee-status";
import { canWithdraw } from "./referrals";

describe("the mentee's state machine", () => {
  it("has a row for every status and names only known statuses", () => {
    expect(Object.keys(menteeTransitions).sort()).toEqual([...menteeStatuses].sort());
    for (const tos of Object.values(menteeTransitions)) for (const to of tos) expect(menteeStatuses).toContain(to);
  });
  it("starts a referral in the queue", () => {
    expect(initialMenteeStatus).toBe("waiting");
  });
  it("follows the course: waiting → matched → in course → completed or ended early", () => {
    expect(canMenteeTransition("waiting", "matched")).toBe(true);
    expect(canMenteeTransition("matched", "in_course")).toBe(true);
    expect(canMenteeTransition("in_course", "completed")).toBe(true);
    expect(canMenteeTransition("in_course", "ended_early")).toBe(true);
  });
  it("lets a citizen whose course ended early return to the queue, but not one who completed", () => {
    expect(canMenteeTransition("ended_early", "waiting")).toBe(true);
    expect(canMenteeTransition("completed", "waiting")).toBe(false);
  });
  it("skips no step: a waiting citizen is not in a course, nor completed", () => {
    expect(canMenteeTransition("waiting", "in_course")).toBe(false);
    expect(canMenteeTransition("waiting", "completed")).toBe(false);
    expect(canMenteeTransition("matched", "completed")).toBe(false);
  });
  it("allows withdrawal exactly where the referral rules do", () => {
    for (const s of menteeStatuses) {
      if (s === "withdrawn" || s === "ended_early") continue;
      expect(canMenteeTransition(s, "withdrawn"), s).toBe(canWithdraw(s));
    }
  });
  it("ends in completed and withdrawn", () => {
    expect(menteeTransitions.completed).toEqual([]);
    expect(menteeTransitions.withdrawn).toEqual([]);
  });
  it("ends a started course early when the person leaves, and withdraws a citizen whose course had not started", () => {
    expect(menteeStatusWhenCourseEnds("in_course", true)).toBe("ended_early");
    expect(menteeStatusWhenCourseEnds("in_course", false)).toBe("ended_early");
    expect(menteeStatusWhenCourseEnds("waiting", true)).toBe("withdrawn");
    expect(menteeStatusWhenCourseEnds("matched", true)).toBe("withdrawn");
  });
  it("returns a citizen to the queue when the mentor leaves before the start, and never goes from waiting to ended early", () => {
    expect(menteeStatusWhenCourseEnds("matched", false)).toBe("waiting");
    expect(menteeStatusWhenCourseEnds("waiting", false)).toBeNull();
    expect(canMenteeTransition("waiting", "ended_early")).toBe(false);
  });
  it("only ever proposes a change the machine allows", () => {
    for (const s of menteeStatuses)
      for (const leaves of [true, false]) {
        const to = menteeStatusWhenCourseEnds(s, leaves);
        if (to) expect(canMenteeTransition(s, to), `${s} → ${to}`).toBe(true);
      }
  });
});
