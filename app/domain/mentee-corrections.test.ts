import { describe, expect, it } from "vitest";
import { changedFields, type CorrectableValues } from "./mentee-corrections";

const base: CorrectableValues = {
  phone: "+4520304050",
  email: null,
  preferredChannel: "sms",
  language: "ar",
  danishLevel: "du2",
  danishModule: 3,
  wishedIndustryCodes: ["86", "87"],
  goals: ["cv", "network"],
};

describe("changedFields", () => {
  it("finds nothing when nothing changed (goals in another order are the same goals)", () => {
    expect(changedFields(base, { ...base, goals: ["network", "cv"] })).toEqual([]);
  });
  it("names each changed field, in the form's order", () => {
    expect(changedFields(base, { ...base, language: "ti", phone: "+4520304051", danishModule: null })).toEqual([
      "phone",
      "language",
      "danishModule",
    ]);
  });
  it("treats a new first wish as a change (the order of wishes matters)", () => {
    expect(changedFields(base, { ...base, wishedIndustryCodes: ["87", "86"] })).toEqual(["wishedIndustryCodes"]);
  });
  it("sees an added email and a removed goal", () => {
    expect(changedFields(base, { ...base, email: "a@b.dk", goals: ["cv"] })).toEqual(["email", "goals"]);
  });
});
