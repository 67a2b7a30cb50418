/**
 * Citizens ↔ openings: which citizen may be proposed to which opening (hard rules, each with a name), how well they fit
 * (a weighted score 0..100 from industry, occupation, locality, Danish level and availability) and why (reasons as
 * data {key, params} the UI translates). In the style of the mentor matching engine (app/domain/matching.ts), whose
 * distance and geography helpers it reuses; the criteria read the citizen's competence assessment
 * (app/domain/competence.ts). Framework-free: no database, no Remix, no clock (today comes in).
 */
import type { DanishLevel, OpeningType } from "./enums";
import { danishRank, meetsDanish, type Profile } from "./competence";
import { geographyValue, INDUSTRY_VALUE, type Reason } from "./matching";
import { addDays } from "./dates";

export type { Reason };

/* ------------------------------------------------------------------ weights */

export type OpeningWeights = {
  industry: number;
  occupation: number;
  locality: number;
  danish: number;
  availability: number;
  /** Distance at which the locality value reaches 0 (same municipality is always 1). */
  rangeKm: number;
  /** Beyond this distance a daily commute is not realistic: a hard rule. */
  maxKm: number;
  /** Days a citizen may become available after the opening's start and still be scored (later: a hard rule). */
  lateStartDays: number;
};
export const OPENING_WEIGHTS: OpeningWeights = {
  industry: 35,
  occupation: 25,
  locality: 20,
  danish: 10,
  availability: 10,
  rangeKm: 60,
  maxKm: 100,
  lateStartDays: 60,
};

/** Value of an occupation match: the same words, or a shared word stem (Danish compounds: "sundhedsassistent"/"sundhedshjælper"). */
export const OCCUPATION_VALUE = { exact: 1, related: 0.7, education: 0.5, none: 0 } as const;
/** The shortest shared word start that makes two occupations related. */
export const STEM_LENGTH = 5;

/* ------------------------------------------------------------------ inputs */

export type MatchOpening = {
  id: number;
  type: OpeningType;
  /** DB07 division. */
  industryCode: string;
  occupation: string;
  municipalityCode: number;
  municipalityName?: string;
  startDate: string | null;
  weeklyHours: number | null;
  danishLevel: DanishLevel;
};

export type MatchCitizen = {
  id: number;
  municipalityCode: number;
  municipalityName?: string;
  /** The current assessment, or one prefilled from the referral (then `assessed` is false). */
  profile: Profile;
  assessed: boolean;
  /** Has a planned or running placement already. */
  placed: boolean;
};

export type OpeningMatchContext = {
  today: string;
  weights: OpeningWeights;
  distanceKm: (a: number, b: number) => number | null;
  sectionOf: (division: string) => string | undefined;
};

export const openingHardRules = ["already_placed", "too_far", "danish_below_required", "available_too_late"] as const;
export type OpeningHardRule = (typeof openingHardRules)[number];

export type OpeningEvaluation =
  | { allowed: true; score: number; parts: Record<Criterion, number>; reasons: Reason[] }
  | { allowed: false; rules: OpeningHardRule[]; reasons: Reason[] };
type Criterion = "industry" | "occupation" | "locality" | "danish" | "availability";

/* ------------------------------------------------------------------ occupations as words */

/** Lower case, letters and digits only, split into words of at least three letters ("Social- og sundhedsassistent" → ["social", "sundhedsassistent"]). */
export function occupationWords(s: string): string[] {
  return s
    .normalize("NFKC")
    .toLocaleLowerCase("da-DK")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3);
}
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}
/** exact: the same words; related: two words share a start of STEM_LENGTH letters or more; none otherwise. */
export function compareOccupations(a: string, b: string): "exact" | "related" | "none" {
  const wa = occupationWords(a);
  const wb = occupationWords(b);
  if (!wa.length || !wb.length) return "none";
  if (wa.join(" ") === wb.join(" ")) return "exact";
  for (const x of wa)
    for (const y of wb) {
      if (x === y && x.length >= STEM_LENGTH) return "related";
      if (commonPrefix(x, y) >= STEM_LENGTH) return "related";
    }
  return "none";
}

/* ------------------------------------------------------------------ the criteria (each a value 0..1) */

type IndustryHit = { value: number; reason: Reason };

/** Wished or worked in the opening's division (1), its section (0.6), or neither (0); the best hit explains it. */
export function industryFit(p: Profile, o: MatchOpening, sectionOf: OpeningMatchContext["sectionOf"]): IndustryHit {
  const exp = p.experience.filter((e) => e.industryCode === o.industryCode).sort((a, b) => b.years - a.years)[0];
  if (exp)
    return {
      value: INDUSTRY_VALUE.division,
      reason: {
        key: "industry_experience",
        params: { code: o.industryCode, years: exp.years, occupation: exp.occupation },
      },
    };
  if (p.wishedIndustryCodes.includes(o.industryCode))
    return { value: INDUSTRY_VALUE.division, reason: { key: "industry_wish", params: { code: o.industryCode } } };
  const section = sectionOf(o.industryCode);
  if (section !== undefined) {
    const sameSection = (c: string | null) => c !== null && sectionOf(c) === section;
    if (p.wishedIndustryCodes.some(sameSection) || p.experience.some((e) => sameSection(e.industryCode))) {
      return { value: INDUSTRY_VALUE.section, reason: { key: "industry_section", params: { code: section } } };
    }
  }
  return { value: INDUSTRY_VALUE.none, reason: { key: "industry_none" } };
}

/** The wished occupations, the occupations worked in, and the fields of education against the opening's occupation. */
export function occupationFit(p: Profile, o: MatchOpening): IndustryHit {
  let best: IndustryHit = { value: OCCUPATION_VALUE.none, reason: { key: "occupation_none" } };
  const consider = (value: number, reason: Reason) => {
    if (value > best.value) best = { value, reason };
  };
  for (const e of [...p.experience].sort((a, b) => b.years - a.years)) {
    const c = compareOccupations(e.occupation, o.occupation);
    if (c !== "none")
      consider(OCCUPATION_VALUE[c], {
        key: `occupation_experience_${c}`,
        params: { occupation: e.occupation, years: e.years },
      });
  }
  for (const w of p.wishedOccupations) {
    const c = compareOccupations(w, o.occupation);
    if (c !== "none") consider(OCCUPATION_VALUE[c], { key: `occupation_wish_${c}`, params: { occupation: w } });
  }
  for (const e of p.educations) {
    if (e.field && compareOccupations(e.field, o.occupation) !== "none") {
      consider(OCCUPATION_VALUE.education, {
        key: e.recognised ? "occupation_education_recognised" : "occupation_education",
        params: { field: e.field, level: e.level },
      });
    }
  }
  return best;
}

/** Danish: no requirement is met by everyone; a met requirement scores by how far above it the citizen is. */
export function danishValue(level: DanishLevel, needed: DanishLevel): number {
  if (needed === "none") return 1;
  if (!meetsDanish(level, needed)) return 0;
  return Math.min(1, 0.8 + 0.1 * (danishRank(level) - danishRank(needed)));
}

/** Hours: the share of the opening's weekly hours the citizen can work (unknown 0.5); a start after the opening's halves it. */
export function availabilityValue(p: Profile, o: MatchOpening, today: string): number {
  const hours = o.weeklyHours && p.hoursPerWeek ? Math.min(1, p.hoursPerWeek / o.weeklyHours) : 0.5;
  const start = o.startDate && o.startDate > today ? o.startDate : today;
  const late = p.availableFrom !== null && p.availableFrom > start;
  return late ? hours * 0.5 : hours;
}

/* ------------------------------------------------------------------ one pair */

/** The hard rules that exclude this citizen from this opening (empty = allowed). */
export function violatedOpeningRules(c: MatchCitizen, o: MatchOpening, ctx: OpeningMatchContext): OpeningHardRule[] {
  const out: OpeningHardRule[] = [];
  if (c.placed) out.push("already_placed");
  if (c.municipalityCode !== o.municipalityCode) {
    const d = ctx.distanceKm(c.municipalityCode, o.municipalityCode);
    if (d === null || d > ctx.weights.maxKm) out.push("too_far");
  }
  if (!meetsDanish(c.profile.danishLevel, o.danishLevel)) out.push("danish_below_required");
  const start = o.startDate && o.startDate > ctx.today ? o.startDate : ctx.today;
  if (c.profile.availableFrom && c.profile.availableFrom > addDays(start, ctx.weights.lateStartDays))
    out.push("available_too_late");
  return out;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function evaluateOpening(c: MatchCitizen, o: MatchOpening, ctx: OpeningMatchContext): OpeningEvaluation {
  const rules = violatedOpeningRules(c, o, ctx);
  if (rules.length) {
    return {
      allowed: false,
      rules,
      reasons: rules.map((r) => ({
        key: `rule.${r}`,
        params: r === "danish_below_required" ? { level: c.profile.danishLevel, needed: o.danishLevel } : undefined,
      })),
    };
  }
  const w = ctx.weights;
  const p = c.profile;
  const same = c.municipalityCode === o.municipalityCode;
  const distance = same ? 0 : (ctx.distanceKm(c.municipalityCode, o.municipalityCode) ?? 0);
  const industry = industryFit(p, o, ctx.sectionOf);
  const occupation = occupationFit(p, o);
  const parts: Record<Criterion, number> = {
    industry: industry.value,
    occupation: occupation.value,
    locality: geographyValue(distance, same, w.rangeKm),
    danish: danishValue(p.danishLevel, o.danishLevel),
    availability: availabilityValue(p, o, ctx.today),
  };
  const total = w.industry + w.occupation + w.locality + w.danish + w.availability;
  const sum =
    w.industry * parts.industry +
    w.occupation * parts.occupation +
    w.locality * parts.locality +
    w.danish * parts.danish +
    w.availability * parts.availability;
  const score = total > 0 ? round1((100 * sum) / total) : 0;

  const reasons: Reason[] = [];
  if (!c.assessed) reasons.push({ key: "no_assessment" });
  reasons.push(industry.reason);
  reasons.push(occupation.reason);
  reasons.push(
    same
      ? { key: "same_municipality", params: { name: o.municipalityName ?? String(o.municipalityCode) } }
      : { key: "distance", params: { km: Math.round(distance) } },
  );
  reasons.push(
    o.danishLevel === "none"
      ? { key: "danish_no_requirement", params: { level: p.danishLevel } }
      : { key: "danish_meets", params: { level: p.danishLevel, needed: o.danishLevel } },
  );
  if (p.hoursPerWeek && o.weeklyHours)
    reasons.push({
      key: p.hoursPerWeek >= o.weeklyHours ? "hours_enough" : "hours_fewer",
      params: { hours: p.hoursPerWeek, needed: o.weeklyHours },
    });
  else reasons.push({ key: "hours_unknown" });
  const start = o.startDate && o.startDate > ctx.today ? o.startDate : ctx.today;
  if (p.availableFrom && p.availableFrom > start)
    reasons.push({ key: "available_later", params: { date: p.availableFrom } });
  return { allowed: true, score, parts, reasons };
}

/* ------------------------------------------------------------------ ranking */

export type RankedCitizen = { citizenId: number; score: number; reasons: Reason[] };
export type ExcludedCitizen = { citizenId: number; rules: OpeningHardRule[]; reasons: Reason[] };

const byScore = <T extends { score: number; id: number }>(a: T, b: T) => b.score - a.score || a.id - b.id;

/**
 * Every allowed citizen for an opening, best first (ties: lower id), with reasons; the top `limit` (all when omitted)
 * and the true total; the excluded ones with their rules when `withExcluded`.
 */
export function rankCitizensForOpening(
  o: MatchOpening,
  citizens: readonly MatchCitizen[],
  ctx: OpeningMatchContext,
  opts: { limit?: number; withExcluded?: boolean } = {},
): { candidates: RankedCitizen[]; excluded: ExcludedCitizen[]; total: number } {
  const allowed: (RankedCitizen & { id: number })[] = [];
  const excluded: ExcludedCitizen[] = [];
  for (const c of citizens) {
    const ev = evaluateOpening(c, o, ctx);
    if (ev.allowed) allowed.push({ id: c.id, citizenId: c.id, score: ev.score, reasons: ev.reasons });
    else if (opts.withExcluded) excluded.push({ citizenId: c.id, rules: ev.rules, reasons: ev.reasons });
  }
  allowed.sort(byScore);
  const top = opts.limit === undefined ? allowed : allowed.slice(0, opts.limit);
  return {
    candidates: top.map(({ id: _id, ...r }) => r),
    excluded: excluded.sort((a, b) => a.citizenId - b.citizenId),
    total: allowed.length,
  };
}

export type RankedOpening = { openingId: number; score: number; reasons: Reason[] };

/** Every opening a citizen fits, best first (same rules and score, seen from the citizen). */
export function rankOpeningsForCitizen(
  c: MatchCitizen,
  openings: readonly MatchOpening[],
  ctx: OpeningMatchContext,
  opts: { limit?: number } = {},
): { openings: RankedOpening[]; total: number } {
  const allowed: (RankedOpening & { id: number })[] = [];
  for (const o of openings) {
    const ev = evaluateOpening(c, o, ctx);
    if (ev.allowed) allowed.push({ id: o.id, openingId: o.id, score: ev.score, reasons: ev.reasons });
  }
  allowed.sort(byScore);
  const top = opts.limit === undefined ? allowed : allowed.slice(0, opts.limit);
  return { openings: top.map(({ id: _id, ...r }) => r), total: allowed.length };
}
