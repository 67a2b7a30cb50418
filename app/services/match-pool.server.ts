/**
 * The matching pool as the engine reads it: the mentors who could take a citizen (with the places they hold), the
 * citizens waiting, where a citizen's mentors can come from (their reach), and the pairs never proposed again.
 */
import { occupyingCourseStatuses } from "../domain/enums";
import { and, eq, inArray, isNull, not, or, sql, type SQL } from "drizzle-orm";
import { courses, matchRequests, mentees, mentors, municipalities } from "../../db/schema";
import { qualified } from "../utils/sql";
import { db, type Db } from "../db.server";
import type { MatchContext, MatchMentee, MatchMentor } from "../domain/matching";
import { EXCLUDING_REQUEST_STATUSES } from "../domain/match-request";
import { openCourseCount } from "./mentor-pool";

/** Course statuses that take one of the mentor's places. */
/** The mentors who declined this citizen or let a request expire: the pair is never proposed again (hard rule pair_declined). */
export function declinedMentorIds(d: Db, menteeId: number): number[] {
  return d
    .selectDistinct({ id: matchRequests.mentorId })
    .from(matchRequests)
    .where(and(eq(matchRequests.menteeId, menteeId), inArray(matchRequests.status, [...EXCLUDING_REQUEST_STATUSES])))
    .all()
    .map((r) => r.id);
}

/** Citizens with a request waiting for a mentor's answer are not proposed again until it is answered or expires. */
export const hasOpenRequest = sql`exists (select 1 from ${matchRequests} where ${qualified(matchRequests.menteeId)} = ${qualified(mentees.id)} and ${qualified(matchRequests.status)} = 'requested')`;

/** Places taken per mentor, over the whole pool in one grouped pass (the whole-pool matching reads every mentor). */
function occupiedCounts(d: Db): Map<number, number> {
  const rows = d
    .select({ mentorId: courses.mentorId, n: sql<number>`count(*)` })
    .from(courses)
    .where(inArray(courses.status, [...occupyingCourseStatuses]))
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
export type MentorRow = MatchMentor & { firstName: string; lastName: string };

/** The statuses of the pool: approved or active (paused ones too when `includeUnavailable`, to say which rule excludes them). */
export const poolStatuses = (includeUnavailable?: boolean) =>
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
export type MenteeRow = MatchMentee & { firstName: string; lastName: string; status: string };

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

export function loadMentee(d: Db, id: number): MenteeRow | undefined {
  const row = d
    .select(menteeColumns)
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(mentees.id, id), isNull(mentees.anonymisedAt)))
    .get();
  return row ? { ...row, declinedMentorIds: declinedMentorIds(d, id) } : undefined;
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
