/**
 * Matching's inputs (see matching.ts): the weights, the mentor and mentee as matching sees them, the named hard rules,
 * and the prepared form of each side (bit masks, today's pause and capacity resolved) that makes a pair cheap to score.
 */
import {
  goals as allGoals,
  spokenLanguages,
  type DanishLevel,
  type Gender,
  type GenderPreference,
  type Goal,
  type MentorStatus,
} from "./enums";
import { daysBetween, localDateOf } from "./dates";

/* ------------------------------------------------------------------ weights */

export const weightKeys = [
  "industry",
  "geography",
  "language",
  "goals",
  "waiting",
  "lowDanishLanguageFactor",
  "geoRangeKm",
] as const;
export type WeightKey = (typeof weightKeys)[number];
export type Weights = Record<WeightKey, number>;

/** Criterion weights (relative; normalised to 100), the language boost for DU1/DU2 and the distance scale. */
export const DEFAULT_WEIGHTS: Weights = {
  industry: 40,
  geography: 25,
  language: 15,
  goals: 10,
  waiting: 10,
  /** The language weight is multiplied by this for mentees at Danish level none/DU1/DU2. */
  lowDanishLanguageFactor: 2,
  /** Distance at which the geography value reaches 0 (same municipality is always 1). */
  geoRangeKm: 60,
};
/** Allowed range per weight (the admin form validates with these). */
export const weightLimits: Record<WeightKey, [number, number]> = {
  industry: [0, 100],
  geography: [0, 100],
  language: [0, 100],
  goals: [0, 100],
  waiting: [0, 100],
  lowDanishLanguageFactor: [1, 5],
  geoRangeKm: [5, 400],
};

/** Reads a stored weights object, filling missing keys from the defaults (old versions stay usable). */
export function normaliseWeights(raw: Partial<Record<string, number>> | null | undefined): Weights {
  const w = { ...DEFAULT_WEIGHTS };
  for (const k of weightKeys) {
    const v = raw?.[k];
    if (typeof v === "number" && Number.isFinite(v))
      w[k] = Math.min(weightLimits[k][1], Math.max(weightLimits[k][0], v));
  }
  if (w.industry + w.geography + w.language + w.goals + w.waiting <= 0) return { ...DEFAULT_WEIGHTS };
  return w;
}

/** Value of an industry match: same division > same section > mentor has a network in the wished division. */
export const INDUSTRY_VALUE = { division: 1, section: 0.6, network: 0.3, none: 0 } as const;
/** Days of waiting at which the waiting value reaches 1. */
export const WAITING_FULL_DAYS = 180;
/** Value of sharing only English (the mentee reads English well) compared with another shared language. */
export const ENGLISH_VALUE = 0.5;

/* ------------------------------------------------------------------ inputs */

export type MatchMentor = {
  id: number;
  status: MentorStatus;
  pausedFrom: string | null;
  pausedTo: string | null;
  capacity: number;
  /** Courses of this mentor that are approved, active or paused (they use a place). */
  activeCourses: number;
  municipalityCode: number;
  municipalityName?: string;
  travelKm: number;
  employer: string | null;
  industryCode: string;
  networkIndustryCodes: string[];
  languages: string[];
  gender: Gender | null;
  menteeGenderPreference: GenderPreference;
  offers: Goal[];
  /** The mentor has marked the coordinators' introduction as read (issue 21): never matched before that. */
  introductionRead: boolean;
};

export type MatchMentee = {
  id: number;
  municipalityCode: number;
  municipalityName?: string;
  municipalityIsPartner: boolean;
  gender: Gender | null;
  mentorGenderPreference: GenderPreference;
  languages: string[];
  englishLevel: string;
  danishLevel: DanishLevel;
  goals: Goal[];
  wishedIndustryCodes: string[];
  currentInternshipEmployer: string | null;
  /** ISO instant or date. */
  referredAt: string;
  /** Mentors who declined this citizen or let a request expire (issue 19): hard rule `pair_declined`. */
  declinedMentorIds?: readonly number[];
};

export type MatchContext = {
  today: string;
  weights: Weights;
  /** Distance in km between two municipalities' centroids (null when unknown). */
  distanceKm: (a: number, b: number) => number | null;
  /** DB07 section of a two-digit division (undefined when unknown). */
  sectionOf: (division: string) => string | undefined;
  /** The admin setting "pairs without a shared industry are not proposed" (issue 19): hard rule `no_shared_industry`. */
  requireSharedIndustry?: boolean;
};

/* ------------------------------------------------------------------ hard rules */

export const hardRules = [
  "mentor_not_approved",
  "mentor_introduction_unread",
  "mentor_paused",
  "mentor_at_capacity",
  "municipality_not_partner",
  "outside_travel_area",
  "mentee_gender_preference",
  "mentor_gender_preference",
  "conflict_of_interest",
  /** The mentor declined this citizen, or let the request expire (issue 19): the pair is not proposed again. */
  "pair_declined",
  /** No shared industry while the admin setting says such pairs are not proposed (issue 19). */
  "no_shared_industry",
] as const;
export type HardRule = (typeof hardRules)[number];

export type Reason = { key: string; params?: Record<string, string | number | string[]> };

export type Evaluation =
  | {
      allowed: true;
      score: number;
      parts: Record<"industry" | "geography" | "language" | "goals" | "waiting", number>;
      reasons: Reason[];
    }
  | { allowed: false; rules: HardRule[]; reasons: Reason[] };

/* ------------------------------------------------------------------ prepared inputs */

export const languageBit = new Map<string, number>();
spokenLanguages
  .filter((l) => l !== "da")
  .forEach((l, i) => {
    if (i < 31) languageBit.set(l, 1 << i);
  });
export const goalBit = new Map<string, number>(allGoals.map((g, i) => [g, 1 << i]));

export function mask(values: readonly string[], bits: Map<string, number>): number {
  let m = 0;
  for (const v of values) m |= bits.get(v) ?? 0;
  return m;
}
export function popcount(n: number): number {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}
export const employerCache = new Map<string, string>();
/** "Byg A/S" and "byg a/s" are the same employer; cached because ranking prepares thousands of mentors per call. */
export function normaliseEmployer(s: string | null | undefined): string {
  if (!s) return "";
  let v = employerCache.get(s);
  if (v === undefined) {
    v = s
      .toLowerCase()
      .normalize("NFKC")
      .replace(/\b(a\/s|aps|i\/s|ivs|a\.m\.b\.a\.)\b/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    if (employerCache.size > 50_000) employerCache.clear();
    employerCache.set(s, v);
  }
  return v;
}

export type PreparedMentor = {
  m: MatchMentor;
  approved: boolean;
  introductionRead: boolean;
  paused: boolean;
  atCapacity: boolean;
  free: number;
  section: string | undefined;
  langMask: number;
  speaksEnglish: boolean;
  offersMask: number;
  employer: string;
};
export type PreparedMentee = {
  e: MatchMentee;
  langMask: number;
  readsEnglish: boolean;
  lowDanish: boolean;
  goalsMask: number;
  goalsCount: number;
  wishedSections: (string | undefined)[];
  waitingDays: number;
  employer: string;
};

export function isPausedOn(m: Pick<MatchMentor, "status" | "pausedFrom" | "pausedTo">, today: string): boolean {
  if (m.status === "paused") return true;
  if (!m.pausedFrom && !m.pausedTo) return false;
  const from = m.pausedFrom ?? "0000-01-01";
  const to = m.pausedTo ?? "9999-12-31";
  return from <= today && today <= to;
}

export function prepareMentor(m: MatchMentor, ctx: MatchContext): PreparedMentor {
  return {
    m,
    approved: m.status === "approved" || m.status === "active",
    introductionRead: m.introductionRead,
    paused: isPausedOn(m, ctx.today),
    atCapacity: m.activeCourses >= m.capacity,
    free: Math.max(0, m.capacity - m.activeCourses),
    section: ctx.sectionOf(m.industryCode),
    langMask: mask(
      m.languages.filter((l) => l !== "en"),
      languageBit,
    ),
    speaksEnglish: m.languages.includes("en"),
    offersMask: mask(m.offers, goalBit),
    employer: normaliseEmployer(m.employer),
  };
}

export function prepareMentee(e: MatchMentee, ctx: MatchContext): PreparedMentee {
  const goalsMask = mask(e.goals, goalBit);
  return {
    e,
    langMask: mask(
      e.languages.filter((l) => l !== "en"),
      languageBit,
    ),
    readsEnglish: e.languages.includes("en") || e.englishLevel === "intermediate" || e.englishLevel === "fluent",
    lowDanish: e.danishLevel === "none" || e.danishLevel === "du1" || e.danishLevel === "du2",
    goalsMask,
    goalsCount: popcount(goalsMask),
    wishedSections: e.wishedIndustryCodes.map((c) => ctx.sectionOf(c)),
    waitingDays: Math.max(0, daysBetween(localDateOf(e.referredAt), ctx.today)),
    employer: normaliseEmployer(e.currentInternshipEmployer),
  };
}
