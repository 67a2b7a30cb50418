import { describe, expect, it } from "vitest";
import { sharedIndustry, sharesIndustry } from "./industry";
import {
  industryValue,
  normaliseWeights,
  prepareMentee,
  prepareMentor,
  type MatchContext,
  type MatchMentee,
  type MatchMentor,
} from "./matching";

const sections: Record<string, string> = { "41": "F", "43": "F", "86": "Q", "87": "Q", "56": "I", "47": "G" };
const sectionOf = (c: string) => sections[c];

describe("sharedIndustry", () => {
  it("is the division, then the section, then the mentor's network, else none", () => {
    expect(sharedIndustry(["41"], { industryCode: "41", networkIndustryCodes: [] }, sectionOf)).toBe("division");
    expect(sharedIndustry(["43", "41"], { industryCode: "41", networkIndustryCodes: [] }, sectionOf)).toBe("division");
    expect(sharedIndustry(["43"], { industryCode: "41", networkIndustryCodes: [] }, sectionOf)).toBe("section");
    expect(sharedIndustry(["86"], { industryCode: "47", networkIndustryCodes: ["86"] }, sectionOf)).toBe("network");
    expect(sharedIndustry(["86", "43"], { industryCode: "41", networkIndustryCodes: ["86"] }, sectionOf)).toBe(
      "section",
    );
    expect(sharedIndustry(["56"], { industryCode: "41", networkIndustryCodes: ["86"] }, sectionOf)).toBeNull();
    expect(sharesIndustry([], { industryCode: "41", networkIndustryCodes: [] }, sectionOf)).toBe(false);
  });

  it("a nurse wishing health care shares an industry with a mentor in hospitals, not with a builder", () => {
    expect(sharesIndustry(["87"], { industryCode: "86", networkIndustryCodes: [] }, sectionOf)).toBe(true);
    expect(sharesIndustry(["87"], { industryCode: "41", networkIndustryCodes: ["43"] }, sectionOf)).toBe(false);
  });

  it("agrees with the score's industry value on every combination (the mark and the reason never disagree)", () => {
    const codes = Object.keys(sections);
    const ctx: MatchContext = { today: "2026-01-01", weights: normaliseWeights(null), distanceKm: () => 0, sectionOf };
    const mentee = (wished: string[]): MatchMentee => ({
      id: 1,
      municipalityCode: 751,
      municipalityIsPartner: true,
      gender: null,
      mentorGenderPreference: "none",
      languages: [],
      englishLevel: "none",
      danishLevel: "du2",
      goals: [],
      wishedIndustryCodes: wished,
      currentInternshipEmployer: null,
      referredAt: "2025-12-01",
    });
    const mentor = (code: string, network: string[]): MatchMentor => ({
      id: 2,
      status: "approved",
      pausedFrom: null,
      pausedTo: null,
      capacity: 1,
      activeCourses: 0,
      municipalityCode: 751,
      travelKm: 10,
      employer: null,
      industryCode: code,
      networkIndustryCodes: network,
      languages: [],
      gender: null,
      menteeGenderPreference: "none",
      offers: [],
      introductionRead: true,
    });
    let n = 0;
    for (const a of codes)
      for (const b of [[], [a], ...codes.map((c) => [a, c])])
        for (const m of codes)
          for (const net of [[], [b[0] ?? "47"]]) {
            const value = industryValue(prepareMentee(mentee(b), ctx), prepareMentor(mentor(m, net), ctx)).value;
            expect(
              sharesIndustry(b, { industryCode: m, networkIndustryCodes: net }, sectionOf),
              `${b} / ${m} + ${net}`,
            ).toBe(value > 0);
            n++;
          }
    expect(n).toBeGreaterThan(500);
  });
});
