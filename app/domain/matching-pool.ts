/**
 * Whole-pool scoring over typed arrays (issue 17): the same hard rules and the same score as `scorePair`, for one
 * mentee against many mentors at a time, without touching an object per pair.
 *
 * Every per-mentor and per-mentee feature is computed once into typed arrays (`poolFeatures`: industry and employer
 * strings become small integer ids, languages and goals bit masks, municipalities indices into a small distance
 * table); a row is then a loop over integers (`rowScorer` in matching-pool-kernel.ts). The arithmetic is `combine`'s,
 * term by term in the same order, so a score here is bit for bit the score `scorePair` gives (unit tests compare them
 * on random pools). The features live in SharedArrayBuffers, so helper threads score rows of a large pool without a
 * copy (pool-threads.server.ts). Reasons in words are not built here: the caller asks `evaluate` only for the pairs
 * it shows.
 */
import {
  ENGLISH_VALUE,
  INDUSTRY_VALUE,
  waitingValue,
  type MatchContext,
  type PreparedMentee,
  type PreparedMentor,
} from "./matching";
import { kernel, shared, type PoolFeatures } from "./matching-pool-kernel";

export type { PoolFeatures } from "./matching-pool-kernel";

/** Integer tenths of a point (0..1000) of an allowed pair; EXCLUDED when a hard rule excludes it. */
export const EXCLUDED = -1;

export type PoolScorer = {
  /**
   * Scores mentee `i` against the mentors `cols[0..count-1]` (indices into the mentors given), writing tenths of a
   * point (Math.round(scorePair × 10)) or EXCLUDED into `out[0..count-1]`.
   */
  scoreRow(i: number, cols: ArrayLike<number>, count: number, out: Int16Array): void;
  /** The features the rows are scored from (give them to `assignPool` to score a large pool on several threads). */
  features: PoolFeatures;
};

/** Gives each distinct string a small id (1, 2, …); "" and undefined are 0. */
class Interner {
  private ids = new Map<string, number>();
  id(s: string | null | undefined): number {
    if (!s) return 0;
    let v = this.ids.get(s);
    if (v === undefined) {
      v = this.ids.size + 1;
      this.ids.set(s, v);
    }
    return v;
  }
  get size() {
    return this.ids.size + 1;
  }
}

const NO_PREFERENCE = -1;

/** The pool's features as shared typed arrays and numbers (see PoolFeatures). */
export function poolFeatures(
  mentees: readonly PreparedMentee[],
  mentors: readonly PreparedMentor[],
  ctx: MatchContext,
): PoolFeatures {
  const M = mentees.length;
  const N = mentors.length;
  const w = ctx.weights;
  const codes = new Interner(); // DB07 division codes
  const sectionIds = new Interner();
  const employers = new Interner();
  const genders = new Interner();
  const genderId = (g: string | null) => genders.id(g);
  const preference = (p: string) => (p === "none" ? NO_PREFERENCE : genders.id(p));
  // Municipalities (codes) of the pool as indices 0..K-1.
  const muniIndex = new Map<number, number>();
  const muni = (code: number) => {
    let k = muniIndex.get(code);
    if (k === undefined) {
      k = muniIndex.size;
      muniIndex.set(code, k);
    }
    return k;
  };

  // Mentors.
  const ok = shared(Uint8Array, N);
  const mMuni = shared(Int32Array, N);
  const mTravel = shared(Float64Array, N);
  const mGender = shared(Int32Array, N);
  const mWants = shared(Int32Array, N);
  const mEmployer = shared(Int32Array, N);
  const mDivision = shared(Int32Array, N);
  const mSection = shared(Int32Array, N); // 0 = unknown section
  const mLang = shared(Int32Array, N);
  const mEnglish = shared(Uint8Array, N);
  const mOffers = shared(Int32Array, N);
  const mNetworkIds: number[][] = new Array(N);
  for (let j = 0; j < N; j++) {
    const pm = mentors[j];
    ok[j] = pm.approved && pm.introductionRead && !pm.paused && !pm.atCapacity ? 1 : 0;
    mMuni[j] = muni(pm.m.municipalityCode);
    mTravel[j] = pm.m.travelKm;
    mGender[j] = genderId(pm.m.gender);
    mWants[j] = preference(pm.m.menteeGenderPreference);
    mEmployer[j] = employers.id(pm.employer);
    mDivision[j] = codes.id(pm.m.industryCode);
    mSection[j] = sectionIds.id(pm.section);
    mLang[j] = pm.langMask;
    mEnglish[j] = pm.speaksEnglish ? 1 : 0;
    mOffers[j] = pm.offersMask;
    mNetworkIds[j] = pm.m.networkIndustryCodes.map((c) => codes.id(c));
  }

  // Mentees: wished divisions (ids), their sections, and the constant parts of the score.
  const eOffset = shared(Int32Array, M + 1);
  const wishedIds: number[] = [];
  const wishedSections: number[] = [];
  const eGender = shared(Int32Array, M);
  const eWants = shared(Int32Array, M);
  const eEmployer = shared(Int32Array, M);
  const eLang = shared(Int32Array, M);
  const eEnglish = shared(Uint8Array, M);
  const eGoals = shared(Int32Array, M);
  const eGoalsCount = shared(Int32Array, M);
  const eWaiting = shared(Float64Array, M);
  const eLanguageWeight = shared(Float64Array, M);
  const eTotal = shared(Float64Array, M);
  const ePartner = shared(Uint8Array, M);
  const eMuni = shared(Int32Array, M);
  for (let i = 0; i < M; i++) {
    const pe = mentees[i];
    eOffset[i] = wishedIds.length;
    pe.e.wishedIndustryCodes.forEach((c, k) => {
      wishedIds.push(codes.id(c));
      // An unknown section never equals a mentor's section (-1 cannot be an id).
      wishedSections.push(pe.wishedSections[k] === undefined ? -1 : sectionIds.id(pe.wishedSections[k]));
    });
    eGender[i] = genderId(pe.e.gender);
    eWants[i] = preference(pe.e.mentorGenderPreference);
    eEmployer[i] = employers.id(pe.employer);
    eLang[i] = pe.langMask;
    eEnglish[i] = pe.readsEnglish ? 1 : 0;
    eGoals[i] = pe.goalsMask;
    eGoalsCount[i] = pe.goalsCount;
    eWaiting[i] = waitingValue(pe.waitingDays);
    const wl = w.language * (pe.lowDanish ? w.lowDanishLanguageFactor : 1);
    eLanguageWeight[i] = wl;
    eTotal[i] = w.industry + w.geography + wl + w.goals + w.waiting;
    ePartner[i] = pe.e.municipalityIsPartner ? 1 : 0;
    eMuni[i] = muni(pe.e.municipalityCode);
  }
  eOffset[M] = wishedIds.length;
  const wished = shared(Int32Array, wishedIds.length);
  wished.set(wishedIds);
  const wishedSection = shared(Int32Array, wishedSections.length);
  wishedSection.set(wishedSections);

  // Mentors' networks as a bit set over the division ids (one row of `words` 32-bit words per mentor).
  const words = (codes.size + 31) >>> 5;
  const network = shared(Int32Array, N * words);
  for (let j = 0; j < N; j++) for (const id of mNetworkIds[j]) network[j * words + (id >>> 5)] |= 1 << (id & 31);

  // Distances between the pool's municipalities (NaN = unknown).
  const K = muniIndex.size;
  const distance = shared(Float64Array, K * K);
  for (const [a, ka] of muniIndex)
    for (const [b, kb] of muniIndex) {
      const d = ctx.distanceKm(a, b);
      distance[ka * K + kb] = d === null ? NaN : d;
    }

  return {
    mentees: M,
    mentors: N,
    wIndustry: w.industry,
    wGeography: w.geography,
    wGoals: w.goals,
    wWaiting: w.waiting,
    geoRangeKm: w.geoRangeKm,
    industryValues: Float64Array.from([
      INDUSTRY_VALUE.none,
      INDUSTRY_VALUE.network,
      INDUSTRY_VALUE.section,
      INDUSTRY_VALUE.division,
    ]),
    languageValues: Float64Array.from([0, ENGLISH_VALUE, 1]),
    divisions: codes.size,
    sections: sectionIds.size,
    words,
    municipalities: K,
    distance,
    ok,
    mMuni,
    mTravel,
    mGender,
    mWants,
    mEmployer,
    mDivision,
    mSection,
    mLang,
    mEnglish,
    mOffers,
    network,
    eOffset,
    wished,
    wishedSection,
    eGender,
    eWants,
    eEmployer,
    eLang,
    eEnglish,
    eGoals,
    eGoalsCount,
    eWaiting,
    eLanguageWeight,
    eTotal,
    ePartner,
    eMuni,
  };
}

export function poolScorer(
  mentees: readonly PreparedMentee[],
  mentors: readonly PreparedMentor[],
  ctx: MatchContext,
): PoolScorer {
  const features = poolFeatures(mentees, mentors, ctx);
  const score = kernel.rowScorer(features);
  return { features, scoreRow: (i, cols, count, out) => score(i, cols, 0, count, out) };
}
