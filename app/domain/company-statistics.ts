/**
 * The company side's report figures (issue 20), pure: the use case (app/services/company-reports.server.ts) counts in
 * SQL (GROUP BY) and hands the counts here; this module turns them into cells under the same small-group rule as the
 * course report (app/domain/statistics.ts, decision 009). Openings and places are about companies and are shown as
 * they are; every count of citizens (placements, outcomes, citizens a company took) is a figure about people: 1-4 is
 * "too few to show", and a lone too-few row in a column hides its smallest neighbour so it cannot be worked out from
 * the total.
 */
import { HIDDEN, countCell, partCell, shareCell, type Cell } from "./statistics";
import type { OpeningType, OutcomeType } from "./enums";
import { outcomeTypes } from "./enums";

/** "Job or education" for a placement: ordinary job, wage subsidy, IGU (paid employment) or education. */
export const placementMovedOnTypes: readonly OutcomeType[] = [
  "job_full_time",
  "job_part_time",
  "wage_subsidy",
  "igu",
  "education",
];
export function isMovedOn(type: OutcomeType | null | undefined): boolean {
  return !!type && placementMovedOnTypes.includes(type);
}

/* ------------------------------------------------------------------ input: counts from SQL */

/** Openings created in the period, grouped by a key (DB07 section, municipality code or opening type). */
export type OpeningCounts = { key: string; openings: number; places: number; openPlaces: number };
/** Placements grouped by a key: started in the period, running at its end, ended in it, and of those moved on. */
export type PlacementCounts = { key: string; started: number; running: number; ended: number; movedOn: number };
export type OutcomeCount = { type: OutcomeType; n: number };
export type CompanyCounts = {
  companyId: number;
  name: string;
  municipalityCode: number;
  openings: number;
  places: number;
  taken: number;
};
export type EngagementCounts = {
  /** Companies with an opening created in the period. */
  withOpenings: number;
  /** Companies that took at least one citizen (a placement started) in the period. */
  taking: number;
  /** Of those, companies that had taken a citizen before too (or took two or more in the period). */
  repeat: number;
};

export type CompanyReportInput = {
  openingsBySection: OpeningCounts[];
  openingsByMunicipality: OpeningCounts[];
  openingsByType: OpeningCounts[];
  placementsByType: PlacementCounts[];
  placementsBySection: PlacementCounts[];
  placementsByMunicipality: PlacementCounts[];
  outcomes: OutcomeCount[];
  companies: CompanyCounts[];
  engagement: EngagementCounts;
};

/* ------------------------------------------------------------------ output */

export type OpeningRow = { key: string; openings: number; places: number; openPlaces: number };
export type PlacementRow = {
  key: string;
  started: Cell;
  running: Cell;
  ended: Cell;
  movedOn: Cell;
  movedOnShare: Cell;
};
export type CompanyRow = {
  companyId: number;
  name: string;
  municipalityCode: number;
  openings: number;
  places: number;
  taken: Cell;
};
export type CompanyReport = {
  totals: {
    openings: number;
    places: number;
    openPlaces: number;
    started: Cell;
    running: Cell;
    ended: Cell;
    movedOn: Cell;
    movedOnShare: Cell;
  };
  /** Counts of companies, not of people: shown as they are. */
  engagement: {
    withOpenings: number;
    taking: number;
    repeat: number;
    repeatShare: number | null;
    openingsPerCompany: number | null;
  };
  outcomes: { type: OutcomeType; count: Cell; share: Cell }[];
  openings: { bySection: OpeningRow[]; byMunicipality: OpeningRow[]; byType: OpeningRow[] };
  placements: { byType: PlacementRow[]; bySection: PlacementRow[]; byMunicipality: PlacementRow[] };
  companies: CompanyRow[];
};

const sum = <T>(rows: readonly T[], f: (r: T) => number) => rows.reduce((s, r) => s + f(r), 0);

/** A lone too-few cell in a column would be total minus the rest: hide the smallest other non-zero value too. */
export function suppressLone<T>(
  rows: T[],
  get: (r: T) => Cell,
  set: (r: T, c: Cell) => void,
  tie: (r: T) => string,
): void {
  const small = rows.filter((r) => {
    const k = get(r).kind;
    return k === "too_few" || k === "hidden";
  });
  if (small.length !== 1) return;
  const value = (r: T) => {
    const c = get(r);
    return c.kind === "value" ? c.value : 0;
  };
  const victim = rows
    .filter((r) => value(r) > 0)
    .sort((a, b) => value(a) - value(b) || tie(a).localeCompare(tie(b)))[0];
  if (victim) set(victim, HIDDEN);
}

function placementRows(counts: PlacementCounts[]): PlacementRow[] {
  const rows = [...counts]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((c) => ({
      key: c.key,
      started: countCell(c.started),
      running: countCell(c.running),
      ended: countCell(c.ended),
      movedOn: partCell(c.movedOn, c.ended),
      movedOnShare: shareCell(c.movedOn, c.ended),
    }));
  for (const col of ["started", "running", "ended"] as const) {
    suppressLone(
      rows,
      (r) => r[col],
      (r, c) => {
        r[col] = c;
        if (col === "ended") {
          r.movedOn = HIDDEN;
          r.movedOnShare = HIDDEN;
        }
      },
      (r) => r.key,
    );
  }
  return rows;
}

function openingRows(counts: OpeningCounts[]): OpeningRow[] {
  return [...counts].sort((a, b) => a.key.localeCompare(b.key)).map((c) => ({ ...c }));
}

export function computeCompanyReport(input: CompanyReportInput): CompanyReport {
  const byType = input.placementsByType;
  const started = sum(byType, (r) => r.started);
  const ended = sum(byType, (r) => r.ended);
  const movedOn = sum(byType, (r) => r.movedOn);
  const endedOutcomes = sum(input.outcomes, (o) => o.n);
  const companies = [...input.companies]
    .sort(
      (a, b) =>
        b.taken - a.taken || b.openings - a.openings || a.name.localeCompare(b.name, "da") || a.companyId - b.companyId,
    )
    .map((c) => ({
      companyId: c.companyId,
      name: c.name,
      municipalityCode: c.municipalityCode,
      openings: c.openings,
      places: c.places,
      taken: countCell(c.taken),
    }));
  suppressLone(
    companies,
    (r) => r.taken,
    (r, c) => {
      r.taken = c;
    },
    (r) => String(r.companyId).padStart(12, "0"),
  );
  const e = input.engagement;
  return {
    totals: {
      openings: sum(input.openingsByType, (r) => r.openings),
      places: sum(input.openingsByType, (r) => r.places),
      openPlaces: sum(input.openingsByType, (r) => r.openPlaces),
      started: countCell(started),
      running: countCell(sum(byType, (r) => r.running)),
      ended: countCell(ended),
      movedOn: partCell(movedOn, ended),
      movedOnShare: shareCell(movedOn, ended),
    },
    engagement: {
      withOpenings: e.withOpenings,
      taking: e.taking,
      repeat: e.repeat,
      repeatShare: e.taking ? e.repeat / e.taking : null,
      openingsPerCompany: e.withOpenings ? sum(input.openingsByType, (r) => r.openings) / e.withOpenings : null,
    },
    outcomes: outcomeTypes.map((type) => {
      const n = input.outcomes.find((o) => o.type === type)?.n ?? 0;
      return { type, count: partCell(n, endedOutcomes), share: shareCell(n, endedOutcomes) };
    }),
    openings: {
      bySection: openingRows(input.openingsBySection),
      byMunicipality: openingRows(input.openingsByMunicipality),
      byType: openingRows(input.openingsByType),
    },
    placements: {
      byType: placementRows(byType),
      bySection: placementRows(input.placementsBySection),
      byMunicipality: placementRows(input.placementsByMunicipality),
    },
    companies,
  };
}

/** The opening types in their fixed order, for tables that list every type (also those without openings). */
export function withEveryType<T extends { key: string }>(
  rows: T[],
  types: readonly OpeningType[],
  empty: (key: string) => T,
): T[] {
  return types.map((t) => rows.find((r) => r.key === t) ?? empty(t));
}
