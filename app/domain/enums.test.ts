import { describe, expect, it } from "vitest";
import {
  enumerations,
  isRtl,
  messageLanguages,
  positiveOutcomeTypes,
  outcomeTypes,
  rtlLanguages,
  regions,
} from "./enums";
import da from "../i18n/locales/da";
import en from "../i18n/locales/en";

describe("enumerations", () => {
  it("have unique values", () => {
    for (const [name, values] of Object.entries(enumerations)) {
      expect(new Set(values).size, name).toBe(values.length);
    }
  });
  it("can message a mentee in the ten languages of the programme", () => {
    expect([...messageLanguages].sort()).toEqual(["ar", "da", "en", "fa", "kmr", "prs", "ps", "so", "ti", "uk"]);
  });
  it("know which scripts are right-to-left", () => {
    expect([...rtlLanguages].sort()).toEqual(["ar", "fa", "prs", "ps"]);
    expect(isRtl("ar")).toBe(true);
    expect(isRtl("ti")).toBe(false);
    expect(isRtl("uk")).toBe(false);
  });
  it("count every outcome but 'closer to a job' as moving on", () => {
    expect(positiveOutcomeTypes).not.toContain("closer_to_job");
    expect(positiveOutcomeTypes.length).toBe(outcomeTypes.length - 1);
  });
  it("have the five regions", () => {
    expect(regions.map((r) => r.code)).toEqual([1081, 1082, 1083, 1084, 1085]);
  });
  it("have a Danish and an English label for every value", () => {
    for (const [name, values] of Object.entries(enumerations)) {
      for (const v of values) {
        expect(da.enum[name as keyof typeof da.enum]?.[String(v) as never], `da enum.${name}.${v}`).toBeTruthy();
        expect(en.enum[name as keyof typeof en.enum]?.[String(v) as never], `en enum.${name}.${v}`).toBeTruthy();
      }
    }
  });
});
