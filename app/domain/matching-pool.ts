/**
 * Whole-pool scoring over typed arrays (issue 17): the same hard rules and the same score as `scorePair`, for one
 * mentee against many mentors at a time, without touching an object per pair.
 *
 * Every per-mentor and per-mentee feature is computed once into typed arrays (industry and employer strings become
 * small integer ids, languages and goals bit masks, municipalities a per-municipality distance row); a row is then a
 * loop over integers. The arithmetic is `combine`'s, term by term in the same order, so a score here is bit for bit
 * the score `scorePair` gives (unit tests compare them on random pools). Reasons in words are not built here: the
 * caller asks `evaluate` only for the pairs it shows.
 */
import {
  ENGLISH_VALUE,
  INDUSTRY_VALUE,
  geographyValue,
  waitingValue,
  type MatchContext,
  type PreparedMentee,
  type PreparedMentor,
} from "./matching";

/** Integer tenths of a point (0..1000) of an allowed pair; EXCLUDED when a hard rule excludes it. */
export const EXCLUDED = -1;

export type PoolScorer = {
  /**
   * Scores mentee `i` against the mentors `cols[0..count-1]` (indices into the mentors given), writing tenths of a
   * point (Math.round(scorePair × 10)) or EXCLUDED into `out[0..count-1]`.
   */
  scoreRow(i: number, cols: ArrayLike<number>, count: number, out: Int16Array): void;
};

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

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

export function poolScorer(
  mentees: readonly PreparedMentee[],
  mentors: readonly PreparedMentor[],
  ctx: MatchContext,
): PoolScorer {
  const M = mentees.length;
  const N = mentors.length;
  const w = ctx.weights;
  const codes = new Interner(); // DB07 division codes
  const sectionIds = new Interner();
  const employers = new Interner();
  const genders = new Interner();
  const genderId = (g: string | null) => genders.id(g);
  const preference = (p: string) => (p === "none" ? NO_PREFERENCE : genders.id(p));

  // Mentors.
  const ok = new Uint8Array(N);
  const mMuni = new Int32Array(N);
  const mTravel = new Float64Array(N);
  const mGender = new Int32Array(N);
  const mWants = new Int32Array(N);
  const mEmployer = new Int32Array(N);
  const mDivision = new Int32Array(N);
  const mSection = new Int32Array(N); // 0 = unknown section
  const mLang = new Int32Array(N);
  const mEnglish = new Uint8Array(N);
  const mOffers = new Int32Array(N);
  const mNetworkIds: number[][] = new Array(N);
  for (let j = 0; j < N; j++) {
    const pm = mentors[j];
    ok[j] = pm.approved && pm.introductionRead && !pm.paused && !pm.atCapacity ? 1 : 0;
    mMuni[j] = pm.m.municipalityCode;
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
  const eOffset = new Int32Array(M + 1);
  const wishedIds: number[] = [];
  const wishedSections: number[] = [];
  const eGender = new Int32Array(M);
  const eWants = new Int32Array(M);
  const eEmployer = new Int32Array(M);
  const eLang = new Int32Array(M);
  const eEnglish = new Uint8Array(M);
  const eGoals = new Int32Array(M);
  const eGoalsCount = new Int32Array(M);
  const eWaiting = new Float64Array(M);
  const eLanguageWeight = new Float64Array(M);
  const eTotal = new Float64Array(M);
  const ePartner = new Uint8Array(M);
  const eMuni = new Int32Array(M);
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
    eMuni[i] = pe.e.municipalityCode;
  }
  eOffset[M] = wishedIds.length;
  const wished = Int32Array.from(wishedIds);
  const wishedSection = Int32Array.from(wishedSections);

  // Mentors' networks as a bit set over the division ids (one row of `words` 32-bit words per mentor).
  const words = (codes.size + 31) >>> 5;
  const network = new Int32Array(N * words);
  for (let j = 0; j < N; j++) for (const id of mNetworkIds[j]) network[j * words + (id >>> 5)] |= 1 << (id & 31);

  // Distances from a mentee's municipality to each mentor's, one row per municipality (NaN = unknown).
  const distanceRows = new Map<number, Float64Array>();
  const mentorMunis = [...new Set(mMuni)];
  const distanceRow = (code: number): Float64Array => {
    let row = distanceRows.get(code);
    if (!row) {
      row = new Float64Array(N);
      const byMuni = new Map<number, number>();
      for (const b of mentorMunis) {
        const d = ctx.distanceKm(code, b);
        byMuni.set(b, d === null ? NaN : d);
      }
      for (let j = 0; j < N; j++) row[j] = byMuni.get(mMuni[j])!;
      distanceRows.set(code, row);
    }
    return row;
  };

  const wIndustry = w.industry,
    wGeography = w.geography,
    wGoals = w.goals,
    wWaiting = w.waiting,
    range = w.geoRangeKm;
  const industryValues = [INDUSTRY_VALUE.none, INDUSTRY_VALUE.network, INDUSTRY_VALUE.section, INDUSTRY_VALUE.division];
  const languageValues = [0, ENGLISH_VALUE, 1];
  const GOALS = 32; // covered goals 0..31 (a goal mask has at most 32 bits)
  // Per row: which division ids and section ids the mentee wishes, and the wished ids as a bit set (for networks).
  const wishedDivision = new Uint8Array(codes.size);
  const wishedSectionFlag = new Uint8Array(sectionIds.size);
  const wishedBits = new Int32Array(words);
  // Per row: the score (tenths) of a same-municipality pair by (industry, language, goals covered); -1 = not yet known.
  const sameTable = new Int16Array(4 * 3 * GOALS);

  /** combine(): the same terms in the same order and the same rounding, as tenths of a point. */
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

  return {
    scoreRow(i, cols, count, out) {
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
      const from = eOffset[i],
        to = eOffset[i + 1];
      for (let q = from; q < to; q++) {
        const c = wished[q];
        wishedDivision[c] = 1;
        if (wishedSection[q] > 0) wishedSectionFlag[wishedSection[q]] = 1;
        wishedBits[c >>> 5] |= 1 << (c & 31);
      }
      sameTable.fill(-1);
      for (let k = 0; k < count; k++) {
        const j = cols[k];
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
          out[k] = tenths(
            industryValues[industry],
            geographyValue(d, false, range),
            languageValues[language],
            goals,
            wl,
            waitingTerm,
            total,
          );
        }
      }
      for (let q = from; q < to; q++) {
        const c = wished[q];
        wishedDivision[c] = 0;
        if (wishedSection[q] > 0) wishedSectionFlag[wishedSection[q]] = 0;
        wishedBits[c >>> 5] = 0;
      }
    },
  };
}
