import { describe, expect, it } from "vitest";
import {
  commitment,
  courseMonths,
  daysWithout,
  dueActions,
  followUpDue,
  monthIndexOf,
  monthStart,
  plannedEndAfterPause,
  plannedEndFor,
} from "./commitment";
import { copenhagenDate } from "../utils/clock";

const meeting = (date: string, minutes = 60) => ({ date, minutes });

describe("course months", () => {
  it("run from the start date, not calendar months", () => {
    const m = courseMonths("2026-03-15", plannedEndFor("2026-03-15"));
    expect(m).toHaveLength(6);
    expect(m[0]).toEqual({ from: "2026-03-15", to: "2026-04-15" });
    expect(m[5]).toEqual({ from: "2026-08-15", to: "2026-09-15" });
  });

  it("clamp a start on the 31st without drifting", () => {
    const m = courseMonths("2026-01-31", plannedEndFor("2026-01-31"));
    expect(m.map((x) => x.from)).toEqual([
      "2026-01-31",
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
    ]);
    expect(m[5].to).toBe("2026-07-31");
  });

  it("handle leap years", () => {
    expect(monthStart("2028-01-31", 1)).toBe("2028-02-29");
    expect(monthStart("2028-02-29", 12)).toBe("2029-02-28");
    expect(courseMonths("2027-09-29", plannedEndFor("2027-09-29")).map((x) => x.from)).toContain("2028-02-29");
  });

  it("are not affected by daylight saving time (calendar dates only)", () => {
    // DST starts 29 March 2026 and ends 25 October 2026 in Copenhagen.
    const m = courseMonths("2026-03-28", plannedEndFor("2026-03-28"));
    expect(m[0]).toEqual({ from: "2026-03-28", to: "2026-04-28" });
    expect(m[6 - 1].from).toBe("2026-08-28");
    const c = courseMonths("2026-10-24", plannedEndFor("2026-10-24"));
    expect(c[1].from).toBe("2026-11-24");
    // Copenhagen's date just after midnight on DST days.
    expect(copenhagenDate(new Date("2026-03-28T23:30:00Z"))).toBe("2026-03-29");
    expect(copenhagenDate(new Date("2026-10-24T22:30:00Z"))).toBe("2026-10-25");
    expect(copenhagenDate(new Date("2026-10-25T22:30:00Z"))).toBe("2026-10-25");
  });

  it("are moved by pauses that began before them", () => {
    const pauses = [{ fromDate: "2026-02-20", toDate: "2026-03-06" }]; // 14 days in month 2
    const m = courseMonths("2026-01-10", "2026-07-24", pauses);
    expect(m.map((x) => x.from)).toEqual([
      "2026-01-10",
      "2026-02-10",
      "2026-03-24",
      "2026-04-24",
      "2026-05-24",
      "2026-06-24",
    ]);
    expect(plannedEndAfterPause("2026-07-10", pauses[0])).toBe("2026-07-24");
  });

  it("an open pause moves the plan while it lasts", () => {
    const pauses = [{ fromDate: "2026-02-20", toDate: null }];
    expect(monthStart("2026-01-10", 2, pauses, "2026-03-02")).toBe("2026-03-20");
    expect(monthStart("2026-01-10", 2, pauses, "2026-03-12")).toBe("2026-03-30");
  });

  it("an extension adds months", () => {
    const m = courseMonths("2026-01-31", "2026-09-30");
    expect(m).toHaveLength(8);
    expect(m[7]).toEqual({ from: "2026-08-31", to: "2026-09-30" });
  });

  it("place a date in its course month", () => {
    const m = courseMonths("2026-01-31", plannedEndFor("2026-01-31"));
    expect(monthIndexOf("2026-01-30", m)).toBeNull();
    expect(monthIndexOf("2026-02-27", m)).toBe(1);
    expect(monthIndexOf("2026-02-28", m)).toBe(2);
    expect(monthIndexOf("2026-07-30", m)).toBe(6);
  });
});

describe("commitment", () => {
  const base = { startDate: "2026-01-05", plannedEndDate: "2026-07-05" };

  it("counts logged hours per course month against 4 and in total against 24", () => {
    const c = commitment(
      { ...base, meetings: [meeting("2026-01-05", 120), meeting("2026-01-20", 120), meeting("2026-02-10", 90)] },
      "2026-02-15",
    );
    expect(c.totalTarget).toBe(24);
    expect(c.totalLogged).toBe(5.5);
    expect(c.months.map((m) => m.loggedHours)).toEqual([4, 1.5, 0, 0, 0, 0]);
    expect(c.months.map((m) => m.state)).toEqual(["past", "current", "future", "future", "future", "future"]);
    expect(c.expectedToDate).toBe(4);
    expect(c.dueThisMonth).toBe(2.5);
    expect(c.status).toBe("on_track");
  });

  it("is behind under 75 % of the completed months' target", () => {
    const c = commitment(
      { ...base, meetings: [meeting("2026-01-06", 60), meeting("2026-02-06", 60), meeting("2026-03-06", 60)] },
      "2026-03-10",
    );
    expect(c.expectedToDate).toBe(8);
    expect(c.loggedInCompletedMonths).toBe(2);
    expect(c.status).toBe("behind");
  });

  it("reports no contact after 21 days without a meeting, before anything else", () => {
    const c = commitment({ ...base, meetings: [meeting("2026-01-06", 600)] }, "2026-01-27");
    expect(c.daysWithoutContact).toBe(21);
    expect(c.status).toBe("no_contact");
    expect(commitment({ ...base, meetings: [meeting("2026-01-06", 600)] }, "2026-01-26").status).toBe("on_track");
  });

  it("counts from the start when no meeting is logged", () => {
    expect(commitment(base, "2026-01-20").daysWithoutContact).toBe(15);
    expect(commitment(base, "2026-01-04").status).toBe("not_started");
  });

  it("is paused during a pause and does not count paused days as silence", () => {
    const pauses = [{ fromDate: "2026-01-10", toDate: null }];
    expect(commitment({ ...base, pauses, paused: true }, "2026-03-01").status).toBe("paused");
    expect(daysWithout("2026-01-05", null, "2026-02-20", [{ fromDate: "2026-01-10", toDate: "2026-02-10" }])).toBe(15);
  });

  it("is ended after the end date, and ignores time after it", () => {
    const c = commitment({ ...base, endedOn: "2026-03-01", meetings: [meeting("2026-01-06", 240)] }, "2026-06-01");
    expect(c.status).toBe("ended");
    expect(c.months.filter((m) => m.state === "past")).toHaveLength(1);
  });

  it("an extension raises the total target", () => {
    expect(commitment({ ...base, plannedEndDate: "2026-09-05" }, "2026-02-01").totalTarget).toBe(32);
  });
});

describe("follow-up calls", () => {
  it("a start-of-course call first, then every 4-6 weeks", () => {
    expect(followUpDue("2026-01-05", [], "2026-01-05")).toMatchObject({ state: "due", kind: "start" });
    expect(followUpDue("2026-01-05", [], "2026-01-12")).toMatchObject({ state: "overdue" });
    expect(followUpDue("2026-01-05", ["2026-01-08"], "2026-02-04")).toMatchObject({
      state: "not_due",
      dueOn: "2026-02-05",
      kind: "regular",
    });
    expect(followUpDue("2026-01-05", ["2026-01-08"], "2026-02-05").state).toBe("due");
    expect(followUpDue("2026-01-05", ["2026-01-08", "2026-02-10"], "2026-03-24")).toMatchObject({
      state: "overdue",
      overdueOn: "2026-03-24",
    });
  });
});

describe("scheduler decisions", () => {
  const course = { id: 7, status: "active" as const, startDate: "2026-01-05", plannedEndDate: "2026-07-05" };

  it("a monthly reminder in the first week of each course month after the first", () => {
    const kinds = (day: string, meetings = [meeting(day)]) =>
      dueActions({ ...course, meetings }, day).map((a) => a.key);
    expect(kinds("2026-01-06")).toEqual([]);
    expect(kinds("2026-02-05")).toContain("course:7:month:2:reminder");
    expect(kinds("2026-02-11")).toContain("course:7:month:2:reminder");
    expect(kinds("2026-02-12")).not.toContain("course:7:month:2:reminder");
  });

  it("nudges the mentor after 3 weeks and flags the coordinator after 5, once per silence", () => {
    const meetings = [meeting("2026-01-06")];
    const at = (day: string) => dueActions({ ...course, meetings }, day).map((a) => a.kind);
    expect(at("2026-01-26")).not.toContain("mentor_nudge");
    expect(at("2026-01-27")).toContain("mentor_nudge");
    expect(at("2026-02-09")).not.toContain("coordinator_flag");
    expect(at("2026-02-10")).toContain("coordinator_flag");
    const keys = (day: string) =>
      dueActions({ ...course, meetings }, day)
        .filter((a) => a.kind === "mentor_nudge")
        .map((a) => a.key);
    expect(keys("2026-01-27")).toEqual(keys("2026-02-20"));
  });

  it("prompts the end two weeks before the planned end, again after an extension", () => {
    const at = (day: string, plannedEndDate = course.plannedEndDate) =>
      dueActions({ ...course, plannedEndDate, meetings: [meeting(day)] }, day)
        .filter((a) => a.kind === "end_prompt")
        .map((a) => a.key);
    expect(at("2026-06-20")).toEqual([]);
    expect(at("2026-06-21")).toEqual(["course:7:endprompt:2026-07-05"]);
    expect(at("2026-07-05")).toEqual([]);
    expect(at("2026-08-25", "2026-09-05")).toEqual(["course:7:endprompt:2026-09-05"]);
  });

  it("asks for the day-30 survey from day 30", () => {
    const at = (day: string) => dueActions({ ...course, meetings: [meeting(day)] }, day).map((a) => a.kind);
    expect(at("2026-02-03")).not.toContain("day30_survey");
    expect(at("2026-02-04")).toContain("day30_survey");
  });

  it("prompts the follow-up outcome 3 months after the end until it is registered", () => {
    const closed = { ...course, status: "completed" as const, endedOn: "2026-07-05" };
    expect(dueActions(closed, "2026-10-04")).toEqual([]);
    expect(dueActions(closed, "2026-10-05")).toEqual([{ kind: "followup_outcome_prompt", key: "course:7:followup3m" }]);
    expect(dueActions({ ...closed, hasFollowUpOutcome: true }, "2026-10-05")).toEqual([]);
  });

  it("sends nothing for paused or not yet started courses", () => {
    expect(dueActions({ ...course, status: "paused" }, "2026-03-01")).toEqual([]);
    expect(dueActions({ ...course, startDate: "2026-04-01", plannedEndDate: "2026-10-01" }, "2026-03-01")).toEqual([]);
  });
});
