/**
 * Outcome statistics for reports: pure functions over plain rows (no database, no Remix). The use case in
 * app/services/reports.server.ts (with report-sql.server.ts) sums within the caller's scope; everything here is arithmetic.
 *
 * Small-group rule, decided in one place (`revealsSmallGroup`) that every cell constructor asks: a figure is shown
 * only when every count of people it rests on or gives away is 0 or at least 5. So a count of 1-4, a part of 1-4 of a
 * larger group ("2 with a result"), a share whose numerator is 1-4, and anything about a group of 1-4 are "too few to
 * show", a distinct value that never carries the number. Zero is shown as zero; a share or median of an empty group is
 * "none". Every figure, chart, table and export of a report is built from these cells.
 * See docs/decisions/009-reports-small-groups.md.
 *
 * One module for callers; the parts: `statistics-cells.ts` (rows, cells, helpers), `statistics-facts.ts` (per course),
 * `statistics-aggregate.ts` (what the figures add up) and `statistics-report.ts` (the figures).
 */
export * from "./statistics-cells";
export * from "./statistics-facts";
export * from "./statistics-aggregate";
export * from "./statistics-report";
