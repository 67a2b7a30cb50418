import { describe, expect, it } from "vitest";
import {
  actionsFor,
  allowedEvents,
  canAct,
  canApply,
  courseStage,
  courseStages,
  hasBegun,
  IllegalCourseTransition,
  isClosed,
  nextStatus,
  type CourseEvent,
  type CourseStage,
  type StageInput,
} from "./course-status";
import { courseStatuses } from "./enums";

const TODAY = "2025-03-10";
const events: CourseEvent[] = ["approve", "start", "pause", "resume", "complete", "end_early", "extend", "cancel"];

/** One course in each stage. */
const sample: Record<CourseStage, StageInput> = {
  proposed: { status: "proposed", startDate: null },
  awaiting_start: { status: "approved", startDate: null },
  starts_later: { status: "active", startDate: "2025-03-20" },
  running: { status: "active", startDate: "2025-01-02" },
  paused: { status: "paused", startDate: "2025-01-02" },
  completed: { status: "completed", startDate: "2024-06-01" },
  ended_early: { status: "ended_early", startDate: "2024-06-01" },
};

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
    expect(() => nextStatus("approved", "end_early")).toThrow(IllegalCourseTransition);
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

  it("only running courses can be extended", () => {
    for (const s of courseStatuses) expect(canApply(s, "extend")).toBe(s === "active" || s === "paused");
  });

  it("derives every stage from status and start date", () => {
    for (const stage of courseStages) expect(courseStage(sample[stage], TODAY)).toBe(stage);
    expect(courseStage({ status: "active", startDate: TODAY }, TODAY)).toBe("running");
    expect(courseStage({ status: "active", startDate: null }, TODAY)).toBe("awaiting_start");
    for (const s of courseStatuses)
      expect(courseStages).toContain(courseStage({ status: s, startDate: "2025-01-01" }, TODAY));
  });

  it("walks every stage: the actions shown are exactly the legal ones, and each leads to a known stage", () => {
    const expected: Record<CourseStage, CourseEvent[]> = {
      proposed: ["cancel"],
      awaiting_start: ["start", "cancel"],
      starts_later: ["start", "cancel"],
      running: ["pause", "extend", "complete", "end_early"],
      paused: ["resume", "extend", "complete", "end_early"],
      completed: [],
      ended_early: [],
    };
    for (const stage of courseStages) {
      const c = sample[stage];
      expect(actionsFor(c, TODAY), stage).toEqual(expected[stage]);
      for (const e of events) {
        const shown = actionsFor(c, TODAY).includes(e);
        expect(canAct(c, e, TODAY), `${stage} ${e}`).toBe(shown);
        if (shown)
          expect(courseStages).toContain(
            courseStage({ status: nextStatus(c.status, e), startDate: c.startDate }, TODAY),
          );
      }
    }
  });

  it("a course that has not begun offers no end, no completion and no pause", () => {
    for (const stage of ["proposed", "awaiting_start", "starts_later"] as const) {
      expect(hasBegun(sample[stage], TODAY)).toBe(false);
      for (const e of ["complete", "end_early", "pause", "extend"] as const)
        expect(canAct(sample[stage], e, TODAY)).toBe(false);
    }
    for (const stage of ["running", "paused", "completed", "ended_early"] as const)
      expect(hasBegun(sample[stage], TODAY)).toBe(true);
  });

  it("reaches every stage from a proposal", () => {
    const seen = new Set<CourseStage>();
    const queue: { c: StageInput; day: string }[] = [{ c: sample.proposed, day: TODAY }];
    while (queue.length) {
      const { c, day } = queue.shift()!;
      const stage = courseStage(c, day);
      if (seen.has(stage)) continue;
      seen.add(stage);
      for (const e of [...actionsFor(c, day), ...(c.status === "proposed" ? ["approve" as const] : [])]) {
        const status = nextStatus(c.status, e);
        if (e === "start") {
          queue.push({ c: { status, startDate: "2025-03-20" }, day });
          queue.push({ c: { status, startDate: day }, day });
        } else queue.push({ c: { status, startDate: e === "cancel" ? null : c.startDate }, day });
      }
    }
    expect([...seen].sort()).toEqual([...courseStages].sort());
  });
});
