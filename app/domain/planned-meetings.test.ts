import { describe, expect, it } from "vitest";
import {
  awaitsLogging,
  canMove,
  changeable,
  checkPlannedTime,
  instantOf,
  isAllowedHour,
  localDateTime,
  reminderAt,
  reminderDay,
} from "./planned-meetings";

const at = (iso: string) => new Date(iso);

describe("Copenhagen wall-clock times and instants", () => {
  it("reads a winter and a summer time with their offsets", () => {
    expect(instantOf("2026-01-15", "10:00")).toEqual(at("2026-01-15T09:00:00Z"));
    expect(instantOf("2026-07-01", "10:00")).toEqual(at("2026-07-01T08:00:00Z"));
    expect(localDateTime("2026-07-01T08:00:00Z")).toEqual({ date: "2026-07-01", time: "10:00" });
  });
  it("around the spring change: 02:30 on 29 March 2026 does not exist, 03:30 is summer time", () => {
    expect(instantOf("2026-03-29", "02:30")).toBeNull();
    expect(instantOf("2026-03-29", "03:30")).toEqual(at("2026-03-29T01:30:00Z"));
    expect(instantOf("2026-03-29", "01:30")).toEqual(at("2026-03-29T00:30:00Z"));
  });
  it("around the autumn change: 02:30 on 25 October 2026 happens twice, the winter-time one is meant", () => {
    expect(instantOf("2026-10-25", "02:30")).toEqual(at("2026-10-25T01:30:00Z"));
    expect(instantOf("2026-10-25", "10:00")).toEqual(at("2026-10-25T09:00:00Z"));
  });
  it("refuses what is not a date or a time", () => {
    expect(instantOf("2026-02-30", "10:00")).toBeNull();
    expect(instantOf("2026-01-15", "24:00")).toBeNull();
    expect(instantOf("2026-01-15", "9:00")).toBeNull();
  });
});

describe("the reminder: the day before, at an allowed hour", () => {
  const now = at("2026-01-01T12:00:00Z");
  it("goes at 17:00 Copenhagen the day before (winter: 16:00Z)", () => {
    expect(reminderAt(at("2026-01-15T09:00:00Z"), now)).toEqual(at("2026-01-14T16:00:00Z"));
  });
  it("the day before a meeting just after the spring change is still winter time", () => {
    // Meeting Monday 30 March 10:00 (+02:00); the day before is Sunday 29 March, already summer time: 17:00 = 15:00Z.
    expect(reminderAt(instantOf("2026-03-30", "10:00")!, now)).toEqual(at("2026-03-29T15:00:00Z"));
    // Meeting Sunday 29 March 10:00 (+02:00): the reminder is Saturday 28 March 17:00 (+01:00) = 16:00Z.
    expect(reminderAt(instantOf("2026-03-29", "10:00")!, now)).toEqual(at("2026-03-28T16:00:00Z"));
  });
  it("across the autumn change", () => {
    // Meeting Monday 26 October 09:00 (+01:00); Sunday 25 October 17:00 is winter time: 16:00Z.
    expect(reminderAt(instantOf("2026-10-26", "09:00")!, now)).toEqual(at("2026-10-25T16:00:00Z"));
    // Meeting Sunday 25 October 09:00; Saturday 24 October 17:00 is still summer time: 15:00Z.
    expect(reminderAt(instantOf("2026-10-25", "09:00")!, now)).toEqual(at("2026-10-24T15:00:00Z"));
  });
  it("is always at an allowed hour", () => {
    for (let d = 0; d < 400; d += 7) {
      for (const h of ["00:15", "08:00", "12:30", "20:45", "23:59"]) {
        const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
        const startsAt = instantOf(day, h)!;
        const r = reminderAt(startsAt, now);
        if (r) expect(isAllowedHour(r), `${day} ${h}`).toBe(true);
      }
    }
  });
  it("planned late: as soon as an SMS may go, or not at all when too close", () => {
    // Planned at 19:00 local for tomorrow 10:00: the 17:00 slot has passed, so at once.
    expect(reminderAt(at("2026-01-15T09:00:00Z"), at("2026-01-14T18:00:00Z"))).toEqual(at("2026-01-14T18:00:00Z"));
    // Planned at 22:00 local for tomorrow 12:00: the next allowed hour is 08:00 tomorrow, four hours before: enough.
    expect(reminderAt(at("2026-01-15T11:00:00Z"), at("2026-01-14T21:00:00Z"))).toEqual(at("2026-01-15T07:00:00Z"));
    // Planned at 22:00 for tomorrow 10:00: 08:00 leaves two hours, too little: no reminder.
    expect(reminderAt(at("2026-01-15T09:00:00Z"), at("2026-01-14T21:00:00Z"))).toBeNull();
  });
  it("the day whose daily job queues it is the day before", () => {
    expect(reminderDay(instantOf("2026-03-30", "00:30")!)).toBe("2026-03-29");
    expect(reminderDay(at("2026-01-15T23:30:00Z"))).toBe("2026-01-15"); // 00:30 on the 16th locally
  });
});

describe("a planned meeting's life", () => {
  const m = { status: "planned" as const, startsAt: "2026-01-15T09:00:00Z", minutes: 60 };
  it("can be changed or cancelled until it begins", () => {
    expect(changeable(m, at("2026-01-15T08:59:00Z"))).toBe(true);
    expect(changeable(m, at("2026-01-15T09:00:00Z"))).toBe(false);
    expect(changeable({ ...m, status: "cancelled" }, at("2026-01-01T00:00:00Z"))).toBe(false);
  });
  it("waits for the mentor once it has ended, for a while", () => {
    expect(awaitsLogging(m, at("2026-01-15T09:59:00Z"))).toBe(false);
    expect(awaitsLogging(m, at("2026-01-15T10:00:00Z"))).toBe(true);
    expect(awaitsLogging(m, at("2026-03-20T10:00:00Z"))).toBe(false);
    expect(awaitsLogging({ ...m, status: "held" }, at("2026-01-16T10:00:00Z"))).toBe(false);
  });
  it("held, missed and cancelled are final", () => {
    expect(canMove("planned", "held")).toBe(true);
    expect(canMove("planned", "planned")).toBe(true);
    expect(canMove("held", "missed")).toBe(false);
    expect(canMove("cancelled", "planned")).toBe(false);
  });
  it("a planned time must exist, lie ahead and not too far", () => {
    const now = at("2026-03-01T12:00:00Z");
    expect(checkPlannedTime("2026-03-29", "02:30", now)).toEqual({ ok: false, field: "time", reason: "no_such_time" });
    expect(checkPlannedTime("2026-03-01", "12:00", now)).toEqual({ ok: false, field: "date", reason: "past" });
    expect(checkPlannedTime("2026-12-01", "12:00", now)).toEqual({ ok: false, field: "date", reason: "too_far" });
    expect(checkPlannedTime("2026-03-02", "10:00", now)).toEqual({ ok: true, startsAt: at("2026-03-02T09:00:00Z") });
  });
});
