import { describe, expect, it } from "vitest";
import {
  compareOccupations,
  danishValue,
  evaluateOpening,
  OPENING_WEIGHTS,
  occupationWords,
  rankCitizensForOpening,
  rankOpeningsForCitizen,
  type MatchCitizen,
  type MatchOpening,
  type OpeningMatchContext,
} from "./opening-match";
import type { Profile } from "./competence";
import { DB07 } from "../../db/reference/db07";

const sections = new Map(DB07.map((i) => [i.code, i.section]));
// Herning 657, Ikast-Brande 756 (~17 km), Aarhus 751 (~80 km), København 101 (~230 km)
const km: Record<string, number> = { "657-756": 17, "657-751": 80, "101-657": 230 };
const ctx: OpeningMatchContext = {
  today: "2026-02-01",
  weights: OPENING_WEIGHTS,
  distanceKm: (a, b) => (a === b ? 0 : (km[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? null)),
  sectionOf: (c) => sections.get(c),
};

const profile = (o: Partial<Profile> = {}): Profile => ({
  educations: [],
  experience: [],
  danishLevel: "du3",
  danishModule: null,
  englishLevel: "basic",
  drivingLicence: false,
  certificates: [],
  hoursPerWeek: 37,
  availableFrom: null,
  wishedIndustryCodes: [],
  wishedOccupations: [],
  summary: null,
  ...o,
});
const citizen = (id: number, o: Partial<MatchCitizen> = {}, p: Partial<Profile> = {}): MatchCitizen => ({
  id,
  municipalityCode: 657,
  municipalityName: "Herning",
  profile: profile(p),
  assessed: true,
  placed: false,
  ...o,
});
const careOpening: MatchOpening = {
  id: 1,
  type: "igu",
  industryCode: "87",
  occupation: "Social- og sundhedshjælper",
  municipalityCode: 657,
  municipalityName: "Herning",
  startDate: "2026-03-01",
  weeklyHours: 37,
  danishLevel: "du2",
};

describe("occupations as words", () => {
  it("compare exactly, by a shared word start, or not at all", () => {
    expect(occupationWords("Social- og sundhedsassistent")).toEqual(["social", "sundhedsassistent"]);
    expect(compareOccupations("social- og sundhedshjælper", "Social og Sundhedshjælper")).toBe("exact");
    expect(compareOccupations("Social- og sundhedsassistent", "Social- og sundhedshjælper")).toBe("related");
    expect(compareOccupations("Svejser", "Smed")).toBe("none");
    expect(compareOccupations("Kok", "Køkkenmedhjælper")).toBe("none");
    expect(compareOccupations("", "Kok")).toBe("none");
  });
});

describe("opening score", () => {
  it("a nurse who wishes elderly care fits a care IGU, with reasons from the assessment", () => {
    const nurse = citizen(
      1,
      {},
      {
        experience: [{ occupation: "Sygeplejerske", industryCode: "86", years: 6, country: "Syrien" }],
        wishedIndustryCodes: ["87"],
        wishedOccupations: ["Social- og sundhedshjælper"],
        educations: [{ level: "6", field: "Sygepleje", country: "Syrien", year: 2012, recognised: false }],
      },
    );
    const ev = evaluateOpening(nurse, careOpening, ctx);
    expect(ev.allowed).toBe(true);
    if (!ev.allowed) return;
    expect(ev.parts).toEqual({ industry: 1, occupation: 1, locality: 1, danish: 0.9, availability: 1 });
    expect(ev.score).toBe(99);
    expect(ev.reasons.map((r) => r.key)).toEqual([
      "industry_wish",
      "occupation_wish_exact",
      "same_municipality",
      "danish_meets",
      "hours_enough",
    ]);
  });

  it("experience in the very industry beats a wish; the same section is worth less; none is worth nothing", () => {
    const worked = citizen(
      1,
      {},
      { experience: [{ occupation: "Plejer", industryCode: "87", years: 3, country: null }] },
    );
    const wished = citizen(2, {}, { wishedIndustryCodes: ["87"] });
    const section = citizen(3, {}, { wishedIndustryCodes: ["86"] });
    const none = citizen(4, {}, { wishedIndustryCodes: ["49"] });
    const [a, b, c, d] = [worked, wished, section, none].map((x) => evaluateOpening(x, careOpening, ctx));
    expect(a.allowed && a.reasons[0]).toEqual({
      key: "industry_experience",
      params: { code: "87", years: 3, occupation: "Plejer" },
    });
    expect(b.allowed && b.parts.industry).toBe(1);
    expect(c.allowed && c.parts.industry).toBe(0.6);
    expect(c.allowed && c.reasons[0]).toEqual({ key: "industry_section", params: { code: "Q" } });
    expect(d.allowed && d.parts.industry).toBe(0);
    expect(d.allowed && d.reasons[0].key).toBe("industry_none");
  });

  it("hard rules: already placed, too far to commute, Danish below the requirement, available far too late", () => {
    const cases: [MatchCitizen, string][] = [
      [citizen(1, { placed: true }), "already_placed"],
      [citizen(2, { municipalityCode: 101 }), "too_far"],
      [citizen(3, {}, { danishLevel: "du1" }), "danish_below_required"],
      [citizen(4, {}, { availableFrom: "2026-07-01" }), "available_too_late"],
    ];
    for (const [c, rule] of cases) {
      const ev = evaluateOpening(c, careOpening, ctx);
      expect(ev.allowed, rule).toBe(false);
      if (!ev.allowed) expect(ev.rules).toEqual([rule]);
    }
    // An unknown distance is too far too (no centroid, no commute to judge).
    expect(evaluateOpening(citizen(5, { municipalityCode: 999 }), careOpening, ctx).allowed).toBe(false);
  });

  it("locality falls with distance; Danish without a requirement is met by all", () => {
    const near = evaluateOpening(citizen(1, { municipalityCode: 756 }), careOpening, ctx);
    const far = evaluateOpening(citizen(2, { municipalityCode: 751 }), careOpening, ctx);
    expect(near.allowed && far.allowed).toBe(true);
    if (!near.allowed || !far.allowed) return;
    expect(near.parts.locality).toBeGreaterThan(far.parts.locality);
    expect(far.parts.locality).toBe(0);
    expect(near.reasons).toContainEqual({ key: "distance", params: { km: 17 } });
    expect(danishValue("none", "none")).toBe(1);
    expect(danishValue("du1", "du2")).toBe(0);
    expect(danishValue("du2", "du2")).toBe(0.8);
  });

  it("fewer hours or a start after the opening's lower availability, with a reason", () => {
    const part = evaluateOpening(citizen(1, {}, { hoursPerWeek: 20 }), careOpening, ctx);
    const late = evaluateOpening(citizen(2, {}, { availableFrom: "2026-04-01" }), careOpening, ctx);
    const unknown = evaluateOpening(citizen(3, {}, { hoursPerWeek: null }), careOpening, ctx);
    if (!part.allowed || !late.allowed || !unknown.allowed) throw new Error("allowed");
    expect(part.parts.availability).toBeCloseTo(20 / 37);
    expect(part.reasons).toContainEqual({ key: "hours_fewer", params: { hours: 20, needed: 37 } });
    expect(late.parts.availability).toBe(0.5);
    expect(late.reasons).toContainEqual({ key: "available_later", params: { date: "2026-04-01" } });
    expect(unknown.parts.availability).toBe(0.5);
  });

  it("says so when a citizen has no assessment yet (reasons then come from the referral)", () => {
    const ev = evaluateOpening(citizen(1, { assessed: false }), careOpening, ctx);
    expect(ev.reasons[0]).toEqual({ key: "no_assessment" });
  });
});

describe("ranking", () => {
  const citizens = [
    citizen(10, {}, { wishedIndustryCodes: ["49"] }),
    citizen(11, {}, { wishedIndustryCodes: ["87"], wishedOccupations: ["Social- og sundhedshjælper"] }),
    citizen(12, { placed: true }, { wishedIndustryCodes: ["87"] }),
    citizen(13, {}, { wishedIndustryCodes: ["86"] }),
    citizen(9, {}, { wishedIndustryCodes: ["49"] }),
  ];
  it("puts the best first, breaks ties by id, counts every allowed citizen and names the excluded", () => {
    const r = rankCitizensForOpening(careOpening, citizens, ctx, { limit: 3, withExcluded: true });
    expect(r.total).toBe(4);
    expect(r.candidates.map((c) => c.citizenId)).toEqual([11, 13, 9]);
    expect(r.excluded).toEqual([
      { citizenId: 12, rules: ["already_placed"], reasons: [{ key: "rule.already_placed", params: undefined }] },
    ]);
    expect(rankCitizensForOpening(careOpening, citizens, ctx).candidates).toHaveLength(4);
  });
  it("ranks a citizen's openings the same way", () => {
    const transport: MatchOpening = {
      ...careOpening,
      id: 2,
      industryCode: "49",
      occupation: "Buschauffør",
      danishLevel: "none",
    };
    const aarhus: MatchOpening = { ...careOpening, id: 3, municipalityCode: 101 };
    const r = rankOpeningsForCitizen(citizens[1], [transport, careOpening, aarhus], ctx);
    expect(r.total).toBe(2);
    expect(r.openings.map((o) => o.openingId)).toEqual([1, 2]);
  });
});
