/**
 * Report exports and the daily jobs as background jobs (issue 17) with real worker processes: the worker writes the file
 * with the requester's scope applied again (a caseworker's export never holds another municipality's courses, whatever
 * the job's parameters say), only the requester may download it, one export at a time per user and kind, files expire;
 * a daily job's day runs in the worker and the scheduler marks it as the worker ended it; the worker's thread runs at a
 * lower priority.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { getPriority, platform, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as jobs from "../../app/jobs/background.server";
import * as exportJobs from "../../app/services/export-jobs.server";
import { reportTableNames, courseColumns } from "../../app/domain/report-tables";
import * as scheduler from "../../app/jobs.server";
import * as daily from "../../app/jobs/daily.server";
import "../../app/jobs/volunteers.server";
import { addMonths } from "../../app/domain/dates";
import { today, setClockOffset } from "../../app/utils/clock";
import { buildWorker } from "../../scripts/build-worker.mjs";

const dir = mkdtempSync(join(tmpdir(), "mb-export-jobs-"));
process.env.EXPORT_DIR = join(dir, "exports");
process.env.LOG_LEVEL = "silent";

const d = db();
let stop: () => Promise<void>;
const rng = f.createRng(15);
const settled = async (id: number) => {
  await expect
    .poll(() => ["done", "failed", "cancelled"].includes(jobs.jobById(id, d)!.status) && !jobs.isRunningHere(id), {
      timeout: 60_000,
      interval: 50,
    })
    .toBe(true);
  return jobs.jobById(id, d)!;
};
const fileOf = (id: number, ext: string) => join(process.env.EXPORT_DIR!, `export-${id}.${ext}`);
const status = (fn: () => unknown) => {
  try {
    fn();
    return 200;
  } catch (e) {
    return e instanceof Response ? e.status : 500;
  }
};

function completed(code: number, n: number) {
  for (let i = 0; i < n; i++) {
    const mentor = f.insertMentor(d, rng, [code], { status: "active", industryCode: "41" });
    const mentee = f.insertMentee(d, rng, code, {
      status: "completed",
      referredAt: addMonths(today(), -9) + "T09:00:00.000Z",
    });
    const start = addMonths(today(), -7);
    f.insertCourse(d, {
      menteeId: mentee.id,
      mentorId: mentor.id,
      status: "completed",
      startDate: start,
      plannedEndDate: addMonths(start, 6),
      endedOn: addMonths(today(), -1),
      approvedAt: addMonths(today(), -8) + "T10:00:00.000Z",
    });
  }
}

let coordinator: { id: number; role: string; locale: string };
let caseworker: { id: number; role: string; locale: string };
const period = new URLSearchParams({ from: "2000-01-01", to: addMonths(today(), 1) });

beforeAll(async () => {
  testDb();
  completed(751, 6);
  completed(621, 4);
  coordinator = { ...f.insertUser(d, { role: "coordinator" }), role: "coordinator", locale: "da" };
  caseworker = { ...f.insertUser(d, { role: "caseworker", municipalityCode: 751 }), role: "caseworker", locale: "da" };
  const workerFile = resolve("tests/.tmp", `jobs-worker-exports-${process.pid}.mjs`);
  await buildWorker({ entry: "tests/unit/jobs-worker-entry.ts", outfile: workerFile });
  stop = jobs.startJobRunner({ workerFile, d });
}, 120_000);

afterAll(async () => {
  await stop?.();
});
afterEach(() => setClockOffset(0));

describe("report exports as background jobs", () => {
  it("writes the coordinator's workbook in the worker; only the coordinator may download it", async () => {
    const r = exportJobs.startReportExport(coordinator, { kind: "all" }, "xlsx", period, d);
    expect(r.ok).toBe(true);
    // One at a time per user and kind: a second request is told which export holds it.
    expect(exportJobs.startReportExport(coordinator, { kind: "all" }, "xlsx", period, d)).toEqual({
      ok: false,
      error: "busy",
      jobId: r.jobId,
    });
    const job = await settled(r.jobId);
    expect(job.error).toBeNull();
    expect(job.summary).toMatchObject({
      rows: 10,
      filename: expect.stringMatching(/^mentorbro-rapport-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/),
    });
    expect(job.progress).toMatchObject({ stage: "done" });

    const res = exportJobs.downloadExport(coordinator, r.jobId, d);
    expect(res.headers.get("Content-Disposition")).toContain((job.summary as { filename: string }).filename);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual([...reportTableNames, "courses"]);
    expect(wb.getWorksheet("courses")!.rowCount).toBe(11);
    // Anyone else: as if it did not exist.
    expect(exportJobs.exportJobFor(caseworker, r.jobId, d)).toBeUndefined();
    expect(status(() => exportJobs.downloadExport(caseworker, r.jobId, d))).toBe(404);
    // The export is logged as the inline ones are.
    const logged = d
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.actorUserId, coordinator.id), eq(schema.auditLog.action, "export")))
      .all();
    expect(logged.map((l) => l.details)).toContainEqual(expect.objectContaining({ format: "xlsx", job: r.jobId }));
  });

  it("applies a caseworker's municipality again in the worker, whatever the job asks", async () => {
    const asked = exportJobs.startReportExport(
      caseworker,
      { kind: "municipality", code: 751 },
      "csv_courses",
      new URLSearchParams({ ...Object.fromEntries(period), municipality: "621" }),
      d,
    );
    // A job row that names another municipality (or a scope of all) is still read with the requester's own scope.
    const forged = jobs.submitJob(
      {
        kind: exportJobs.REPORT_EXPORT_KIND,
        scopeKey: `user:${caseworker.id}:forged`,
        requestedBy: caseworker.id,
        params: {
          export: "csv_courses",
          query: { ...Object.fromEntries(period), municipality: "621" },
          locale: "da",
          scope: { kind: "all" },
        },
      },
      d,
    );
    for (const r of [asked, forged]) {
      expect(r.ok).toBe(true);
      const job = await settled(r.jobId);
      expect(job.status).toBe("done");
      const lines = readFileSync(fileOf(r.jobId, "csv"), "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe(courseColumns.join(","));
      expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(Array(6).fill("751"));
      expect(job.summary).toMatchObject({ rows: 6, filename: expect.stringMatching(/-751-courses\.csv$/) });
    }
    expect(status(() => exportJobs.downloadExport(coordinator, asked.jobId, d))).toBe(404);
    expect(status(() => exportJobs.downloadExport(caseworker, asked.jobId, d))).toBe(200);
  });

  it("fails the export of a requester who may no longer export (deactivated), and writes no file", async () => {
    const gone = f.insertUser(d, { role: "caseworker", municipalityCode: 621 });
    d.update(schema.users).set({ active: false }).where(eq(schema.users.id, gone.id)).run();
    const r = jobs.submitJob(
      {
        kind: exportJobs.REPORT_EXPORT_KIND,
        scopeKey: `user:${gone.id}:csv_courses`,
        requestedBy: gone.id,
        params: { export: "csv_courses", query: {}, locale: "da" },
      },
      d,
    );
    const job = await settled(r.jobId);
    expect(job).toMatchObject({ status: "failed", error: expect.stringContaining("no longer an active user") });
    expect(existsSync(fileOf(r.jobId, "csv"))).toBe(false);
    expect(existsSync(`${fileOf(r.jobId, "csv")}.part`)).toBe(false);
  });

  it("refuses a file after EXPORT_FILES_KEPT_HOURS and the housekeeping deletes it (and leftovers of failed exports)", async () => {
    const r = exportJobs.startReportExport(coordinator, { kind: "all" }, "csv_courses", period, d);
    await settled(r.jobId);
    const file = fileOf(r.jobId, "csv");
    expect(existsSync(file)).toBe(true);
    // A `.part` a failed export left behind, and a fresh file of no known export (kept: another database's, maybe).
    const failed = jobs.submitJob(
      {
        kind: exportJobs.REPORT_EXPORT_KIND,
        scopeKey: "user:0:x",
        requestedBy: null,
        params: { export: "xlsx", query: {}, locale: "da" },
      },
      d,
    );
    await settled(failed.jobId);
    writeFileSync(`${fileOf(failed.jobId, "xlsx")}.part`, "half");
    writeFileSync(fileOf(999_999, "csv"), "someone else's");

    expect(exportJobs.deleteExpiredExports(d)).toBe(1);
    expect(existsSync(file)).toBe(true);
    expect(exportJobs.exportJobFor(coordinator, r.jobId, d)!.expired).toBe(false);

    setClockOffset((exportJobs.EXPORT_FILES_KEPT_HOURS + 1) * 3_600_000);
    expect(exportJobs.exportJobFor(coordinator, r.jobId, d)!.expired).toBe(true);
    expect(status(() => exportJobs.downloadExport(coordinator, r.jobId, d))).toBe(404);
    expect(exportJobs.deleteExpiredExports(d)).toBeGreaterThanOrEqual(1);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(fileOf(999_999, "csv"))).toBe(true);
  });
});

describe("daily jobs in the worker", () => {
  afterAll(() => scheduler.setDailyJobRunner(null));

  it("runs a tick's days in one worker; a failure there fails its own day with its cause, for the admins to see", async () => {
    scheduler.registerJob({
      name: "test_daily_fail",
      run: () => {
        throw new Error("ran on the main thread");
      },
    });
    scheduler.setDailyJobRunner(daily.runDailyJobsInWorker);
    const day = "2031-03-04";
    expect(await scheduler.runDailyJobs(day, d)).toEqual(["purge-unverified-signups"]);
    const run = (job: string) =>
      d
        .select()
        .from(schema.jobRuns)
        .where(and(eq(schema.jobRuns.job, job), eq(schema.jobRuns.runKey, day)))
        .get()!;
    expect(run("purge-unverified-signups").status).toBe("done");
    expect(run("test_daily_fail")).toMatchObject({ status: "failed", lastError: "the daily job broke in the worker" });
    const ran = d
      .select()
      .from(schema.backgroundJobs)
      .where(eq(schema.backgroundJobs.kind, daily.DAILY_JOBS_KIND))
      .all();
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({
      status: "done",
      params: {
        items: [
          { job: "purge-unverified-signups", day },
          { job: "test_daily_fail", day },
        ],
      },
    });
    expect(scheduler.jobOverview(d, day).find((j) => j.job === "test_daily_fail")).toMatchObject({
      status: "failed",
      lastError: "the daily job broke in the worker",
    });
  });

  it("fails every day of the tick with the cause when the worker dies", async () => {
    const day = "2031-03-05";
    const died = async () => {
      throw new Error("the worker stopped (exit code 1) without a result");
    };
    scheduler.setDailyJobRunner(died);
    expect(await scheduler.runDailyJobs(day, d)).toEqual([]);
    const rows = d.select().from(schema.jobRuns).where(eq(schema.jobRuns.runKey, day)).all();
    expect(rows.map((r) => [r.job, r.status, r.lastError]).sort()).toEqual([
      ["purge-unverified-signups", "failed", "the worker stopped (exit code 1) without a result"],
      ["test_daily_fail", "failed", "the worker stopped (exit code 1) without a result"],
    ]);
  });
});

describe("the worker's priority", () => {
  it.runIf(platform() === "linux")(
    "runs the job in a process of its own at a lower priority than the server's",
    async () => {
      const mine = getPriority();
      const r = jobs.submitJob({ kind: "test_priority", scopeKey: "p", params: {}, requestedBy: null }, d);
      const job = await settled(r.jobId);
      expect(job.summary).toEqual({ nice: Math.max(mine, 15), pid: expect.any(Number) });
      expect((job.summary as { pid: number }).pid).not.toBe(process.pid);
      // The server's own thread keeps its priority.
      expect(getPriority()).toBe(mine);
    },
  );
});

describe("the worker's transactions", () => {
  it("take the write lock when they begin: a write of the server's between their read and their write cannot fail them", async () => {
    const { default: Database } = await import("better-sqlite3");
    const { immediateTransactions } = await import("../../app/jobs/worker-runtime.server");
    const path = join(dir, "tx.sqlite");
    const worker = new Database(path);
    worker.pragma("journal_mode = WAL");
    worker.exec("CREATE TABLE t (x INTEGER)");
    const server = new Database(path);
    server.pragma("busy_timeout = 0");
    let serverRefused = 0;
    const readThenWrite = () =>
      worker.transaction(() => {
        worker.prepare("SELECT count(*) FROM t").get();
        try {
          server.prepare("INSERT INTO t VALUES (1)").run();
        } catch {
          serverRefused++;
        }
        worker.prepare("INSERT INTO t VALUES (2)").run();
      })();
    // A deferred transaction: the server's write gets in, and the worker's write then fails at once.
    expect(readThenWrite).toThrow(/locked|busy/i);
    expect(serverRefused).toBe(0);
    immediateTransactions(worker);
    readThenWrite();
    // Immediate: the server waits for the worker (here: no busy timeout, so it is refused), the worker's work is whole.
    expect(serverRefused).toBe(1);
    expect(worker.prepare("SELECT x FROM t ORDER BY rowid").all()).toEqual([{ x: 1 }, { x: 2 }]);
    server.close();
    worker.close();
  });
});
