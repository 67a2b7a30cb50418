/**
 * File formats for report exports: CSV (one table, UTF-8 with BOM so Excel reads æøå) and XLSX (every table as a sheet).
 * The tables themselves come from app/domain/report-tables.ts; the column list is in docs/exports.md.
 */
import { stringify } from "csv-stringify/sync";
import type { Table } from "../domain/report-tables";
import type { Scope } from "../auth/guards.server";
import { courseTable, reportTableNames, reportTables, type ReportTableName } from "../domain/report-tables";
import { exportFormats, reportFilterSchema } from "../schemas/reports";
import type { UiLocale } from "../domain/enums";
import { buildReport, courseList, logReportExport, reportLabels, resolveFilter } from "./reports.server";

export function toCsv(table: Table): string {
  return "\uFEFF" + stringify([table.columns, ...table.rows], { record_delimiter: "\r\n" });
}

export async function toXlsx(tables: Table[]): Promise<Buffer> {
  // Loaded on first use: exceljs takes about 0.3 s to load, which every server start would otherwise pay.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "Mentorbro";
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => { c.width = Math.max(12, Math.min(40, t.columns[i].length + 2)); });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function download(body: string | Buffer, filename: string, format: "csv" | "xlsx"): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * One export request: `format` is csv (one table, `?table=`, default summary) or xlsx (every table and the course list);
 * the period and municipality come from the same query parameters as the report page, within the caller's scope.
 * Anything unknown is a 404.
 */
export async function exportReport(request: Request, formatParam: string | undefined, scope: Scope, user: { id: number; role: string; locale: string }) {
  const format = exportFormats.find((f) => f === formatParam);
  if (!format) throw new Response("Not Found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const tableParam = params.get("table") ?? "summary";
  const table = ([...reportTableNames, "courses"] as string[]).includes(tableParam) ? (tableParam as ReportTableName) : null;
  if (format === "csv" && !table) throw new Response("Not Found", { status: 404 });
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(params)));
  const labels = reportLabels((user.locale === "en" ? "en" : "da") as UiLocale);
  const name = `mentorbro-rapport-${filter.from}-${filter.to}${filter.municipality ? `-${filter.municipality}` : ""}`;
  logReportExport(user, { format, table: format === "csv" ? table : "all", from: filter.from, to: filter.to, municipality: filter.municipality });
  if (format === "csv") {
    const t = table === "courses" ? courseTable(courseList(scope, filter, labels)) : reportTables(buildReport(scope, filter), labels).find((x) => x.name === table)!;
    return download(toCsv(t), `${name}-${t.name}.csv`, "csv");
  }
  const tables = [...reportTables(buildReport(scope, filter), labels), courseTable(courseList(scope, filter, labels))];
  return download(await toXlsx(tables), `${name}.xlsx`, "xlsx");
}
