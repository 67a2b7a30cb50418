/**
 * The coordinator's queue of waiting citizens across municipalities, oldest first, with its filters (industry,
 * municipality).
 */
import { and, asc, eq, exists, sql } from "drizzle-orm";
import { menteeIndustryIndex, mentees, municipalities } from "../../db/schema";
import { db, type Db } from "../db.server";
import { waitingDays } from "../domain/referrals";
import { today } from "../utils/clock";
import { countRows, innerJoined, pagedQuery, qualified } from "../utils/sql";
import { keptTotal, pageCache } from "./page-cache.server";
import { citizenJoins } from "./joins.server";

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
  // With an industry, the index is read (its rows are the citizen's wished codes); the citizens are joined to it.
  const source = filter.industry ? menteeIndustryIndex : mentees;
  const where = and(
    filter.industry ? eq(menteeIndustryIndex.code, filter.industry) : undefined,
    eq(source.status, "waiting"),
    filter.municipality ? eq(source.municipalityCode, filter.municipality) : undefined,
  );
  // Read from the citizens themselves, only their municipality is joined (the citizen join would be the row itself).
  const joins = filter.industry ? citizenJoins(menteeIndustryIndex.menteeId) : citizenJoins(mentees.id).slice(1);
  const result = pagedQuery(
    page,
    () =>
      keptTotal(d, "waiting", { industry: filter.industry ?? null, municipality: filter.municipality ?? null }, () =>
        countRows(d, source, where),
      ),
    innerJoined(d.select(columns).from(source).$dynamic(), joins)
      .where(where)
      .orderBy(asc(source.referredAt), asc(filter.industry ? menteeIndustryIndex.menteeId : mentees.id)),
  );
  return { ...result, rows: result.rows.map((r) => ({ ...r, waitingDays: waitingDays(r.referredAt, t) })) };
}

/**
 * Municipalities that have citizens waiting, for the queue's filter: one index probe per municipality, kept while no
 * citizen changes (the `demand` stamp, as the queue's totals).
 */
const waitingMunicipalities = pageCache<{ code: number; name: string }[]>("demand", 1);

export function queueMunicipalities() {
  const d = db();
  return waitingMunicipalities.get(d, "all", () => municipalitiesWithWaiting(d));
}

function municipalitiesWithWaiting(d: Db) {
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
