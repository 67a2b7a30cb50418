/**
 * The exact solver for the large components of a whole-pool assignment (see assignment.ts): successive shortest
 * augmenting paths over the allowed pairs only, after a warm start and an augmenting row reduction.
 */

/** Passes of the augmenting row reduction over the rows still free (see sparseAssign). */
const ARR_PASSES = 4;

/**
 * A listed pair is one Int32: cost × SLOT_SPAN + column. One sequential load per pair instead of two (the solver's
 * inner loop reads hundreds of millions of pairs on a dense component), and a row's scan ends with one comparison of
 * the packed value (cost >= limit ⟺ packed >= limit × SLOT_SPAN, as columns are < SLOT_SPAN). Costs must stay
 * below 1024 (they are 0..1000) and columns below SLOT_SPAN (2 097 152 mentor places).
 */
export const SLOT_SPAN = 1 << 21;
const SLOT_MASK = SLOT_SPAN - 1;

/**
 * Minimum-cost assignment of every row to a column, where row a may use its listed columns (costs >= 0) or its own
 * private "unmatched" column (cost `unmatchedCost`). Row a's pairs are `pair[rowPtr[a]..rowPtr[a+1]-1]`, packed
 * (cost × SLOT_SPAN + column), sorted by cost, cheapest first: a row's scan stops at the first pair that cannot beat the best free column
 * found so far. Successive shortest augmenting paths (the Hungarian method with Dijkstra and potentials), one row at a
 * time, touching only the listed pairs; among columns at the same distance a free one ends the search at once (with
 * scores in tenths of a point many paths tie, and expanding the tied matched columns first made the trees three times
 * larger). Returns [row, column] for rows that got a real column (0..S-1), and the final duals (reduced cost of a pair
 * = cost - u[row] - v[column], never negative on the listed pairs; v = 0 on every free column).
 */
export function sparseAssign(
  rowPtr: Int32Array,
  pair: Int32Array,
  S: number,
  unmatchedCost: number,
  onRows?: (done: number) => void,
): { pairs: [number, number][]; u: Float64Array; v: Float64Array } {
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
  if (S >= SLOT_SPAN) throw new Error(`sparseAssign: at most ${SLOT_SPAN - 1} columns`);
  const costAt = (e: number) => pair[e] >>> 21;
  const colAt = (e: number) => pair[e] & SLOT_MASK;

  // Warm start (exact): u = each row's cheapest cost, v = 0 keeps every reduced cost >= 0; a row whose cheapest column
  // is still free takes it (a tight pair).
  const free: number[] = [];
  for (let r = 0; r < R; r++) {
    const first = rowPtr[r],
      end = rowPtr[r + 1];
    const min = first < end && costAt(first) < U ? costAt(first) : U;
    u[r] = min;
    for (let e = first; e < end && costAt(e) === min; e++) {
      const j = colAt(e);
      if (rowOfCol[j] < 0) {
        rowOfCol[j] = r;
        colOfRow[r] = j;
        break;
      }
    }
    if (colOfRow[r] < 0 && min === U) {
      rowOfCol[S + r] = r;
      colOfRow[r] = S + r;
    }
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
        if (++steps > maxSteps) {
          next.push(i);
          continue;
        }
        // The two smallest c - v of row i: its own "unmatched" column first, then its pairs (cheapest first; since
        // v <= 0, c - v >= c, so a pair costing at least the second smallest cannot change them).
        // Scores in tenths tie a lot: among the columns at the smallest c - v, a free one (`jf`) is taken at once.
        let b1 = U,
          j1 = S + i,
          b2 = Infinity,
          j2 = -1,
          jf = rowOfCol[S + i] < 0 ? S + i : -1;
        for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
          const ce = costAt(e);
          if (ce > b2) break;
          const j = colAt(e);
          const h = ce - v[j];
          if (h < b1) {
            b2 = b1;
            j2 = j1;
            b1 = h;
            j1 = j;
            jf = rowOfCol[j] < 0 ? j : -1;
          } else if (h === b1) {
            if (jf < 0 && rowOfCol[j] < 0) jf = j;
            if (b2 > h) {
              b2 = h;
              j2 = j;
            }
          } else if (h < b2) {
            b2 = h;
            j2 = j;
          }
        }
        let j = j1;
        let owner = rowOfCol[j];
        if (b1 < b2) {
          if (j < S) v[j] -= b2 - b1;
          u[i] = b2;
        } else {
          u[i] = b1;
          if (jf >= 0) {
            j = jf;
            owner = -1;
          } else if (owner >= 0 && j2 >= 0) {
            j = j2;
            owner = rowOfCol[j];
          }
        }
        rowOfCol[j] = i;
        colOfRow[i] = j;
        if (owner >= 0) {
          colOfRow[owner] = -1;
          if (b1 < b2) queue[--k] = owner;
          else next.push(owner);
        }
      }
      queue = next;
    }
    // Rows still free start the search from their cheapest cost (<= every c - v, since v <= 0).
    for (const i of queue)
      if (colOfRow[i] < 0) u[i] = rowPtr[i] < rowPtr[i + 1] && costAt(rowPtr[i]) < U ? costAt(rowPtr[i]) : U;
  }

  for (let r0 = 0; r0 < R; r0++) {
    if (onRows && (r0 & 255) === 0) onRows(r0);
    if (colOfRow[r0] >= 0) continue;
    heap.clear();
    let nTouched = 0,
      nFinal = 0,
      nTree = 0;
    // ub: the smallest label of a free column so far (ties: the lower column); the search ends there at the latest.
    // Free columns have v = 0 (real ones by the method, private ones are never finalized), so their key is the label.
    let ub = Infinity,
      ubCol = -1;
    let i = r0,
      di = 0;
    for (;;) {
      treeRows[nTree] = i;
      treeDist[nTree++] = di;
      // Relax row i at distance di: its own "unmatched" column first (it is free or is i's own column), then its pairs.
      const j0 = S + i;
      if (key[j0] !== -Infinity) {
        const d = di + U - u[i];
        if (d < ub || (d === ub && j0 < ubCol)) {
          if (key[j0] === Infinity) touched[nTouched++] = j0;
          key[j0] = d;
          pred[j0] = i;
          ub = d;
          ubCol = j0;
        }
      }
      const base = di - u[i];
      // Costs ascend and v <= 0, so once base + cost reaches ub no later pair of this row can label below ub.
      let limit = (ub - base) * SLOT_SPAN;
      for (let e = rowPtr[i], end = rowPtr[i + 1]; e < end; e++) {
        const p = pair[e];
        if (p >= limit) break;
        const j = p & SLOT_MASK;
        const k = base + (p >>> 21);
        if (k < key[j]) {
          // never true for a done column (-Infinity)
          if (key[j] === Infinity) touched[nTouched++] = j;
          key[j] = k;
          pred[j] = i;
          const d = k - v[j];
          if (rowOfCol[j] < 0) {
            if (d < ub || (d === ub && j < ubCol)) {
              ub = d;
              ubCol = j;
              limit = (ub - base) * SLOT_SPAN;
            }
          } else if (d < ub) heap.push(d, j);
        }
      }
      // Next column: the nearest matched one below ub; none left means the free column at ub ends the path.
      let next = -1,
        dn = 0;
      while (heap.size) {
        heap.pop();
        const d = heap.key,
          j = heap.value;
        if (key[j] === -Infinity || d > key[j] - v[j]) continue; // done, or a stale entry
        if (d < ub) {
          next = j;
          dn = d;
        }
        break;
      }
      if (next < 0) break;
      key[next] = -Infinity;
      finalized[nFinal] = next;
      finalDist[nFinal++] = dn;
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
      colOfRow[row] = j;
      rowOfCol[j] = row;
      if (row === r0) break;
      j = prev;
    }
    for (let t = 0; t < nTouched; t++) {
      const k = touched[t];
      key[k] = Infinity;
      pred[k] = -1;
    }
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
  constructor(capacity: number) {
    this.k = new Float64Array(capacity);
    this.v = new Int32Array(capacity);
  }
  clear() {
    this.size = 0;
  }
  push(key: number, value: number) {
    if (this.size === this.k.length) {
      const k = new Float64Array(this.size * 2);
      k.set(this.k);
      this.k = k;
      const v = new Int32Array(this.size * 2);
      v.set(this.v);
      this.v = v;
    }
    const ks = this.k,
      vs = this.v;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (ks[p] < key || (ks[p] === key && vs[p] <= value)) break;
      ks[i] = ks[p];
      vs[i] = vs[p];
      i = p;
    }
    ks[i] = key;
    vs[i] = value;
  }
  pop() {
    const ks = this.k,
      vs = this.v;
    this.key = ks[0];
    this.value = vs[0];
    const n = --this.size;
    const key = ks[n],
      value = vs[n];
    let i = 0;
    for (;;) {
      let m = 2 * i + 1;
      if (m >= n) break;
      if (m + 1 < n && (ks[m + 1] < ks[m] || (ks[m + 1] === ks[m] && vs[m + 1] < vs[m]))) m++;
      if (ks[m] > key || (ks[m] === key && vs[m] >= value)) break;
      ks[i] = ks[m];
      vs[i] = vs[m];
      i = m;
    }
    ks[i] = key;
    vs[i] = value;
  }
}
