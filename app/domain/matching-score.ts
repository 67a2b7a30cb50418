/**
 * Matching's score (see matching.ts): each criterion as a value 0..1, the hard rules a pair breaks, and `evaluate`, the
 * one code path that scores a pair with or without its reasons.
 */
import {
  ENGLISH_VALUE,
  type Evaluation,
  type HardRule,
  INDUSTRY_VALUE,
  type MatchContext,
  type PreparedMentee,
  type PreparedMentor,
  type Reason,
  WAITING_FULL_DAYS,
  languageBit,
  popcount,
} from "./matching-inputs";

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

export function languageNames(bits: number): string[] {
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

export const round1 = (n: number) => Math.round(n * 10) / 10;

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

export type Parts = Record<"industry" | "geography" | "language" | "goals" | "waiting", number>;

/** The weighted score; fills `parts` when given (the explained path), allocates nothing otherwise. */
export function combine(
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
