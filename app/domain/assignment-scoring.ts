/**
 * Scoring a whole pool from its features (matching-pool.ts) into the pairs' rows the solver reads (assignment.ts), on
 * the calling thread alone or, for a large pool, with helper threads beside it (issue 17).
 *
 * The rows are cut into blocks of consecutive mentees of about the same number of candidate pairs; every thread,
 * the calling one included, claims the next block (one atomic counter) and writes the block's rows, each best score
 * first, into shared arrays at offsets fixed in advance (each row has room for all its candidates; the rows keep
 * their gaps, so nothing is moved afterwards). A thread that starts late or is slowed down by the machine's load
 * simply takes fewer blocks. Every row is scored by the same kernel (matching-pool-kernel.ts) wherever it runs, so
 * the rows, and the assignment, are the same with or without helpers.
 *
 * Helpers are only worth their start-up (a thread, ≈ 20-40 ms) on large pools: below `PARALLEL_MIN_PAIRS` candidate
 * pairs, and for ranking one mentee, everything stays on the calling thread. If a helper fails (a block marked failed,
 * or a block not done in time), the whole pool is scored again on the calling thread.
 *
 * Thread-free itself: the helpers are started through `HelperThreads` (pool-threads.server.ts), so this module (and
 * assignment.ts, which route modules import for its constants) stays loadable anywhere.
 */
import { kernel, shared, type PoolFeatures, type ScoringJob } from "./matching-pool-kernel";
import type { ScoredRows } from "./assignment-rows";

/** Candidate pairs from which helper threads score beside the calling thread. */
export const PARALLEL_MIN_PAIRS = 2_000_000;
/** Candidate pairs per block (about 4 ms of scoring): small enough to balance two threads on a loaded machine. */
const BLOCK_PAIRS = 100_000;
/** A helper's block not done this long after the calling thread finished its own counts as a failed helper. */
const HELPER_TIMEOUT_MS = 20_000;

/** Starts helper threads on a scoring job (pool-threads.server.ts on Node). */
export type HelperThreads = {
  /** How many helpers may run beside the calling thread (0: none). */
  available(): number;
  /** Starts helpers 1..n on the job (each runs kernel.scoreBlocks(job, t)); returns a function that ends them. */
  start(job: ScoringJob, n: number): () => void;
};

export type FeatureScoringInput = {
  features: PoolFeatures;
  /** Input mentee index of each row, rows in the order they are solved. */
  menteeOf: Int32Array;
  /** The mentor positions (ascending, distinct) worth scoring for row r; the same array object for rows that share it. */
  candidates: (row: number) => Int32Array;
  /** Input mentor index (into the features) of each mentor position. */
  inputIndexOf: Int32Array;
  threads?: HelperThreads;
  /** Candidate pairs from which helpers are used (default PARALLEL_MIN_PAIRS). */
  parallelMinPairs?: number;
  onRows?: (done: number) => void;
};

export function scoreByFeatures(input: FeatureScoringInput): ScoredRows {
  const M = input.menteeOf.length;
  const N = input.inputIndexOf.length;
  // Candidate lists, each once (a pool's lists are shared per municipality), as positions and feature indices.
  const listOf = new Int32Array(M);
  const listId = new Map<Int32Array, number>();
  const lists: Int32Array[] = [];
  let listed = 0,
    total = 0,
    longest = 0;
  for (let r = 0; r < M; r++) {
    const found = input.candidates(r);
    let l = listId.get(found);
    if (l === undefined) {
      l = lists.length;
      lists.push(found);
      listId.set(found, l);
      listed += found.length;
    }
    listOf[r] = l;
    total += found.length;
    if (found.length > longest) longest = found.length;
  }
  const helpersWanted =
    input.threads && total >= (input.parallelMinPairs ?? PARALLEL_MIN_PAIRS) && M > 1 ? input.threads.available() : 0;
  const attempt = (helpers: number): ScoredRows | null => {
    const T = 1 + helpers;
    const arr =
      helpers > 0
        ? shared
        : <A extends Int32ArrayConstructor | Int16ArrayConstructor>(Type: A, n: number) =>
            new Type(n) as InstanceType<A>;
    const listPtr = arr(Int32Array, lists.length + 1),
      listPos = arr(Int32Array, listed),
      listIdx = arr(Int32Array, listed);
    let at = 0;
    lists.forEach((list, l) => {
      listPtr[l] = at;
      listPos.set(list, at);
      for (let k = 0; k < list.length; k++) listIdx[at + k] = input.inputIndexOf[list[k]];
      at += list.length;
    });
    listPtr[lists.length] = at;
    const rowStart = arr(Int32Array, M + 1);
    const blocks: number[] = [0];
    for (let r = 0, inBlock = 0; r < M; r++) {
      const n = listPtr[listOf[r] + 1] - listPtr[listOf[r]];
      rowStart[r + 1] = rowStart[r] + n;
      inBlock += n;
      if (inBlock >= BLOCK_PAIRS && r + 1 < M) {
        blocks.push(r + 1);
        inBlock = 0;
      }
    }
    blocks.push(M);
    const blockRow = arr(Int32Array, blocks.length);
    blockRow.set(blocks);
    const job: ScoringJob = {
      f: input.features,
      menteeOf: helpers > 0 ? copyShared(input.menteeOf) : input.menteeOf,
      listOf: helpers > 0 ? copyShared(listOf) : listOf,
      listPtr,
      listPos,
      listIdx,
      rowStart,
      rowLen: arr(Int32Array, M),
      col: arr(Int32Array, total),
      sc: arr(Int16Array, total),
      blockRow,
      state: arr(Int32Array, blocks.length - 1),
      control: arr(Int32Array, 4),
      degree: arr(Int32Array, T * N),
      positions: N,
      longest,
    };
    let stop: (() => void) | undefined;
    let waitMs = 0;
    if (helpers > 0) {
      try {
        stop = input.threads!.start(job, helpers);
      } catch {
        return null;
      }
    }
    try {
      kernel.scoreBlocks(job, 0, input.onRows ? (b) => input.onRows!(blockRow[b + 1]) : undefined);
      const t = performance.now();
      if (helpers > 0 && !waitForBlocks(job)) return null;
      waitMs = performance.now() - t;
    } catch (err) {
      if (helpers === 0) throw err;
      return null; // scored again on this thread alone
    } finally {
      stop?.();
    }
    const rowEnd = new Int32Array(M);
    let allowed = 0;
    for (let r = 0; r < M; r++) {
      rowEnd[r] = rowStart[r] + job.rowLen[r];
      allowed += job.rowLen[r];
    }
    const degree = job.degree.slice(0, N);
    for (let t = 1; t < T; t++) for (let c = 0, o = t * N; c < N; c++) degree[c] += job.degree[o + c];
    return {
      col: job.col,
      sc: job.sc,
      rowStart,
      rowEnd,
      degree,
      allowedPairs: allowed,
      threads: T,
      helperBlocks: job.control[kernel.HELPER_BLOCKS],
      helperPairs: job.control[kernel.HELPER_PAIRS],
      candidatePairs: total,
      waitMs,
    };
  };
  return (helpersWanted > 0 ? attempt(helpersWanted) : null) ?? attempt(0)!;
}

function copyShared(a: Int32Array): Int32Array {
  const s = shared(Int32Array, a.length);
  s.set(a);
  return s;
}

/** After the calling thread found no block left: waits for the helpers' blocks. False if one failed or timed out. */
function waitForBlocks(job: ScoringJob): boolean {
  const { state, control } = job;
  const deadline = performance.now() + HELPER_TIMEOUT_MS;
  for (let b = 0; b < state.length; b++) {
    for (;;) {
      const s = Atomics.load(state, b);
      if (s === kernel.DONE) break;
      if (s === kernel.FAILED) return false;
      const left = deadline - performance.now();
      if (left <= 0) {
        Atomics.store(control, kernel.ABORT, 1);
        return false;
      }
      Atomics.wait(state, b, s, left);
    }
  }
  return true;
}
