/**
 * The shapes the scoring kernel (matching-pool-kernel.ts) works on, and the shared typed arrays they live in: kept apart
 * from the kernel, whose source text must refer to nothing outside its own body.
 */

/** Everything the scorer needs, as typed arrays and numbers (postable to a worker thread without copying the arrays). */
export type PoolFeatures = {
  mentees: number;
  mentors: number;
  wIndustry: number;
  wGeography: number;
  wGoals: number;
  wWaiting: number;
  geoRangeKm: number;
  /** INDUSTRY_VALUE of none, network, section, division; ENGLISH-only and shared-language values (0, ENGLISH_VALUE, 1). */
  industryValues: Float64Array;
  languageValues: Float64Array;
  /** Division ids (1..divisions-1; 0 = none), section ids (1..sections-1), 32-bit words per network bit set. */
  divisions: number;
  sections: number;
  words: number;
  /** Municipalities of the pool as indices 0..K-1; distance[a × K + b] in km, NaN when unknown. */
  municipalities: number;
  distance: Float64Array;
  // Mentors (by index in the mentors given).
  ok: Uint8Array;
  mMuni: Int32Array;
  mTravel: Float64Array;
  mGender: Int32Array;
  mWants: Int32Array;
  mEmployer: Int32Array;
  mDivision: Int32Array;
  mSection: Int32Array;
  mLang: Int32Array;
  mEnglish: Uint8Array;
  mOffers: Int32Array;
  network: Int32Array;
  // Mentees (by index in the mentees given); wished[eOffset[i]..eOffset[i+1]-1] are mentee i's wished divisions.
  eOffset: Int32Array;
  wished: Int32Array;
  wishedSection: Int32Array;
  eGender: Int32Array;
  eWants: Int32Array;
  eEmployer: Int32Array;
  eLang: Int32Array;
  eEnglish: Uint8Array;
  eGoals: Int32Array;
  eGoalsCount: Int32Array;
  eWaiting: Float64Array;
  eLanguageWeight: Float64Array;
  eTotal: Float64Array;
  ePartner: Uint8Array;
  eMuni: Int32Array;
};

/** Scores mentee `i` against the mentors cols[from..from+count-1] into out[0..count-1] (tenths, or -1: excluded). */
export type RowScoreFn = (i: number, cols: ArrayLike<number>, from: number, count: number, out: Int16Array) => void;

/**
 * A whole pool's rows to score in blocks, on one thread or several (every array SharedArrayBuffer-backed when helpers
 * take part). Row r (mentees in the caller's order) is mentee `menteeOf[r]` against candidate list `listOf[r]`: mentor
 * positions listPos[listPtr[l]..listPtr[l+1]-1] (ascending), the same mentors' indices in the features listIdx[…].
 * Its allowed pairs go to col/sc[rowStart[r]..rowStart[r]+rowLen[r]-1], best score first; rowStart leaves room for
 * every candidate. Blocks are rows blockRow[b]..blockRow[b+1]-1, claimed in order through control[NEXT].
 */
export type ScoringJob = {
  f: PoolFeatures;
  menteeOf: Int32Array;
  listOf: Int32Array;
  listPtr: Int32Array;
  listPos: Int32Array;
  listIdx: Int32Array;
  rowStart: Int32Array;
  rowLen: Int32Array;
  col: Int32Array;
  sc: Int16Array;
  blockRow: Int32Array;
  /** Per block: 0 not done, 1 done, 2 failed. */
  state: Int32Array;
  /** [next block to claim, abort flag, blocks done by helpers, pairs scored by helpers]. */
  control: Int32Array;
  /** Allowed pairs per mentor position, one row of `positions` counters per thread (thread t at t × positions). */
  degree: Int32Array;
  positions: number;
  /** Longest candidate list (scratch size). */
  longest: number;
};

type TypedArrayOf = Int32ArrayConstructor | Int16ArrayConstructor | Uint8ArrayConstructor | Float64ArrayConstructor;
/** A zeroed typed array on a SharedArrayBuffer (a plain one where there is none, e.g. a browser without isolation). */
export function shared<T extends TypedArrayOf>(Type: T, length: number): InstanceType<T> {
  const Buffer = typeof SharedArrayBuffer === "function" ? SharedArrayBuffer : ArrayBuffer;
  return new Type(new Buffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT) as ArrayBuffer).subarray(
    0,
    length,
  ) as InstanceType<T>;
}
