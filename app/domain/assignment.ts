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
 * - Scoring: from the pool's `features` (`poolScorer`/`poolFeatures`, matching-pool.ts) when given, in blocks of rows,
 *   with helper threads beside this one on a large pool (`threads`, assignment-scoring.ts); else `scoreRow` or `score`
 *   row by row. Each row is kept best score first as it is scored (assignment-rows.ts), the order the solver reads it in.
 * - Determinism: inputs are sorted by id, and both solvers are deterministic, so the same input always gives the same
 *   pairs whatever order it arrived in.
 * Scores are handled as integers (tenths of a point) so sums are exact.
 */
import { munkres } from "munkres";
import { sparseAssign } from "./assignment-sparse";
import { MAX_TENTHS, PairRows, scoreIn, slotRows, type ScoredRows } from "./assignment-rows";
import { scoreByFeatures, type HelperThreads } from "./assignment-scoring";
import type { PoolFeatures } from "./matching-pool-kernel";

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
  /**
   * Optional fastest path, used instead of `scoreRow` and `score` when given: the pool's features (`poolScorer(…).features`,
   * indices as in the inputs), scored in blocks of rows by the kernel of matching-pool-kernel.ts.
   */
  features?: PoolFeatures;
  /** With `features`: helper threads that score beside this one when the pool is large (pool-threads.server.ts). */
  threads?: HelperThreads;
  /** With `threads`: candidate pairs from which helpers are used (default PARALLEL_MIN_PAIRS, assignment-scoring.ts). */
  parallelMinPairs?: number;
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
  /** Threads that scored (1: this one alone) and the blocks and candidate pairs helper threads scored. */
  scoring: { threads: number; helperBlocks: number; helperPairs: number; candidatePairs: number; waitMs: number };
  /** Which solver the largest component used. */
  solver: "munkres" | "sparse" | "none";
  /** Allowed pairs per mentee, by the mentee's index in the input (0: no mentor was allowed at all). */
  allowedPerMentee: Int32Array;
};

export const SCALE = 10; // tenths of a point
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

  const inputIndexOf = Int32Array.from(mentorOrder, (m) => m.i);
  const rows = input.features
    ? scoreWithFeatures(input, menteeOrder, posOfMentor, inputIndexOf)
    : scoreOneByOne(input, menteeOrder, posOfMentor, inputIndexOf);
  const { rowStart, rowEnd, degree: mentorDeg } = rows;
  const onProgress = input.onProgress;
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
  const col = rows.col;
  for (let r = 0; r < M; r++) {
    // The row's root once; a column already under it (most of a dense row) costs one load.
    let a = find(r);
    for (let e = rowStart[r], end = rowEnd[r]; e < end; e++) {
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
    if (rowEnd[r] === rowStart[r]) continue;
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
  for (const group of groups.values()) {
    const { cols } = group,
      members = group.rows;
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
    rowsSolved += members.length;
    const isLargest = members.length * cols.length > largest[0] * largest[1];
    if (isLargest) largest = [members.length, cols.length];
    let S = 0;
    for (const c of cols) {
      firstSlot[c] = S;
      slotCount[c] = Math.min(mentorOrder[c].free, mentorDeg[c]);
      S += slotCount[c];
    }
    const slotMentor = new Int32Array(S);
    for (const c of cols) slotMentor.fill(c, firstSlot[c], firstSlot[c] + slotCount[c]);
    const R = members.length;
    const n = Math.min(R, S);
    // "Unmatched" costs the same as a 0-point pair (best score), or more than any score difference (most matched).
    const unmatchedCost = input.mode === "most_matched" ? BASE * (n + 1) + 1 : BASE;
    let pairsInComponent = 0;
    for (const r of members) pairsInComponent += rowEnd[r] - rowStart[r];
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
        const r = members[a];
        for (let e = rowStart[r]; e < rowEnd[r]; e++) {
          const c = rows.col[e];
          row.fill(BASE - rows.sc[e], firstSlot[c], firstSlot[c] + slotCount[c]);
        }
        matrix[a] = row;
      }
      assignment = munkres(matrix);
    } else {
      const { rowPtr, pair } = slotRows(rows, rowStart, rowEnd, members, cols, mentorDeg, firstSlot, slotCount);
      assignment = sparseAssign(rowPtr, pair, S, unmatchedCost, tell).pairs;
    }
    for (const [a, k] of assignment) {
      if (k < 0 || k >= S) continue;
      const r = members[a];
      const c = slotMentor[k];
      const sc = scoreIn(rows, rowStart[r], rowEnd[r], c);
      if (sc < 0) continue; // an excluded pair stands for "unmatched"
      pairs.push({ menteeId: menteeOrder[r].id, mentorId: mentorOrder[c].id, score: sc / SCALE });
    }
  }

  pairs.sort((a, b) => a.menteeId - b.menteeId);
  const allowedPerMentee = new Int32Array(input.menteeIds.length);
  for (let r = 0; r < M; r++) allowedPerMentee[menteeOrder[r].i] = rowEnd[r] - rowStart[r];
  const matched = new Set(pairs.map((p) => p.menteeId));
  return {
    pairs,
    totalScore: pairs.reduce((t, p) => t + Math.round(p.score * SCALE), 0) / SCALE,
    unmatchedMenteeIds: menteeOrder.map((m) => m.id).filter((id) => !matched.has(id)),
    components: groups.size,
    largest,
    allowedPairs: rows.allowedPairs,
    solver,
    allowedPerMentee,
    timings: { scoringMs: t1 - t0, solvingMs: performance.now() - t1 },
    scoring: {
      threads: rows.threads,
      helperBlocks: rows.helperBlocks,
      helperPairs: rows.helperPairs,
      candidatePairs: rows.candidatePairs,
      waitMs: rows.waitMs,
    },
  };
}

type Ordered = readonly { id: number; i: number }[];

/** The mentor positions (ascending, distinct; mentors with a free place only) of a candidate list. */
function positionsOf(found: Iterable<number>, posOfMentor: Int32Array, scratch: { a: Int32Array }): Int32Array {
  let count = 0;
  const add = (j: number) => {
    const c = posOfMentor[j];
    if (c < 0) return;
    if (count === scratch.a.length) {
      const grown = new Int32Array(count * 2);
      grown.set(scratch.a);
      scratch.a = grown;
    }
    scratch.a[count++] = c;
  };
  if (ArrayBuffer.isView(found) || Array.isArray(found)) {
    const list = found as ArrayLike<number>;
    for (let k = 0; k < list.length; k++) add(list[k]);
  } else {
    for (const j of found) add(j);
  }
  const out = scratch.a.slice(0, count);
  let sorted = true;
  for (let k = 1; k < count && sorted; k++) sorted = out[k - 1] < out[k];
  if (sorted) return out;
  out.sort();
  let n = 0;
  for (let k = 0; k < count; k++) if (k === 0 || out[k] !== out[k - 1]) out[n++] = out[k];
  return out.subarray(0, n);
}

/** Scoring from the features (assignment-scoring.ts): candidate lists converted once per distinct list. */
function scoreWithFeatures(
  input: PoolInput,
  menteeOrder: Ordered,
  posOfMentor: Int32Array,
  inputIndexOf: Int32Array,
): ScoredRows {
  const N = inputIndexOf.length;
  const allCols = Int32Array.from({ length: N }, (_, c) => c);
  const converted = new Map<object, Int32Array>();
  const scratch = { a: new Int32Array(Math.max(16, N)) };
  const onProgress = input.onProgress;
  const M = menteeOrder.length;
  return scoreByFeatures({
    features: input.features!,
    menteeOf: Int32Array.from(menteeOrder, (m) => m.i),
    inputIndexOf,
    candidates: (r) => {
      if (!input.candidatesOf) return allCols;
      const found = input.candidatesOf(menteeOrder[r].i);
      let list = converted.get(found);
      if (!list) {
        list = positionsOf(found, posOfMentor, scratch);
        converted.set(found, list);
      }
      return list;
    },
    threads: input.threads,
    parallelMinPairs: input.parallelMinPairs,
    onRows: onProgress ? (done) => onProgress({ stage: "scoring", done, total: M }) : undefined,
  });
}

/** Scoring row by row through `scoreRow` or `score` (pools without features: tests, small callers). */
function scoreOneByOne(
  input: PoolInput,
  menteeOrder: Ordered,
  posOfMentor: Int32Array,
  inputIndexOf: Int32Array,
): ScoredRows {
  const M = menteeOrder.length;
  const N = inputIndexOf.length;
  const edges = new PairRows();
  const rowStart = new Int32Array(M + 1);
  const degree = new Int32Array(N);
  const score = input.score;
  const scoreMany = input.scoreRow;
  let indices = new Int32Array(Math.max(16, N));
  let scores = new Int16Array(Math.max(16, N));
  const allCols = Int32Array.from({ length: N }, (_, c) => c);
  const scratch = { a: new Int32Array(Math.max(16, N)) };
  const onProgress = input.onProgress;
  let candidatePairs = 0;
  for (let r = 0; r < M; r++) {
    if (onProgress && (r & 255) === 0) onProgress({ stage: "scoring", done: r, total: M });
    rowStart[r] = edges.n;
    const mi = menteeOrder[r].i;
    const cols = input.candidatesOf ? positionsOf(input.candidatesOf(mi), posOfMentor, scratch) : allCols;
    const n = cols.length;
    candidatePairs += n;
    if (indices.length < n) {
      indices = new Int32Array(n);
      scores = new Int16Array(n);
    }
    for (let k = 0; k < n; k++) indices[k] = inputIndexOf[cols[k]];
    if (scoreMany) scoreMany(mi, indices, n, scores);
    else
      for (let k = 0; k < n; k++) {
        const s = score(mi, indices[k]);
        scores[k] = s >= 0 ? Math.round(s * SCALE) : -1;
      }
    edges.appendRow(cols, scores, n, degree);
  }
  rowStart[M] = edges.n;
  return {
    col: edges.col,
    sc: edges.sc,
    rowStart,
    rowEnd: rowStart.subarray(1),
    degree,
    allowedPairs: edges.n,
    threads: 1,
    helperBlocks: 0,
    helperPairs: 0,
    candidatePairs,
    waitMs: 0,
  };
}
