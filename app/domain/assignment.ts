/**
 * Whole-pool assignment: every waiting mentee × every matchable mentor, each mentor taking at most their free places,
 * solved exactly (maximum total score, or maximum number of pairs and then maximum score).
 *
 * - Capacities: a mentor with k free places becomes k identical columns ("slots").
 * - Modes: "best_score" maximises the total score; "most_matched" first maximises the number of matched pairs and,
 *   among those, the total score (lexicographic, by making "unmatched" cost more than any score difference).
 * - Exactness-preserving reductions before solving: only allowed pairs are kept (the caller may pass candidate lists
 *   that already leave out pairs a hard rule excludes, e.g. mentors outside any travel distance); mentees without any
 *   allowed mentor and mentors without any allowed mentee are dropped; a mentor never gets more slots than allowed
 *   mentees; and the bipartite graph of allowed pairs is split into connected components solved separately (no
 *   allowed pair crosses two components, so the sum of the components' optima is the global optimum).
 * - Solvers, chosen per component by density and size (`shouldUseMunkres`): a dense, small component goes to npm `munkres`
 *   (Hungarian algorithm on a dense matrix of Int32 rows); every other one to `sparseAssign` (assignment-sparse.ts): the same Hungarian
 *   method as successive shortest augmenting paths (Dijkstra with potentials) over the allowed pairs only, plus one
 *   private "unmatched" column per mentee, with each mentee's pairs scanned cheapest first and cut off once they
 *   cannot beat the best free column found. On large dense components (everyone in one municipality) it beats
 *   munkres and the other dense solvers measured (docs/benchmarks.md). Both are exact; unit tests check both against
 *   brute force and against each other.
 * - Scoring: `scoreRow` (typed-array scoring of a whole row, `poolScorer`) when given, else `score` pair by pair; each
 *   row is kept best score first as it is scored (`PairRows`, assignment-rows.ts), the order the solver reads it in.
 * - Determinism: inputs are sorted by id, and both solvers are deterministic, so the same input always gives the same
 *   pairs whatever order it arrived in.
 * Scores are handled as integers (tenths of a point) so sums are exact.
 */
import { munkres } from "munkres";
import { sparseAssign } from "./assignment-sparse";
import { MAX_TENTHS, PairRows, slotRows } from "./assignment-rows";

export type AssignmentMode = "best_score" | "most_matched";
export const assignmentModes = ["best_score", "most_matched"] as const satisfies readonly AssignmentMode[];

export type PoolInput = {
  menteeIds: readonly number[];
  mentors: readonly { id: number; free: number }[];
  /** Score 0..100 of an allowed pair, or a negative number when a hard rule excludes it. Indices into the inputs. */
  score: (menteeIndex: number, mentorIndex: number) => number;
  /**
   * Optional fast path, used instead of `score` when given: scores mentee `menteeIndex` against the mentors
   * `mentorIndices[0..count-1]` at once, writing Math.round(score × 10) or a negative number into `out` (see
   * `poolScorer` in matching-pool.ts). Must agree with `score`.
   */
  scoreRow?: (menteeIndex: number, mentorIndices: Int32Array, count: number, out: Int16Array) => void;
  /**
   * Optional: the mentor indices worth scoring for a mentee (a superset of the allowed ones). Without it every pair is
   * scored. Leaving out a mentor here means "excluded", so only leave out pairs a hard rule excludes.
   */
  candidatesOf?: (menteeIndex: number) => Iterable<number>;
  mode: AssignmentMode;
  /**
   * Which solver for each component: "auto" (munkres for small dense components, see `shouldUseMunkres`; the
   * shortest-augmenting-path solver otherwise), or force one (tests, benchmark).
   */
  solver?: "auto" | "munkres" | "sparse";
  /** Optional: told where the work is (rows scored; rows solved, component k of n), every few hundred rows. */
  onProgress?: (p: PoolProgress) => void;
};
export type PoolProgress = {
  stage: "scoring" | "solving";
  done: number;
  total: number;
  component?: number;
  components?: number;
};
export type Pair = { menteeId: number; mentorId: number; score: number };
export type PoolResult = {
  pairs: Pair[];
  totalScore: number;
  unmatchedMenteeIds: number[];
  /** Connected components solved, the largest one (mentees × mentors) and allowed pairs: for the benchmark and docs. */
  components: number;
  largest: [number, number];
  allowedPairs: number;
  /** Milliseconds spent scoring pairs and solving (performance.now; no business logic depends on it). */
  timings: { scoringMs: number; solvingMs: number };
  /** Which solver the largest component used. */
  solver: "munkres" | "sparse" | "none";
  /** Allowed pairs per mentee, by the mentee's index in the input (0: no mentor was allowed at all). */
  allowedPerMentee: Int32Array;
};

const SCALE = 10; // tenths of a point
const BASE = MAX_TENTHS; // cost of a pair = BASE - score (so every cost is >= 0)
/** munkres takes a component when it is dense (allowed pairs / (mentees × mentors)) and small; see `shouldUseMunkres`. */
export const MUNKRES_MIN_DENSITY = 0.5;
export const MUNKRES_MAX_CELLS = 100_000;

/**
 * The solver for a component of `rows` mentees, `slots` mentor places and `pairs` allowed pairs (of rows × mentors
 * possible). munkres works on the whole matrix, so it pays only where most cells are allowed pairs, and its run time
 * grows with the cube of the size even then. Measured on one-city pools (scores in tenths, many ties): munkres is
 * faster up to about 200 mentees (200: 4.5 ms against 5.3 ms), slower from about 500 (0.67 s against 0.36 s) and far
 * slower at 5 000 × 5 300 (25 s against about 3 s); see docs/benchmarks.md.
 */
export function shouldUseMunkres(rows: number, mentors: number, slots: number, pairs: number): boolean {
  return pairs >= MUNKRES_MIN_DENSITY * rows * mentors && rows * slots <= MUNKRES_MAX_CELLS;
}

export function assignPool(input: PoolInput): PoolResult {
  const t0 = performance.now();
  const menteeOrder = input.menteeIds.map((id, i) => ({ id, i })).sort((a, b) => a.id - b.id);
  const mentorOrder = input.mentors
    .map((m, i) => ({ ...m, i }))
    .filter((m) => m.free > 0)
    .sort((a, b) => a.id - b.id);
  const M = menteeOrder.length;
  const N = mentorOrder.length;
  const posOfMentor = new Int32Array(input.mentors.length).fill(-1);
  mentorOrder.forEach((m, c) => {
    posOfMentor[m.i] = c;
  });

  // Allowed pairs, scored once, as CSR rows sorted best score first (PairRows). Hot loop: plain indices and typed arrays.
  const edges = new PairRows();
  const rowStart = new Int32Array(M + 1);
  const mentorDeg = new Int32Array(N);
  const inputIndexOf = Int32Array.from(mentorOrder, (m) => m.i);
  const score = input.score;
  const scoreMany = input.scoreRow;
  let scratch = new Int32Array(Math.max(16, input.mentors.length));
  let positions = new Int32Array(Math.max(16, input.mentors.length));
  let indices = new Int32Array(Math.max(16, input.mentors.length));
  let scores = new Int16Array(Math.max(16, input.mentors.length));
  /** Scores row `r` against the mentor positions cols[0..count-1] (ascending, maybe repeated) into the CSR. */
  const scoreRow = (mi: number, cols: Int32Array, count: number) => {
    if (indices.length < count) {
      positions = new Int32Array(count);
      indices = new Int32Array(count);
      scores = new Int16Array(count);
    }
    let n = 0,
      prev = -1;
    for (let k = 0; k < count; k++) {
      const c = cols[k];
      if (c !== prev) {
        positions[n] = c;
        indices[n++] = inputIndexOf[c];
        prev = c;
      }
    }
    if (scoreMany) scoreMany(mi, indices, n, scores);
    else
      for (let k = 0; k < n; k++) {
        const s = score(mi, indices[k]);
        scores[k] = s >= 0 ? Math.round(s * SCALE) : -1;
      }
    edges.appendRow(positions, scores, n, mentorDeg);
  };
  const allCols = Int32Array.from({ length: N }, (_, c) => c);
  const onProgress = input.onProgress;
  // Room for every pair at once when the candidate lists tell their sizes (no copying while the arrays grow).
  let upperBound = 0;
  for (let r = 0; r < M && upperBound >= 0; r++) {
    const found = input.candidatesOf ? input.candidatesOf(menteeOrder[r].i) : allCols;
    upperBound =
      ArrayBuffer.isView(found) || Array.isArray(found) ? upperBound + (found as ArrayLike<number>).length : -1;
  }
  if (upperBound > 0) edges.reserve(Math.min(upperBound, M * N));
  for (let r = 0; r < M; r++) {
    if (onProgress && (r & 255) === 0) onProgress({ stage: "scoring", done: r, total: M });
    rowStart[r] = edges.n;
    const mi = menteeOrder[r].i;
    if (!input.candidatesOf) {
      scoreRow(mi, allCols, N);
      continue;
    }
    const found = input.candidatesOf(mi);
    let count = 0;
    const add = (j: number) => {
      const c = posOfMentor[j];
      if (c < 0) return;
      if (count === scratch.length) {
        const grown = new Int32Array(count * 2);
        grown.set(scratch);
        scratch = grown;
      }
      scratch[count++] = c;
    };
    if (ArrayBuffer.isView(found) || Array.isArray(found)) {
      const list = found as ArrayLike<number>;
      for (let k = 0; k < list.length; k++) add(list[k]);
    } else {
      for (const j of found) add(j);
    }
    let sorted = true;
    for (let k = 1; k < count && sorted; k++) sorted = scratch[k - 1] <= scratch[k];
    if (!sorted) scratch.subarray(0, count).sort();
    scoreRow(mi, scratch, count);
  }
  rowStart[M] = edges.n;
  const t1 = performance.now();

  // Connected components of the allowed-pair graph (union-find over M + N nodes).
  const parent = new Int32Array(M + N).map((_, k) => k);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const col = edges.col;
  for (let r = 0; r < M; r++) {
    // The row's root once; a column already under it (most of a dense row) costs one load.
    let a = find(r);
    for (let e = rowStart[r], end = rowStart[r + 1]; e < end; e++) {
      const x = M + col[e];
      if (parent[x] === a) continue;
      const b = find(x);
      if (a === b) continue;
      if (a < b) parent[b] = a;
      else {
        parent[a] = b;
        a = b;
      }
    }
  }
  const groups = new Map<number, { rows: number[]; cols: number[] }>();
  for (let r = 0; r < M; r++) {
    if (rowStart[r + 1] === rowStart[r]) continue;
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
  let solver: PoolResult["solver"] = "none";
  // Slots: each mentor repeated min(free, allowed mentees) times, numbered consecutively within a component.
  const firstSlot = new Int32Array(N);
  const slotCount = new Int32Array(N);
  let rowsSolved = 0;
  let componentNo = 0;
  let rowsInComponents = 0;
  for (const { rows } of groups.values()) rowsInComponents += rows.length;
  for (const { rows, cols } of groups.values()) {
    componentNo++;
    const solvedBefore = rowsSolved;
    const tell = onProgress
      ? (done: number) =>
          onProgress({
            stage: "solving",
            done: solvedBefore + done,
            total: rowsInComponents,
            component: componentNo,
            components: groups.size,
          })
      : undefined;
    tell?.(0);
    rowsSolved += rows.length;
    const isLargest = rows.length * cols.length > largest[0] * largest[1];
    if (isLargest) largest = [rows.length, cols.length];
    let S = 0;
    for (const c of cols) {
      firstSlot[c] = S;
      slotCount[c] = Math.min(mentorOrder[c].free, mentorDeg[c]);
      S += slotCount[c];
    }
    const slotMentor = new Int32Array(S);
    for (const c of cols) slotMentor.fill(c, firstSlot[c], firstSlot[c] + slotCount[c]);
    const R = rows.length;
    const n = Math.min(R, S);
    // "Unmatched" costs the same as a 0-point pair (best score), or more than any score difference (most matched).
    const unmatchedCost = input.mode === "most_matched" ? BASE * (n + 1) + 1 : BASE;
    let pairsInComponent = 0;
    for (const r of rows) pairsInComponent += rowStart[r + 1] - rowStart[r];
    const byMunkres =
      input.solver === "munkres" ||
      (input.solver !== "sparse" && shouldUseMunkres(R, cols.length, S, pairsInComponent));
    if (isLargest) solver = byMunkres ? "munkres" : "sparse";
    let assignment: [number, number][];
    if (byMunkres) {
      // Whole numbers in typed rows: munkres reads them as they are (number[][] of the same values ran 1.7 times slower).
      const matrix: Int32Array[] = new Array(R);
      for (let a = 0; a < R; a++) {
        const row = new Int32Array(S).fill(unmatchedCost);
        const r = rows[a];
        for (let e = rowStart[r]; e < rowStart[r + 1]; e++) {
          const c = edges.col[e];
          row.fill(BASE - edges.sc[e], firstSlot[c], firstSlot[c] + slotCount[c]);
        }
        matrix[a] = row;
      }
      assignment = munkres(matrix);
    } else {
      const { rowPtr, pair } = slotRows(edges, rowStart, rows, cols, mentorDeg, firstSlot, slotCount);
      assignment = sparseAssign(rowPtr, pair, S, unmatchedCost, tell).pairs;
    }
    for (const [a, k] of assignment) {
      if (k < 0 || k >= S) continue;
      const r = rows[a];
      const c = slotMentor[k];
      const sc = edges.scoreIn(rowStart[r], rowStart[r + 1], c);
      if (sc < 0) continue; // an excluded pair stands for "unmatched"
      pairs.push({ menteeId: menteeOrder[r].id, mentorId: mentorOrder[c].id, score: sc / SCALE });
    }
  }

  pairs.sort((a, b) => a.menteeId - b.menteeId);
  const allowedPerMentee = new Int32Array(input.menteeIds.length);
  for (let r = 0; r < M; r++) allowedPerMentee[menteeOrder[r].i] = rowStart[r + 1] - rowStart[r];
  const matched = new Set(pairs.map((p) => p.menteeId));
  return {
    pairs,
    totalScore: pairs.reduce((t, p) => t + Math.round(p.score * SCALE), 0) / SCALE,
    unmatchedMenteeIds: menteeOrder.map((m) => m.id).filter((id) => !matched.has(id)),
    components: groups.size,
    largest,
    allowedPairs: edges.n,
    solver,
    allowedPerMentee,
    timings: { scoringMs: t1 - t0, solvingMs: performance.now() - t1 },
  };
}

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
