/**
 * The daily jobs in a job worker (docs/decisions/015-jobs.md): the scheduler (app/jobs.server.ts) still claims each
 * (job, day), retries failed days and shows admins the cause; what runs the days it claimed in one tick is one
 * background job of kind DAILY_JOBS_KIND, so the course job, retention, housekeeping and the others never hold the
 * server's event loop. The worker runs them in order and keeps each one's result (a failure fails only its own day);
 * a worker that dies fails every day of the tick with its cause. The scheduler waits for the job's end.
 */
import { createHash } from "node:crypto";
import type { Db } from "../db.server";
import { runDailyItems, type DailyItem, type DailyResult, type DailyRunner } from "../jobs.server";
import { submitJob, waitForJob } from "./background.server";
import type { JobHandler } from "./worker-runtime.server";

export const DAILY_JOBS_KIND = "daily_jobs";
type DailyParams = { items: DailyItem[] };

/** The scheduler's runner in the server: the tick's claimed days as one background job. */
export const runDailyJobsInWorker: DailyRunner = async (items, d: Db) => {
  const params: DailyParams = { items };
  // The scope names the claimed days: no other process holds them, so "busy" can only be a queued job left by this
  // very claim set (a restart), whose results are these days' own.
  const scopeKey = createHash("sha1")
    .update(items.map((i) => `${i.job}@${i.day}`).join(","))
    .digest("hex");
  const r = submitJob({ kind: DAILY_JOBS_KIND, scopeKey, params, requestedBy: null }, d);
  const row = await waitForJob(r.jobId, d);
  const results = (row.summary as { results?: DailyResult[] } | null)?.results;
  if (row.status === "done" && results) return results;
  throw new Error(row.error ?? `the daily jobs were ${row.status} in their worker`);
};

/** The handler in the worker: the registered jobs' own `run` (app/jobs/handlers.server.ts imports every job). */
export const runDailyJobsHandler: JobHandler = async ({ d, job, progress, complete }) => {
  const { items } = job.params as DailyParams;
  const results = await runDailyItems(items, d, (i) => progress({ stage: items[i].job, done: i, total: items.length }));
  complete(d, { results });
};
