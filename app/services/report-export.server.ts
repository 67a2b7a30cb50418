/**
 * File formats for report exports: CSV (one table, UTF-8 with BOM so Excel reads æøå) and XLSX (every table as a sheet).
 * The tables themselves come from app/domain/report-tables.ts; the column list is in docs/exports.md.
 *
 * The workbook and the course list as CSV are made by a background job (app/services/export-jobs.server.ts) that
 * writes them to a file with these same functions; the small tables are downloaded at once (`exportReport`).
 *
 * Both stream (decision 016): the course list, the one table that grows with the programme, is read a chunk at a time
 * (`courseListChunks`) and written row by row (csv-stringify's stream; exceljs's streaming workbook writer), with the
 * event loop given back between chunks and the writing paused while the client is behind. Memory stays the size of a
 * chunk, whatever the number of courses.
 */
import { redirect } from "@remix-run/node";
import { PassThrough, Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { once } from "node:events";
import { stringify } from "csv-stringify";
import type { Scope } from "../auth/guards.server";
import {
  courseColumns,
  reportTableNames,
  reportTables,
  type ReportTableName,
  type Table,
} from "../domain/report-tables";
import { exportFormats, reportFilterSchema } from "../schemas/reports";
import type { UiLocale } from "../domain/enums";
import { logReportExport, reportLabels, reportPage, resolveFilter } from "./reports.server";
import type { CourseListRow } from "./report-sql.server";
import { yieldToEventLoop } from "../utils/yield";
import { log } from "../utils/logger.server";

type Cell = string | number;
const XLSX_ROWS_AT_A_TIME = 250;
type RowChunks = Iterable<Cell[][]>;

/** The course list's chunks as table rows, in the export's column order. */
export function* courseRows(chunks: Iterable<CourseListRow[]>): RowChunks {
  for (const chunk of chunks) yield chunk.map((r) => courseColumns.map((c) => r[c]));
}

/** Waits while the reader is behind (and stops when it has gone away). */
async function readerCaughtUp(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await Promise.race([once(out, "drain"), once(out, "close")]);
  if (out.destroyed) throw new Error("the download was cancelled");
}

/** One table as CSV (header row, CRLF, BOM) into `out`, rows chunk by chunk. */
export async function writeCsv(out: Writable, columns: readonly string[], chunks: RowChunks): Promise<void> {
  const csv = stringify({ bom: true, record_delimiter: "\r\n" });
  const done = pipeline(csv, out);
  const write = async () => {
    csv.write([...columns]);
    for (const rows of chunks) {
      for (const r of rows) if (!csv.write(r)) await readerCaughtUp(csv);
      await yieldToEventLoop();
    }
    csv.end();
  };
  await Promise.all([write(), done]);
}

/** The workbook into `out`: a sheet per table, then (if given) the course list sheet, row by row (exceljs's streaming writer). */
export async function writeXlsx(out: Writable, tables: Table[], courses?: RowChunks): Promise<void> {
  // Loaded on first use: exceljs takes about 0.3 s to load, which every server start would otherwise pay.
  const { default: ExcelJS } = await import("exceljs");
  // No styles: exceljs's style bookkeeping per cell tripled the time of a national course list (the header is plain).
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  wb.creator = "Mentorbro";
  const sheet = (name: string, columns: readonly string[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ key: c, width: Math.max(12, Math.min(40, c.length + 2)) }));
    ws.addRow([...columns]).commit();
    return ws;
  };
  for (const t of tables) {
    const ws = sheet(t.name, t.columns);
    for (const r of t.rows) ws.addRow(r).commit();
    ws.commit();
  }
  if (!courses) return wb.commit();
  const ws = sheet("courses", courseColumns);
  for (const rows of courses) {
    for (let i = 0; i < rows.length; i++) {
      ws.addRow(rows[i]).commit();
      // A row costs exceljs about 15 µs: give the event loop back every few hundred.
      if (i % XLSX_ROWS_AT_A_TIME === XLSX_ROWS_AT_A_TIME - 1) await yieldToEventLoop();
    }
    await readerCaughtUp(out);
    await yieldToEventLoop();
  }
  ws.commit();
  await wb.commit();
}

/** A download whose body is written by `write` while it is sent. */
export function streamed(filename: string, format: "csv" | "xlsx", write: (out: Writable) => Promise<void>): Response {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  write(out).catch((e) => {
    log.error("report export failed", { error: e instanceof Error ? e.message : String(e) });
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  });
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Tables already in memory as a download: the first as CSV, or every one as a sheet of a workbook. */
export function downloadTables(tables: Table[], filename: string, format: "csv" | "xlsx"): Response {
  return streamed(filename, format, (out) =>
    format === "csv" ? writeCsv(out, tables[0].columns, [tables[0].rows]) : writeXlsx(out, tables),
  );
}

/** The exports made as background jobs (they grow with the programme): the workbook and the course list as CSV. */
export const exportJobKinds = ["xlsx", "csv_courses"] as const;
export type ExportJobKind = (typeof exportJobKinds)[number];

/** The export a format and table ask for when it is made as a job; null for the small inline CSVs. */
export function exportJobKindOf(format: string | undefined, table: string | null): ExportJobKind | null {
  if (format === "xlsx") return "xlsx";
  if (format === "csv" && table === "courses") return "csv_courses";
  return null;
}

/** The format and table (one of `tableNames`, or `defaultTable`) an export URL asks for; 404 for anything unknown. */
export function exportTableRequest<T extends string>(
  request: Request,
  formatParam: string | undefined,
  tableNames: readonly T[],
  defaultTable: T,
) {
  const format = exportFormats.find((f) => f === formatParam);
  if (!format) throw new Response("Not Found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const tableParam = params.get("table") ?? defaultTable;
  const table = tableNames.find((t) => t === tableParam) ?? null;
  if (format === "csv" && !table) throw new Response("Not Found", { status: 404 });
  return { format, table, params };
}

/** The report's format and table a request asks for (404 for anything unknown), and the job that makes it, if one does. */
export function exportRequestOf(request: Request, formatParam: string | undefined) {
  const tableNames: ReportTableName[] = [...reportTableNames, "courses"];
  const r = exportTableRequest(request, formatParam, tableNames, "summary");
  return { ...r, jobKind: exportJobKindOf(r.format, r.table) };
}

/**
 * What every export of a report starts from: the report page's filter within the caller's scope, the labels in the
 * user's language and the file name (`mentorbro-<report>-<from>-<to>[-<municipality>]`, without its ending).
 */
export function exportSetup(scope: Scope, params: URLSearchParams, locale: string, report: string) {
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(params)));
  const labels = reportLabels((locale === "en" ? "en" : "da") as UiLocale);
  const name = `mentorbro-${report}-${filter.from}-${filter.to}${filter.municipality ? `-${filter.municipality}` : ""}`;
  return { filter, labels, name };
}

/**
 * One download of a small table (`?table=`, default summary) as CSV, with the period and municipality of the report
 * page's query, within the caller's scope. The workbook and the course list are jobs: a GET for them goes back to the
 * report page, where they are started (a POST). Anything unknown is a 404.
 */
export async function exportReport(
  request: Request,
  formatParam: string | undefined,
  scope: Scope,
  user: { id: number; role: string; locale: string },
  reportPath: string,
) {
  const { format, table, params, jobKind } = exportRequestOf(request, formatParam);
  if (jobKind || format !== "csv" || !table || table === "courses") {
    params.delete("table");
    const q = params.toString();
    throw redirect(q ? `${reportPath}?${q}` : reportPath, 303);
  }
  const { filter, labels, name } = exportSetup(scope, params, user.locale, "rapport");
  logReportExport(user, { format, table, from: filter.from, to: filter.to, municipality: filter.municipality });
  // The page's figures, from the report cache (decision 016) when nothing under them has changed.
  const t = reportTables(reportPage(scope, filter).report, labels).find((x) => x.name === table)!;
  return streamed(`${name}-${t.name}.csv`, "csv", (out) => writeCsv(out, t.columns, [t.rows]));
}
