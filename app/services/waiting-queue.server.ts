/**
 * The coordinator's queue of waiting citizens across municipalities, oldest first, with its filters (industry,
 * municipality).
 */
import { and, asc, eq, exists, sql } from "drizzle-orm";
import { menteeIndustryIndex, mentees, municipalities } from "../../db/schema";
import { db } from "../db.server";
import { industries, type IndustryRef } from "../domain/industries";
import { waitingDays } from "../domain/referrals";
import { today } from "../utils/clock";
import { countRows, pagedQuery, qualified } from "../utils/sql";

export type QueueFilter = { industry?: string; municipality?: number };

/**
 * Waiting citizens across municipalities, oldest first, with waiting time; one page and the true total. The industry
 * filter (a DB07 division, or a section letter for every division in it) reads the index table the triggers keep
 * (mentee_industry_index), so filter, order and count are one index range.
 */
export function waitingQueue(filter: QueueFilter = {}, page = 1) {
  const d = db();
  const t = today();
  const columns = {
    id: mentees.id,
    firstName: mentees.firstName,
    lastName: mentees.lastName,
    referredAt: mentees.referredAt,
    municipalityCode: mentees.municipalityCode,
    municipalityName: municipalities.name,
    wishedIndustryCodes: mentees.wishedIndustryCodes,
    language: mentees.language,
    danishLevel: mentees.danishLevel,
    needsConsideration: mentees.needsConsideration,
  };
  const withWaiting = <T extends { referredAt: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, waitingDays: waitingDays(r.referredAt, t) }));
  if (filter.industry) {
    const x = menteeIndustryIndex;
    const where = and(
      eq(x.code, filter.industry),
      eq(x.status, "waiting"),
      filter.municipality ? eq(x.municipalityCode, filter.municipality) : undefined,
    );
    const result = pagedQuery(
      page,
      () => countRows(d, x, where),
      d
        .select(columns)
        .from(x)
        .innerJoin(mentees, eq(mentees.id, x.menteeId))
        .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
        .where(where)
        .orderBy(asc(x.referredAt), asc(x.menteeId)),
    );
    return { ...result, rows: withWaiting(result.rows) };
  }
  const where = and(
    eq(mentees.status, "waiting"),
    filter.municipality ? eq(mentees.municipalityCode, filter.municipality) : undefined,
  );
  const result = pagedQuery(
    page,
    () => countRows(d, mentees, where),
    d
      .select(columns)
      .from(mentees)
      .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
      .where(where)
      .orderBy(asc(mentees.referredAt), asc(mentees.id)),
  );
  return { ...result, rows: withWaiting(result.rows) };
}

/** Municipalities that have citizens waiting, for the queue's filter: one index probe per municipality. */
export function queueMunicipalities() {
  const d = db();
  return d
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(
      exists(
        d
          .select({ one: sql`1` })
          .from(mentees)
          .where(
            and(
              sql`${qualified(mentees.municipalityCode)} = ${qualified(municipalities.code)}`,
              eq(mentees.status, "waiting"),
            ),
          ),
      ),
    )
    .orderBy(asc(municipalities.name))
    .all();
}

/** The queue's industry filter: every DB07 code grouped by section (its divisions, then the section), in code order. */
export function industryOptions(): IndustryRef[] {
  const rank = (i: IndustryRef) => `${i.section}${i.level === "section" ? 1 : 0}${i.code}`;
  return [...industries].sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}
