/**
 * The company side's report (issue 20): openings and placements by industry, municipality and type, the share of
 * ended placements that end in job or education, and companies' engagement. Every figure is a SQL aggregate (GROUP BY
 * with conditional sums); app/domain/company-statistics.ts applies the small-group rule. Scope: a caseworker's
 * placement figures are their own municipality's citizens, and their opening figures their own municipality's
 * openings, whatever the request asks; a coordinator may narrow both to one municipality the same way.
 */
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import { companies, industries, mentees, openings, placements } from "../../db/schema";
import { db, type Db } from "../db.server";
import { scopedMunicipality, type Scope } from "./kernel.server";
import { logReportExport, type ResolvedFilter } from "./reports.server";
import { downloadTables, exportSetup, exportTableRequest } from "./report-export.server";
import {
  companyReportTables,
  companyTableNames,
  placementTable,
  type CompanyTableName,
} from "../domain/company-report-tables";
import {
  computeCompanyReport,
  placementMovedOnTypes,
  type CompanyCounts,
  type CompanyReport,
  type CompanyReportInput,
  type OpeningCounts,
  type PlacementCounts,
} from "../domain/company-statistics";
import type { OpeningType, OutcomeType, PlacementEndReason, PlacementStatus } from "../domain/enums";
import { today } from "../utils/clock";

const MOVED_ON = sql.join(
  placementMovedOnTypes.map((t) => sql`${t}`),
  sql`, `,
);

/** Openings confirmed by staff and created in the period, in the opening municipality of the filter. */
function openingWhere(f: ResolvedFilter): SQL | undefined {
  return and(
    ne(openings.status, "proposed"),
    sql`substr(${openings.createdAt}, 1, 10) between ${f.from} and ${f.to}`,
    f.municipality != null ? eq(openings.municipalityCode, f.municipality) : undefined,
  );
}

/** The placement conditions, evaluated as of the end of the period or today, whichever is earlier. */
function placementFlags(f: ResolvedFilter) {
  const asOf = f.to < today() ? f.to : today();
  const started = sql`(${placements.status} <> 'cancelled' and ${placements.startDate} between ${f.from} and ${f.to})`;
  const running = sql`(${placements.status} in ('active', 'completed', 'ended_early') and ${placements.startDate} <= ${asOf} and (${placements.endedOn} is null or ${placements.endedOn} > ${asOf}))`;
  const ended = sql`(${placements.status} in ('completed', 'ended_early') and ${placements.endedOn} between ${f.from} and ${f.to})`;
  return { started, running, ended };
}
const sumIf = (cond: SQL) => sql<number>`coalesce(sum(case when ${cond} then 1 else 0 end), 0)`;

function placementScope(f: ResolvedFilter): SQL | undefined {
  return f.municipality != null ? eq(mentees.municipalityCode, f.municipality) : undefined;
}

function openingCounts(d: Db, f: ResolvedFilter, key: SQL<string>): OpeningCounts[] {
  const taken = sql`(select count(*) from ${placements} where ${placements.openingId} = ${openings.id} and ${placements.status} in ('planned', 'active'))`;
  return d
    .select({
      key,
      openings: sql<number>`count(*)`,
      places: sql<number>`coalesce(sum(${openings.places}), 0)`,
      openPlaces: sql<number>`coalesce(sum(case when ${openings.status} = 'open' then max(${openings.places} - ${taken}, 0) else 0 end), 0)`,
    })
    .from(openings)
    .innerJoin(industries, eq(industries.code, openings.industryCode))
    .where(openingWhere(f))
    .groupBy(key)
    .orderBy(asc(key))
    .all();
}

function placementCounts(d: Db, f: ResolvedFilter, key: SQL<string>): PlacementCounts[] {
  const { started, running, ended } = placementFlags(f);
  return d
    .select({
      key,
      started: sumIf(started),
      running: sumIf(running),
      ended: sumIf(ended),
      movedOn: sumIf(sql`${ended} and ${placements.outcomeType} in (${MOVED_ON})`),
    })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .innerJoin(openings, eq(openings.id, placements.openingId))
    .innerJoin(industries, eq(industries.code, openings.industryCode))
    .where(and(placementScope(f), sql`(${started} or ${running} or ${ended})`))
    .groupBy(key)
    .orderBy(asc(key))
    .all();
}

/** Every count the company report needs, within scope (the filter's municipality is the caseworker's own). */
export function loadCompanyReportInput(f: ResolvedFilter, d: Db = db()): CompanyReportInput {
  const { started, ended } = placementFlags(f);
  const outcomes = d
    .select({ type: sql<OutcomeType>`${placements.outcomeType}`, n: sql<number>`count(*)` })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(and(placementScope(f), ended, sql`${placements.outcomeType} is not null`))
    .groupBy(placements.outcomeType)
    .all();

  // Per company: openings created in the period (in the filter's municipality), and citizens (in scope) who started there.
  const openingAgg = d
    .select({
      companyId: openings.companyId,
      openings: sql<number>`count(*)`.as("o_n"),
      places: sql<number>`sum(${openings.places})`.as("o_places"),
    })
    .from(openings)
    .where(openingWhere(f))
    .groupBy(openings.companyId)
    .as("o_agg");
  const placementAgg = d
    .select({ companyId: placements.companyId, taken: sql<number>`count(*)`.as("p_n") })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(and(placementScope(f), started))
    .groupBy(placements.companyId)
    .as("p_agg");
  const companyRows: CompanyCounts[] = d
    .select({
      companyId: companies.id,
      name: companies.name,
      municipalityCode: companies.municipalityCode,
      openings: sql<number>`coalesce(${openingAgg.openings}, 0)`,
      places: sql<number>`coalesce(${openingAgg.places}, 0)`,
      taken: sql<number>`coalesce(${placementAgg.taken}, 0)`,
    })
    .from(companies)
    .leftJoin(openingAgg, eq(openingAgg.companyId, companies.id))
    .leftJoin(placementAgg, eq(placementAgg.companyId, companies.id))
    .where(sql`${openingAgg.companyId} is not null or ${placementAgg.companyId} is not null`)
    .all();

  // Repeat companies: of those that took a citizen in the period, the ones with two or more placements up to its end.
  const repeat = d
    .select({ n: sql<number>`count(*)` })
    .from(
      sql`(
      select ${placements.companyId} as company_id from ${placements} inner join ${mentees} on ${mentees.id} = ${placements.menteeId}
      where ${placements.status} <> 'cancelled' and ${placements.startDate} <= ${f.to} ${f.municipality != null ? sql`and ${mentees.municipalityCode} = ${f.municipality}` : sql``}
      group by ${placements.companyId}
      having count(*) >= 2 and sum(case when ${placements.startDate} >= ${f.from} then 1 else 0 end) >= 1
    )`,
    )
    .get()!.n;

  return {
    openingsBySection: openingCounts(d, f, sql<string>`${industries.section}`),
    openingsByMunicipality: openingCounts(d, f, sql<string>`cast(${openings.municipalityCode} as text)`),
    openingsByType: openingCounts(d, f, sql<string>`${openings.type}`),
    placementsByType: placementCounts(d, f, sql<string>`${placements.type}`),
    placementsBySection: placementCounts(d, f, sql<string>`${industries.section}`),
    placementsByMunicipality: placementCounts(d, f, sql<string>`cast(${mentees.municipalityCode} as text)`),
    outcomes,
    companies: companyRows,
    engagement: {
      withOpenings: companyRows.filter((c) => c.openings > 0).length,
      taking: companyRows.filter((c) => c.taken > 0).length,
      repeat,
    },
  };
}

/** A caseworker's filter is their own municipality, whatever it says (resolveFilter does the same; this is the guard). */
export function scoped(scope: Scope, f: ResolvedFilter): ResolvedFilter {
  return { ...f, municipality: scopedMunicipality(scope, f.municipality) };
}

export function buildCompanyReport(scope: Scope, f: ResolvedFilter, d: Db = db()): CompanyReport {
  return computeCompanyReport(loadCompanyReportInput(scoped(scope, f), d));
}

export type PlacementListRow = {
  placement_id: number;
  opening_id: number;
  company_id: number;
  opening_type: OpeningType;
  industry_section: string;
  industry_division: string;
  opening_municipality_code: number;
  citizen_municipality_code: number;
  status: PlacementStatus;
  start_date: string;
  planned_end_date: string;
  ended_on: string;
  end_reason: PlacementEndReason | "";
  outcome_type: OutcomeType | "";
  job_or_education: string;
};

/**
 * The placement list for exports: placements that started, ran or ended in the period, within scope. Ids, codes,
 * dates, statuses and outcome types only: no names, no contact details, no free text.
 */
export function placementList(scope: Scope, filter: ResolvedFilter, d: Db = db()): PlacementListRow[] {
  const f = scoped(scope, filter);
  const { started, running, ended } = placementFlags(f);
  return d
    .select({
      placement_id: placements.id,
      opening_id: placements.openingId,
      company_id: placements.companyId,
      opening_type: placements.type,
      industry_section: industries.section,
      industry_division: openings.industryCode,
      opening_municipality_code: openings.municipalityCode,
      citizen_municipality_code: mentees.municipalityCode,
      status: placements.status,
      start_date: placements.startDate,
      planned_end_date: sql<string>`coalesce(${placements.plannedEndDate}, '')`,
      ended_on: sql<string>`coalesce(${placements.endedOn}, '')`,
      end_reason: sql<PlacementEndReason | "">`coalesce(${placements.endReason}, '')`,
      outcome_type: sql<OutcomeType | "">`coalesce(${placements.outcomeType}, '')`,
      job_or_education: sql<string>`case when ${placements.outcomeType} is null then '' when ${placements.outcomeType} in (${MOVED_ON}) then 'yes' else 'no' end`,
    })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .innerJoin(openings, eq(openings.id, placements.openingId))
    .innerJoin(industries, eq(industries.code, openings.industryCode))
    .where(and(placementScope(f), sql`(${started} or ${running} or ${ended})`))
    .orderBy(asc(placements.id))
    .all();
}

/**
 * One export of the company report: `format` is csv (one table, `?table=`, default company_summary) or xlsx (every
 * table and the placement list); period and municipality from the same query as the page, within scope. Logged.
 */
export async function exportCompanyReport(
  request: Request,
  formatParam: string | undefined,
  scope: Scope,
  user: { id: number; role: string; locale: string },
) {
  const tableNames: CompanyTableName[] = [...companyTableNames, "placements"];
  const { format, table, params } = exportTableRequest(request, formatParam, tableNames, "company_summary");
  const { filter: resolved, labels, name } = exportSetup(scope, params, user.locale, "virksomheder");
  const filter = scoped(scope, resolved);
  logReportExport(user, {
    report: "companies",
    format,
    table: format === "csv" ? table : "all",
    from: filter.from,
    to: filter.to,
    municipality: filter.municipality,
  });
  const tables = () => companyReportTables(buildCompanyReport(scope, filter), filter, labels);
  if (format === "csv") {
    const t =
      table === "placements" ? placementTable(placementList(scope, filter)) : tables().find((x) => x.name === table)!;
    return downloadTables([t], `${name}-${t.name}.csv`, "csv");
  }
  return downloadTables([...tables(), placementTable(placementList(scope, filter))], `${name}.xlsx`, "xlsx");
}
