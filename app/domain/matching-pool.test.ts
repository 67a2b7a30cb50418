import { describe, expect, it } from "vitest";
import { createRng, type Rng } from "./random";
import { goals, type Goal } from "./enums";
import {
  DEFAULT_WEIGHTS,
  distanceTable,
  normaliseWeights,
  prepareMentee,
  prepareMentor,
  rankMentorsForMentee,
  scorePair,
  travelCandidates,
  type MatchContext,
  type MatchMentee,
  type MatchMentor,
} from "./matching";
import { EXCLUDED, poolScorer } from "./matching-pool";
import { assignPool, type AssignmentMode, type PoolInput } from "./assignment";
import { bruteForce } from "./assignment-brute-force";

// Property tests: the fast paths (typed-array scoring, the solver chosen per component) against the straightforward
// ones (scorePair per pair, munkres and brute force) on random pools in several geographies.

const centroids = [
  { code: 751, lat: 56.157, lng: 10.211 }, // Aarhus
  { code: 706, lat: 56.208, lng: 10.455 }, // Syddjurs
  { code: 707, lat: 56.424, lng: 10.713 }, // Norddjurs
  { code: 727, lat: 56.053, lng: 9.952 }, // Odder
  { code: 621, lat: 55.49, lng: 9.472 }, // Kolding
  { code: 101, lat: 55.676, lng: 12.568 }, // København
];
const SECTIONS: Record<string, string> = {
  "41": "F",
  "42": "F",
  "43": "F",
  "46": "G",
  "47": "G",
  "56": "I",
  "55": "I",
  "86": "Q",
  "88": "Q",
};
const divisions = ["41", "42", "43", "46", "47", "55", "56", "86", "88", "99", ""]; // "99" and "" have no section
const employers = ["Byg A/S", "byg a/s", "Fakta ApS", "Netto", null];
const langs = ["da", "en", "ar", "ti", "uk", "so"];

type Geography = "one_city" | "region" | "national";
const where = (geo: Geography, r: Rng) =>
  geo === "one_city"
    ? 751
    : geo === "region"
      ? [751, 706, 707, 727][Math.floor(r() * 4)]
      : [...centroids.map((c) => c.code), 999][Math.floor(r() * 7)];
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const some = <T>(r: Rng, xs: readonly T[], max: number): T[] => xs.filter(() => r() < max / xs.length);

function randomMentor(r: Rng, id: number, geo: Geography): MatchMentor {
  return {
    id,
    status: pick(r, ["approved", "active", "active", "paused", "screening"] as const),
    pausedFrom: r() < 0.1 ? "2026-05-01" : null,
    pausedTo: r() < 0.1 ? "2026-07-01" : null,
    capacity: 1 + Math.floor(r() * 2),
    activeCourses: Math.floor(r() * 2),
    municipalityCode: where(geo, r),
    travelKm: pick(r, [5, 15, 30, 60, 200]),
    employer: pick(r, employers),
    industryCode: pick(r, divisions),
    networkIndustryCodes: some(r, divisions, 2),
    languages: some(r, langs, 2.5),
    gender: pick(r, ["female", "male", "other", null] as const),
    menteeGenderPreference: pick(r, ["none", "none", "none", "female", "male"] as const),
    offers: some(r, goals, 3.5) as Goal[],
    introductionRead: id % 20 !== 0, // (not drawn from r: the pools stay those the thresholds below were set for)
  };
}
function randomMentee(r: Rng, id: number, geo: Geography): MatchMentee {
  return {
    id,
    municipalityCode: where(geo, r),
    municipalityIsPartner: r() < 0.9,
    gender: pick(r, ["female", "male", null] as const),
    mentorGenderPreference: pick(r, ["none", "none", "none", "female", "male"] as const),
    languages: some(r, langs, 1.5),
    englishLevel: pick(r, ["none", "basic", "intermediate", "fluent"]),
    danishLevel: pick(r, ["none", "du1", "du2", "du3", "pd3"] as const),
    goals: some(r, goals, 2.5) as Goal[],
    wishedIndustryCodes: some(r, divisions, 2),
    currentInternshipEmployer: r() < 0.2 ? pick(r, employers) : null,
    referredAt: `2026-0${1 + Math.floor(r() * 5)}-1${Math.floor(r() * 9)}`,
  };
}
function randomWeights(r: Rng) {
  return r() < 0.5
    ? DEFAULT_WEIGHTS
    : normaliseWeights({
        industry: Math.floor(r() * 100),
        geography: Math.floor(r() * 100),
        language: Math.floor(r() * 100),
        goals: Math.floor(r() * 100),
        waiting: Math.floor(r() * 100),
        lowDanishLanguageFactor: 1 + r() * 4,
        geoRangeKm: 5 + Math.floor(r() * 200),
      });
}
function pool(seed: number, geo: Geography, mentees: number, mentors: number) {
  const r = createRng(seed);
  const ctx: MatchContext = {
    today: "2026-06-01",
    weights: randomWeights(r),
    distanceKm: distanceTable(centroids),
    sectionOf: (c) => SECTIONS[c],
  };
  const pes = Array.from({ length: mentees }, (_, i) => prepareMentee(randomMentee(r, 100 + i, geo), ctx));
  const pms = Array.from({ length: mentors }, (_, j) => prepareMentor(randomMentor(r, 500 + j, geo), ctx));
  return { ctx, pes, pms };
}
const geographies: Geography[] = ["one_city", "region", "national"];
/** Property tests over thousands of pairs: a few seconds on a quiet machine, more when the machine is shared. */
const HEAVY_MS = 60_000;

describe("pool scoring over typed arrays", () => {
  it(
    "gives every pair exactly scorePair's score in tenths (or excludes it), in several geographies and weights",
    () => {
      let allowed = 0;
      let excluded = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const geo = geographies[seed % 3];
        const { ctx, pes, pms } = pool(seed, geo, 25, 40);
        const scorer = poolScorer(pes, pms, ctx);
        const cols = Int32Array.from(pms, (_, j) => j);
        const out = new Int16Array(pms.length);
        pes.forEach((pe, i) => {
          scorer.scoreRow(i, cols, cols.length, out);
          pms.forEach((pm, j) => {
            const s = scorePair(pe, pm, ctx);
            expect(out[j], `seed ${seed} mentee ${i} mentor ${j}`).toBe(s < 0 ? EXCLUDED : Math.round(s * 10));
            if (s < 0) excluded++;
            else allowed++;
          });
        });
      }
      // The random pools exercise both outcomes plenty.
      expect(allowed).toBeGreaterThan(5_000);
      expect(excluded).toBeGreaterThan(5_000);
    },
    HEAVY_MS,
  );

  it("scores any subset of mentors, in any order, the same as the whole row", () => {
    const { ctx, pes, pms } = pool(7, "national", 10, 50);
    const scorer = poolScorer(pes, pms, ctx);
    const all = Int32Array.from(pms, (_, j) => j);
    const whole = new Int16Array(pms.length);
    const part = new Int16Array(pms.length);
    for (let i = 0; i < pes.length; i++) {
      scorer.scoreRow(i, all, all.length, whole);
      const subset = Int32Array.from(all.filter((j) => j % 3 !== 1).reverse());
      scorer.scoreRow(i, subset, subset.length, part);
      subset.forEach((j, k) => expect(part[k]).toBe(whole[j]));
    }
  });
});

describe("ranking one mentee: raw mentors (prepared only when a cheap rule does not exclude them) as prepared ones", () => {
  it("gives the same candidates, total and excluded list", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { ctx, pes, pms } = pool(seed, geographies[seed % 3], 8, 60);
      const raw = pms.map((p) => p.m);
      for (const pe of pes) {
        for (const opts of [{ limit: 10 }, { withExcluded: true }]) {
          expect(rankMentorsForMentee(pe.e, raw, ctx, opts), `seed ${seed}`).toEqual(
            rankMentorsForMentee(pe.e, pms, ctx, opts),
          );
        }
      }
    }
  });
});

describe("whole pool: fast paths against the straightforward ones", () => {
  const input = (
    seed: number,
    geo: Geography,
    m: number,
    n: number,
    mode: AssignmentMode,
    fast: boolean,
  ): PoolInput => {
    const { ctx, pes, pms } = pool(seed, geo, m, n);
    const near = travelCandidates(pms, ctx);
    const scorer = poolScorer(pes, pms, ctx);
    return {
      menteeIds: pes.map((p) => p.e.id),
      mentors: pms.map((p) => ({ id: p.m.id, free: p.free })),
      score: (i, j) => scorePair(pes[i], pms[j], ctx),
      ...(fast
        ? {
            scoreRow: (i: number, js: Int32Array, count: number, out: Int16Array) => scorer.scoreRow(i, js, count, out),
            candidatesOf: (i: number) => near(pes[i].e),
          }
        : {}),
      mode,
    };
  };

  it(
    "typed-array scoring with travel candidates finds the same pairs as scoring every pair one by one",
    () => {
      for (let seed = 1; seed <= 30; seed++) {
        for (const mode of ["best_score", "most_matched"] as const) {
          const geo = geographies[seed % 3];
          const slow = assignPool(input(seed, geo, 40, 35, mode, false));
          const fast = assignPool(input(seed, geo, 40, 35, mode, true));
          expect(fast.pairs, `seed ${seed} ${geo} ${mode}`).toEqual(slow.pairs);
          expect(fast.allowedPairs).toBe(slow.allowedPairs);
        }
      }
    },
    HEAVY_MS,
  );

  it("reaches the brute-force optimum on tiny pools, dense and sparse, whichever solver the components get", () => {
    for (let seed = 1; seed <= 80; seed++) {
      const geo = geographies[seed % 3];
      for (const mode of ["best_score", "most_matched"] as const) {
        const fast = input(seed, geo, 5, 4, mode, true);
        const res = assignPool(fast);
        const bf = bruteForce(fast);
        if (mode === "best_score") expect(res.totalScore, `seed ${seed} ${geo}`).toBeCloseTo(bf.best, 5);
        else {
          expect(res.pairs.length, `seed ${seed} ${geo}`).toBe(bf.maxCount);
          expect(res.totalScore, `seed ${seed} ${geo}`).toBeCloseTo(bf.bestScoreAtMaxCount, 5);
        }
      }
    }
  });

  it("the automatic choice, the shortest-path solver and munkres agree on the optimum of larger pools", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const geo = geographies[seed % 3];
      for (const mode of ["best_score", "most_matched"] as const) {
        const fast = input(seed, geo, 90, 80, mode, true);
        const auto = assignPool(fast);
        const sparse = assignPool({ ...fast, solver: "sparse" });
        const dense = assignPool({ ...fast, solver: "munkres" });
        expect(sparse.totalScore, `seed ${seed} ${geo} ${mode}`).toBeCloseTo(dense.totalScore, 5);
        expect(sparse.pairs.length).toBe(dense.pairs.length);
        expect(auto.totalScore).toBeCloseTo(dense.totalScore, 5);
        expect(auto.pairs.length).toBe(dense.pairs.length);
      }
    }
  });
});
