/**
 * Supply and demand for the coordinator (issue 19, `/koordinator/behov`). Every figure is an SQL aggregate:
 *  - demand: waiting citizens by wished DB07 section × municipality, from `mentee_industry_index` (a range of its
 *    queue index: the section rows, status waiting), with the oldest referral of each cell;
 *  - supply: matchable mentors (the matching pool's own rule, `matchableCondition`) by their industry's section × their
 *    municipality;
 *  - the company side's open places (`openPlacesBySectionAndMunicipality`, issue 20);
 *  - trends per month from `mentee_facts`, `course_facts` and the mentors' sign-up day (each a range of an index);
 *  - sign-ups per recruitment link (a partial index of the few mentors who came through one).
 * At most 21 × 98 rows come back per aggregate; `app/domain/demand.ts` joins them into cells.
 */
import { and, asc, eq, gte, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  courseFacts,
  industries,
  menteeFacts,
  menteeIndustryIndex,
  mentees,
  mentors,
  municipalities,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { matchableCondition } from "./mentor-pool";
import { openPlacesBySectionAndMunicipality } from "./openings.server";
import { demandCells, lastMonths, monthEnd, parseRecruitmentSource, type Cell } from "../domain/demand";
import { waitingDays } from "../domain/referrals";
import { today } from "../utils/clock";
import { freshenFacts } from "./course-facts.server";
import { pageCache } from "./page-cache.server";

export const TREND_MONTHS = 12;
export const LONGEST_WAITS = 10;

export type MonthTrend = { month: string; referred: number; signups: number; started: number; waitingAtEnd: number };
export type LinkCount = {
  source: string;
  section: string;
  municipalityCode: number;
  signups: number;
  approved: number;
};

function cellsNow(d: Db, day: string): { cells: Cell[]; freeMentors: number } {
  // Section rows of the index are the letters A-U; divisions are digits, so `code >= 'A'` is the sections' range.
  const demand = d
    .select({
      section: menteeIndustryIndex.code,
      municipalityCode: menteeIndustryIndex.municipalityCode,
      waiting: sql<number>`count(*)`,
      oldestReferredAt: sql<string>`min(${menteeIndustryIndex.referredAt})`,
    })
    .from(menteeIndustryIndex)
    .where(and(gte(menteeIndustryIndex.code, "A"), eq(menteeIndustryIndex.status, "waiting")))
    .groupBy(menteeIndustryIndex.code, menteeIndustryIndex.municipalityCode)
    .all();
  // One pass over the matchable mentors gives the cells and the total (a mentor without a known industry counts only there).
  const matchable = d
    .select({
      section: industries.section,
      municipalityCode: mentors.municipalityCode,
      freeMentors: sql<number>`count(*)`,
    })
    .from(mentors)
    .leftJoin(industries, eq(industries.code, mentors.industryCode))
    .where(matchableCondition(day))
    .groupBy(industries.section, mentors.municipalityCode)
    .all();
  const supply = matchable.flatMap((r) => (r.section == null ? [] : [{ ...r, section: r.section }]));
  const freeMentors = matchable.reduce((n, r) => n + r.freeMentors, 0);
  const places = openPlacesBySectionAndMunicipality({ kind: "all" }, {}, d);
  const munis = d
    .select({ code: municipalities.code, regionCode: municipalities.regionCode })
    .from(municipalities)
    .all();
  return { cells: demandCells(demand, supply, places, munis), freeMentors };
}

function trends(d: Db, day: string): MonthTrend[] {
  const months = lastMonths(day, TREND_MONTHS);
  const from = `${months[0]}-01`;
  // Rows a month (by the day in `column`) from the first month shown on, each a range of the column's index.
  const perMonth = (table: SQLiteTable, column: SQLiteColumn, upTo?: SQL) =>
    new Map(
      d
        .select({ month: sql<string>`substr(${column}, 1, 7)`, n: sql<number>`count(*)` })
        .from(table)
        .where(and(gte(column, from), upTo))
        .groupBy(sql`1`)
        .all()
        .map((r) => [r.month, r.n]),
    );
  const referred = perMonth(menteeFacts, menteeFacts.referredOn);
  const signups = perMonth(mentors, mentors.createdAt);
  freshenFacts(d);
  const started = perMonth(courseFacts, courseFacts.startDate, lte(courseFacts.startDate, day));
  return months.map((month) => {
    const end = month === day.slice(0, 7) ? day : monthEnd(month);
    // Waiting at the month's end: referred by then and still waiting after it (mentee_facts_waiting_idx).
    const waitingAtEnd = d
      .select({ n: sql<number>`count(*)` })
      .from(menteeFacts)
      .where(and(sql`${menteeFacts.waitingUntil} > ${end}`, lte(menteeFacts.referredOn, end)))
      .get()!.n;
    return {
      month,
      referred: referred.get(month) ?? 0,
      signups: signups.get(month) ?? 0,
      started: started.get(month) ?? 0,
      waitingAtEnd,
    };
  });
}

function longestWaits(d: Db, day: string) {
  return d
    .select({
      id: mentees.id,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
      referredAt: mentees.referredAt,
      municipalityName: municipalities.name,
      wishedIndustryCodes: mentees.wishedIndustryCodes,
    })
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(eq(mentees.status, "waiting"))
    .orderBy(asc(mentees.referredAt), asc(mentees.id))
    .limit(LONGEST_WAITS)
    .all()
    .map((m) => ({ ...m, days: waitingDays(m.referredAt, day) }));
}

function linkCounts(d: Db): LinkCount[] {
  return d
    .select({
      source: mentors.recruitmentSource,
      signups: sql<number>`count(*)`,
      approved: sql<number>`sum(case when ${mentors.status} in ('approved', 'active', 'paused') then 1 else 0 end)`,
    })
    .from(mentors)
    .where(isNotNull(mentors.recruitmentSource))
    .groupBy(mentors.recruitmentSource)
    .orderBy(asc(mentors.recruitmentSource))
    .all()
    .flatMap((r) => {
      const p = parseRecruitmentSource(r.source);
      return p ? [{ source: r.source!, ...p, signups: r.signups, approved: r.approved }] : [];
    });
}

/**
 * Everything `/koordinator/behov` shows, computed on the day. Coordinators and admins (programme-wide, so small groups
 * are not hidden). The page reads it through `supplyAndDemand`.
 */
export function computeSupplyAndDemand(d: Db, day: string) {
  const { cells, freeMentors } = cellsNow(d, day);
  const totals = {
    waiting: d
      .select({ n: sql<number>`count(*)` })
      .from(mentees)
      .where(eq(mentees.status, "waiting"))
      .get()!.n,
    freeMentors,
  };
  return {
    today: day,
    cells,
    totals,
    trends: trends(d, day),
    longestWaits: longestWaits(d, day),
    links: linkCounts(d),
    labels: {
      sections: Object.fromEntries(
        d
          .select({ code: industries.code, da: industries.labelDa, en: industries.labelEn })
          .from(industries)
          .where(eq(industries.level, "section"))
          .all()
          .map((s) => [s.code, { da: s.da, en: s.en }]),
      ),
      municipalities: Object.fromEntries(
        d
          .select({ code: municipalities.code, name: municipalities.name })
          .from(municipalities)
          .all()
          .map((m) => [m.code, m.name]),
      ),
    },
  };
}
export type SupplyAndDemand = ReturnType<typeof computeSupplyAndDemand>;

/** One answer per day is all the page needs; a few days are kept around midnight. */
const demandCache = pageCache<SupplyAndDemand>("demand", 2);

/**
 * `/koordinator/behov`'s figures, from memory while nothing the page reads has changed since they were computed: the
 * `demand` stamp moves with every write to citizens, mentors, courses, openings, placements, the facts and the
 * reference tables (migration 0012; decision 016). The same for every coordinator, so one answer serves them all.
 */
export function supplyAndDemand(d: Db = db(), day: string = today()): SupplyAndDemand {
  freshenFacts(d, day);
  return demandCache.get(d, day, () => computeSupplyAndDemand(d, day));
}
export const demandCacheStats = demandCache.stats;
