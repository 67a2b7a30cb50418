import { describe, expect, it } from "vitest";
import {
  divisionCodes,
  divisionOptions,
  industryLabel,
  isDivisionCode,
  sectionCodes,
  sectionOf,
  sectionOfDivision,
} from "./industries";

describe("the DB07 vocabulary", () => {
  it("has the 21 sections A-U and the 88 divisions", () => {
    expect(sectionCodes).toHaveLength(21);
    expect(sectionCodes[0]).toBe("A");
    expect(sectionCodes.at(-1)).toBe("U");
    expect(divisionCodes).toHaveLength(88);
    expect(divisionCodes.every((c) => /^\d{2}$/.test(c))).toBe(true);
  });
  it("labels codes in the reader's language, and leaves unknown codes as they are", () => {
    expect(industryLabel("F", "da")).toBe("F Bygge og anlæg");
    expect(industryLabel("41", "en")).toMatch(/^41 /);
    expect(industryLabel("99x", "da")).toBe("99x");
    expect(industryLabel(null, "da")).toBe("");
    expect(divisionOptions("da")).toHaveLength(88);
  });
  it("finds the section of divisions and finer codes", () => {
    expect(sectionOf("41")).toBe("F");
    expect(sectionOf("47.11")).toBe("G");
    expect(sectionOfDivision("86")).toBe("Q");
    expect(sectionOfDivision("F")).toBeUndefined();
    expect(isDivisionCode("41")).toBe(true);
    expect(isDivisionCode("F")).toBe(false);
  });
});
