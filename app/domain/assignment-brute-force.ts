/**
 * The exact answer by exhaustive search, for the tests of the solvers (assignment.test.ts, matching-pool.test.ts):
 * tiny pools only (it tries every feasible assignment).
 */
import { SCALE, type PoolInput } from "./assignment";

/** Exhaustive search for tests: the best total (and matched count) over every feasible assignment. */
export function bruteForce(input: PoolInput): {
  best: number;
  bestCount: number;
  maxCount: number;
  bestScoreAtMaxCount: number;
} {
  const M = input.menteeIds.length;
  const free = input.mentors.map((m) => m.free);
  let best = 0;
  let bestCount = 0;
  let maxCount = 0;
  let bestScoreAtMaxCount = 0;
  const walk = (r: number, total: number, count: number) => {
    if (r === M) {
      if (total > best) {
        best = total;
        bestCount = count;
      }
      if (count > maxCount || (count === maxCount && total > bestScoreAtMaxCount)) {
        maxCount = count;
        bestScoreAtMaxCount = total;
      }
      return;
    }
    walk(r + 1, total, count);
    for (let c = 0; c < free.length; c++) {
      if (free[c] <= 0) continue;
      const s = input.score(r, c);
      if (s < 0) continue;
      free[c]--;
      walk(r + 1, total + Math.round(s * SCALE), count + 1);
      free[c]++;
    }
  };
  walk(0, 0, 0);
  return { best: best / SCALE, bestCount, maxCount, bestScoreAtMaxCount: bestScoreAtMaxCount / SCALE };
}
