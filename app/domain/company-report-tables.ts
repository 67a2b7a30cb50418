/**
 * The company report as plain tables for CSV and XLSX (columns listed in docs/exports.md): machine keys for
 * enumerations, shares as fractions, "<5" where the small-group rule hides a figure. Pure.
 */
import type { CompanyReport, PlacementRow } from "./company-statistics";
import { exportValue, type Table } from "./report-tables";

export const companyTableNames = [
  "company_summary",
  "placement_outcomes",
  "openings_by_industry",
  "openings_by_municipality",
  "openings_by_type",
  "placements_by_type",
  "placements_by_industry",
  "placements_by_municipality",
  "companies",
] as const;
export type CompanyTableName = (typeof companyTableNames)[number] | "placements";

export const placementColumns = [
  "placement_id",
  "opening_id",
  "company_id",
  "opening_type",
  "industry_section",
  "industry_division",
  "opening_municipality_code",
  "citizen_municipality_code",
  "status",
  "start_date",
  "planned_end_date",
  "ended_on",
  "end_reason",
  "outcome_type",
  "job_or_education",
] as const;

type Labels = { municipalities: Record<string, string>; sections: Record<string, string> };
const openingCols = ["openings", "places", "open_places"];
const placementCols = ["started", "running", "ended", "job_or_education", "job_or_education_share"];
const placementValues = (r: PlacementRow) => [
  exportValue(r.started),
  exportValue(r.running),
  exportValue(r.ended),
  exportValue(r.movedOn),
  exportValue(r.movedOnShare),
];

export function companyReportTables(r: CompanyReport, period: { from: string; to: string }, labels: Labels): Table[] {
  const tot = r.totals;
  const e = r.engagement;
  return [
    {
      name: "company_summary",
      columns: ["figure", "value"],
      rows: [
        ["period_from", period.from],
        ["period_to", period.to],
        ["openings", tot.openings],
        ["places", tot.places],
        ["open_places", tot.openPlaces],
        ["placements_started", exportValue(tot.started)],
        ["placements_running", exportValue(tot.running)],
        ["placements_ended", exportValue(tot.ended)],
        ["ended_in_job_or_education", exportValue(tot.movedOn)],
        ["job_or_education_share", exportValue(tot.movedOnShare)],
        ["companies_with_openings", e.withOpenings],
        ["companies_taking_citizens", e.taking],
        ["repeat_companies", e.repeat],
        ["repeat_share", e.repeatShare == null ? "" : Math.round(e.repeatShare * 10_000) / 10_000],
        ["openings_per_company", e.openingsPerCompany == null ? "" : Math.round(e.openingsPerCompany * 100) / 100],
      ],
    },
    {
      name: "placement_outcomes",
      columns: ["outcome_type", "placements", "share"],
      rows: r.outcomes.map((o) => [o.type, exportValue(o.count), exportValue(o.share)]),
    },
    {
      name: "openings_by_industry",
      columns: ["industry_section", "industry", ...openingCols],
      rows: r.openings.bySection.map((x) => [x.key, labels.sections[x.key] ?? "", x.openings, x.places, x.openPlaces]),
    },
    {
      name: "openings_by_municipality",
      columns: ["municipality_code", "municipality", ...openingCols],
      rows: r.openings.byMunicipality.map((x) => [
        Number(x.key),
        labels.municipalities[x.key] ?? "",
        x.openings,
        x.places,
        x.openPlaces,
      ]),
    },
    {
      name: "openings_by_type",
      columns: ["opening_type", ...openingCols],
      rows: r.openings.byType.map((x) => [x.key, x.openings, x.places, x.openPlaces]),
    },
    {
      name: "placements_by_type",
      columns: ["opening_type", ...placementCols],
      rows: r.placements.byType.map((x) => [x.key, ...placementValues(x)]),
    },
    {
      name: "placements_by_industry",
      columns: ["industry_section", "industry", ...placementCols],
      rows: r.placements.bySection.map((x) => [x.key, labels.sections[x.key] ?? "", ...placementValues(x)]),
    },
    {
      name: "placements_by_municipality",
      columns: ["municipality_code", "municipality", ...placementCols],
      rows: r.placements.byMunicipality.map((x) => [
        Number(x.key),
        labels.municipalities[x.key] ?? "",
        ...placementValues(x),
      ]),
    },
    {
      name: "companies",
      columns: ["company_id", "company", "municipality_code", "openings", "places", "citizens_taken"],
      rows: r.companies.map((c) => [
        c.companyId,
        c.name,
        c.municipalityCode,
        c.openings,
        c.places,
        exportValue(c.taken),
      ]),
    },
  ];
}

export function placementTable(rows: Record<(typeof placementColumns)[number], string | number>[]): Table {
  return {
    name: "placements",
    columns: [...placementColumns],
    rows: rows.map((r) => placementColumns.map((c) => r[c])),
  };
}
