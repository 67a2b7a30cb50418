/**
 * Whole-pool assignment: every waiting mentee × every matchable mentor, each mentor taking at most their free places,
 * solved optimally with the Hungarian algorithm (npm `munkres`, a rectangular solver with O(M+N) extra memory).
 *
 * - Capacities: a mentor with k free places becomes k identical columns ("slots").
 * - Modes: "best_score" maximises the total score; "most_matched" first maximises the number of matched pairs and,
 *   among those, the total score (lexicographic, by giving every allowed pair a bonus larger than any score total).
 * - Exactness-preserving reductions before solving: mentees without any allowed mentor and mentors without any
 *   allowed mentee are dropped, a mentor never gets more slots than allowed mentees, and the bipartite graph of
 *   allowed pairs is split into connected components that are solved separately (no allowed pair crosses two
 *   components, so the sum of the components' optima is the global optimum).
 * - Determinism: inputs are sorted by id before building the matrix, and the solver is deterministic, so the same
 *   input always gives the same pairs whatever order it arrived in.
 * Scores are handled as integers (tenths of a point) so sums are exact.
 */
import { munkres } from "munkres";

export type AssignmentMode = "best_score" | "most_matched";
export const assignmentModes = ["best_score", "most_matched"] as const satisfies readonly AssignmentMode[];

export type PoolInput = {
  menteeIds: readonly number[];
  mentors: readonly { id: number; free: number }[];
  /** Score 0..100 of an allowed pair, or a negative number when a hard rule excludes it. Indices into the inputs. */
  score: (menteeIndex: number, mentorIndex: number) => number;
  mode: AssignmentMode;
};
export type Pair = { menteeId: number; mentorId: number; score: number };
export type PoolResult = {
  pairs: Pair[]; totalScore: number; unmatchedMenteeIds: number[];
  /** Connected components solved, and the largest one (mentees × mentors): for the benchmark and the docs. */
  components: number; largest: [number, number];
  /** Milliseconds spent scoring pairs and solving (performance.now; no business logic depends on it). */
  timings: { scoringMs: number; solvingMs: number };
};

const SCALE = 10; // tenths of a point

export function assignPool(input: PoolInput): PoolResult {
  const t0 = performance.now();
  const menteeOrder = input.menteeIds.map((id, i) => ({ id, i })).sort((a, b) => a.id - b.id);
  const mentorOrder = input.mentors.map((m, i) => ({ ...m, i })).filter((m) => m.free > 0).sort((a, b) => a.id - b.id);
  const M = menteeOrder.length;
  const N = mentorOrder.length;

  // Every pair scored once into a flat integer matrix (tenths of a point; -1 = excluded by a hard rule).
  const scores = new Int16Array(M * N);
  const mentorDeg = new Int32Array(N);
  const menteeDeg = new Int32Array(M);
  for (let r = 0; r < M; r++) {
    const mi = menteeOrder[r].i;
    const base = r * N;
    for (let c = 0; c < N; c++) {
      const s = input.score(mi, mentorOrder[c].i);
      if (s >= 0) {
        scores[base + c] = Math.round(s * SCALE);
        mentorDeg[c]++;
        menteeDeg[r]++;
      } else scores[base + c] = -1;
    }
  }
  const t1 = performance.now();

  // Connected components of the allowed-pair graph (union-find over M + N nodes).
  const parent = new Int32Array(M + N).map((_, k) => k);
  const find = (x: number): number => {
    while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; }
    return x;
  };
  for (let r = 0; r < M; r++) {
    const base = r * N;
    for (let c = 0; c < N; c++) {
      if (scores[base + c] < 0) continue;
      const a = find(r); const b = find(M + c);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, { rows: number[]; cols: number[] }>();
  for (let r = 0; r < M; r++) {
    if (!menteeDeg[r]) continue;
    const g = find(r);
    if (!groups.has(g)) groups.set(g, { rows: [], cols: [] });
    groups.get(g)!.rows.push(r);
  }
  for (let c = 0; c < N; c++) {
    if (!mentorDeg[c]) continue;
    groups.get(find(M + c))!.cols.push(c);
  }

  const pairs: Pair[] = [];
  let largest: [number, number] = [0, 0];
  for (const { rows, cols } of groups.values()) {
    if (rows.length * cols.length > largest[0] * largest[1]) largest = [rows.length, cols.length];
    // Slots: each mentor repeated min(free, allowed mentees) times.
    const slotMentor: number[] = [];
    for (const c of cols) {
      const k = Math.min(mentorOrder[c].free, mentorDeg[c]);
      for (let j = 0; j < k; j++) slotMentor.push(c);
    }
    const R = rows.length;
    const S = slotMentor.length;
    const n = Math.min(R, S);
    // Costs (minimised). Best score: allowed 1000 - s, excluded 1000 (same as leaving the mentee unmatched).
    // Most matched: excluded costs more than any difference in score totals can make up, so one more pair always wins.
    const BASE = 100 * SCALE;
    const excludedCost = input.mode === "most_matched" ? BASE * (n + 1) + 1 : BASE;
    const matrix: number[][] = new Array(R);
    for (let a = 0; a < R; a++) {
      const base = rows[a] * N;
      const row: number[] = new Array(S);
      for (let k = 0; k < S; k++) {
        const sc = scores[base + slotMentor[k]];
        row[k] = sc < 0 ? excludedCost : BASE - sc;
      }
      matrix[a] = row;
    }
    const result = munkres(matrix);
    for (const [a, k] of result) {
      const r = rows[a];
      const c = slotMentor[k];
      const sc = scores[r * N + c];
      if (sc < 0) continue; // an excluded pair stands for "unmatched"
      pairs.push({ menteeId: menteeOrder[r].id, mentorId: mentorOrder[c].id, score: sc / SCALE });
    }
  }
  pairs.sort((a, b) => a.menteeId - b.menteeId);
  const matched = new Set(pairs.map((p) => p.menteeId));
  return {
    pairs,
    totalScore: pairs.reduce((t, p) => t + Math.round(p.score * SCALE), 0) / SCALE,
    unmatchedMenteeIds: menteeOrder.map((m) => m.id).filter((id) => !matched.has(id)),
    components: groups.size,
    largest,
    timings: { scoringMs: t1 - t0, solvingMs: performance.now() - t1 },
  };
}

/** Exhaustive search for tests: the best total (and matched count) over every feasible assignment. */
export function bruteForce(input: PoolInput): { best: number; bestCount: number; maxCount: number; bestScoreAtMaxCount: number } {
  const M = input.menteeIds.length;
  const free = input.mentors.map((m) => m.free);
  let best = 0; let bestCount = 0; let maxCount = 0; let bestScoreAtMaxCount = 0;
  const walk = (r: number, total: number, count: number) => {
    if (r === M) {
      if (total > best) { best = total; bestCount = count; }
      if (count > maxCount || (count === maxCount && total > bestScoreAtMaxCount)) { maxCount = count; bestScoreAtMaxCount = total; }
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
