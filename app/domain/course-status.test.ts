import { describe, expect, it } from "vitest";
import { allowedEvents, canApply, IllegalCourseTransition, isClosed, nextStatus } from "./course-status";
import { courseStatuses } from "./enums";

describe("course state machine", () => {
  it("walks the happy path", () => {
    let s = nextStatus("proposed", "approve");
    expect(s).toBe("approved");
    s = nextStatus(s, "start");
    expect(s).toBe("active");
    s = nextStatus(s, "pause");
    expect(s).toBe("paused");
    s = nextStatus(s, "resume");
    expect(s).toBe("active");
    expect(nextStatus(s, "extend")).toBe("active");
    expect(nextStatus(s, "complete")).toBe("completed");
  });

  it("rejects illegal transitions", () => {
    expect(() => nextStatus("proposed", "start")).toThrow(IllegalCourseTransition);
    expect(() => nextStatus("approved", "complete")).toThrow(IllegalCourseTransition);
    expect(() => nextStatus("active", "resume")).toThrow(/cannot resume/);
    expect(() => nextStatus("paused", "pause")).toThrow(IllegalCourseTransition);
  });

  it("closed courses are final", () => {
    for (const s of ["completed", "ended_early"] as const) {
      expect(isClosed(s)).toBe(true);
      expect(allowedEvents(s)).toEqual([]);
      expect(() => nextStatus(s, "extend")).toThrow();
      expect(() => nextStatus(s, "end_early")).toThrow();
    }
  });

  it("every status has a defined set of events; only running courses can be extended", () => {
    for (const s of courseStatuses) {
      expect(canApply(s, "extend")).toBe(s === "active" || s === "paused");
    }
    expect(allowedEvents("active").sort()).toEqual(["complete", "end_early", "extend", "pause"]);
    expect(allowedEvents("approved").sort()).toEqual(["end_early", "start"]);
  });
});
