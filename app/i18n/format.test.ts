import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMonth } from "./format";

describe("formatMonth", () => {
  it("names a calendar month and its year in the reader's language, whatever the time zone", () => {
    expect(formatMonth("2026-11", "da")).toMatch(/^nov\.? 2026$/);
    expect(formatMonth("2026-01", "en")).toBe("Jan 2026");
    expect(formatMonth("2025-12", "da")).toMatch(/^dec\.? 2025$/);
  });
});

describe("formatDate and formatDateTime", () => {
  it("give a text the same answer as Intl, in each language, the first time and every time after", () => {
    const values = ["2026-11-30", "2026-03-29T00:30:00.000Z", "2026-03-29T01:30:00.000Z", "2025-12-31T23:30:00.000Z"];
    for (const lng of ["da", "en"]) {
      const locale = lng === "da" ? "da-DK" : "en-GB";
      const date = new Intl.DateTimeFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "Europe/Copenhagen",
      });
      const dateTime = new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Europe/Copenhagen",
      });
      for (const v of values) {
        const d = new Date(v.length === 10 ? `${v}T12:00:00Z` : v);
        for (let i = 0; i < 2; i++) {
          expect(formatDate(v, lng)).toBe(date.format(d));
          expect(formatDateTime(v, lng)).toBe(dateTime.format(new Date(v)));
        }
      }
    }
    // A late evening in UTC is the next day in Copenhagen.
    expect(formatDate("2025-12-31T23:30:00.000Z", "en")).toBe("1 Jan 2026");
    expect(formatDate(null, "da")).toBe("");
  });
});
