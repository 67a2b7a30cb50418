/**
 * The allowed pairs of a whole-pool assignment (see assignment.ts) in flat typed arrays, one row per mentee, each row
 * kept **best score first** (ties by mentor position) from the moment it is scored: the shortest-path solver wants its
 * rows cheapest first, and sorting a row while its scores are still in the cache, by counting (scores are whole tenths
 * 0..1000), saves a second pass over all pairs (one city 5 000 × 5 000: 21.6 M pairs).
 */
import { SLOT_SPAN } from "./assignment-sparse";
import { kernel } from "./matching-pool-kernel";

/** Highest score in tenths of a point; the cost of a pair is MAX_TENTHS - score. */
export const MAX_TENTHS = 1000;

/** Growable CSR rows of allowed pairs: mentor positions `col` and scores in tenths `sc`, rows appended in order. */
export class PairRows {
  col = new Int32Array(1024);
  sc = new Int16Array(1024);
  n = 0;
  /** Counting-sort buckets, one per score (reused by every row). */
  private bucket = new Int32Array(MAX_TENTHS + 1);

  /** Make room for `k` more pairs. */
  reserve(k: number) {
    if (this.n + k <= this.col.length) return;
    const size = Math.max(this.n + k, this.col.length * 2);
    const col = new Int32Array(size);
    col.set(this.col.subarray(0, this.n));
    this.col = col;
    const sc = new Int16Array(size);
    sc.set(this.sc.subarray(0, this.n));
    this.sc = sc;
  }

  /**
   * Appends one row: the pairs (cols[k], scores[k]) for k < count whose score is >= 0 (a negative score is an excluded
   * pair), best score first, ties in the order given. Counts each kept pair in `degree[col]`.
   */
  appendRow(cols: Int32Array, scores: Int16Array, count: number, degree: Int32Array) {
    this.reserve(count);
    this.n += kernel.appendSorted(cols, 0, scores, count, this.col, this.sc, this.n, this.bucket, degree, 0);
  }

  /** Score of the pair (row starting at `from`, ending before `to`; mentor position c), or -1 if it is not allowed. */
  scoreIn(from: number, to: number, c: number): number {
    return scoreIn(this, from, to, c);
  }
}

/** The pairs' rows as the solver reads them: row r is col/sc[rowStart[r]..rowEnd[r]-1], best score first. */
export type ScoredRows = {
  col: Int32Array;
  sc: Int16Array;
  rowStart: Int32Array;
  rowEnd: Int32Array;
  /** Allowed pairs per mentor position. */
  degree: Int32Array;
  allowedPairs: number;
  /** Threads that scored (1: the calling thread alone), blocks and candidate pairs scored by helper threads, of all. */
  threads: number;
  helperBlocks: number;
  helperPairs: number;
  candidatePairs: number;
  /** Milliseconds the calling thread waited for helpers' blocks after finding none left to claim. */
  waitMs: number;
};

/** Score of the pair (row from `from` to before `to`; mentor position c) in `pairs`, or -1 if it is not allowed. */
export function scoreIn(pairs: { col: Int32Array; sc: Int16Array }, from: number, to: number, c: number): number {
  // A linear scan: rows are best first and a solved pair is nearly always among a row's best, so it is found early.
  const col = pairs.col;
  for (let e = from; e < to; e++) if (col[e] === c) return pairs.sc[e];
  return -1;
}

/**
 * A component's rows expanded to mentor slots (a mentor with k places is k columns, numbered from firstSlot[c]), as
 * costs MAX_TENTHS - score packed with the slot (cost × SLOT_SPAN + slot), cheapest first, ties by slot: the input of
 * `sparseAssign`. The rows are already in that
 * order (best score first, ties by mentor position, and slots are numbered in mentor order), so this is one copy.
 * `cols` are the component's mentors and `degree[c]` the allowed pairs of mentor c; row r is rowStart[r]..rowEnd[r]-1.
 */
export function slotRows(
  pairs: { col: Int32Array; sc: Int16Array },
  rowStart: Int32Array,
  rowEnd: Int32Array,
  rows: readonly number[],
  cols: readonly number[],
  degree: Int32Array,
  firstSlot: Int32Array,
  slotCount: Int32Array,
): { rowPtr: Int32Array; pair: Int32Array } {
  const col = pairs.col,
    sc = pairs.sc;
  const R = rows.length;
  const rowPtr = new Int32Array(R + 1);
  // Every pair of these rows goes to a mentor of the component, so the size is known without a pass over the pairs.
  let total = 0;
  for (const c of cols) total += degree[c] * slotCount[c];
  const pair = new Int32Array(total);
  let p = 0;
  for (let a = 0; a < R; a++) {
    rowPtr[a] = p;
    for (let e = rowStart[rows[a]], end = rowEnd[rows[a]]; e < end; e++) {
      const c = col[e],
        cst = (MAX_TENTHS - sc[e]) * SLOT_SPAN;
      for (let s = firstSlot[c], last = s + slotCount[c]; s < last; s++) pair[p++] = cst + s;
    }
  }
  rowPtr[R] = p;
  return { rowPtr, pair };
}
