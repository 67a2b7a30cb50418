/**
 * The inner loops of whole-pool scoring (issue 17): score a mentee's row from the pool's features (`PoolFeatures`,
 * built by `poolFeatures` in matching-pool.ts), keep the row's allowed pairs best score first, and score blocks of rows
 * into shared output, on any thread.
 *
 * Everything lives inside one function, `scoringKernel`, that refers to nothing outside its own body (no imports, no
 * module constants, no classes): helper threads run its source text (`scoringKernel.toString()`, see
 * pool-threads.server.ts), so they run the same compiled code as the calling thread whatever compiled it (tsx in the
 * benchmark, vitest in the tests, esbuild in the production bundles). The calling thread uses the same functions
 * directly (`kernel` below), so a row scored here and a row scored on a helper are the same row.
 *
 * The features are plain typed arrays (SharedArrayBuffer-backed: a helper reads them without a copy) and numbers: no
 * strings, no objects per mentor, no functions (the distance function of `MatchContext` becomes a small table of
 * distances between the pool's municipalities).
 */

import type { PoolFeatures, RowScoreFn, ScoringJob } from "./matching-pool-features";

export type { PoolFeatures, RowScoreFn, ScoringJob } from "./matching-pool-features";
export { shared } from "./matching-pool-features";

export function scoringKernel() {
  const EXCLUDED = -1;
  const NO_PREFERENCE = -1;
  const GOALS = 32; // covered goals 0..31 (a goal mask has at most 32 bits)
  const MAX_TENTHS = 1000;
  const NEXT = 0,
    ABORT = 1,
    HELPER_BLOCKS = 2,
    HELPER_PAIRS = 3;
  const DONE = 1,
    FAILED = 2;

  function popcount(x: number): number {
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }

  /** A row scorer over the features, with this thread's own scratch (per-row flags, distance rows per municipality). */
  function rowScorer(f: PoolFeatures): RowScoreFn {
    const N = f.mentors,
      K = f.municipalities,
      words = f.words;
    const ok = f.ok,
      mMuni = f.mMuni,
      mTravel = f.mTravel,
      mGender = f.mGender,
      mWants = f.mWants,
      mEmployer = f.mEmployer;
    const mDivision = f.mDivision,
      mSection = f.mSection,
      mLang = f.mLang,
      mEnglish = f.mEnglish,
      mOffers = f.mOffers,
      network = f.network;
    const eOffset = f.eOffset,
      wished = f.wished,
      wishedSection = f.wishedSection,
      eGender = f.eGender,
      eWants = f.eWants;
    const eEmployer = f.eEmployer,
      eLang = f.eLang,
      eEnglish = f.eEnglish,
      eGoals = f.eGoals,
      eGoalsCount = f.eGoalsCount;
    const eWaiting = f.eWaiting,
      eLanguageWeight = f.eLanguageWeight,
      eTotal = f.eTotal,
      ePartner = f.ePartner,
      eMuni = f.eMuni;
    const wIndustry = f.wIndustry,
      wGeography = f.wGeography,
      wGoals = f.wGoals,
      wWaiting = f.wWaiting,
      range = f.geoRangeKm;
    const industryValues = f.industryValues,
      languageValues = f.languageValues;
    // Per row: which division ids and section ids the mentee wishes, and the wished ids as a bit set (for networks).
    const wishedDivision = new Uint8Array(f.divisions);
    const wishedSectionFlag = new Uint8Array(f.sections);
    const wishedBits = new Int32Array(words);
    // Per row: the score (tenths) of a same-municipality pair by (industry, language, goals covered); -1 = not yet known.
    const sameTable = new Int16Array(4 * 3 * GOALS);
    // Distances from a municipality to each mentor's, one row per municipality asked for (NaN = unknown).
    const distanceRows: (Float64Array | undefined)[] = new Array(K);
    const distanceRow = (a: number): Float64Array => {
      let row = distanceRows[a];
      if (!row) {
        row = new Float64Array(N);
        for (let j = 0; j < N; j++) row[j] = f.distance[a * K + mMuni[j]];
        distanceRows[a] = row;
      }
      return row;
    };
    /** combine() of matching.ts: the same terms in the same order and the same rounding, as tenths of a point. */
    const tenths = (
      industry: number,
      geography: number,
      language: number,
      goals: number,
      wl: number,
      waitingTerm: number,
      total: number,
    ) => {
      const sum = wIndustry * industry + wGeography * geography + wl * language + wGoals * goals + waitingTerm;
      return Math.round((Math.round(((100 * sum) / total) * 10) / 10) * 10);
    };

    return (i, cols, from, count, out) => {
      if (!ePartner[i]) {
        out.fill(EXCLUDED, 0, count);
        return;
      }
      const muni = eMuni[i];
      const dist = distanceRow(muni);
      const wants = eWants[i],
        gender = eGender[i],
        employer = eEmployer[i];
      const lang = eLang[i],
        english = eEnglish[i],
        goalsMask = eGoals[i],
        goalsCount = eGoalsCount[i];
      const wl = eLanguageWeight[i],
        total = eTotal[i],
        waitingTerm = wWaiting * eWaiting[i];
      const wFrom = eOffset[i],
        wTo = eOffset[i + 1];
      for (let q = wFrom; q < wTo; q++) {
        const c = wished[q];
        wishedDivision[c] = 1;
        if (wishedSection[q] > 0) wishedSectionFlag[wishedSection[q]] = 1;
        wishedBits[c >>> 5] |= 1 << (c & 31);
      }
      sameTable.fill(-1);
      for (let k = 0; k < count; k++) {
        const j = cols[from + k];
        // Hard rules (same outcome as violatedRules().length > 0).
        if (!ok[j]) {
          out[k] = EXCLUDED;
          continue;
        }
        const same = mMuni[j] === muni;
        let d = 0;
        if (!same) {
          d = dist[j];
          if (!(d <= mTravel[j])) {
            out[k] = EXCLUDED;
            continue;
          } // NaN (unknown distance) excludes too
        }
        if (wants !== NO_PREFERENCE && mGender[j] !== wants) {
          out[k] = EXCLUDED;
          continue;
        }
        const mw = mWants[j];
        if (mw !== NO_PREFERENCE && gender !== mw) {
          out[k] = EXCLUDED;
          continue;
        }
        const me = mEmployer[j];
        if (me !== 0 && me === employer) {
          out[k] = EXCLUDED;
          continue;
        }
        // Industry as industryScore gives it: a wished division 1, else a wished section 0.6, else the network 0.3.
        let industry = 0;
        if (wishedDivision[mDivision[j]]) industry = 3;
        else if (mSection[j] !== 0 && wishedSectionFlag[mSection[j]]) industry = 2;
        else {
          for (let x = 0, at = j * words; x < words; x++)
            if ((network[at + x] & wishedBits[x]) !== 0) {
              industry = 1;
              break;
            }
        }
        const language = (lang & mLang[j]) !== 0 ? 2 : english && mEnglish[j] ? 1 : 0;
        const covered = goalsCount === 0 ? 0 : popcount(goalsMask & mOffers[j]);
        const goals = goalsCount === 0 ? 0.5 : covered / goalsCount;
        if (same) {
          const key = (industry * 3 + language) * GOALS + covered;
          let t = sameTable[key];
          if (t < 0)
            t = sameTable[key] = tenths(
              industryValues[industry],
              1,
              languageValues[language],
              goals,
              wl,
              waitingTerm,
              total,
            );
          out[k] = t;
        } else {
          // geographyValue(d, false, range), written out.
          out[k] = tenths(
            industryValues[industry],
            0.8 * Math.max(0, 1 - d / range),
            languageValues[language],
            goals,
            wl,
            waitingTerm,
            total,
          );
        }
      }
      for (let q = wFrom; q < wTo; q++) {
        const c = wished[q];
        wishedDivision[c] = 0;
        if (wishedSection[q] > 0) wishedSectionFlag[wishedSection[q]] = 0;
        wishedBits[c >>> 5] = 0;
      }
    };
  }

  /**
   * Writes the pairs (pos[from + k], scores[k]) for k < count whose score is >= 0 to outCol/outSc from `at`, best score
   * first, ties in the order given (a counting sort: scores are whole tenths 0..MAX_TENTHS, and the row is still in
   * the cache), counting each kept pair in degree[degreeAt + position]. Returns the number of pairs kept.
   * `bucket` is scratch of MAX_TENTHS + 1 counters.
   */
  function appendSorted(
    pos: ArrayLike<number>,
    from: number,
    scores: Int16Array,
    count: number,
    outCol: Int32Array,
    outSc: Int16Array,
    at: number,
    bucket: Int32Array,
    degree: Int32Array,
    degreeAt: number,
  ): number {
    bucket.fill(0);
    for (let k = 0; k < count; k++) {
      const s = scores[k];
      if (s >= 0) bucket[s]++;
    }
    // bucket[s] := where the first pair scoring s goes (after every pair scoring more).
    let p = at;
    for (let s = MAX_TENTHS; s >= 0; s--) {
      const c = bucket[s];
      bucket[s] = p;
      p += c;
    }
    for (let k = 0; k < count; k++) {
      const s = scores[k];
      if (s < 0) continue;
      const e = bucket[s]++;
      const c = pos[from + k];
      outCol[e] = c;
      outSc[e] = s;
      degree[degreeAt + c]++;
    }
    return p - at;
  }

  /**
   * Claims blocks of the job one after the other (control[NEXT]) and scores their rows, until none is left or another
   * thread failed. Thread 0 is the caller; helpers are 1, 2, …. `onBlock` is told each block this thread finished.
   * A block that throws is marked failed and every thread stops (the caller then scores single-threaded).
   */
  function scoreBlocks(job: ScoringJob, thread: number, onBlock?: (block: number) => void): void {
    const { menteeOf, listOf, listPtr, listPos, listIdx, rowStart, rowLen, col, sc, blockRow, state, control, degree } =
      job;
    const B = blockRow.length - 1;
    const score = rowScorer(job.f);
    const scores = new Int16Array(Math.max(16, job.longest));
    const bucket = new Int32Array(MAX_TENTHS + 1);
    const degreeAt = thread * job.positions;
    let b = -1;
    try {
      for (;;) {
        if (Atomics.load(control, ABORT) !== 0) return;
        b = Atomics.add(control, NEXT, 1);
        if (b >= B) return;
        let pairs = 0;
        for (let r = blockRow[b], end = blockRow[b + 1]; r < end; r++) {
          const l = listOf[r],
            from = listPtr[l],
            count = listPtr[l + 1] - from;
          score(menteeOf[r], listIdx, from, count, scores);
          rowLen[r] = appendSorted(listPos, from, scores, count, col, sc, rowStart[r], bucket, degree, degreeAt);
          pairs += count;
        }
        if (thread > 0) {
          Atomics.add(control, HELPER_BLOCKS, 1);
          Atomics.add(control, HELPER_PAIRS, pairs);
        }
        Atomics.store(state, b, DONE);
        Atomics.notify(state, b);
        onBlock?.(b);
      }
    } catch (err) {
      Atomics.store(control, ABORT, 1);
      if (b >= 0 && b < B) {
        Atomics.store(state, b, FAILED);
        Atomics.notify(state, b);
      }
      throw err;
    }
  }

  return {
    rowScorer,
    appendSorted,
    scoreBlocks,
    MAX_TENTHS,
    EXCLUDED,
    DONE,
    FAILED,
    NEXT,
    ABORT,
    HELPER_BLOCKS,
    HELPER_PAIRS,
  };
}

/** The kernel for the calling thread. */
export const kernel = scoringKernel();
