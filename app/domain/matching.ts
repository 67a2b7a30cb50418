/**
 * Matching: which mentor may be paired with which mentee (hard rules, each with a name), how good a pair is (a
 * weighted score 0..100 from industry, geography, language, goals and waiting time) and why (reasons as structured
 * data {key, params} that the UI translates). Framework-free: no database, no Remix, no clock (today comes in).
 *
 * The weights are data (table matching_weights, versioned); DEFAULT_WEIGHTS is only the seed of version 1.
 * One code path scores every pair: `evaluate` with reasons for the UI, and without reasons (no allocations) for
 * ranking 20 000 mentors or scoring a whole pool. Inputs are "prepared" once (bit masks for languages and goals,
 * paused/at-capacity resolved against today) so the per-pair work is a handful of comparisons.
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
import { daysBetween } from "./dates";

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

const languageBit = new Map<string, number>();
spokenLanguages
  .filter((l) => l !== "da")
  .forEach((l, i) => {
    if (i < 31) languageBit.set(l, 1 << i);
  });
const goalBit = new Map<string, number>(allGoals.map((g, i) => [g, 1 << i]));

function mask(values: readonly string[], bits: Map<string, number>): number {
  let m = 0;
  for (const v of values) m |= bits.get(v) ?? 0;
  return m;
}
function popcount(n: number): number {
  let c = 0;
  while (n) {
    n &= n - 1;
    c++;
  }
  return c;
}
const employerCache = new Map<string, string>();
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
    waitingDays: Math.max(0, daysBetween(e.referredAt.slice(0, 10), ctx.today)),
    employer: normaliseEmployer(e.currentInternshipEmployer),
  };
}

/* ------------------------------------------------------------------ the criteria (each a value 0..1) */

export function industryValue(
  pe: PreparedMentee,
  pm: PreparedMentor,
): { value: number; kind: "division" | "section" | "network" | "none"; code?: string } {
  const codes = pe.e.wishedIndustryCodes;
  let best: { value: number; kind: "division" | "section" | "network" | "none"; code?: string } = {
    value: 0,
    kind: "none",
  };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === pm.m.industryCode) return { value: INDUSTRY_VALUE.division, kind: "division", code: c };
    if (best.value < INDUSTRY_VALUE.section && pm.section !== undefined && pe.wishedSections[i] === pm.section)
      best = { value: INDUSTRY_VALUE.section, kind: "section", code: pm.section };
    else if (best.value < INDUSTRY_VALUE.network && pm.m.networkIndustryCodes.includes(c))
      best = { value: INDUSTRY_VALUE.network, kind: "network", code: c };
  }
  return best;
}

/** The industry value alone, without allocating (the hot path of ranking and pool scoring). */
export function industryScore(pe: PreparedMentee, pm: PreparedMentor): number {
  const codes = pe.e.wishedIndustryCodes;
  let best = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === pm.m.industryCode) return INDUSTRY_VALUE.division;
    if (best < INDUSTRY_VALUE.section && pm.section !== undefined && pe.wishedSections[i] === pm.section)
      best = INDUSTRY_VALUE.section;
    else if (best < INDUSTRY_VALUE.network && pm.m.networkIndustryCodes.includes(c)) best = INDUSTRY_VALUE.network;
  }
  return best;
}

/** Geography: same municipality 1; otherwise falls linearly with distance and reaches 0 at geoRangeKm. */
export function geographyValue(distanceKm: number, sameMunicipality: boolean, rangeKm: number): number {
  if (sameMunicipality) return 1;
  return 0.8 * Math.max(0, 1 - distanceKm / rangeKm);
}

export function waitingValue(days: number): number {
  return Math.min(1, Math.max(0, days) / WAITING_FULL_DAYS);
}

function languageNames(bits: number): string[] {
  const out: string[] = [];
  for (const [l, b] of languageBit) if (bits & b) out.push(l);
  return out;
}

/* ------------------------------------------------------------------ evaluate one pair */

/** The hard rules that exclude this pair (empty = allowed). */
export function violatedRules(pe: PreparedMentee, pm: PreparedMentor, ctx: MatchContext): HardRule[] {
  const out: HardRule[] = [];
  if (!pm.approved) out.push("mentor_not_approved");
  if (!pm.introductionRead) out.push("mentor_introduction_unread");
  if (pm.paused) out.push("mentor_paused");
  if (pm.atCapacity) out.push("mentor_at_capacity");
  if (!pe.e.municipalityIsPartner) out.push("municipality_not_partner");
  if (pe.e.municipalityCode !== pm.m.municipalityCode) {
    const d = ctx.distanceKm(pe.e.municipalityCode, pm.m.municipalityCode);
    if (d === null || d > pm.m.travelKm) out.push("outside_travel_area");
  }
  const wantsMentor = pe.e.mentorGenderPreference;
  if (wantsMentor !== "none" && pm.m.gender !== wantsMentor) out.push("mentee_gender_preference");
  const wantsMentee = pm.m.menteeGenderPreference;
  if (wantsMentee !== "none" && pe.e.gender !== wantsMentee) out.push("mentor_gender_preference");
  if (pm.employer && pe.employer && pm.employer === pe.employer) out.push("conflict_of_interest");
  if (pe.e.declinedMentorIds?.includes(pm.m.id)) out.push("pair_declined");
  if (ctx.requireSharedIndustry && industryScore(pe, pm) === 0) out.push("no_shared_industry");
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The score of an allowed pair, 0..100, or -1 when a hard rule excludes it. No allocations on the hot path
 * (used for ranking and for the whole pool).
 */
export function scorePair(pe: PreparedMentee, pm: PreparedMentor, ctx: MatchContext): number {
  // Hard rules, cheapest first (same outcome as violatedRules().length > 0).
  if (!pm.approved || !pm.introductionRead || pm.paused || pm.atCapacity || !pe.e.municipalityIsPartner) return -1;
  const same = pe.e.municipalityCode === pm.m.municipalityCode;
  let d = 0;
  if (!same) {
    const dk = ctx.distanceKm(pe.e.municipalityCode, pm.m.municipalityCode);
    if (dk === null || dk > pm.m.travelKm) return -1;
    d = dk;
  }
  const wm = pe.e.mentorGenderPreference;
  if (wm !== "none" && pm.m.gender !== wm) return -1;
  const we = pm.m.menteeGenderPreference;
  if (we !== "none" && pe.e.gender !== we) return -1;
  if (pm.employer && pe.employer && pm.employer === pe.employer) return -1;
  if (pe.e.declinedMentorIds?.includes(pm.m.id)) return -1;
  if (ctx.requireSharedIndustry && industryScore(pe, pm) === 0) return -1;
  return combine(pe, pm, ctx, same, d, null);
}

type Parts = Record<"industry" | "geography" | "language" | "goals" | "waiting", number>;

/** The weighted score; fills `parts` when given (the explained path), allocates nothing otherwise. */
function combine(
  pe: PreparedMentee,
  pm: PreparedMentor,
  ctx: MatchContext,
  same: boolean,
  distance: number,
  parts: Parts | null,
): number {
  const w = ctx.weights;
  const industry = industryScore(pe, pm);
  const geography = geographyValue(distance, same, w.geoRangeKm);
  const shared = pe.langMask & pm.langMask;
  const language = shared ? 1 : pe.readsEnglish && pm.speaksEnglish ? ENGLISH_VALUE : 0;
  const goals = pe.goalsCount === 0 ? 0.5 : popcount(pe.goalsMask & pm.offersMask) / pe.goalsCount;
  const waiting = waitingValue(pe.waitingDays);
  const wl = w.language * (pe.lowDanish ? w.lowDanishLanguageFactor : 1);
  const total = w.industry + w.geography + wl + w.goals + w.waiting;
  const sum = w.industry * industry + w.geography * geography + wl * language + w.goals * goals + w.waiting * waiting;
  if (parts) {
    parts.industry = industry;
    parts.geography = geography;
    parts.language = language;
    parts.goals = goals;
    parts.waiting = waiting;
  }
  return round1((100 * sum) / total);
}

/** The full evaluation of one pair, with reasons in data form for the UI. */
export function evaluate(pe: PreparedMentee, pm: PreparedMentor, ctx: MatchContext): Evaluation {
  const rules = violatedRules(pe, pm, ctx);
  if (rules.length) return { allowed: false, rules, reasons: rules.map((r) => ({ key: `rule.${r}` })) };
  const same = pe.e.municipalityCode === pm.m.municipalityCode;
  const distance = same ? 0 : (ctx.distanceKm(pe.e.municipalityCode, pm.m.municipalityCode) ?? 0);
  const parts: Parts = { industry: 0, geography: 0, language: 0, goals: 0, waiting: 0 };
  const score = combine(pe, pm, ctx, same, distance, parts);
  const reasons: Reason[] = [];
  const ind = industryValue(pe, pm);
  if (ind.kind === "division") reasons.push({ key: "industry_division", params: { code: ind.code! } });
  else if (ind.kind === "section") reasons.push({ key: "industry_section", params: { code: ind.code! } });
  else if (ind.kind === "network") reasons.push({ key: "industry_network", params: { code: ind.code! } });
  else reasons.push({ key: "industry_none" });
  if (same)
    reasons.push({
      key: "same_municipality",
      params: { name: pm.m.municipalityName ?? String(pm.m.municipalityCode) },
    });
  else reasons.push({ key: "distance", params: { km: Math.round(distance) } });
  const shared = pe.langMask & pm.langMask;
  if (shared)
    reasons.push({
      key: pe.lowDanish ? "shared_language_low_danish" : "shared_language",
      params: { languages: languageNames(shared) },
    });
  else if (pe.readsEnglish && pm.speaksEnglish) reasons.push({ key: "shared_english" });
  else reasons.push({ key: "no_shared_language" });
  if (pe.goalsCount)
    reasons.push({ key: "goals", params: { covered: popcount(pe.goalsMask & pm.offersMask), total: pe.goalsCount } });
  reasons.push({ key: "waiting", params: { days: pe.waitingDays } });
  return { allowed: true, score, parts, reasons };
}

/* ------------------------------------------------------------------ ranking */

export type Candidate = { mentorId: number; score: number; reasons: Reason[] };
export type Excluded = { mentorId: number; rules: HardRule[]; reasons: Reason[] };

/** Highest score first; ties by lower id (stable, deterministic). */
function byScore<T extends { score: number }>(id: (x: T) => number) {
  return (a: T, b: T) => b.score - a.score || id(a) - id(b);
}

/**
 * All candidates for one mentee, best first, with reasons for the top `limit` (all when omitted), and the excluded
 * mentors with the rules that excluded them (when `withExcluded`).
 */
export function rankMentorsForMentee(
  mentee: MatchMentee,
  mentors: readonly (MatchMentor | PreparedMentor)[],
  ctx: MatchContext,
  opts: { limit?: number; withExcluded?: boolean } = {},
): { candidates: Candidate[]; excluded: Excluded[]; total: number } {
  const pe = prepareMentee(mentee, ctx);
  const scored: { pm: PreparedMentor; score: number }[] = [];
  const excludedPm: PreparedMentor[] = [];
  for (const x of mentors) {
    // A raw mentor whom a cheap rule already excludes is prepared only when the caller wants the excluded listed:
    // most of a national pool lives outside the mentee's travel area.
    if (!("m" in x) && !opts.withExcluded && excludedBeforePreparing(pe, x, ctx)) continue;
    const pm = "m" in x ? x : prepareMentor(x, ctx);
    const s = scorePair(pe, pm, ctx);
    if (s >= 0) scored.push({ pm, score: s });
    else if (opts.withExcluded) excludedPm.push(pm);
  }
  scored.sort(byScore((x) => x.pm.m.id));
  const top = opts.limit === undefined ? scored : scored.slice(0, opts.limit);
  const candidates = top.map(({ pm }) => {
    const ev = evaluate(pe, pm, ctx);
    return { mentorId: pm.m.id, score: ev.allowed ? ev.score : -1, reasons: ev.reasons };
  });
  const excluded = excludedPm
    .sort((a, b) => a.m.id - b.m.id)
    .map((pm) => {
      const ev = evaluate(pe, pm, ctx);
      return { mentorId: pm.m.id, rules: ev.allowed ? [] : ev.rules, reasons: ev.reasons };
    });
  return { candidates, excluded, total: scored.length };
}

/** True when a hard rule that needs no preparation (status, pause, places, partner, travel, gender) excludes the pair. */
function excludedBeforePreparing(pe: PreparedMentee, m: MatchMentor, ctx: MatchContext): boolean {
  if (
    (m.status !== "approved" && m.status !== "active") ||
    !m.introductionRead ||
    m.activeCourses >= m.capacity ||
    !pe.e.municipalityIsPartner
  )
    return true;
  if (pe.e.municipalityCode !== m.municipalityCode) {
    const d = ctx.distanceKm(pe.e.municipalityCode, m.municipalityCode);
    if (d === null || d > m.travelKm) return true;
  }
  const wm = pe.e.mentorGenderPreference;
  if (wm !== "none" && m.gender !== wm) return true;
  const we = m.menteeGenderPreference;
  if (we !== "none" && pe.e.gender !== we) return true;
  if (pe.e.declinedMentorIds?.includes(m.id)) return true;
  return isPausedOn(m, ctx.today);
}

/** All candidate mentees for one mentor, best first (same rules and score, seen from the mentor). */
export function rankMenteesForMentor(
  mentor: MatchMentor,
  mentees: readonly MatchMentee[],
  ctx: MatchContext,
  opts: { limit?: number } = {},
): { menteeId: number; score: number; reasons: Reason[] }[] {
  const pm = prepareMentor(mentor, ctx);
  const scored = mentees
    .map((e) => ({ pe: prepareMentee(e, ctx), score: 0 }))
    .map((x) => ({ ...x, score: scorePair(x.pe, pm, ctx) }))
    .filter((x) => x.score >= 0)
    .sort(byScore((x) => x.pe.e.id));
  const top = opts.limit === undefined ? scored : scored.slice(0, opts.limit);
  return top.map(({ pe, score }) => ({ menteeId: pe.e.id, score, reasons: evaluate(pe, pm, ctx).reasons }));
}

/* ------------------------------------------------------------------ geography */

/** Great-circle distance in km between two points (haversine). */
export function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const R = 6371;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A fast distance lookup between municipality codes (0..999), precomputed from centroids. */
export function distanceTable(
  centroids: readonly { code: number; lat: number; lng: number }[],
): (a: number, b: number) => number | null {
  const SIZE = 1000;
  const table = new Float32Array(SIZE * SIZE).fill(-1);
  for (const x of centroids)
    for (const y of centroids) {
      if (x.code < SIZE && y.code < SIZE) table[x.code * SIZE + y.code] = haversineKm(x, y);
    }
  return (a, b) => {
    if (a < 0 || b < 0 || a >= SIZE || b >= SIZE) return null;
    const d = table[a * SIZE + b];
    return d < 0 ? null : d;
  };
}

/**
 * For the whole pool: the mentors worth scoring for a mentee, i.e. those whose travel area reaches the mentee's
 * municipality (same municipality, or centroid distance within the mentor's own travel distance). Exact: every pair
 * left out would be excluded by `outside_travel_area` anyway. Indices ascending; cached per municipality.
 */
export function travelCandidates(
  mentors: readonly PreparedMentor[],
  ctx: MatchContext,
): (e: MatchMentee) => Int32Array {
  // Per municipality, the mentors living there, farthest-travelling first: a distance then keeps a prefix.
  const byMunicipality = new Map<number, number[]>();
  mentors.forEach((pm, j) => {
    const code = pm.m.municipalityCode;
    if (!byMunicipality.has(code)) byMunicipality.set(code, []);
    byMunicipality.get(code)!.push(j);
  });
  for (const js of byMunicipality.values()) js.sort((a, b) => mentors[b].m.travelKm - mentors[a].m.travelKm || a - b);
  const cache = new Map<number, Int32Array>();
  return (e) => {
    let list = cache.get(e.municipalityCode);
    if (!list) {
      const found: number[] = [];
      for (const [code, js] of byMunicipality) {
        if (code === e.municipalityCode) {
          for (const j of js) found.push(j);
          continue;
        }
        const d = ctx.distanceKm(e.municipalityCode, code);
        if (d === null) continue;
        for (const j of js) {
          if (mentors[j].m.travelKm < d) break;
          found.push(j);
        }
      }
      list = Int32Array.from(found).sort();
      cache.set(e.municipalityCode, list);
    }
    return list;
  };
}
