/**
 * The worker's side of the job mechanism (app/jobs/background.server.ts), in a process of its own: opens its own database connection,
 * runs the job's handler, writes progress as it goes (at most every 250 ms, and at every change of stage), and ends the
 * row: `done` with its summary (by the handler, after its result is saved: `complete`), or `failed`
 * with the error. A row that is no longer running (cancelled meanwhile) is left alone and the result is rolled back.
 */
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";
import { and, eq } from "drizzle-orm";
import { backgroundJobs, type JobProgress } from "../../db/schema";
import { db, closeDb, type Db } from "../db.server";
import { describeError } from "../jobs.server";
import { nowIso, setClockOffset } from "../utils/clock";
import { log } from "../utils/logger.server";
import type { JobRow, WorkerData, WorkerMessage } from "./background.server";

export class JobCancelled extends Error {
  constructor() {
    super("the job is no longer running (cancelled)");
  }
}

export type JobContext = {
  d: Db;
  job: JobRow;
  /** Where the job is; written to the row now and then (never more often than every 250 ms unless the stage changes). */
  progress: (p: JobProgress) => void;
  /** Once the result is saved: marks the row done with its summary (throws JobCancelled when it is not running). */
  complete: (t: Db, summary: Record<string, unknown>) => void;
};
export type JobHandler = (ctx: JobContext) => Promise<void> | void;

const PROGRESS_EVERY_MS = 250;
/** The worker's nice value (Linux: 0 is the server's, 19 the lowest priority). */
export const WORKER_NICE = 15;

/**
 * Lowers this thread's CPU priority, so on a small machine the server's thread is scheduled first and keeps answering
 * while a job computes. On Linux a thread has its own nice value: /proc/thread-self names this thread's id, and
 * setpriority on that id changes this thread only. Best effort: elsewhere (or without /proc) nothing changes.
 */
export function lowerThreadPriority(nice = WORKER_NICE): number | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    setPriority(tid, nice);
    return getPriority(tid);
  } catch {
    return null;
  }
}

/**
 * Makes every transaction of this connection take the write lock when it begins (BEGIN IMMEDIATE), whatever it asks
 * for. A worker writes beside the server's thread on another connection; a deferred transaction that reads and then
 * writes fails at once with "database is locked" (SQLITE_BUSY_SNAPSHOT, no busy timeout) when the server wrote in
 * between, where an immediate one waits its turn. Handlers keep their transactions short (chunks), so the server's
 * writes wait little. Nested transactions stay savepoints.
 */
export function immediateTransactions(client: Db["$client"]): void {
  const original = client.transaction.bind(client);
  client.transaction = ((fn: Parameters<typeof original>[0]) => {
    const tx = original(fn);
    const immediate = tx.immediate;
    return Object.assign((...args: unknown[]) => immediate(...args), {
      default: immediate,
      deferred: immediate,
      immediate,
      exclusive: tx.exclusive,
    });
  }) as typeof client.transaction;
}

/**
 * SQLite's page cache of a worker's connection, in KiB. The server's connection keeps 64 MiB so that the pages' counts
 * stay in memory (db/client.ts); a worker runs one job that reads its rows once, in order, and then exits, so a large
 * cache only adds to the process's peak while it runs (measured at national scale: docs/benchmarks.md).
 */
export const WORKER_CACHE_KIB = 8192;

/** The job this process was started for: the runner passes it as the one argument (JSON). */
export function workerDataFromArgs(argv = process.argv): WorkerData {
  return JSON.parse(argv[2] ?? "null") as WorkerData;
}

/**
 * In a forked worker: the channel to the runner does not keep the process alive (it ends when its job does), an
 * uncaught error is told to the runner (which records it on the job) before the process ends with it, and a worker
 * whose server is gone (the channel closed) stops: the next server fails its row as interrupted.
 */
function reportUncaughtErrors(): void {
  if (!process.send) return;
  process.channel?.unref();
  process.on("disconnect", () => process.exit(1));
  process.on("uncaughtException", (e) => {
    const message: WorkerMessage = { type: "job-error", error: describeError(e) };
    // Ends when the runner has the message, or after a second if the channel is gone.
    setTimeout(() => process.exit(1), 1000);
    process.send!(message, undefined, {}, () => process.exit(1));
  });
}

export async function runWorker(data: WorkerData, handlers: Record<string, JobHandler>): Promise<void> {
  reportUncaughtErrors();
  setClockOffset(data.clockOffsetMs);
  lowerThreadPriority();
  const d = db();
  d.$client.pragma(`cache_size = -${WORKER_CACHE_KIB}`);
  immediateTransactions(d.$client);
  const job = d.select().from(backgroundJobs).where(eq(backgroundJobs.id, data.jobId)).get();
  if (!job || job.status !== "running") return;
  let last = 0;
  let lastStage = "";
  const progress = (p: JobProgress) => {
    const t = performance.now();
    if (p.stage === lastStage && t - last < PROGRESS_EVERY_MS) return;
    last = t;
    lastStage = p.stage;
    d.update(backgroundJobs)
      .set({ progress: p })
      .where(and(eq(backgroundJobs.id, job.id), eq(backgroundJobs.status, "running")))
      .run();
  };
  const complete = (t: Db, summary: Record<string, unknown>) => {
    const changed = t
      .update(backgroundJobs)
      .set({ status: "done", finishedAt: nowIso(), summary, progress: { stage: "done", done: 1, total: 1 } })
      .where(and(eq(backgroundJobs.id, job.id), eq(backgroundJobs.status, "running")))
      .run().changes;
    if (!changed) throw new JobCancelled();
  };
  try {
    const handler = handlers[job.kind];
    if (!handler) throw new Error(`no handler for the job kind ${job.kind}`);
    await handler({ d, job, progress, complete });
  } catch (e) {
    if (!(e instanceof JobCancelled)) {
      d.update(backgroundJobs)
        .set({ status: "failed", finishedAt: nowIso(), error: describeError(e) })
        .where(and(eq(backgroundJobs.id, job.id), eq(backgroundJobs.status, "running")))
        .run();
    }
  } finally {
    closeDb();
    // The job's own peak memory, for the operators (and the benchmark): the process was started for this job alone.
    log.info("background job ended", {
      jobId: job.id,
      kind: job.kind,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    });
  }
}
