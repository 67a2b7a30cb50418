/**
 * Reports: every figure is added up in SQL, within the report's period and the caller's scope, from the facts kept
 * per citizen and per course (`mentee_facts`, `course_facts`, `course_on_track`; decision 016), and turned into
 * figures by the pure statistics module (`reportFromAggregates`: every figure through the small-group rule). What SQL
 * adds up is exactly what `computeReport` adds up from rows; a property test holds the two equal on random data.
 * A caseworker's scope is their municipality and every query below filters by it (a coordinator may narrow to one
 * municipality with the same filter). No names or contact details leave this module: ids, codes, dates and numbers.
 */
import { asc, eq, exists, or, sql } from "drizzle-orm";
import { qualified } from "../utils/sql";
import { mentees, municipalities } from "../../db/schema";
import { db, type Db } from "../db.server";
import { industrySections } from "../domain/industries";
import { scopedMunicipality, type Scope } from "./kernel.server";
import { addDays } from "../domain/dates";
import {
  minGroupFor,
  quarterOf,
  quarterRange,
  reportFromAggregates,
  type ReportAudience,
  type Period,
  type Report,
} from "../domain/statistics";
import type { ReportFilterInput } from "../schemas/reports";
import type { UiLocale } from "../domain/enums";
import { today } from "../utils/clock";
import { audit } from "./audit.server";
import { freshenFacts } from "./course-facts.server";
import { buildGoalReport } from "./goals.server";
import type { GoalReport } from "../domain/goal-report";
import { pageCache } from "./page-cache.server";
import { aggregateReportInSql } from "./report-sql.server";

export type ResolvedFilter = Period & { quarter: string | null; municipality: number | null };

/** The last `n` quarter keys up to and including today's, newest first. */
export function recentQuarters(n = 12, asOf = today()): string[] {
  const out: string[] = [];
  let k = quarterOf(asOf);
  for (let i = 0; i < n; i++) {
    out.push(k);
    k = quarterOf(addDays(quarterRange(k)!.from, -1));
  }
  return out;
}

/**
 * The period and municipality a report is about. A quarter wins over from/to; the default is the last eight quarters
 * up to today. A caseworker's municipality is always their own, whatever the request says.
 */
export function resolveFilter(scope: Scope, input: ReportFilterInput, asOf = today()): ResolvedFilter {
  const municipality = scopedMunicipality(scope, input.municipality);
  const q = input.quarter ? quarterRange(input.quarter) : null;
  if (q) return { ...q, quarter: input.quarter!, municipality };
  let from = input.from ?? quarterRange(recentQuarters(8, asOf)[7])!.from;
  let to = input.to ?? asOf;
  if (from > to) [from, to] = [to, from];
  // At most 25 years: keeps the quarter breakdown a readable size.
  if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) > 25) from = `${Number(to.slice(0, 4)) - 25}-01-01`;
  return { from, to, quarter: null, municipality };
}

export type ReportLabels = { municipalities: Record<string, string>; sections: Record<string, string> };

/** Names for the breakdown keys (municipality codes and DB07 sections), in the reader's language. */
export function reportLabels(locale: UiLocale): ReportLabels {
  const d = db();
  return {
    municipalities: Object.fromEntries(
      d
        .select({ code: municipalities.code, name: municipalities.name })
        .from(municipalities)
        .all()
        .map((m) => [String(m.code), m.name]),
    ),
    sections: Object.fromEntries(industrySections.map((s) => [s.code, locale === "en" ? s.labelEn : s.labelDa])),
  };
}

/**
 * Municipalities a coordinator can narrow the report to: the partners and any other with referred citizens (one index
 * lookup per municipality, not a pass over the citizens).
 */
export function reportMunicipalities() {
  const d = db();
  const hasCitizens = exists(
    d
      .select({ one: sql`1` })
      .from(mentees)
      .where(eq(mentees.municipalityCode, qualified(municipalities.code))),
  );
  return d
    .select({ code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(or(eq(municipalities.isPartner, true), hasCitizens))
    .orderBy(asc(municipalities.name))
    .all();
}

/**
 * The report for a scope and filter, as of today. `audience` (decision 009): exact figures only for a caseworker's own
 * municipality, on their own page; everything else (the coordinator's, prints, exports) hides small groups.
 */
export function buildReport(
  scope: Scope,
  filter: ResolvedFilter,
  d: Db = db(),
  asOf: string = today(),
  audience: ReportAudience = "outside",
): Report {
  if (audience === "own_municipality" && scopedMunicipality(scope, null) == null)
    throw new Error("Exact figures are for a caseworker's own municipality only");
  freshenFacts(d, asOf);
  return reportFromAggregates(aggregateReportInSql(d, scope, filter, asOf), filter, asOf, minGroupFor(audience));
}

/** Computed reports kept while the facts under them are unchanged (stamp `reports`); a few dozen filters at most. */
export const REPORT_CACHE_SIZE = 48;
const reportCache = pageCache<{ report: Report; goals: GoalReport }>("reports", REPORT_CACHE_SIZE);

/**
 * A report page's figures (the report and its goal figures), from the cache while no fact under them has changed
 * since they were computed (decision 016). The key holds everything the figures depend on: the day, the scope (a
 * caseworker's municipality, so one municipality's answer can never be another's), the municipality narrowed to, the
 * period and the audience (which decides the small-group rule).
 */
export function reportPage(
  scope: Scope,
  filter: ResolvedFilter,
  audience: ReportAudience = "outside",
  d: Db = db(),
  asOf: string = today(),
) {
  if (audience === "own_municipality" && scopedMunicipality(scope, null) == null)
    throw new Error("Exact figures are for a caseworker's own municipality only");
  freshenFacts(d, asOf);
  const key = JSON.stringify([
    asOf,
    scopedMunicipality(scope, null) ?? "all",
    scopedMunicipality(scope, filter.municipality),
    filter.from,
    filter.to,
    filter.quarter,
    audience,
  ]);
  return reportCache.get(d, key, () => ({
    report: buildReport(scope, filter, d, asOf, audience),
    goals: buildGoalReport(scope, filter, audience, d),
  }));
}
export const reportCacheStats = reportCache.stats;

export function logReportExport(actor: { id: number; role: string }, details: Record<string, unknown>): void {
  audit(actor, "export", "report", null, details);
}
