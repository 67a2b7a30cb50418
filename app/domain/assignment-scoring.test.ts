import { describe, expect, it } from "vitest";
import { createRng } from "./random";
import { goals, type Goal } from "./enums";
import {
  DEFAULT_WEIGHTS,
  distanceTable,
  prepareMentee,
  prepareMentor,
  scorePair,
  travelCandidates,
  type MatchContext,
  type MatchMentee,
  type MatchMentor,
} from "./matching";
import { poolScorer } from "./matching-pool";
import { assignPool, type AssignmentMode, type PoolInput } from "./assignment";
import type { HelperThreads } from "./assignment-scoring";
import { scoringThreads } from "./pool-threads.server";

// Scoring a pool on helper threads beside this one must give the very rows, and so the very assignment, that scoring
// on this thread alone gives; a helper that fails or never starts must leave the result unchanged.

const centroids = [
  { code: 751, lat: 56.157, lng: 10.211 },
  { code: 706, lat: 56.208, lng: 10.455 },
  { code: 727, lat: 56.053, lng: 9.952 },
  { code: 101, lat: 55.676, lng: 12.568 },
];
const divisions = ["41", "43", "46", "47", "56", "86", "99"];
const sections: Record<string, string> = { "41": "F", "43": "F", "46": "G", "47": "G", "56": "I", "86": "Q" };

function pool(seed: number, mentees: number, mentors: number, mode: AssignmentMode) {
  const r = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const code = () => pick(centroids).code;
  const ctx: MatchContext = {
    today: "2026-06-01",
    weights: DEFAULT_WEIGHTS,
    distanceKm: distanceTable(centroids),
    sectionOf: (c) => sections[c],
  };
  const ms: MatchMentor[] = Array.from({ length: mentors }, (_, j) => ({
    id: 1000 + j,
    status: pick(["approved", "active", "paused"] as const),
    pausedFrom: null,
    pausedTo: null,
    capacity: 1 + Math.floor(r() * 2),
    activeCourses: 0,
    municipalityCode: code(),
    travelKm: pick([10, 40, 200]),
    employer: pick(["Byg A/S", "Netto", null]),
    industryCode: pick(divisions),
    networkIndustryCodes: [pick(divisions)],
    languages: ["da", pick(["en", "ar", "uk"])],
    gender: pick(["female", "male"] as const),
    menteeGenderPreference: pick(["none", "none", "female"] as const),
    offers: goals.filter(() => r() < 0.4) as Goal[],
    introductionRead: true,
  }));
  const es: MatchMentee[] = Array.from({ length: mentees }, (_, i) => ({
    id: 10 + i,
    municipalityCode: code(),
    municipalityIsPartner: r() < 0.95,
    gender: pick(["female", "male", null] as const),
    mentorGenderPreference: pick(["none", "none", "male"] as const),
    languages: [pick(["ar", "uk", "so", "en"])],
    englishLevel: pick(["none", "fluent"]),
    danishLevel: pick(["du1", "du3"] as const),
    goals: goals.filter(() => r() < 0.3) as Goal[],
    wishedIndustryCodes: [pick(divisions), pick(divisions)],
    currentInternshipEmployer: r() < 0.2 ? "Netto" : null,
    referredAt: `2026-0${1 + Math.floor(r() * 5)}-15`,
  }));
  const pes = es.map((e) => prepareMentee(e, ctx));
  const pms = ms.map((m) => prepareMentor(m, ctx));
  const near = travelCandidates(pms, ctx);
  const scorer = poolScorer(pes, pms, ctx);
  const input: PoolInput = {
    menteeIds: es.map((e) => e.id),
    mentors: pms.map((p) => ({ id: p.m.id, free: p.free })),
    score: (i, j) => scorePair(pes[i], pms[j], ctx),
    candidatesOf: (i) => near(es[i]),
    features: scorer.features,
    mode,
  };
  return input;
}

describe("scoring a pool on helper threads", () => {
  it("gives the same pairs, totals and allowed pairs as this thread alone and as pair-by-pair scoring", () => {
    const threads = scoringThreads(2);
    for (let seed = 1; seed <= 4; seed++) {
      const mode = seed % 2 ? "best_score" : "most_matched";
      const input = pool(seed, 150 + 40 * seed, 180, mode);
      const alone = assignPool(input);
      // Helpers from the first candidate pair on (every pool here is far below PARALLEL_MIN_PAIRS).
      const helped = assignPool({ ...input, threads: { ...threads, available: () => 2 }, parallelMinPairs: 0 });
      const { features: _, ...plain } = input;
      const slow = assignPool(plain);
      expect(alone.scoring.threads).toBe(1);
      expect(helped.scoring.threads).toBe(3);
      expect(helped.pairs, `seed ${seed}`).toEqual(alone.pairs);
      expect(helped.totalScore).toBe(alone.totalScore);
      expect(helped.allowedPairs).toBe(alone.allowedPairs);
      expect([...helped.allowedPerMentee]).toEqual([...alone.allowedPerMentee]);
      expect(alone.pairs).toEqual(slow.pairs);
      expect(alone.allowedPairs).toBe(slow.allowedPairs);
    }
  }, 30_000); // thread start-ups on a loaded machine

  it("has a helper thread score blocks with the kernel's own text", () => {
    const input = pool(11, 1500, 800, "best_score");
    const real = scoringThreads(1);
    // This thread claims blocks only once start() returns: waiting here for block 0 makes it the helper's.
    const threads: HelperThreads = {
      available: () => 1,
      start: (job, n) => {
        const stop = real.start(job, n);
        Atomics.wait(job.state, 0, 0, 20_000);
        return stop;
      },
    };
    const helped = assignPool({ ...input, threads, parallelMinPairs: 1 });
    expect(helped.scoring.threads).toBe(2);
    expect(helped.scoring.helperBlocks).toBeGreaterThanOrEqual(1);
    expect(helped.scoring.helperPairs).toBeGreaterThan(0);
    expect(helped.scoring.helperPairs).toBeLessThanOrEqual(helped.scoring.candidatePairs);
    expect(helped.pairs).toEqual(assignPool(input).pairs);
  }, 30_000);

  it("stays on this thread below the threshold", () => {
    const input = pool(3, 50, 40, "best_score");
    let started = 0;
    const threads: HelperThreads = {
      available: () => 1,
      start: () => {
        started++;
        return () => {};
      },
    };
    const r = assignPool({ ...input, threads });
    expect(started).toBe(0);
    expect(r.scoring.threads).toBe(1);
  });

  it("scores alone, with the same result, when helpers cannot start or fail", () => {
    const input = pool(5, 300, 250, "most_matched");
    const alone = assignPool(input);
    const cannotStart: HelperThreads = {
      available: () => 1,
      start: () => {
        throw new Error("no threads here");
      },
    };
    // A helper that claims a block and fails on it (as a crash inside the kernel would).
    const failing: HelperThreads = {
      available: () => 1,
      start: (job) => {
        const b = Atomics.add(job.control, 0, 1);
        Atomics.store(job.control, 1, 1);
        Atomics.store(job.state, b, 2);
        return () => {};
      },
    };
    // A real helper thread that fails on its first block (features it cannot read): marked failed, everyone stops.
    const real = scoringThreads(1);
    let firstBlock = -1;
    const crashing: HelperThreads = {
      available: () => 1,
      start: (job, n) => {
        const stop = real.start({ ...job, f: { ...job.f, eOffset: undefined as unknown as Int32Array } }, n);
        Atomics.wait(job.state, 0, 0, 20_000);
        firstBlock = Atomics.load(job.state, 0);
        return stop;
      },
    };
    for (const threads of [cannotStart, failing, crashing]) {
      const r = assignPool({ ...input, threads, parallelMinPairs: 0 });
      expect(r.pairs).toEqual(alone.pairs);
      expect(r.allowedPairs).toBe(alone.allowedPairs);
      expect([...r.allowedPerMentee]).toEqual([...alone.allowedPerMentee]);
      expect(r.scoring.threads).toBe(1);
    }
    expect(firstBlock).toBe(2); // the helper did run and marked its block failed
  }, 30_000);
});
