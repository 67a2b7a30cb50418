/**
 * One waiting citizen's candidates (issue 5): the best mentors with reasons, and the excluded ones counted per first
 * reason with a page of those of the reason asked for. A read model: it changes nothing but the access log.
 */
import { and, inArray, isNull, not, sql, type SQL } from "drizzle-orm";
import { matchRequests, mentors } from "../../db/schema";
import { countRows, qualified } from "../utils/sql";
import { db, type Db } from "../db.server";
import {
  prepareMentee,
  prepareMentor,
  rankMentorsForMentee,
  violatedRules,
  type HardRule,
  type MatchContext,
  type MatchMentee,
  type Weights,
} from "../domain/matching";
import { paged, type Page } from "../domain/paging";
import { audit } from "./audit.server";
import type { Actor } from "./kernel.server";
import { currentWeights, matchContext, pairSharesIndustry } from "./match-context.server";
import { openCourseCount } from "./mentor-pool";
import {
  declinedMentorIds,
  loadMentee,
  loadMentors,
  poolStatuses,
  reachOf,
  withinReach,
  type MenteeRow,
  type MentorRow,
  type Reach,
} from "./match-pool.server";
import { getMatchSettings } from "./match-settings.server";
import { pageCache } from "./page-cache.server";
import { today } from "../utils/clock";

export type MentorSummary = {
  id: number;
  name: string;
  municipalityName: string;
  industryCode: string;
  free: number;
  capacity: number;
  status: string;
};
const summary = (m: MentorRow): MentorSummary => ({
  id: m.id,
  name: `${m.firstName} ${m.lastName}`,
  municipalityName: m.municipalityName ?? "",
  industryCode: m.industryCode,
  free: Math.max(0, m.capacity - m.activeCourses),
  capacity: m.capacity,
  status: m.status,
});

/** How many candidates the page shows, best first, with reasons. */
export const CANDIDATES_SHOWN = 20;

/**
 * The order in which an excluded mentor's first reason is told: the citizen's municipality, then the travel area
 * (the reason for most of a national pool), then the mentor's own state, then the preferences and the conflict.
 */
export const EXCLUSION_ORDER: readonly HardRule[] = [
  "municipality_not_partner",
  "outside_travel_area",
  "mentor_paused",
  "mentor_not_approved",
  "mentor_introduction_unread",
  "mentor_at_capacity",
  "mentee_gender_preference",
  "mentor_gender_preference",
  "pair_declined",
  "conflict_of_interest",
  "no_shared_industry",
];
export const firstReason = (rules: readonly HardRule[]): HardRule =>
  EXCLUSION_ORDER.find((r) => rules.includes(r)) ?? rules[0];

/** The pairs a citizen declined or let expire (hard rule pair_declined) as SQL over mentors, for one citizen. */
const declinedPair = (
  menteeId: number,
) => sql`exists (select 1 from ${matchRequests} where ${qualified(matchRequests.menteeId)} = ${menteeId}
  and ${qualified(matchRequests.mentorId)} = ${qualified(mentors.id)} and ${qualified(matchRequests.status)} in ('declined', 'expired'))`;

/**
 * The first of the mentor's own hard rules (after the travel area, in EXCLUSION_ORDER) that excludes a mentor for this
 * mentee, as SQL: `violatedRules` (app/domain/matching.ts) written once more, so the mentors these rules exclude are
 * counted and paged in SQL instead of read. Null when none does; the conflict of interest (a comparison of normalised
 * employer names) is left to TypeScript. The unit test compares both ways on a random pool.
 */
function firstOwnRule(
  e: Pick<MatchMentee, "id" | "gender" | "mentorGenderPreference">,
  day: string,
): SQL<HardRule | null> {
  const paused = sql`(${mentors.status} = 'paused' or ((${mentors.pausedFrom} is not null or ${mentors.pausedTo} is not null)
    and coalesce(${mentors.pausedFrom}, '0000-01-01') <= ${day} and ${day} <= coalesce(${mentors.pausedTo}, '9999-12-31')))`;
  const menteeWants =
    e.mentorGenderPreference === "none"
      ? sql`0`
      : sql`(${mentors.gender} is null or ${mentors.gender} <> ${e.mentorGenderPreference})`;
  const mentorWants =
    e.gender === null
      ? sql`${mentors.menteeGenderPreference} <> 'none'`
      : sql`(${mentors.menteeGenderPreference} <> 'none' and ${mentors.menteeGenderPreference} <> ${e.gender})`;
  return sql<HardRule | null>`(case when ${paused} then 'mentor_paused'
    when ${mentors.status} not in ('approved', 'active') then 'mentor_not_approved'
    when ${mentors.introductionReadAt} is null then 'mentor_introduction_unread'
    when ${openCourseCount()} >= ${mentors.capacity} then 'mentor_at_capacity'
    when ${menteeWants} then 'mentee_gender_preference'
    when ${mentorWants} then 'mentor_gender_preference'
    when ${declinedPair(e.id)} then 'pair_declined' end)`;
}

export type ExcludedRow = { mentor: MentorSummary; rules: HardRule[]; distanceKm: number | null; travelKm: number };

/**
 * What the candidates page computes for one mentee: the pool's size, the excluded counted per first reason, the
 * ranking of the mentors no SQL rule excludes, and those mentors' rows (the candidates and the ones the TypeScript
 * rules exclude). Null when there is no such (unanonymised) mentee.
 */
type Ranking = {
  mentee: MenteeRow;
  ctx: MatchContext;
  reach: Reach;
  poolSize: number;
  counts: Map<HardRule, number>;
  ranked: ReturnType<typeof rankMentorsForMentee>;
  byId: Map<number, MentorRow>;
};

/** What a mentee's ranking rests on besides the tables the `demand` stamp follows: the key of its cached answer. */
type RankingInputs = {
  menteeId: number;
  day: string;
  weights: Weights;
  requireSharedIndustry: boolean;
  declined: number[];
};

/**
 * The ranking, computed. The travel area and the mentor's own rules are SQL (`withinReach`, `firstOwnRule`): the
 * mentors they exclude are counted in SQL, and only the rest (about the allowed ones) are read and ranked. Every mentor
 * left out is excluded by a hard rule, so the candidates and their order are those of ranking the whole pool.
 */
export function computeRanking(d: Db, k: RankingInputs): Ranking | null {
  const row = loadMentee(d, k.menteeId);
  if (!row) return null;
  const mentee = { ...row, declinedMentorIds: k.declined };
  const ctx: MatchContext = {
    ...matchContext(d, k.weights),
    today: k.day,
    requireSharedIndustry: k.requireSharedIndustry,
  };
  const pool = and(inArray(mentors.status, [...poolStatuses(true)]), isNull(mentors.anonymisedAt));
  const poolSize = countRows(d, mentors, pool);
  const reach = reachOf(d, mentee.municipalityCode, ctx);
  const counts = new Map<HardRule, number>();
  if (!mentee.municipalityIsPartner) {
    counts.set("municipality_not_partner", poolSize);
    return {
      mentee,
      ctx,
      reach,
      poolSize,
      counts,
      ranked: { candidates: [], excluded: [], total: 0 },
      byId: new Map(),
    };
  }
  const ownRule = firstOwnRule(mentee, ctx.today);
  let inReachCount = 0;
  for (const r of d
    .select({ rule: ownRule, n: sql<number>`count(*)` })
    .from(mentors)
    .where(and(pool, withinReach(reach)))
    .groupBy(ownRule)
    .all()) {
    inReachCount += r.n;
    if (r.rule) counts.set(r.rule, r.n);
  }
  counts.set("outside_travel_area", poolSize - inReachCount);
  const near = loadMentors(d, { includeUnavailable: true, where: and(withinReach(reach), sql`${ownRule} is null`) });
  const ranked = rankMentorsForMentee(mentee, near, ctx, { limit: CANDIDATES_SHOWN, withExcluded: true });
  for (const x of ranked.excluded) counts.set(firstReason(x.rules), (counts.get(firstReason(x.rules)) ?? 0) + 1);
  // Only the rows the page can show are kept: the candidates and those the TypeScript rules exclude.
  const shown = new Set([...ranked.candidates, ...ranked.excluded].map((x) => x.mentorId));
  const byId = new Map(near.filter((m) => shown.has(m.id)).map((m) => [m.id, m]));
  return { mentee, ctx, reach, poolSize, counts, ranked, byId };
}

/**
 * Rankings kept while nothing under them changes (decision 016): the mentee, the mentors, their courses and the
 * municipalities are followed by the `demand` stamp; the weights, the industry setting and the pairs this citizen
 * declined are read on each request and are part of the key, as is the day.
 */
const rankingCache = pageCache<Ranking | null>("demand", 16);
export const rankingCacheStats = rankingCache.stats;

/** The inputs of a mentee's ranking that no stamp follows, read now. */
export function rankingInputs(d: Db, menteeId: number): RankingInputs {
  return {
    menteeId,
    day: today(),
    weights: currentWeights(d).weights,
    requireSharedIndustry: !getMatchSettings(d).proposeNoIndustryPairs,
    declined: declinedMentorIds(d, menteeId),
  };
}

/** A mentee's ranking, from the cache while its stamp and inputs are unchanged. */
export function menteeRanking(d: Db, menteeId: number): Ranking | null {
  const k = rankingInputs(d, menteeId);
  return rankingCache.get(d, JSON.stringify(k), () => computeRanking(d, k));
}

/**
 * One mentee's candidates: the best `CANDIDATES_SHOWN` allowed mentors with reasons, and the excluded ones as a count
 * per first reason (`EXCLUSION_ORDER`) with one page of the mentors of the reason asked for. The read is logged.
 */
export function candidatesFor(
  menteeId: number,
  actor: Actor,
  d: Db = db(),
  opts: { excluded?: HardRule; page?: number } = {},
) {
  const r = menteeRanking(d, menteeId);
  if (!r) return null;
  audit(actor, "view", "mentee", menteeId, { view: "match_candidates" }, d);
  const { mentee, ctx, reach, poolSize, counts, ranked, byId } = r;
  const distanceTo = (code: number) =>
    code === mentee.municipalityCode ? 0 : ctx.distanceKm(mentee.municipalityCode, code);
  const excludedCounts = EXCLUSION_ORDER.filter((r) => counts.get(r)).map((rule) => ({
    rule,
    count: counts.get(rule)!,
  }));

  // A page of the mentors one reason excludes first: read in SQL (the reasons SQL knows), or from those read above.
  let excludedPage: (Page<ExcludedRow> & { rule: HardRule }) | null = null;
  const rule = opts.excluded;
  if (rule && counts.get(rule)) {
    const pe = prepareMentee(mentee, ctx);
    const row = (m: MentorRow, rules?: HardRule[]): ExcludedRow => ({
      mentor: summary(m),
      rules: rules ?? violatedRules(pe, prepareMentor(m, ctx), ctx),
      distanceKm: distanceTo(m.municipalityCode),
      travelKm: m.travelKm,
    });
    const where =
      rule === "municipality_not_partner"
        ? undefined
        : rule === "outside_travel_area"
          ? not(withinReach(reach))
          : rule === "conflict_of_interest" || rule === "no_shared_industry"
            ? null
            : and(withinReach(reach), sql`${firstOwnRule(mentee, ctx.today)} = ${rule}`);
    if (where === null) {
      const rows = ranked.excluded.filter((x) => firstReason(x.rules) === rule);
      excludedPage = {
        rule,
        ...paged(
          opts.page ?? 1,
          () => rows.length,
          (limit, offset) => rows.slice(offset, offset + limit).map((x) => row(byId.get(x.mentorId)!, x.rules)),
        ),
      };
    } else {
      excludedPage = {
        rule,
        ...paged(
          opts.page ?? 1,
          () => counts.get(rule)!,
          (limit, offset) =>
            loadMentors(d, { includeUnavailable: true, where: where ?? sql`1`, limit, offset }).map((m) => row(m)),
        ),
      };
    }
  }
  return {
    mentee: {
      id: mentee.id,
      firstName: mentee.firstName,
      lastName: mentee.lastName,
      status: mentee.status,
      municipalityName: mentee.municipalityName ?? "",
      wishedIndustryCodes: mentee.wishedIndustryCodes,
      languages: mentee.languages,
      danishLevel: mentee.danishLevel,
      goals: mentee.goals,
    },
    weightsVersion: currentWeights(d).version,
    total: ranked.total,
    candidates: ranked.candidates.map((c) => ({
      ...c,
      mentor: summary(byId.get(c.mentorId)!),
      sharedIndustry: pairSharesIndustry(mentee.wishedIndustryCodes, byId.get(c.mentorId)!),
    })),
    excludedTotal: poolSize - ranked.total,
    excludedCounts,
    excludedPage,
  };
}
