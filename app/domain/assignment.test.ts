import { describe, expect, it } from "vitest";
import { createRng } from "./random";
import { assignPool, type AssignmentMode, type PoolInput } from "./assignment";
import { bruteForce } from "./assignment-brute-force";

const rng = createRng;

function randomPool(seed: number, mode: AssignmentMode, maxM = 5, maxN = 4): PoolInput {
  const r = rng(seed);
  const M = 1 + Math.floor(r() * maxM);
  const N = 1 + Math.floor(r() * maxN);
  const scores = Array.from({ length: M }, () =>
    Array.from({ length: N }, () => (r() < 0.35 ? -1 : Math.round(r() * 1000) / 10)),
  );
  return {
    menteeIds: Array.from({ length: M }, (_, i) => 100 + i),
    mentors: Array.from({ length: N }, (_, j) => ({ id: 200 + j, free: r() < 0.25 ? 2 : r() < 0.1 ? 0 : 1 })),
    score: (i, j) => scores[i][j],
    mode,
  };
}

function check(input: PoolInput, pairs: { menteeId: number; mentorId: number }[]) {
  // Each mentee at most once, each mentor within its free places, only allowed pairs.
  const menteeSeen = new Set<number>();
  const load = new Map<number, number>();
  for (const p of pairs) {
    expect(menteeSeen.has(p.menteeId)).toBe(false);
    menteeSeen.add(p.menteeId);
    load.set(p.mentorId, (load.get(p.mentorId) ?? 0) + 1);
    const i = input.menteeIds.indexOf(p.menteeId);
    const j = input.mentors.findIndex((m) => m.id === p.mentorId);
    expect(input.score(i, j)).toBeGreaterThanOrEqual(0);
  }
  for (const m of input.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.free);
}

describe("whole-pool assignment", () => {
  it("best_score is optimal against brute force on 300 small random pools", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const input = randomPool(seed, "best_score");
      const res = assignPool(input);
      check(input, res.pairs);
      expect(res.totalScore, `seed ${seed}`).toBeCloseTo(bruteForce(input).best, 5);
    }
  });

  it("most_matched matches the maximum number, with the best score among those, and never fewer than best_score", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const most = randomPool(seed, "most_matched");
      const best = { ...most, mode: "best_score" as const };
      const a = assignPool(most);
      const b = assignPool(best);
      check(most, a.pairs);
      const bf = bruteForce(most);
      expect(a.pairs.length, `seed ${seed}`).toBe(bf.maxCount);
      expect(a.totalScore, `seed ${seed}`).toBeCloseTo(bf.bestScoreAtMaxCount, 5);
      expect(a.pairs.length).toBeGreaterThanOrEqual(b.pairs.length);
    }
  });

  it("most_matched can match more than best_score (classic example)", () => {
    // Mentee A is great with X and fair with Y; B only fits X. Best score: A–X alone (90 > 10 + 60). Most matched: both.
    const scores = [
      [90, 10],
      [60, -1],
    ];
    const base = {
      menteeIds: [1, 2],
      mentors: [
        { id: 10, free: 1 },
        { id: 11, free: 1 },
      ],
      score: (i: number, j: number) => scores[i][j],
    };
    expect(assignPool({ ...base, mode: "best_score" }).pairs).toEqual([{ menteeId: 1, mentorId: 10, score: 90 }]);
    expect(assignPool({ ...base, mode: "most_matched" }).pairs).toEqual([
      { menteeId: 1, mentorId: 11, score: 10 },
      { menteeId: 2, mentorId: 10, score: 60 },
    ]);
  });

  it("honours capacities: a mentor with two places takes two, one with none takes none", () => {
    const input: PoolInput = {
      menteeIds: [1, 2, 3, 4],
      mentors: [
        { id: 10, free: 2 },
        { id: 11, free: 0 },
        { id: 12, free: 1 },
      ],
      score: (_i, j) => (j === 0 ? 90 : j === 1 ? 99 : 50),
      mode: "most_matched",
    };
    const res = assignPool(input);
    check(input, res.pairs);
    expect(res.pairs.filter((p) => p.mentorId === 10)).toHaveLength(2);
    expect(res.pairs.filter((p) => p.mentorId === 11)).toHaveLength(0);
    expect(res.pairs).toHaveLength(3);
    expect(res.unmatchedMenteeIds).toHaveLength(1);
  });

  it("is deterministic: same input, any order, same pairs (ties broken stably)", () => {
    // All scores equal: many optimal answers; the chosen one must not depend on input order.
    const ids = [5, 3, 9, 1, 7];
    const mentors = [
      { id: 40, free: 1 },
      { id: 20, free: 1 },
      { id: 30, free: 1 },
    ];
    const a = assignPool({ menteeIds: ids, mentors, score: () => 50, mode: "best_score" });
    const perm = [...ids].reverse();
    const mperm = [...mentors].reverse();
    const b = assignPool({ menteeIds: perm, mentors: mperm, score: () => 50, mode: "best_score" });
    expect(b.pairs).toEqual(a.pairs);
    expect(assignPool({ menteeIds: ids, mentors, score: () => 50, mode: "best_score" }).pairs).toEqual(a.pairs);
    for (let seed = 1; seed <= 30; seed++) {
      const input = randomPool(seed, "best_score", 8, 6);
      expect(assignPool(input).pairs).toEqual(assignPool(input).pairs);
      expect(assignPool({ ...input, solver: "sparse" }).pairs).toEqual(
        assignPool({ ...input, solver: "sparse" }).pairs,
      );
    }
  });

  it("splits the pool into independent components without losing optimality", () => {
    // Two separate regions: mentees 1,2 only fit mentors 10,11; mentees 3,4 only fit 12.
    const s = [
      [80, 70, -1],
      [75, 20, -1],
      [-1, -1, 60],
      [-1, -1, 65],
    ];
    const input: PoolInput = {
      menteeIds: [1, 2, 3, 4],
      mentors: [
        { id: 10, free: 1 },
        { id: 11, free: 1 },
        { id: 12, free: 1 },
      ],
      score: (i, j) => s[i][j],
      mode: "best_score",
    };
    const res = assignPool(input);
    expect(res.components).toBe(2);
    expect(res.totalScore).toBeCloseTo(bruteForce(input).best, 5);
    expect(res.pairs).toEqual([
      { menteeId: 1, mentorId: 11, score: 70 },
      { menteeId: 2, mentorId: 10, score: 75 },
      { menteeId: 4, mentorId: 12, score: 65 },
    ]);
  });

  it("the sparse solver (used for large components) is optimal too, in both modes", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const best = { ...randomPool(seed, "best_score"), solver: "sparse" as const };
      const res = assignPool(best);
      check(best, res.pairs);
      expect(res.totalScore, `seed ${seed}`).toBeCloseTo(bruteForce(best).best, 5);
      const most = { ...best, mode: "most_matched" as const };
      const m = assignPool(most);
      check(most, m.pairs);
      const bf = bruteForce(most);
      expect(m.pairs.length, `seed ${seed}`).toBe(bf.maxCount);
      expect(m.totalScore, `seed ${seed}`).toBeCloseTo(bf.bestScoreAtMaxCount, 5);
    }
  });

  it("sparse and munkres agree on the optimum for larger random pools (beyond brute force)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const mode of ["best_score", "most_matched"] as const) {
        const input = randomPool(seed, mode, 60, 45);
        const a = assignPool({ ...input, solver: "munkres" });
        const b = assignPool({ ...input, solver: "sparse" });
        check(input, b.pairs);
        expect(b.pairs.length, `seed ${seed} ${mode}`).toBe(a.pairs.length);
        expect(b.totalScore, `seed ${seed} ${mode}`).toBeCloseTo(a.totalScore, 5);
      }
    }
  });

  it("sparse and munkres agree when scores tie a lot (the sparse solver's early cut must not skip an equal pair)", () => {
    for (let seed = 1; seed <= 20; seed++) {
      for (const mode of ["best_score", "most_matched"] as const) {
        const input = randomPool(seed, mode, 60, 45);
        const coarse = {
          ...input,
          score: (i: number, j: number) => {
            const s = input.score(i, j);
            return s < 0 ? s : Math.round(s / 25) * 25;
          },
        };
        const a = assignPool({ ...coarse, solver: "munkres" });
        const b = assignPool({ ...coarse, solver: "sparse" });
        check(coarse, b.pairs);
        expect(b.pairs.length, `seed ${seed} ${mode}`).toBe(a.pairs.length);
        expect(b.totalScore, `seed ${seed} ${mode}`).toBeCloseTo(a.totalScore, 5);
      }
    }
  });

  it("candidate lists only skip work: same result as scoring every pair", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const input = randomPool(seed, "best_score", 30, 20);
      const allowed = (i: number) => input.mentors.map((_, j) => j).filter((j) => input.score(i, j) >= 0);
      expect(assignPool({ ...input, candidatesOf: allowed }).pairs).toEqual(assignPool(input).pairs);
    }
  });

  it("handles an empty pool and a pool with no allowed pairs", () => {
    expect(assignPool({ menteeIds: [], mentors: [], score: () => 1, mode: "best_score" }).pairs).toEqual([]);
    const none = assignPool({ menteeIds: [1], mentors: [{ id: 2, free: 1 }], score: () => -1, mode: "most_matched" });
    expect(none.pairs).toEqual([]);
    expect(none.unmatchedMenteeIds).toEqual([1]);
  });
});
