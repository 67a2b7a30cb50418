import { describe, expect, it } from "vitest";
import { formatMonth } from "./format";

describe("formatMonth", () => {
  it("names a calendar month and its year in the reader's language, whatever the time zone", () => {
    expect(formatMonth("2026-11", "da")).toMatch(/^nov\.? 2026$/);
    expect(formatMonth("2026-01", "en")).toBe("Jan 2026");
    expect(formatMonth("2025-12", "da")).toMatch(/^dec\.? 2025$/);
  });
});
