/**
 * Matching's rankings and geography (see matching.ts): mentors for one mentee and mentees for one mentor, best first,
 * and the distances between municipalities that the geography criterion reads.
 */
import {
  type HardRule,
  type MatchContext,
  type MatchMentee,
  type MatchMentor,
  type PreparedMentee,
  type PreparedMentor,
  type Reason,
  isPausedOn,
  prepareMentee,
  prepareMentor,
} from "./matching-inputs";
import { evaluate, scorePair } from "./matching-score";

/* ------------------------------------------------------------------ ranking */

export type Candidate = { mentorId: number; score: number; reasons: Reason[] };
export type Excluded = { mentorId: number; rules: HardRule[]; reasons: Reason[] };

/** Highest score first; ties by lower id (stable, deterministic). */
export function byScore<T extends { score: number }>(id: (x: T) => number) {
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
export function excludedBeforePreparing(pe: PreparedMentee, m: MatchMentor, ctx: MatchContext): boolean {
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
