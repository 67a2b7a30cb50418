import { describe, expect, it } from "vitest";
import { addDays, addMonths, copenhagenDate, daysBetween, isDate, localDateOf } from "./dates";

describe("calendar dates", () => {
  it("adds months with end-of-month clamping", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
  });
  it("adds days across months and years", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("counts days between dates, across DST changes", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-01-01", "2026-12-31")).toBe(364);
  });
  it("gives an instant the date of a Copenhagen clock, in winter and in summer time", () => {
    expect(localDateOf("2026-11-30T22:59:59.999Z")).toBe("2026-11-30");
    expect(localDateOf("2026-11-30T23:00:00.000Z")).toBe("2026-12-01");
    expect(localDateOf("2026-06-30T21:59:59.999Z")).toBe("2026-06-30");
    expect(localDateOf("2026-06-30T22:00:00.000Z")).toBe("2026-07-01");
    expect(localDateOf("2026-12-31T23:30:00.000Z")).toBe("2027-01-01");
    expect(localDateOf("2026-11-30")).toBe("2026-11-30");
  });
  it("gives every minute of the days around both clock changes the date a Copenhagen clock shows", () => {
    const clock = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", dateStyle: "short" });
    for (const day of ["2026-03-28", "2026-03-29", "2026-10-24", "2026-10-25", "2027-03-28", "2027-10-31"])
      for (let at = Date.parse(`${day}T00:00:00Z`) - 3 * 3_600_000, end = at + 30 * 3_600_000; at < end; at += 60_000) {
        // The same hour again (remembered) and a new one: both agree with the clock.
        expect(copenhagenDate(new Date(at))).toBe(clock.format(at));
        expect(copenhagenDate(new Date(at + 59_999))).toBe(clock.format(at + 59_999));
      }
  });
  it("validates dates", () => {
    expect(isDate("2026-02-29")).toBe(false);
    expect(isDate("2028-02-29")).toBe(true);
    expect(isDate("2026-13-01")).toBe(false);
    expect(isDate("26-1-1")).toBe(false);
  });
});
