import { describe, expect, it } from "vitest";
import {
  DEFAULT_WEIGHTS,
  distanceTable,
  evaluate,
  geographyValue,
  haversineKm,
  hardRules,
  normaliseWeights,
  prepareMentee,
  prepareMentor,
  rankMenteesForMentor,
  rankMentorsForMentee,
  scorePair,
  travelCandidates,
  violatedRules,
  waitingValue,
  type MatchContext,
  type MatchMentee,
  type MatchMentor,
} from "./matching";

const centroids = [
  { code: 751, lat: 56.157, lng: 10.211 }, // Aarhus
  { code: 706, lat: 56.208, lng: 10.455 }, // Syddjurs (~16 km)
  { code: 621, lat: 55.49, lng: 9.472 }, // Kolding (~90 km)
  { code: 101, lat: 55.676, lng: 12.568 }, // København
];
const SECTIONS: Record<string, string> = {
  "41": "F",
  "42": "F",
  "43": "F",
  "47": "G",
  "46": "G",
  "56": "I",
  "86": "Q",
};
const ctx: MatchContext = {
  today: "2026-06-01",
  weights: DEFAULT_WEIGHTS,
  distanceKm: distanceTable(centroids),
  sectionOf: (c) => SECTIONS[c],
};

function mentor(o: Partial<MatchMentor> = {}): MatchMentor {
  return {
    id: 1,
    status: "approved",
    pausedFrom: null,
    pausedTo: null,
    capacity: 1,
    activeCourses: 0,
    municipalityCode: 751,
    municipalityName: "Aarhus",
    travelKm: 25,
    employer: "Byg A/S",
    industryCode: "41",
    networkIndustryCodes: [],
    languages: ["da", "en"],
    gender: "male",
    menteeGenderPreference: "none",
    offers: ["cv", "network"],
    introductionRead: true,
    ...o,
  };
}
function mentee(o: Partial<MatchMentee> = {}): MatchMentee {
  return {
    id: 1,
    municipalityCode: 751,
    municipalityName: "Aarhus",
    municipalityIsPartner: true,
    gender: "female",
    mentorGenderPreference: "none",
    languages: ["ar"],
    englishLevel: "none",
    danishLevel: "du3",
    goals: ["cv", "network"],
    wishedIndustryCodes: ["41"],
    currentInternshipEmployer: null,
    referredAt: "2026-05-01T09:00:00.000Z",
    ...o,
  };
}
const ev = (e: MatchMentee, m: MatchMentor, c: MatchContext = ctx) =>
  evaluate(prepareMentee(e, c), prepareMentor(m, c), c);
const score = (e: MatchMentee, m: MatchMentor, c: MatchContext = ctx) =>
  scorePair(prepareMentee(e, c), prepareMentor(m, c), c);

describe("hard rules (each excludes the pair and names itself)", () => {
  const cases: [string, Partial<MatchMentee>, Partial<MatchMentor>, Partial<MatchContext>?][] = [
    ["mentor_not_approved", {}, { status: "screening" }],
    // Issue 21: a mentor who has not marked the coordinators' introduction as read is never matched.
    ["mentor_introduction_unread", {}, { introductionRead: false }],
    ["mentor_paused", {}, { status: "approved", pausedFrom: "2026-05-20", pausedTo: "2026-06-10" }],
    ["mentor_at_capacity", {}, { capacity: 1, activeCourses: 1 }],
    ["municipality_not_partner", { municipalityIsPartner: false }, {}],
    ["outside_travel_area", { municipalityCode: 621 }, { travelKm: 40 }],
    ["mentee_gender_preference", { mentorGenderPreference: "female" }, { gender: "male" }],
    ["mentor_gender_preference", { gender: "male" }, { menteeGenderPreference: "female" }],
    ["conflict_of_interest", { currentInternshipEmployer: "byg a/s" }, { employer: "Byg A/S" }],
    // Issue 19: the mentor declined this citizen (or let the request expire); no shared industry while the setting says so.
    ["pair_declined", { declinedMentorIds: [77] }, { id: 77 }],
    ["no_shared_industry", { wishedIndustryCodes: ["56"] }, {}, { requireSharedIndustry: true }],
  ];
  it("covers every rule", () => {
    expect(cases.map((c) => c[0]).sort()).toEqual([...hardRules].sort());
  });
  for (const [rule, e, m, c] of cases) {
    it(rule, () => {
      const r = ev(mentee(e), mentor(m), { ...ctx, ...c });
      expect(r.allowed).toBe(false);
      if (!r.allowed) {
        expect(r.rules).toEqual([rule]);
        expect(r.reasons).toEqual([{ key: `rule.${rule}` }]);
      }
      expect(score(mentee(e), mentor(m), { ...ctx, ...c })).toBe(-1);
    });
  }
  it("the same pair without the offending detail is allowed", () => {
    expect(ev(mentee(), mentor()).allowed).toBe(true);
  });
  it("a status 'paused' always excludes; a pause period only while it lasts", () => {
    expect(ev(mentee(), mentor({ status: "paused" })).allowed).toBe(false);
    expect(ev(mentee(), mentor({ pausedFrom: "2026-01-01", pausedTo: "2026-02-01" })).allowed).toBe(true);
    expect(ev(mentee(), mentor({ pausedFrom: "2026-07-01", pausedTo: null })).allowed).toBe(true);
    expect(ev(mentee(), mentor({ pausedFrom: "2026-05-01", pausedTo: null })).allowed).toBe(false);
  });
  it("an active mentor with a free place is allowed; within travel distance is allowed", () => {
    expect(ev(mentee(), mentor({ status: "active", capacity: 2, activeCourses: 1 })).allowed).toBe(true);
    expect(ev(mentee({ municipalityCode: 706 }), mentor({ travelKm: 25 })).allowed).toBe(true);
    expect(ev(mentee({ municipalityCode: 706 }), mentor({ travelKm: 10 })).allowed).toBe(false);
  });
  it("lists several rules when several apply", () => {
    const r = ev(mentee({ municipalityIsPartner: false }), mentor({ status: "rejected", activeCourses: 1 }));
    expect(r.allowed ? [] : r.rules).toEqual(["mentor_not_approved", "mentor_at_capacity", "municipality_not_partner"]);
  });
});

describe("score", () => {
  it("is within 0..100 and the fast path equals the explained score", () => {
    const r = ev(mentee(), mentor());
    expect(r.allowed).toBe(true);
    if (r.allowed) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(score(mentee(), mentor())).toBe(r.score);
    }
    const zero = ev(
      mentee({ wishedIndustryCodes: [], languages: [], goals: ["cv"], referredAt: "2026-06-01" }),
      mentor({ offers: [], municipalityCode: 706, travelKm: 100, languages: ["da"] }),
      { ...ctx, weights: { ...DEFAULT_WEIGHTS, geoRangeKm: 5 } },
    );
    expect(zero.allowed && zero.score).toBe(0);
    const full = ev(
      mentee({ referredAt: "2025-01-01", languages: ["ar"] }),
      mentor({ languages: ["da", "ar"], offers: ["cv", "network"] }),
    );
    expect(full.allowed && full.score).toBe(100);
  });

  it("is monotonic in industry: division > section > network > none", () => {
    const s = (m: Partial<MatchMentor>) => score(mentee({ wishedIndustryCodes: ["41"] }), mentor(m));
    const division = s({ industryCode: "41" });
    const section = s({ industryCode: "43" });
    const network = s({ industryCode: "86", networkIndustryCodes: ["41"] });
    const none = s({ industryCode: "86" });
    expect(division).toBeGreaterThan(section);
    expect(section).toBeGreaterThan(network);
    expect(network).toBeGreaterThan(none);
  });

  it("is monotonic in geography: same municipality > nearer > farther", () => {
    const s = (code: number) => score(mentee({ municipalityCode: code }), mentor({ travelKm: 400 }));
    expect(s(751)).toBeGreaterThan(s(706));
    expect(s(706)).toBeGreaterThan(s(621));
    expect(s(621)).toBeGreaterThanOrEqual(s(101));
    for (let d = 0; d < 100; d += 5)
      expect(geographyValue(d, false, 60)).toBeGreaterThanOrEqual(geographyValue(d + 5, false, 60));
  });

  it("rewards a shared language besides Danish, more for DU1/DU2", () => {
    const shared = (level: MatchMentee["danishLevel"]) =>
      score(mentee({ danishLevel: level }), mentor({ languages: ["da", "ar"] }));
    const notShared = (level: MatchMentee["danishLevel"]) =>
      score(mentee({ danishLevel: level }), mentor({ languages: ["da"] }));
    expect(shared("du3")).toBeGreaterThan(notShared("du3"));
    expect(shared("du1") - notShared("du1")).toBeGreaterThan(shared("du3") - notShared("du3"));
    // Danish alone is not a "shared language".
    expect(score(mentee({ languages: ["da"] }), mentor({ languages: ["da"] }))).toBe(
      score(mentee({ languages: [] }), mentor({ languages: ["da"] })),
    );
    // English counts for less than another shared language.
    const en = score(mentee({ englishLevel: "fluent" }), mentor({ languages: ["da", "en"] }));
    expect(en).toBeGreaterThan(notShared("du3"));
    expect(en).toBeLessThan(shared("du3"));
  });

  it("is monotonic in goals covered", () => {
    const e = mentee({ goals: ["cv", "network", "interviews"] });
    const s0 = score(e, mentor({ offers: [] }));
    const s1 = score(e, mentor({ offers: ["cv"] }));
    const s2 = score(e, mentor({ offers: ["cv", "network"] }));
    const s3 = score(e, mentor({ offers: ["cv", "network", "interviews", "applications"] }));
    expect(s0).toBeLessThan(s1);
    expect(s1).toBeLessThan(s2);
    expect(s2).toBeLessThan(s3);
  });

  it("is monotonic in waiting time (capped at 180 days)", () => {
    const s = (referredAt: string) => score(mentee({ referredAt }), mentor());
    expect(s("2026-05-31")).toBeLessThan(s("2026-04-01"));
    expect(s("2026-04-01")).toBeLessThan(s("2025-12-01"));
    expect(s("2025-12-01")).toBe(s("2024-01-01"));
    expect(waitingValue(90)).toBe(0.5);
  });

  it("follows the weights: with only industry weighted, the score is the industry value", () => {
    const only = {
      ...ctx,
      weights: normaliseWeights({ industry: 10, geography: 0, language: 0, goals: 0, waiting: 0 }),
    };
    expect(score(mentee(), mentor({ industryCode: "43" }), only)).toBe(60);
    expect(score(mentee(), mentor({ industryCode: "41" }), only)).toBe(100);
  });
});

describe("reasons", () => {
  it("say industry, place, language, goals and waiting as data", () => {
    const r = ev(mentee({ municipalityCode: 706, languages: ["ar"] }), mentor({ languages: ["da", "ar"] }));
    expect(r.reasons).toEqual([
      { key: "industry_division", params: { code: "41" } },
      { key: "distance", params: { km: 16 } },
      { key: "shared_language", params: { languages: ["ar"] } },
      { key: "goals", params: { covered: 2, total: 2 } },
      { key: "waiting", params: { days: 31 } },
    ]);
    const s = ev(mentee(), mentor({ industryCode: "43", languages: ["da"] }));
    expect(s.reasons.map((x) => x.key)).toEqual([
      "industry_section",
      "same_municipality",
      "no_shared_language",
      "goals",
      "waiting",
    ]);
    expect(s.reasons[1].params).toEqual({ name: "Aarhus" });
  });
});

describe("ranking", () => {
  const mentors = [
    mentor({ id: 10, industryCode: "86" }),
    mentor({ id: 11, industryCode: "41" }),
    mentor({ id: 12, industryCode: "43" }),
    mentor({ id: 13, industryCode: "41", activeCourses: 1 }),
    mentor({ id: 9, industryCode: "41" }),
  ];
  it("orders candidates by score, ties by id, and lists the excluded with their rule", () => {
    const r = rankMentorsForMentee(mentee(), mentors, ctx, { withExcluded: true });
    expect(r.candidates.map((c) => c.mentorId)).toEqual([9, 11, 12, 10]);
    expect(r.excluded).toEqual([
      { mentorId: 13, rules: ["mentor_at_capacity"], reasons: [{ key: "rule.mentor_at_capacity" }] },
    ]);
    expect(rankMentorsForMentee(mentee(), mentors, ctx, { limit: 2 }).candidates).toHaveLength(2);
  });
  it("ranks mentees for one mentor", () => {
    const es = [
      mentee({ id: 1, wishedIndustryCodes: ["86"] }),
      mentee({ id: 2 }),
      mentee({ id: 3, municipalityIsPartner: false }),
    ];
    expect(rankMenteesForMentor(mentor(), es, ctx).map((x) => x.menteeId)).toEqual([2, 1]);
  });
});

describe("geography", () => {
  it("haversine: Aarhus–København about 157 km", () => {
    expect(haversineKm(centroids[0], centroids[3])).toBeGreaterThan(150);
    expect(haversineKm(centroids[0], centroids[3])).toBeLessThan(165);
    expect(ctx.distanceKm(751, 751)).toBe(0);
    expect(ctx.distanceKm(751, 999)).toBeNull();
  });

  it("travel candidates are exactly the mentors whose own travel distance reaches the mentee, in index order", () => {
    const places = [751, 706, 621, 101, 999];
    const mentors = places.flatMap((code, p) =>
      [5, 20, 100, 200].map((travelKm, t) =>
        prepareMentor(mentor({ id: p * 10 + t, municipalityCode: code, travelKm }), ctx),
      ),
    );
    const near = travelCandidates(mentors, ctx);
    for (const code of places) {
      const e = mentee({ municipalityCode: code });
      const pe = prepareMentee(e, ctx);
      const expected = mentors
        .map((pm, j) => j)
        .filter((j) => !violatedRules(pe, mentors[j], ctx).includes("outside_travel_area"));
      expect([...near(e)], `municipality ${code}`).toEqual(expected);
      expect([...near(e)]).toEqual([...near(e)]); // cached answer is the same
    }
    // Syddjurs (~16 km from Aarhus): the Aarhus mentors travelling 20 km or more, never the 5 km one.
    expect([...near(mentee({ municipalityCode: 706 }))]).toEqual(expect.arrayContaining([1, 2, 3]));
    expect([...near(mentee({ municipalityCode: 706 }))]).not.toContain(0);
  });
});

describe("weights", () => {
  it("fill missing keys, clamp out-of-range values and refuse all-zero criteria", () => {
    expect(normaliseWeights({})).toEqual(DEFAULT_WEIGHTS);
    expect(normaliseWeights({ industry: 500, lowDanishLanguageFactor: 0 }).industry).toBe(100);
    expect(normaliseWeights({ lowDanishLanguageFactor: 0 }).lowDanishLanguageFactor).toBe(1);
    expect(normaliseWeights({ industry: 0, geography: 0, language: 0, goals: 0, waiting: 0 })).toEqual(DEFAULT_WEIGHTS);
  });
});
