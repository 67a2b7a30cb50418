/**
 * Matching use cases (issue 5): weights (versioned data), ranked candidates for one waiting mentee, the whole-pool
 * assignment, and the coordinator's approval of a pair. The machine proposes and explains; a person approves.
 *
 * Approval runs in ONE write transaction taken with BEGIN IMMEDIATE: the mentor's free places are counted again
 * inside it, so two coordinators approving onto the same mentor at once can never exceed the mentor's capacity
 * (SQLite admits one writer; the second waits, then sees the first one's course and is refused).
 */
import { and, desc, eq, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import {
  courses,
  matchRequests,
  matchingWeights,
  mentees,
  mentors,
  municipalities,
  statusChanges,
  users,
} from "../../db/schema";
import { sectionOfDivision } from "../domain/industries";
import { countRows, qualified } from "../utils/sql";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { addMonths, isDate } from "../domain/dates";
import {
  distanceTable,
  evaluate,
  normaliseWeights,
  prepareMentee,
  prepareMentor,
  rankMentorsForMentee,
  violatedRules,
  type HardRule,
  type MatchContext,
  type MatchMentee,
  type MatchMentor,
  type PreparedMentor,
  type Reason,
  type Weights,
} from "../domain/matching";
import { sharesIndustry } from "../domain/industry";
import { EXCLUDING_REQUEST_STATUSES } from "../domain/match-request";
import { getMatchSettings } from "./match-settings.server";
import { paged, type Page } from "../domain/paging";
import { openCourseCount } from "./mentor-pool";
import { nowIso, today } from "../utils/clock";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { issueCitizenLink } from "./citizen-links.server";
import type { Channel } from "../domain/enums";

type Actor = { id: number; role: string };

/** Course statuses that take one of the mentor's places. */
export const OCCUPYING_STATUSES = ["approved", "active", "paused"] as const;

/* ------------------------------------------------------------------ weights */

/** The newest weights version; seeds version 1 (the defaults) when the table is empty. Idempotent. */
export function currentWeights(d: Db = db()): { version: number; weights: Weights; createdAt: string | null } {
  let row = d.select().from(matchingWeights).orderBy(desc(matchingWeights.version)).limit(1).get();
  if (!row) {
    d.insert(matchingWeights)
      .values({ version: 1, weights: { ...normaliseWeights(null) } })
      .onConflictDoNothing()
      .run();
    row = d.select().from(matchingWeights).orderBy(desc(matchingWeights.version)).limit(1).get()!;
  }
  return { version: row.version, weights: normaliseWeights(row.weights), createdAt: row.createdAt };
}

export function weightsHistory(d: Db = db()) {
  currentWeights(d);
  return d
    .select({
      version: matchingWeights.version,
      weights: matchingWeights.weights,
      createdAt: matchingWeights.createdAt,
      createdBy: users.name,
    })
    .from(matchingWeights)
    .leftJoin(users, eq(users.id, matchingWeights.createdBy))
    .orderBy(desc(matchingWeights.version))
    .limit(20)
    .all();
}

/** Saves a new version (old versions stay: courses point to the version they were matched with). */
export function saveWeights(weights: Weights, actor: Actor, d: Db = db()): number {
  return d.$client
    .transaction(() => {
      const { version } = currentWeights(d);
      const next = version + 1;
      d.insert(matchingWeights)
        .values({ version: next, weights: normaliseWeights(weights), createdBy: actor.id })
        .run();
      audit(actor, "create", "setting", next, { setting: "matching_weights", version: next }, d);
      return next;
    })
    .immediate();
}

/* ------------------------------------------------------------------ loading the pool */

let distanceCache: { key: string; fn: MatchContext["distanceKm"] } | undefined;

export function matchContext(d: Db = db(), weights?: Weights): MatchContext {
  // The centroids as one string made by SQLite: the distance table is made again only when they changed.
  const key =
    d
      .select({
        k: sql<string>`group_concat(${municipalities.code} || ':' || ${municipalities.lat} || ':' || ${municipalities.lng}, '|')`,
      })
      .from(municipalities)
      .get()?.k ?? "";
  if (distanceCache?.key !== key) {
    const rows = d
      .select({ code: municipalities.code, lat: municipalities.lat, lng: municipalities.lng })
      .from(municipalities)
      .all();
    distanceCache = { key, fn: distanceTable(rows) };
  }
  return {
    today: today(),
    weights: weights ?? currentWeights(d).weights,
    distanceKm: distanceCache.fn,
    sectionOf,
    requireSharedIndustry: !getMatchSettings(d).proposeNoIndustryPairs,
  };
}

/** DB07 section of a two-digit division (the reference data). */
export const sectionOf = sectionOfDivision;

/** Whether a mentee's wished industries and a mentor share an industry (app/domain/industry.ts with the reference data). */
export const pairSharesIndustry = (
  wishedIndustryCodes: readonly string[],
  mentor: { industryCode: string; networkIndustryCodes: readonly string[] },
) => sharesIndustry(wishedIndustryCodes, mentor, sectionOf);

/** The mentors who declined this citizen or let a request expire: the pair is never proposed again (hard rule pair_declined). */
export function declinedMentorIds(d: Db, menteeId: number): number[] {
  return d
    .selectDistinct({ id: matchRequests.mentorId })
    .from(matchRequests)
    .where(and(eq(matchRequests.menteeId, menteeId), inArray(matchRequests.status, [...EXCLUDING_REQUEST_STATUSES])))
    .all()
    .map((r) => r.id);
}

/** The same rule as SQL over mentors, for one citizen (the candidates' SQL rules). */
const declinedPair = (
  menteeId: number,
) => sql`exists (select 1 from ${matchRequests} where ${qualified(matchRequests.menteeId)} = ${menteeId}
  and ${qualified(matchRequests.mentorId)} = ${qualified(mentors.id)} and ${qualified(matchRequests.status)} in ('declined', 'expired'))`;

/** Citizens with a request waiting for a mentor's answer are not proposed again until it is answered or expires. */
export const hasOpenRequest = sql`exists (select 1 from ${matchRequests} where ${qualified(matchRequests.menteeId)} = ${qualified(mentees.id)} and ${qualified(matchRequests.status)} = 'requested')`;

/** Places taken per mentor, over the whole pool in one grouped pass (the whole-pool matching reads every mentor). */
function occupiedCounts(d: Db): Map<number, number> {
  const rows = d
    .select({ mentorId: courses.mentorId, n: sql<number>`count(*)` })
    .from(courses)
    .where(inArray(courses.status, [...OCCUPYING_STATUSES]))
    .groupBy(courses.mentorId)
    .all();
  return new Map(rows.map((r) => [r.mentorId, r.n]));
}

const mentorColumns = {
  id: mentors.id,
  status: mentors.status,
  pausedFrom: mentors.pausedFrom,
  pausedTo: mentors.pausedTo,
  capacity: mentors.capacity,
  municipalityCode: mentors.municipalityCode,
  municipalityName: municipalities.name,
  travelKm: mentors.travelKm,
  employer: mentors.employer,
  industryCode: mentors.industryCode,
  networkIndustryCodes: mentors.networkIndustryCodes,
  languages: mentors.languages,
  gender: mentors.gender,
  menteeGenderPreference: mentors.menteeGenderPreference,
  offers: mentors.offers,
  firstName: mentors.firstName,
  lastName: mentors.lastName,
  introductionRead: sql<number>`${mentors.introductionReadAt} is not null`.mapWith((v: unknown) => Boolean(v)),
};
type MentorRow = MatchMentor & { firstName: string; lastName: string };

/** The statuses of the pool: approved or active (paused ones too when `includeUnavailable`, to say which rule excludes them). */
const poolStatuses = (includeUnavailable?: boolean) =>
  includeUnavailable ? (["approved", "active", "paused"] as const) : (["approved", "active"] as const);

/**
 * Mentors that could take a mentee: approved or active (paused ones too when `includeUnavailable`, so the candidates
 * page can say which rule excludes them), never anonymised. `where` narrows it (one mentor, the mentors within reach
 * of a municipality); the places they hold are then counted per mentor in the same statement.
 */
export function loadMentors(
  d: Db = db(),
  opts: { includeUnavailable?: boolean; where?: SQL; limit?: number; offset?: number } = {},
): MentorRow[] {
  const base = and(
    inArray(mentors.status, [...poolStatuses(opts.includeUnavailable)]),
    isNull(mentors.anonymisedAt),
    opts.where,
  );
  if (opts.where) {
    const q = d
      .select({ ...mentorColumns, occupied: openCourseCount() })
      .from(mentors)
      .innerJoin(municipalities, eq(municipalities.code, mentors.municipalityCode))
      .where(base)
      .orderBy(mentors.id);
    const rows =
      opts.limit !== undefined
        ? q
            .limit(opts.limit)
            .offset(opts.offset ?? 0)
            .all()
        : q.all();
    return rows.map(({ occupied, ...r }) => ({ ...r, activeCourses: occupied }));
  }
  const rows = d
    .select(mentorColumns)
    .from(mentors)
    .innerJoin(municipalities, eq(municipalities.code, mentors.municipalityCode))
    .where(base)
    .orderBy(mentors.id)
    .all();
  const load = occupiedCounts(d);
  return rows.map((r) => ({ ...r, activeCourses: load.get(r.id) ?? 0 }));
}

/**
 * Where a mentee's mentors can come from: the mentee's own municipality, and every other municipality with its
 * distance, as far as the longest travel distance any mentor gives (the reference data's 98 at most).
 */
export type Reach = { own: number; others: { code: number; km: number }[] };
export function reachOf(d: Db, municipalityCode: number, ctx: MatchContext): Reach {
  const maxKm =
    d
      .select({ km: sql<number | null>`max(${mentors.travelKm})` })
      .from(mentors)
      .get()?.km ?? 0;
  const others = d
    .select({ code: municipalities.code })
    .from(municipalities)
    .all()
    .flatMap((m) => {
      if (m.code === municipalityCode) return [];
      const km = ctx.distanceKm(municipalityCode, m.code);
      return km !== null && km <= maxKm ? [{ code: m.code, km }] : [];
    });
  return { own: municipalityCode, others };
}

/**
 * The mentors whose travel area reaches the mentee's municipality, as SQL: exactly the mentors the hard rule
 * `outside_travel_area` lets through (same municipality, or a distance within the mentor's own travel distance).
 */
export function withinReach(r: Reach): SQL {
  if (!r.others.length) return eq(mentors.municipalityCode, r.own);
  const km = sql.join(
    r.others.map((o) => sql`when ${o.code} then ${o.km}`),
    sql` `,
  );
  // The list of municipalities first (an index range each), then the distance each one asks of the mentor.
  return and(
    inArray(mentors.municipalityCode, [r.own, ...r.others.map((o) => o.code)]),
    or(eq(mentors.municipalityCode, r.own), sql`${mentors.travelKm} >= (case ${mentors.municipalityCode} ${km} end)`),
  )!;
}

const menteeColumns = {
  id: mentees.id,
  municipalityCode: mentees.municipalityCode,
  municipalityName: municipalities.name,
  municipalityIsPartner: municipalities.isPartner,
  gender: mentees.gender,
  mentorGenderPreference: mentees.mentorGenderPreference,
  languages: mentees.languages,
  englishLevel: mentees.englishLevel,
  danishLevel: mentees.danishLevel,
  goals: mentees.goals,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
  currentInternshipEmployer: mentees.currentInternshipEmployer,
  referredAt: mentees.referredAt,
  firstName: mentees.firstName,
  lastName: mentees.lastName,
  status: mentees.status,
};
type MenteeRow = MatchMentee & { firstName: string; lastName: string; status: string };

/** The waiting mentees (`where` narrows them, e.g. to a whole-pool run's scope). */
export function loadWaitingMentees(d: Db = db(), where?: SQL): MenteeRow[] {
  return d
    .select(menteeColumns)
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(mentees.status, "waiting"), isNull(mentees.anonymisedAt), not(hasOpenRequest), where))
    .orderBy(mentees.id)
    .all();
}

function loadMentee(d: Db, id: number): MenteeRow | undefined {
  const row = d
    .select(menteeColumns)
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(mentees.id, id), isNull(mentees.anonymisedAt)))
    .get();
  return row ? { ...row, declinedMentorIds: declinedMentorIds(d, id) } : undefined;
}

/* ------------------------------------------------------------------ one mentee: ranked candidates */

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
 * One mentee's candidates: the best `CANDIDATES_SHOWN` allowed mentors with reasons, and the excluded ones as a count
 * per first reason (`EXCLUSION_ORDER`) with one page of the mentors of the reason asked for. The read is logged.
 *
 * The travel area and the mentor's own rules are SQL (`withinReach`, `firstOwnRule`): the mentors they exclude are
 * counted and paged in SQL, and only the rest (about the allowed ones) are read and ranked. Every mentor left out is
 * excluded by a hard rule, so the candidates and their order are those of ranking the whole pool.
 */
export function candidatesFor(
  menteeId: number,
  actor: Actor,
  d: Db = db(),
  opts: { excluded?: HardRule; page?: number } = {},
) {
  const mentee = loadMentee(d, menteeId);
  if (!mentee) return null;
  audit(actor, "view", "mentee", menteeId, { view: "match_candidates" }, d);
  const ctx = matchContext(d);
  const pool = and(inArray(mentors.status, [...poolStatuses(true)]), isNull(mentors.anonymisedAt));
  const poolSize = countRows(d, mentors, pool);
  const reach = reachOf(d, mentee.municipalityCode, ctx);
  const distanceTo = (code: number) =>
    code === mentee.municipalityCode ? 0 : ctx.distanceKm(mentee.municipalityCode, code);
  const ownRule = firstOwnRule(mentee, ctx.today);
  const counts = new Map<HardRule, number>();
  let ranked: ReturnType<typeof rankMentorsForMentee> = { candidates: [], excluded: [], total: 0 };
  let byId = new Map<number, MentorRow>();
  if (!mentee.municipalityIsPartner) {
    counts.set("municipality_not_partner", poolSize);
  } else {
    const inReach = and(pool, withinReach(reach));
    let inReachCount = 0;
    for (const r of d
      .select({ rule: ownRule, n: sql<number>`count(*)` })
      .from(mentors)
      .where(inReach)
      .groupBy(ownRule)
      .all()) {
      inReachCount += r.n;
      if (r.rule) counts.set(r.rule, r.n);
    }
    counts.set("outside_travel_area", poolSize - inReachCount);
    const near = loadMentors(d, { includeUnavailable: true, where: and(withinReach(reach), sql`${ownRule} is null`) });
    byId = new Map(near.map((m) => [m.id, m]));
    ranked = rankMentorsForMentee(mentee, near, ctx, { limit: CANDIDATES_SHOWN, withExcluded: true });
    for (const x of ranked.excluded) counts.set(firstReason(x.rules), (counts.get(firstReason(x.rules)) ?? 0) + 1);
  }
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
            : and(withinReach(reach), sql`${ownRule} = ${rule}`);
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

/** "menteeId:mentorId" of every declined or expired pair of a waiting citizen (few: one per declined request). */
export function declinedPairsOfWaiting(d: Db): Set<string> {
  return new Set(
    d
      .select({ e: matchRequests.menteeId, m: matchRequests.mentorId })
      .from(matchRequests)
      .innerJoin(mentees, eq(mentees.id, matchRequests.menteeId))
      .where(and(eq(mentees.status, "waiting"), inArray(matchRequests.status, [...EXCLUDING_REQUEST_STATUSES])))
      .all()
      .map((r) => `${r.e}:${r.m}`),
  );
}

/** The candidates a coordinator can choose from when replacing a proposed pair by hand (allowed mentors, best first). */
export function allowedMentorsFor(menteeId: number, d: Db = db(), limit = 50) {
  const mentee = loadMentee(d, menteeId);
  if (!mentee) return [];
  const ctx = matchContext(d);
  const near = loadMentors(d, { where: withinReach(reachOf(d, mentee.municipalityCode, ctx)) });
  const byId = new Map(near.map((m) => [m.id, m]));
  return rankMentorsForMentee(mentee, near, ctx, { limit }).candidates.map((c) => ({
    id: c.mentorId,
    score: c.score,
    name: summary(byId.get(c.mentorId)!).name,
  }));
}

/* ------------------------------------------------------------------ approval */

export type ApproveInput = {
  menteeId: number;
  mentorId: number;
  startDate?: string;
  manualReason?: string | null;
  /** The coordinator's reason for a pair without a shared industry (issue 19), kept on the course. */
  noIndustryReason?: string | null;
  actor: Actor;
};
export type ApproveResult =
  | { ok: true; courseId: number }
  | {
      ok: false;
      error: "mentee_not_found" | "mentee_not_waiting" | "mentor_not_found" | "bad_start_date" | "rule" | "busy";
      rules?: HardRule[];
    };

function menteeChannel(m: {
  preferredChannel: Channel;
  phone: string | null;
  email: string | null;
  smsOptOutAt: string | null;
  emailOptOutAt: string | null;
}): { channel: Channel; recipient: string } | null {
  const sms = m.phone && !m.smsOptOutAt ? { channel: "sms" as const, recipient: m.phone } : null;
  const email = m.email && !m.emailOptOutAt ? { channel: "email" as const, recipient: m.email } : null;
  return m.preferredChannel === "sms" ? (sms ?? email) : (email ?? sms);
}

/**
 * A pair checked against the hard rules now (inside the caller's write transaction): the citizen exists and waits, the
 * mentor exists, and no rule excludes them. Shared by the approval and the request to the mentor (issue 19).
 */
export function checkPair(d: Db, menteeId: number, mentorId: number, ctx: MatchContext) {
  const mentee = d
    .select()
    .from(mentees)
    .where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt)))
    .get();
  if (!mentee) return { ok: false as const, error: "mentee_not_found" as const };
  if (mentee.status !== "waiting") return { ok: false as const, error: "mentee_not_waiting" as const };
  const [mentorRow] = loadMentors(d, { includeUnavailable: true, where: eq(mentors.id, mentorId) });
  const mentor = d.select().from(mentors).where(eq(mentors.id, mentorId)).get();
  if (!mentor || mentor.anonymisedAt) return { ok: false as const, error: "mentor_not_found" as const };
  const menteeRow = loadMentee(d, mentee.id)!;
  const occupied = () =>
    d
      .select({ n: sql<number>`count(*)` })
      .from(courses)
      .where(and(eq(courses.mentorId, mentor.id), inArray(courses.status, [...OCCUPYING_STATUSES])))
      .get()?.n ?? 0;
  const pm: PreparedMentor = prepareMentor(
    mentorRow ?? {
      ...mentor,
      municipalityName: undefined,
      activeCourses: occupied(),
      introductionRead: mentor.introductionReadAt != null,
    },
    ctx,
  );
  const ev = evaluate(prepareMentee(menteeRow, ctx), pm, ctx);
  if (!ev.allowed) return { ok: false as const, error: "rule" as const, rules: ev.rules };
  return { ok: true as const, mentee, mentor, menteeRow, pm, ev };
}

/**
 * Approves a pair: creates the course (start, planned end = start + 6 months, 4 h/month), sets the mentee matched
 * and the mentor active, stores score, reasons, weights version, approver and a manual reason, writes status history
 * and the access log, and queues the three messages. All or nothing, under BEGIN IMMEDIATE.
 */
export function approveMatch(input: ApproveInput, d: Db = db()): ApproveResult {
  const start = input.startDate ?? today();
  if (!isDate(start)) return { ok: false, error: "bad_start_date" };
  const appUrl = config().APP_URL;
  // Distances and sections, built outside the write lock. The industry setting decides what is proposed and asked of
  // a mentor (requestMatch); a pair already asked is not refused here when the setting changed since.
  const base = { ...matchContext(d, normaliseWeights(null)), requireSharedIndustry: false };
  const run = d.$client.transaction((): ApproveResult => {
    const weights = currentWeights(d);
    const checked = checkPair(d, input.menteeId, input.mentorId, { ...base, weights: weights.weights });
    if (!checked.ok) return checked;
    const { mentee, mentor, menteeRow, ev } = checked;

    const course = d
      .insert(courses)
      .values({
        menteeId: mentee.id,
        mentorId: mentor.id,
        status: "approved",
        proposedBy: input.actor.id,
        approvedAt: nowIso(),
        approvedBy: input.actor.id,
        startDate: start,
        plannedEndDate: addMonths(start, 6),
        targetHoursPerMonth: 4,
        matchScore: ev.score,
        matchReasons: ev.reasons as Reason[],
        weightsVersion: weights.version,
        manualReason: input.manualReason?.trim() || null,
        noIndustryReason: input.noIndustryReason?.trim() || null,
      })
      .returning({ id: courses.id })
      .get();
    const at = nowIso();
    d.update(mentees).set({ status: "matched", matchedAt: at }).where(eq(mentees.id, mentee.id)).run();
    d.insert(statusChanges)
      .values({
        entityType: "mentee",
        entityId: mentee.id,
        fromStatus: mentee.status,
        toStatus: "matched",
        byUserId: input.actor.id,
        reason: input.manualReason?.trim() || null,
      })
      .run();
    d.insert(statusChanges)
      .values({
        entityType: "course",
        entityId: course.id,
        fromStatus: null,
        toStatus: "approved",
        byUserId: input.actor.id,
      })
      .run();
    if (mentor.status !== "active") {
      d.update(mentors).set({ status: "active" }).where(eq(mentors.id, mentor.id)).run();
      d.insert(statusChanges)
        .values({
          entityType: "mentor",
          entityId: mentor.id,
          fromStatus: mentor.status,
          toStatus: "active",
          byUserId: input.actor.id,
        })
        .run();
    }
    audit(
      input.actor,
      "create",
      "course",
      course.id,
      {
        menteeId: mentee.id,
        mentorId: mentor.id,
        score: ev.score,
        weightsVersion: weights.version,
        manual: Boolean(input.manualReason?.trim()),
      },
      d,
    );
    audit(input.actor, "update", "mentee", mentee.id, { field: "status", to: "matched", courseId: course.id }, d);

    // The three messages, in the same transaction as the change.
    enqueue(
      {
        channel: "email",
        recipient: mentor.email,
        template: "match_mentor",
        locale: mentor.locale,
        subjectType: "mentor",
        subjectId: mentor.id,
        idempotencyKey: `match_mentor:${course.id}`,
        data: {
          mentorFirstName: mentor.firstName,
          menteeFirstName: mentee.firstName,
          menteePhone: mentee.phone,
          menteeEmail: mentee.email,
          municipality: menteeRow.municipalityName ?? "",
          languages: mentee.languages,
          danishLevel: mentee.danishLevel,
          wishedIndustryCodes: mentee.wishedIndustryCodes,
          goals: mentee.goals,
          startDate: start,
          url: `${appUrl}/mentor`,
        },
      },
      d,
    );
    const to = menteeChannel(mentee);
    if (to) {
      // Issue 19: the mentor has said yes, so the citizen gets the mentor's first name and phone and their coordinator.
      const coordinator = d
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, input.actor.id))
        .get();
      enqueue(
        {
          ...to,
          template: "match_mentee",
          locale: mentee.language,
          subjectType: "mentee",
          subjectId: mentee.id,
          idempotencyKey: `match_mentee:${course.id}`,
          data: {
            mentorFirstName: mentor.firstName,
            mentorPhone: mentor.phone,
            coordinatorName: coordinator?.name.split(" ")[0] ?? "",
            coordinatorEmail: coordinator?.email ?? config().CONTACT_EMAIL,
            pageUrl: issueCitizenLink(d, mentee.id),
          },
        },
        d,
      );
    }
    const caseworker = mentee.referredBy
      ? d
          .select()
          .from(users)
          .where(and(eq(users.id, mentee.referredBy), eq(users.active, true)))
          .get()
      : undefined;
    if (caseworker) {
      enqueue(
        {
          channel: "email",
          recipient: caseworker.email,
          template: "match_caseworker",
          locale: caseworker.locale,
          subjectType: "user",
          subjectId: caseworker.id,
          idempotencyKey: `match_caseworker:${course.id}`,
          data: {
            caseworkerName: caseworker.name,
            menteeFirstName: mentee.firstName,
            menteeId: mentee.id,
            mentorFirstName: mentor.firstName,
            startDate: start,
            url: `${appUrl}/kommune/borgere/${mentee.id}`,
          },
        },
        d,
      );
    }
    return { ok: true, courseId: course.id };
  });
  try {
    return run.immediate();
  } catch (e) {
    // Another approval held the write lock longer than the busy timeout: nothing was written, the user may retry.
    if (e instanceof Error && "code" in e && (e as { code?: string }).code === "SQLITE_BUSY")
      return { ok: false, error: "busy" };
    throw e;
  }
}
