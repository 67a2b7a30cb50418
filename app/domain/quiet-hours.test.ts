import { describe, expect, it } from "vitest";
import { copenhagenInstant, isQuietHour, nextSmsWindow } from "./quiet-hours";

const at = (iso: string) => new Date(iso);

describe("SMS quiet hours (Europe/Copenhagen)", () => {
  it("lets daytime messages go at once", () => {
    const noon = at("2026-01-15T11:00:00Z"); // 12:00 local (winter, +01:00)
    expect(isQuietHour(noon)).toBe(false);
    expect(nextSmsWindow(noon)).toEqual(noon);
    expect(nextSmsWindow(at("2026-01-15T07:00:00Z"))).toEqual(at("2026-01-15T07:00:00Z")); // 08:00 exactly
    expect(isQuietHour(at("2026-01-15T19:59:00Z"))).toBe(false); // 20:59
  });
  it("moves a winter evening to 08:00 the next morning (+01:00)", () => {
    expect(nextSmsWindow(at("2026-01-15T20:00:00Z"))).toEqual(at("2026-01-16T07:00:00Z")); // 21:00 local
    expect(nextSmsWindow(at("2026-01-15T22:30:00Z"))).toEqual(at("2026-01-16T07:00:00Z"));
  });
  it("moves an early summer morning to 08:00 the same day (+02:00)", () => {
    expect(nextSmsWindow(at("2026-07-01T02:00:00Z"))).toEqual(at("2026-07-01T06:00:00Z")); // 04:00 local
  });
  it("after local midnight the same calendar day is meant", () => {
    expect(nextSmsWindow(at("2026-01-15T23:30:00Z"))).toEqual(at("2026-01-16T07:00:00Z")); // 00:30 local on the 16th
  });
  it("spring forward: night of 28-29 March 2026, 08:00 is already summer time", () => {
    // 21:30 local on 28 March (+01:00) → 08:00 local on 29 March (+02:00) = 06:00Z
    expect(nextSmsWindow(at("2026-03-28T20:30:00Z"))).toEqual(at("2026-03-29T06:00:00Z"));
    // 02:30 UTC on 29 March is 04:30 local (after the jump)
    expect(nextSmsWindow(at("2026-03-29T02:30:00Z"))).toEqual(at("2026-03-29T06:00:00Z"));
  });
  it("fall back: night of 24-25 October 2026, 08:00 is winter time again", () => {
    expect(nextSmsWindow(at("2026-10-24T19:30:00Z"))).toEqual(at("2026-10-25T07:00:00Z")); // 21:30 (+02:00)
    // 02:30 local happens twice; both are quiet and wait for 08:00 (+01:00)
    expect(nextSmsWindow(at("2026-10-25T00:30:00Z"))).toEqual(at("2026-10-25T07:00:00Z"));
    expect(nextSmsWindow(at("2026-10-25T01:30:00Z"))).toEqual(at("2026-10-25T07:00:00Z"));
  });
  it("across a month and year end", () => {
    expect(nextSmsWindow(at("2026-12-31T21:00:00Z"))).toEqual(at("2027-01-01T07:00:00Z"));
    expect(copenhagenInstant(2026, 6, 30, 8)).toEqual(at("2026-06-30T06:00:00Z"));
  });
});
