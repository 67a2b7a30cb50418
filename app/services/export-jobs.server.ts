/**
 * Report exports as background jobs (issue 17, docs/decisions/015-jobs.md): the workbook (every table and the course
 * list) and the CSV of the course list grow with the programme, so a POST only queues a job and the job worker
 * writes the file, streaming, into a private directory (`EXPORT_DIR`, never under public/). The requester follows its
 * progress (rows written) and downloads the file from a guarded loader that serves it only to them; files expire after
 * EXPORT_FILES_KEPT_HOURS (the download refuses them and the daily housekeeping deletes them).
 *
 * The worker re-applies the scope from the requester's row as it is when the job runs: a caseworker's export holds
 * their own municipality's courses only, whatever the job's parameters say.
 */
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
} from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { once } from "node:events";
import { redirect } from "@remix-run/node";
import { and, eq, inArray } from "drizzle-orm";
import { backgroundJobs, users } from "../../db/schema";
import type { Scope } from "../auth/guards.server";
import { config } from "../config.server";
import { db, type Db } from "../db.server";
import type { UiLocale } from "../domain/enums";
import { courseColumns, reportTables } from "../domain/report-tables";
import { reportFilterSchema } from "../schemas/reports";
import { jobById, submitJob, type JobRow, type SubmitResult } from "../jobs/background.server";
import type { JobContext } from "../jobs/worker-runtime.server";
import { now } from "../utils/clock";
import { buildReport, logReportExport, reportLabels, resolveFilter } from "./reports.server";
import { courseListChunks } from "./report-sql.server";
import { courseRows, exportRequestOf, writeCsv, writeXlsx, type ExportJobKind } from "./report-export.server";

export const REPORT_EXPORT_KIND = "report_export";
/** A finished export can be downloaded this long; then the housekeeping job deletes its file. */
export const EXPORT_FILES_KEPT_HOURS = 24;
/** What the job row carries: the kind, the report's query (period, municipality) and the file names' language. */
export type ExportParams = { export: ExportJobKind; query: Record<string, string>; locale: UiLocale };
export type ExportSummary = { filename: string; rows: number; bytes: number };

export const exportDir = () => config().EXPORT_DIR;
const fileOf = (jobId: number, kind: ExportJobKind) =>
  join(exportDir(), `export-${jobId}.${kind === "xlsx" ? "xlsx" : "csv"}`);

/**
 * Queues an export for `user` (one at a time per user and kind: a second request gets the running one, `busy`). The
 * export is audit-logged here, as the inline ones are.
 */
export function startReportExport(
  user: { id: number; role: string; locale: string },
  scope: Scope,
  kind: ExportJobKind,
  search: URLSearchParams,
  d: Db = db(),
): SubmitResult {
  const query = Object.fromEntries(
    [...search].filter(([k]) => k === "from" || k === "to" || k === "quarter" || k === "municipality"),
  );
  const filter = resolveFilter(scope, reportFilterSchema.parse(query));
  const params: ExportParams = { export: kind, query, locale: user.locale === "en" ? "en" : "da" };
  const r = submitJob(
    { kind: REPORT_EXPORT_KIND, scopeKey: `user:${user.id}:${kind}`, params, requestedBy: user.id },
    d,
  );
  if (r.ok) {
    logReportExport(user, {
      format: kind === "xlsx" ? "xlsx" : "csv",
      table: kind === "xlsx" ? "all" : "courses",
      from: filter.from,
      to: filter.to,
      municipality: filter.municipality,
      job: r.jobId,
    });
  }
  return r;
}

/**
 * A POST to an export URL (the report page's query in it): queues the job and sends the user to its page, or to the
 * export of the same kind they already have under way. Only the workbook and the course list are jobs (404 otherwise).
 */
export function startExportFromRequest(
  request: Request,
  formatParam: string | undefined,
  scope: Scope,
  user: { id: number; role: string; locale: string },
  jobsPath: string,
): Response {
  const { jobKind, params } = exportRequestOf(request, formatParam);
  if (!jobKind) throw new Response("Not Found", { status: 404 });
  const r = startReportExport(user, scope, jobKind, params);
  return redirect(`${jobsPath}/${r.jobId}?${r.ok ? "startet=1" : "optaget=1"}`);
}

export type ExportJobView = {
  id: number;
  kind: ExportJobKind;
  status: JobRow["status"];
  progress: JobRow["progress"];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  summary: ExportSummary | null;
  expired: boolean;
};

const expiredBefore = () => new Date(now().getTime() - EXPORT_FILES_KEPT_HOURS * 3_600_000).toISOString();

/** The export job `id` if `user` asked for it; undefined otherwise (the caller answers 404: not even its existence shows). */
export function exportJobFor(user: { id: number }, id: number, d: Db = db()): ExportJobView | undefined {
  const job = jobById(id, d);
  if (!job || job.kind !== REPORT_EXPORT_KIND || job.requestedBy !== user.id) return undefined;
  const params = job.params as ExportParams;
  return {
    id: job.id,
    kind: params.export,
    status: job.status,
    progress: job.progress,
    error: job.error,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    summary: job.status === "done" ? (job.summary as ExportSummary) : null,
    expired: job.status === "done" && !!job.finishedAt && job.finishedAt < expiredBefore(),
  };
}

/** The finished file of the user's own export as a download; 404 for anyone else's, an unfinished or an expired one. */
export function downloadExport(user: { id: number }, id: number, d: Db = db()): Response {
  const job = exportJobFor(user, id, d);
  const path = job ? fileOf(job.id, job.kind) : null;
  if (!job || !job.summary || job.expired || !path || !existsSync(path))
    throw new Response("Not Found", { status: 404 });
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type":
        job.kind === "xlsx"
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${job.summary.filename}"`,
      "Content-Length": String(statSync(path).size),
      "Cache-Control": "no-store",
    },
  });
}

/** The requester's scope as it is now (role and municipality from their row), or an error when they may no longer export. */
export function scopeOfRequester(d: Db, userId: number | null): Scope {
  const u =
    userId == null
      ? undefined
      : d
          .select({ role: users.role, municipalityCode: users.municipalityCode, active: users.active })
          .from(users)
          .where(eq(users.id, userId))
          .get();
  if (!u || !u.active) throw new Error("the requester is no longer an active user");
  if (u.role === "admin" || u.role === "coordinator") return { kind: "all" };
  if (u.role === "caseworker" && u.municipalityCode != null) return { kind: "municipality", code: u.municipalityCode };
  throw new Error(`the requester's role (${u.role}) may not export reports`);
}

/**
 * The job's handler (in the job worker): the requester's scope re-applied, the file written to `<file>.part` as
 * rows come (progress: rows written), renamed when whole, then the row marked done with the file's name and size.
 */
export async function runReportExportJob(ctx: JobContext): Promise<void> {
  const { d, job } = ctx;
  const params = job.params as ExportParams;
  const scope = scopeOfRequester(d, job.requestedBy);
  const filter = resolveFilter(scope, reportFilterSchema.parse(params.query ?? {}));
  const labels = reportLabels(params.locale);
  const base = `mentorbro-rapport-${filter.from}-${filter.to}${filter.municipality ? `-${filter.municipality}` : ""}`;
  const filename = params.export === "xlsx" ? `${base}.xlsx` : `${base}-courses.csv`;
  mkdirSync(exportDir(), { recursive: true });
  const path = fileOf(job.id, params.export);
  const part = `${path}.part`;
  let rows = 0;
  ctx.progress({ stage: "report", done: 0, total: 0 });
  const counted = function* () {
    for (const chunk of courseRows(courseListChunks(scope, filter, labels, d))) {
      rows += chunk.length;
      ctx.progress({ stage: "rows", done: rows, total: 0 });
      yield chunk;
    }
  };
  const out = createWriteStream(part);
  try {
    if (params.export === "xlsx") {
      const tables = reportTables(buildReport(scope, filter, d), labels);
      ctx.progress({ stage: "rows", done: 0, total: 0 });
      await writeXlsx(out, tables, counted());
    } else {
      await writeCsv(out, courseColumns, counted());
    }
    if (!out.writableFinished) await once(out, "finish");
    renameSync(part, path);
    ctx.complete(d, { filename, rows, bytes: statSync(path).size } satisfies ExportSummary);
  } catch (e) {
    out.destroy();
    for (const f of [part, path]) if (existsSync(f)) unlinkSync(f);
    throw e;
  }
}

/**
 * Daily (housekeeping): deletes the export files past EXPORT_FILES_KEPT_HOURS, those of failed or cancelled exports
 * (and a `.part` a stopped worker left), and files of no known export once they are that old by their own time (the
 * directory is meant for one database; this keeps another's fresh files). Returns how many.
 */
export function deleteExpiredExports(d: Db = db()): number {
  const dir = exportDir();
  if (!existsSync(dir)) return 0;
  const files = readdirSync(dir)
    .map((f) => ({ f, id: Number(/^export-(\d+)\./.exec(f)?.[1]) }))
    .filter((x) => x.id > 0);
  const before = expiredBefore();
  const oldByMtime = Date.now() - EXPORT_FILES_KEPT_HOURS * 3_600_000;
  let deleted = 0;
  for (let i = 0; i < files.length; i += 500) {
    const batch = files.slice(i, i + 500);
    const jobs = new Map(
      d
        .select({ id: backgroundJobs.id, status: backgroundJobs.status, finishedAt: backgroundJobs.finishedAt })
        .from(backgroundJobs)
        .where(
          and(
            eq(backgroundJobs.kind, REPORT_EXPORT_KIND),
            inArray(
              backgroundJobs.id,
              batch.map((x) => x.id),
            ),
          ),
        )
        .all()
        .map((j) => [j.id, j]),
    );
    for (const { f, id } of batch) {
      const j = jobs.get(id);
      const path = join(dir, f);
      const drop = j
        ? j.status === "failed" ||
          j.status === "cancelled" ||
          (j.status === "done" && (f.endsWith(".part") || (j.finishedAt ?? "") < before))
        : statSync(path).mtimeMs < oldByMtime;
      if (!drop) continue;
      unlinkSync(path);
      deleted++;
    }
  }
  return deleted;
}
