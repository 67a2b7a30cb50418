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
 *   (Hungarian algorithm on a dense matrix of Int32 rows); every other one to `sparseAssign` below: the same Hungarian
 *   method as successive shortest augmenting paths (Dijkstra with potentials) over the allowed pairs only, plus one
 *   private "unmatched" column per mentee, with each mentee's pairs scanned cheapest first and cut off once they
 *   cannot beat the best free column found. On large dense components (everyone in one municipality) it beats
 *   munkres and the other dense solvers measured (docs/benchmarks.md). Both are exact; unit tests check both against
 *   brute force and against each other.
 * - Scoring: `scoreRow` (typed-array scoring of a whole row, `poolScorer`) when given, else `score` pair by pair.
 * - Determinism: inputs are sorted by id, and both solvers are deterministic, so the same input always gives the same
 *   pairs whatever order it arrived in.
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
export type PoolProgress = { stage: "scoring" | "solving"; done: number; total: number; component?: number; components?: number };
export type Pair = { menteeId: number; mentorId: number; score: number };
export type PoolResult = {
  pairs: Pair[]; totalScore: number; unmatchedMenteeIds: number[];
  /** Connected components solved, the largest one (mentees × mentors) and allowed pairs: for the benchmark and docs. */
  components: number; largest: [number, number]; allowedPairs: number;
  /** Milliseconds spent scoring pairs and solving (performance.now; no business logic depends on it). */
  timings: { scoringMs: number; solvingMs: number };
  /** Which solver the largest component used. */
  solver: "munkres" | "sparse" | "none";
  /** Allowed pairs per mentee, by the mentee's index in the input (0: no mentor was allowed at all). */
  allowedPerMentee: Int32Array;
};

const SCALE = 10; // tenths of a point
/** Passes of the augmenting row reduction over the rows still free (see sparseAssign). */
const ARR_PASSES = 4;
const BASE = 100 * SCALE; // cost of a pair = BASE - score (so every cost is >= 0)
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

/** Growable typed arrays for the allowed pairs in row order (CSR). */
class Edges {
  col = new Int32Array(1024);
  sc = new Int16Array(1024);
  n = 0;
  /** Make room for `k` more pairs. */
  reserve(k: number) {
    if (this.n + k <= this.col.length) return;
    const size = Math.max(this.n + k, this.col.length * 2);
    const col = new Int32Array(size); col.set(this.col.subarray(0, this.n)); this.col = col;
    const sc = new Int16Array(size); sc.set(this.sc.subarray(0, this.n)); this.sc = sc;
  }
}

export function assignPool(input: PoolInput): PoolResult {
  const t0 = performance.now();
  const menteeOrder = input.menteeIds.map((id, i) => ({ id, i })).sort((a, b) => a.id - b.id);
  const mentorOrder = input.mentors.map((m, i) => ({ ...m, i })).filter((m) => m.free > 0).sort((a, b) => a.id - b.id);
  const M = menteeOrder.length;
  const N = mentorOrder.length;
  const posOfMentor = new Int32Array(input.mentors.length).fill(-1);
  mentorOrder.forEach((m, c) => { posOfMentor[m.i] = c; });

  // Allowed pairs, scored once, as CSR rows (columns ascending within a row). Hot loop: plain indices and typed arrays.
  const edges = new Edges();
  const rowStart = new Int32Array(M + 1);
  const mentorDeg = new Int32Array(N);
  const inputIndexOf = Int32Array.from(mentorOrder, (m) => m.i);
  const score = input.score;
  const scoreMany = input.scoreRow;
  let scratch = new Int32Array(Math.max(16, input.mentors.length));
  let indices = new Int32Array(Math.max(16, input.mentors.length));
  let scores = new Int16Array(Math.max(16, input.mentors.length));
  /** Scores row `r` against the mentor positions cols[0..count-1] (ascending, maybe repeated) into the CSR. */
  const scoreRow = (mi: number, cols: Int32Array, count: number) => {
    edges.reserve(count);
    if (scoreMany) {
      if (indices.length < count) { indices = new Int32Array(count); scores = new Int16Array(count); }
      let n = 0, prev = -1;
      for (let k = 0; k < count; k++) { const c = cols[k]; if (c !== prev) { indices[n++] = inputIndexOf[c]; prev = c; } }
      scoreMany(mi, indices, n, scores);
      for (let k = 0; k < n; k++) {
        const sc = scores[k];
        if (sc < 0) continue;
        const c = posOfMentor[indices[k]];
        edges.col[edges.n] = c; edges.sc[edges.n] = sc; edges.n++; mentorDeg[c]++;
      }
      return;
    }
    let prev = -1;
    for (let k = 0; k < count; k++) {
      const c = cols[k];
      if (c === prev) continue;
      prev = c;
      const s = score(mi, inputIndexOf[c]);
      if (s >= 0) { edges.col[edges.n] = c; edges.sc[edges.n] = Math.round(s * SCALE); edges.n++; mentorDeg[c]++; }
    }
  };
  const allCols = Int32Array.from({ length: N }, (_, c) => c);
  const onProgress = input.onProgress;
  // Room for every pair at once when the candidate lists tell their sizes (no copying while the arrays grow).
  let upperBound = 0;
  for (let r = 0; r < M && upperBound >= 0; r++) {
    const found = input.candidatesOf ? input.candidatesOf(menteeOrder[r].i) : allCols;
    upperBound = ArrayBuffer.isView(found) || Array.isArray(found) ? upperBound + (found as ArrayLike<number>).length : -1;
  }
  if (upperBound > 0) edges.reserve(Math.min(upperBound, M * N));
  for (let r = 0; r < M; r++) {
    if (onProgress && (r & 255) === 0) onProgress({ stage: "scoring", done: r, total: M });
    rowStart[r] = edges.n;
    const mi = menteeOrder[r].i;
    if (!input.candidatesOf) { scoreRow(mi, allCols, N); continue; }
    const found = input.candidatesOf(mi);
    let count = 0;
    const add = (j: number) => {
      const c = posOfMentor[j];
      if (c < 0) return;
      if (count === scratch.length) { const grown = new Int32Array(count * 2); grown.set(scratch); scratch = grown; }
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
    while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; }
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
      if (a < b) parent[b] = a; else { parent[a] = b; a = b; }
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

  const scoreOf = (r: number, c: number): number => {
    // Binary search in the row (columns ascending).
    let lo = rowStart[r]; let hi = rowStart[r + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = edges.col[mid];
      if (v === c) return edges.sc[mid];
      if (v < c) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  };

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
      ? (done: number) => onProgress({ stage: "solving", done: solvedBefore + done, total: rowsInComponents, component: componentNo, components: groups.size })
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
    const byMunkres = input.solver === "munkres" || (input.solver !== "sparse" && shouldUseMunkres(R, cols.length, S, pairsInComponent));
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
      const { rowPtr, to, cost } = sortedRows(rows);
      assignment = sparseAssign(rowPtr, to, cost, S, unmatchedCost, tell).pairs;
    }
    for (const [a, k] of assignment) {
      if (k < 0 || k >= S) continue;
      const r = rows[a];
      const c = slotMentor[k];
      const sc = scoreOf(r, c);
      if (sc < 0) continue; // an excluded pair stands for "unmatched"
      pairs.push({ menteeId: menteeOrder[r].id, mentorId: mentorOrder[c].id, score: sc / SCALE });
    }
  }

  /**
   * A component's allowed pairs expanded to slots, as costs, each row cheapest first (ties by slot), in flat arrays:
   * what the shortest-path solver wants. A counting sort per row: costs are whole numbers 0..BASE and a row's pairs
   * already come in slot order.
   */
  function sortedRows(rows: readonly number[]): { rowPtr: Int32Array; to: Int32Array; cost: Uint16Array } {
    const rowPtr = new Int32Array(rows.length + 1);
    let total = 0;
    rows.forEach((r, a) => {
      rowPtr[a] = total;
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) total += slotCount[edges.col[e]];
    });
    rowPtr[rows.length] = total;
    const to = new Int32Array(total);
    const cost = new Uint16Array(total);
    const at = new Int32Array(BASE + 2);
    rows.forEach((r, a) => {
      at.fill(0);
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) at[BASE - edges.sc[e] + 1] += slotCount[edges.col[e]];
      for (let k = 1; k <= BASE + 1; k++) at[k] += at[k - 1];
      const offset = rowPtr[a];
      for (let e = rowStart[r]; e < rowStart[r + 1]; e++) {
        const c = edges.col[e];
        const cst = BASE - edges.sc[e];
        for (let s = firstSlot[c], end = s + slotCount[c]; s < end; s++) {
          const p = offset + at[cst]++;
          to[p] = s; cost[p] = cst;
        }
      }
    });
    return { rowPtr, to, cost };
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

/**
 * Minimum-cost assignment of every row to a column, where row a may use its listed columns (costs >= 0) or its own
 * private "unmatched" column (cost `unmatchedCost`). Row a's pairs are `to[rowPtr[a]..rowPtr[a+1]-1]` with costs
 * `cost[…]`, sorted by cost, cheapest first: a row's scan stops at the first pair that cannot beat the best free column
 * found so far. Successive shortest augmenting paths (the Hungarian method with Dijkstra and potentials), one row at a
 * time, touching only the listed pairs; among columns at the same distance a free one ends the search at once (with
 * scores in tenths of a point many paths tie, and expanding the tied matched columns first made the trees three times
 * larger). Returns [row, column] for rows that got a real column (0..S-1), and the final duals (reduced cost of a pair
 * = cost - u[row] - v[column], never negative on the listed pairs; v = 0 on every free column).
 */
export function sparseAssign(rowPtr: Int32Array, to: Int32Array, cost: ArrayLike<number>, S: number, unmatchedCost: number, onRows?: (done: number) => void):
  { pairs: [number, number][]; u: Float64Array; v: Float64Array } {
  const R = rowPtr.length - 1;
  const C = S + R; // real slots, then one private "unmatched" column per row
  const u = new Float64Array(R);
  const v = new Float64Array(C);
  const rowOfCol = new Int32Array(C).fill(-1);
  const colOfRow = new Int32Array(R).fill(-1);
  // During a search, key[j] = label of column j + v[j] (Infinity: not labelled; -Infinity: done). One load per pair
  // then tells whether a pair improves a label (label < dist ⟺ base + cost < key) and whether the column is done.
  const key = new Float64Array(C).fill(Infinity);
  const pred = new Int32Array(C).fill(-1);
  const touched = new Int32Array(C);
  const finalized = new Int32Array(C);
  const finalDist = new Float64Array(C);
  const treeRows = new Int32Array(R);
  const treeDist = new Float64Array(R);
  const heap = new TypedHeap(Math.max(16, 2 * C));
  const U = unmatchedCost;

  // Warm start (exact): u = each row's cheapest cost, v = 0 keeps every reduced cost >= 0; a row whose cheapest column
  // is still free takes it (a tight pair).
  const free: number[] = [];
  for (let r = 0; r < R; r++) {
    const first = rowPtr[r], end = rowPtr[r + 1];
    const min = first < end && cost[first] < U ? cost[first] : U;
    u[r] = min;
    for (let e = first; e < end && cost[e] === min; e++) {
      if (rowOfCol[to[e]] < 0) { rowOfCol[to[e]] = r; colOfRow[r] = to[e]; break; }
    }
    if (colOfRow[r] < 0 && min === U) { rowOfCol[S + r] = r; colOfRow[r] = S + r; }
    if (colOfRow[r] < 0) free.push(r);
  }
  // Augmenting row reduction (Jonker & Volgenant): a free row takes the column of its smallest reduced cost c - v,
  // lowering that column's v by the gap to its second smallest, and the row it displaces tries again. Matched pairs
  // stay at their row's minimum of c - v (so u = that minimum keeps every reduced cost >= 0 and matched pairs tight),
  // v stays <= 0 and is lowered only on matched real columns (free columns keep v = 0). On dense components with many
  // ties this leaves few rows for the shortest-path search below. Bounded; whatever is left is searched as before.
  arr(free);
  function arr(queue: number[]) {
    let steps = 0;
    const maxSteps = 64 * R + 1000;
    for (let pass = 0; pass < ARR_PASSES && queue.length; pass++) {
      const next: number[] = [];
      let k = 0;
      while (k < queue.length) {
        const i = queue[k++];
        if (colOfRow[i] >= 0) continue;
        if (++steps > maxSteps) { next.push(i); continue; }
        // The two smallest c - v of row i: its own "unmatched" column first, then its pairs (cheapest first; since
        // v <= 0, c - v >= c, so a pair costing at least the second smallest cannot change them).
        // Scores in tenths tie a lot: among the columns at the smallest c - v, a free one (`jf`) is taken at once.
        let b1 = U, j1 = S + i, b2 = Infinity, j2 = -1, jf = rowOfCol[S + i] < 0 ? S + i : -1;
        for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
          const ce = cost[e];
          if (ce > b2) break;
          const j = to[e];
          const h = ce - v[j];
          if (h < b1) { b2 = b1; j2 = j1; b1 = h; j1 = j; jf = rowOfCol[j] < 0 ? j : -1; }
          else if (h === b1) { if (jf < 0 && rowOfCol[j] < 0) jf = j; if (b2 > h) { b2 = h; j2 = j; } }
          else if (h < b2) { b2 = h; j2 = j; }
        }
        let j = j1;
        let owner = rowOfCol[j];
        if (b1 < b2) {
          if (j < S) v[j] -= b2 - b1;
          u[i] = b2;
        } else {
          u[i] = b1;
          if (jf >= 0) { j = jf; owner = -1; } else if (owner >= 0 && j2 >= 0) { j = j2; owner = rowOfCol[j]; }
        }
        rowOfCol[j] = i; colOfRow[i] = j;
        if (owner >= 0) {
          colOfRow[owner] = -1;
          if (b1 < b2) queue[--k] = owner; else next.push(owner);
        }
      }
      queue = next;
    }
    // Rows still free start the search from their cheapest cost (<= every c - v, since v <= 0).
    for (const i of queue) if (colOfRow[i] < 0) u[i] = rowPtr[i] < rowPtr[i + 1] && cost[rowPtr[i]] < U ? cost[rowPtr[i]] : U;
  }

  for (let r0 = 0; r0 < R; r0++) {
    if (onRows && (r0 & 255) === 0) onRows(r0);
    if (colOfRow[r0] >= 0) continue;
    heap.clear();
    let nTouched = 0, nFinal = 0, nTree = 0;
    // ub: the smallest label of a free column so far (ties: the lower column); the search ends there at the latest.
    // Free columns have v = 0 (real ones by the method, private ones are never finalized), so their key is the label.
    let ub = Infinity, ubCol = -1;
    let i = r0, di = 0;
    for (;;) {
      treeRows[nTree] = i; treeDist[nTree++] = di;
      // Relax row i at distance di: its own "unmatched" column first (it is free or is i's own column), then its pairs.
      const j0 = S + i;
      if (key[j0] !== -Infinity) {
        const d = di + U - u[i];
        if (d < ub || (d === ub && j0 < ubCol)) {
          if (key[j0] === Infinity) touched[nTouched++] = j0;
          key[j0] = d; pred[j0] = i; ub = d; ubCol = j0;
        }
      }
      const base = di - u[i];
      // Costs ascend and v <= 0, so once base + cost reaches ub no later pair of this row can label below ub.
      let limit = ub - base;
      for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
        const ce = cost[e];
        if (ce >= limit) break;
        const j = to[e];
        const k = base + ce;
        if (k < key[j]) { // never true for a done column (-Infinity)
          if (key[j] === Infinity) touched[nTouched++] = j;
          key[j] = k; pred[j] = i;
          const d = k - v[j];
          if (rowOfCol[j] < 0) {
            if (d < ub || (d === ub && j < ubCol)) { ub = d; ubCol = j; limit = ub - base; }
          } else if (d < ub) heap.push(d, j);
        }
      }
      // Next column: the nearest matched one below ub; none left means the free column at ub ends the path.
      let next = -1, dn = 0;
      while (heap.size) {
        heap.pop();
        const d = heap.key, j = heap.value;
        if (key[j] === -Infinity || d > key[j] - v[j]) continue; // done, or a stale entry
        if (d < ub) { next = j; dn = d; }
        break;
      }
      if (next < 0) break;
      key[next] = -Infinity;
      finalized[nFinal] = next; finalDist[nFinal++] = dn;
      i = rowOfCol[next];
      di = dn;
    }
    // Potentials: keep reduced costs >= 0 and matched pairs tight.
    for (let t = 0; t < nTree; t++) u[treeRows[t]] += ub - treeDist[t];
    for (let t = 0; t < nFinal; t++) v[finalized[t]] -= ub - finalDist[t];
    // Augment along the predecessors.
    let j = ubCol;
    for (;;) {
      const row = pred[j];
      const prev = colOfRow[row];
      colOfRow[row] = j; rowOfCol[j] = row;
      if (row === r0) break;
      j = prev;
    }
    for (let t = 0; t < nTouched; t++) { const k = touched[t]; key[k] = Infinity; pred[k] = -1; }
  }
  const pairs: [number, number][] = [];
  for (let r = 0; r < R; r++) if (colOfRow[r] >= 0 && colOfRow[r] < S) pairs.push([r, colOfRow[r]]);
  return { pairs, u, v };
}

/** A binary heap of (key, value) pairs in typed arrays, ordered by key, then value (deterministic ties). */
class TypedHeap {
  private k: Float64Array;
  private v: Int32Array;
  size = 0;
  /** The last popped pair. */
  key = 0;
  value = 0;
  constructor(capacity: number) { this.k = new Float64Array(capacity); this.v = new Int32Array(capacity); }
  clear() { this.size = 0; }
  push(key: number, value: number) {
    if (this.size === this.k.length) {
      const k = new Float64Array(this.size * 2); k.set(this.k); this.k = k;
      const v = new Int32Array(this.size * 2); v.set(this.v); this.v = v;
    }
    const ks = this.k, vs = this.v;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ks[p] < key || (ks[p] === key && vs[p] <= value)) break;
      ks[i] = ks[p]; vs[i] = vs[p]; i = p;
    }
    ks[i] = key; vs[i] = value;
  }
  pop() {
    const ks = this.k, vs = this.v;
    this.key = ks[0]; this.value = vs[0];
    const n = --this.size;
    const key = ks[n], value = vs[n];
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= n) break;
      if (m + 1 < n && (ks[m + 1] < ks[m] || (ks[m + 1] === ks[m] && vs[m + 1] < vs[m]))) m++;
      if (ks[m] > key || (ks[m] === key && vs[m] >= value)) break;
      ks[i] = ks[m]; vs[i] = vs[m]; i = m;
    }
    ks[i] = key; vs[i] = value;
  }
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
