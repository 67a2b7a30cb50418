/**
 * The report as plain tables for CSV and XLSX exports: stable snake_case column names (listed in docs/exports.md),
 * machine keys for enumerations, shares as fractions (0.65), "<5" where the small-group rule hides a figure and an
 * empty cell where there is nothing to show. Pure: no database, no file formats.
 */
import type { BreakdownRow, Cell, Report } from "./statistics";

export type Table = { name: string; columns: string[]; rows: (string | number)[][] };
export const TOO_FEW_EXPORT = "<5";
export const HIDDEN_EXPORT = "hidden";

export function exportValue(c: Cell, digits = 4): string | number {
  if (c.kind === "too_few") return TOO_FEW_EXPORT;
  if (c.kind === "hidden") return HIDDEN_EXPORT;
  if (c.kind === "none") return "";
  const f = 10 ** digits;
  return Math.round(c.value * f) / f;
}
const base = (c: Cell): string | number => (c.kind === "value" ? c.n : c.kind === "none" ? 0 : exportValue(c));

export const reportTableNames = [
  "summary",
  "outcomes",
  "quarters",
  "municipalities",
  "industries",
  "mentee_groups",
  "danish_levels",
] as const;
export type ReportTableName = (typeof reportTableNames)[number] | "courses";

export const courseColumns = [
  "course_id",
  "municipality_code",
  "municipality",
  "industry_section",
  "industry_division",
  "status",
  "approved_on",
  "start_date",
  "planned_end_date",
  "ended_on",
  "end_reason",
  "target_hours_per_month",
  "meetings",
  "hours_delivered",
  "on_track",
  "outcomes_end",
  "positive_outcome_end",
  "outcomes_followup_3m",
  "positive_outcome_followup_3m",
] as const;

const breakdownColumns = ["referred", "completed", "positive_outcomes", "outcome_rate", "outcome_rate_3m"];
const breakdownValues = (b: BreakdownRow) => [
  exportValue(b.referred),
  exportValue(b.completed),
  exportValue(b.positive),
  exportValue(b.rate),
  exportValue(b.rateFollowup),
];

export function reportTables(
  r: Report,
  labels: { municipalities: Record<string, string>; sections: Record<string, string> },
): Table[] {
  const s = (figure: string, c: Cell): (string | number)[] => [figure, exportValue(c), base(c)];
  return [
    {
      name: "summary",
      columns: ["figure", "value", "base_n"],
      rows: [
        ["period_from", r.period.from, ""],
        ["period_to", r.period.to, ""],
        s("referred", r.counts.referred),
        s("matched", r.counts.matched),
        s("waiting", r.counts.waiting),
        s("active", r.counts.active),
        s("completed", r.counts.completed),
        s("ended_early", r.counts.endedEarly),
        s("withdrawn", r.counts.withdrawn),
        s("positive_outcomes", r.outcomes.positive),
        s("outcome_rate", r.outcomes.rate),
        s("followup_registered", r.followup.base),
        s("followup_awaiting", r.followup.awaiting),
        s("outcome_rate_3m", r.followup.rate),
        s("days_to_match_median", r.daysToMatch.median),
        s("days_to_match_p90", r.daysToMatch.p90),
        s("hours_per_course_median", r.hoursPerCourse.median),
        s("on_track_share", r.onTrack.share),
        s("mentor_retention_share", r.mentorRetention.share),
        s("satisfaction_mean", r.satisfaction.all),
        s("satisfaction_mentee_mean", r.satisfaction.mentee),
        s("satisfaction_mentor_mean", r.satisfaction.mentor),
        s("satisfied_share", r.satisfaction.satisfiedShare),
      ],
    },
    {
      name: "outcomes",
      columns: ["phase", "outcome_type", "courses", "share"],
      rows: [
        ...r.outcomes.distribution.map((d) => ["end", d.type, exportValue(d.count), exportValue(d.share)]),
        ...r.followup.distribution.map((d) => ["followup_3m", d.type, exportValue(d.count), exportValue(d.share)]),
      ],
    },
    {
      name: "quarters",
      columns: ["quarter", ...breakdownColumns],
      rows: r.breakdowns.quarter.map((b) => [b.key, ...breakdownValues(b)]),
    },
    {
      name: "municipalities",
      columns: ["municipality_code", "municipality", ...breakdownColumns],
      rows: r.breakdowns.municipality.map((b) => [
        Number(b.key),
        labels.municipalities[b.key] ?? "",
        ...breakdownValues(b),
      ]),
    },
    {
      name: "industries",
      columns: ["industry_section", "industry", "completed", "positive_outcomes", "outcome_rate", "outcome_rate_3m"],
      rows: r.breakdowns.industry.map((b) => [b.key, labels.sections[b.key] ?? "", ...breakdownValues(b).slice(1)]),
    },
    {
      name: "mentee_groups",
      columns: ["mentee_group", ...breakdownColumns],
      rows: r.breakdowns.group.map((b) => [b.key, ...breakdownValues(b)]),
    },
    {
      name: "danish_levels",
      columns: ["danish_level", ...breakdownColumns],
      rows: r.breakdowns.danishLevel.map((b) => [b.key, ...breakdownValues(b)]),
    },
  ];
}

export function courseTable(rows: Record<(typeof courseColumns)[number], string | number>[]): Table {
  return { name: "courses", columns: [...courseColumns], rows: rows.map((r) => courseColumns.map((c) => r[c])) };
}
