import { describe, expect, it } from "vitest";
import {
  changedFields,
  danishRank,
  educationLevelOf,
  experienceReason,
  highestEducation,
  meetsDanish,
  menteeFieldsFromProfile,
  minimalProfile,
  profileFromReferral,
  type Profile,
} from "./competence";
import { iscedLevels } from "./enums";

const nurse: Profile = {
  educations: [
    { level: "3", field: "Gymnasium", country: "Syrien", year: 2008, recognised: true },
    { level: "6", field: "Sygepleje", country: "Syrien", year: 2012, recognised: false },
  ],
  experience: [{ occupation: "Sygeplejerske", industryCode: "86", years: 6, country: "Syrien" }],
  danishLevel: "du3",
  danishModule: 4,
  englishLevel: "intermediate",
  drivingLicence: true,
  certificates: ["Hygiejnebevis"],
  hoursPerWeek: 37,
  availableFrom: "2026-03-01",
  wishedIndustryCodes: ["87", "86"],
  wishedOccupations: ["Social- og sundhedsassistent"],
  summary: "Erfaren og rolig, vil gerne arbejde med ældre.",
};

describe("competence profile rules", () => {
  it("a matched mentor sees education, experience and wishes only", () => {
    const m = minimalProfile(nurse);
    expect(Object.keys(m).sort()).toEqual(["educations", "experience", "wishedIndustryCodes", "wishedOccupations"]);
    expect(m.experience[0]).toEqual({ occupation: "Sygeplejerske", industryCode: "86", years: 6 });
    expect(m.educations[1]).toEqual({ level: "6", field: "Sygepleje", recognised: false });
    const text = JSON.stringify(m);
    for (const hidden of ["Erfaren og rolig", "Hygiejnebevis", "2026-03-01", "37", "Syrien", "du3"])
      expect(text).not.toContain(hidden);
  });

  it("Danish levels: a passed exam counts as the next course, and a requirement is met from its level up", () => {
    expect(danishRank("none")).toBeLessThan(danishRank("du1"));
    expect(danishRank("pd1")).toBe(danishRank("du2"));
    expect(danishRank("pd2")).toBe(danishRank("du3"));
    expect(danishRank("studieproeven")).toBeGreaterThan(danishRank("pd3"));
    expect(meetsDanish("pd2", "du3")).toBe(true);
    expect(meetsDanish("du2", "du3")).toBe(false);
    expect(meetsDanish("none", "none")).toBe(true);
  });

  it("the highest education decides the coarse level the referral view and mentor matching use", () => {
    expect(highestEducation(nurse.educations)?.field).toBe("Sygepleje");
    expect(highestEducation([])).toBeNull();
    expect(iscedLevels.map(educationLevelOf)).toEqual([
      "none",
      "primary",
      "primary",
      "secondary",
      "vocational",
      "vocational",
      "bachelor",
      "master",
      "phd",
    ]);
    const f = menteeFieldsFromProfile(nurse);
    expect(f).toMatchObject({
      educationLevel: "bachelor",
      educationField: "Sygepleje",
      educationCountry: "Syrien",
      danishLevel: "du3",
      danishModule: 4,
      wishedOccupation: "Social- og sundhedsassistent",
      wishedIndustryCodes: ["87", "86"],
    });
    expect(f.experience).toEqual([{ title: "Sygeplejerske", years: 6, industryCode: "86" }]);
    // no wished industries in the assessment: the referral's stay
    expect(menteeFieldsFromProfile({ ...nurse, wishedIndustryCodes: [] })).not.toHaveProperty("wishedIndustryCodes");
  });

  it("versions name what changed", () => {
    expect(changedFields(nurse, nurse)).toEqual([]);
    expect(changedFields(nurse, { ...nurse, hoursPerWeek: 30, wishedOccupations: ["Sygehjælper"] })).toEqual([
      "hoursPerWeek",
      "wishedOccupations",
    ]);
    expect(changedFields(nurse, { ...nurse, educations: [nurse.educations[1], nurse.educations[0]] })).toEqual([
      "educations",
    ]);
    // a first version names what it fills in
    expect(changedFields(null, { ...nurse, certificates: [], summary: null, drivingLicence: false })).toEqual([
      "educations",
      "experience",
      "danishLevel",
      "danishModule",
      "englishLevel",
      "hoursPerWeek",
      "availableFrom",
      "wishedIndustryCodes",
      "wishedOccupations",
    ]);
  });

  it("a first assessment starts from what the referral says", () => {
    const p = profileFromReferral({
      danishLevel: "du2",
      danishModule: 3,
      englishLevel: "basic",
      drivingLicence: false,
      educationLevel: "vocational",
      educationField: "Tømrer",
      educationCountry: "Eritrea",
      experience: [{ title: "Tømrer", years: 4, industryCode: "43" }],
      wishedIndustryCodes: ["43", "41"],
      wishedOccupation: "Tømrer",
    });
    expect(p.educations).toEqual([{ level: "4", field: "Tømrer", country: "Eritrea", year: null, recognised: false }]);
    expect(p.experience).toEqual([{ occupation: "Tømrer", industryCode: "43", years: 4, country: "Eritrea" }]);
    expect(p.wishedOccupations).toEqual(["Tømrer"]);
    expect(
      profileFromReferral({
        ...p,
        educationLevel: "none",
        educationField: null,
        educationCountry: null,
        experience: [],
        wishedOccupation: null,
      } as never).educations,
    ).toEqual([]);
  });

  it("tells a mentor candidate's reasons when the citizen has worked in the mentor's industry", () => {
    const sectionOf = (c: string) => (({ "86": "Q", "87": "Q", "41": "F" }) as Record<string, string>)[c];
    expect(experienceReason(nurse, "86", sectionOf)).toEqual({
      key: "profile_experience",
      params: { code: "86", years: 6, occupation: "Sygeplejerske" },
    });
    expect(experienceReason(nurse, "87", sectionOf)).toEqual({
      key: "profile_experience_section",
      params: { code: "Q", years: 6, occupation: "Sygeplejerske" },
    });
    expect(experienceReason(nurse, "41", sectionOf)).toBeNull();
  });
});
