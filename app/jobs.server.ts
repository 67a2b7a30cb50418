/**
 * The in-process scheduler. Jobs register here; each run is keyed (job, day) in `job_runs`:
 *
 * - a process claims a day by writing `running` with a lease (one hour), so two processes never run it at once;
 * - the day is `done` only when the job returned; a job that threw leaves the day `failed` with its error, logged with
 *   the cause, and the day is tried again after 1, 5, 15, then every 60 minutes, also on later days (up to a week
 *   back), until it succeeds: a failure is never silent and never skips a day;
 * - a `running` day whose lease has passed was interrupted (the process stopped) and is tried again.
 *
 * Admins see the state of every job on /admin/opbevaring (`jobOverview`). A job is `run(d, day)`: it may be async,
 * and long work should yield between bounded chunks (the retention job does). In the server each claimed day runs in a
 * job worker as a background job (`setDailyJobRunner`, app/jobs/daily.server.ts); the claim, retries and the
 * admins' view stay here.
 */
import { and, desc, eq, gte, lt, sql } from "drizzle-orm";
import { jobRuns } from "../db/schema";
import { db, type Db } from "./db.server";
import { addDays } from "./domain/dates";
import { nowIso, now, today } from "./utils/clock";
import { log } from "./utils/logger.server";
import { countRows } from "./utils/sql";

export type Job = { name: string; run: (d: Db, day: string) => Promise<void> | void };
const jobs: Job[] = [];

/** How long a claim holds before the run counts as interrupted. */
export const LEASE_MS = 60 * 60_000;
/** Minutes before trying a failed day again, by attempt (the last one repeats). */
export const RETRY_MINUTES = [1, 5, 15, 60];
/** How many days back a failed day is still tried again. */
export const CATCH_UP_DAYS = 7;
const MAX_ERROR_LENGTH = 1000;

/** One claimed day of a job, and how its run went (the error with its causes when it threw). */
export type DailyItem = { job: string; day: string };
export type DailyResult = { ok: true; ms: number } | { ok: false; ms: number; error: string; stack?: string };

/**
 * How the claimed days of one tick are run, in order, one result per item. Inline by default (unit tests, scripts);
 * the server runs them in one job worker through the background-job mechanism (app/jobs/daily.server.ts), so long
 * daily work never holds the event loop, and one worker starts per tick rather than one per job.
 */
export type DailyRunner = (items: DailyItem[], d: Db) => Promise<DailyResult[]>;

/** Runs the items one after the other here, each one's failure kept to itself. */
export async function runDailyItems(
  items: DailyItem[],
  d: Db,
  onItem: (i: number) => void = () => {},
): Promise<DailyResult[]> {
  const results: DailyResult[] = [];
  for (const [i, item] of items.entries()) {
    onItem(i);
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const job = findJob(item.job);
      if (!job) throw new Error(`no daily job named ${item.job}`);
      await job.run(d, item.day);
      results.push({ ok: true, ms: ms() });
    } catch (e) {
      results.push({
        ok: false,
        ms: ms(),
        error: describeError(e),
        stack: e instanceof Error ? e.stack?.split("\n").slice(0, 6).join(" | ") : undefined,
      });
    }
  }
  return results;
}

let runDaily: DailyRunner = (items, d) => runDailyItems(items, d);

/** Sets how the daily jobs run (null: inline again). */
export function setDailyJobRunner(r: DailyRunner | null): void {
  runDaily = r ?? ((items, d) => runDailyItems(items, d));
}

export function registerJob(job: Job): void {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

export function registeredJobs(): string[] {
  return jobs.map((j) => j.name);
}

export function findJob(name: string): Job | undefined {
  return jobs.find((j) => j.name === name);
}

const inMs = (ms: number) => new Date(now().getTime() + ms).toISOString();

/** The error's message and its causes, one line, bounded (error texts name ids and rules, not people). */
export function describeError(e: unknown): string {
  const parts: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur !== undefined && cur !== null && depth < 4; depth++) {
    parts.push(cur instanceof Error ? `${cur.name === "Error" ? "" : `${cur.name}: `}${cur.message}` : String(cur));
    cur = cur instanceof Error ? (cur as Error & { cause?: unknown }).cause : undefined;
  }
  return parts.join(" ← caused by: ").slice(0, MAX_ERROR_LENGTH);
}

/**
 * Claims (job, day): a new day, a failed day whose retry time has come, or an interrupted run. True when this process
 * now holds it. One statement, so two processes cannot both claim it.
 */
function claim(d: Db, job: string, day: string): boolean {
  const at = nowIso();
  return (
    d
      .insert(jobRuns)
      .values({ job, runKey: day, status: "running", startedAt: at, attempts: 1, leaseUntil: inMs(LEASE_MS) })
      .onConflictDoUpdate({
        target: [jobRuns.job, jobRuns.runKey],
        set: { status: "running", startedAt: at, attempts: sql`${jobRuns.attempts} + 1`, leaseUntil: inMs(LEASE_MS) },
        setWhere: sql`(${jobRuns.status} = 'failed' and (${jobRuns.nextAttemptAt} is null or ${jobRuns.nextAttemptAt} <= ${at}))
        or (${jobRuns.status} = 'running' and ${jobRuns.leaseUntil} < ${at})`,
      })
      .run().changes === 1
  );
}

function markDone(d: Db, job: string, day: string): void {
  d.update(jobRuns)
    .set({ status: "done", finishedAt: nowIso(), lastError: null, nextAttemptAt: null, leaseUntil: null })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runKey, day)))
    .run();
}

function markFailed(d: Db, job: string, day: string, error: string): { attempts: number; nextAttemptAt: string } {
  const row = d
    .select({ attempts: jobRuns.attempts })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runKey, day)))
    .get();
  const attempts = row?.attempts ?? 1;
  const nextAttemptAt = inMs(RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1] * 60_000);
  d.update(jobRuns)
    .set({ status: "failed", lastError: error, nextAttemptAt, leaseUntil: null })
    .where(and(eq(jobRuns.job, job), eq(jobRuns.runKey, day)))
    .run();
  return { attempts, nextAttemptAt };
}

/** Earlier days of a job to try again: failed ones and interrupted ones, oldest first, at most a week back. */
function daysToRetry(d: Db, job: string, day: string): string[] {
  return d
    .select({ day: jobRuns.runKey })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.job, job),
        gte(jobRuns.runKey, addDays(day, -CATCH_UP_DAYS)),
        lt(jobRuns.runKey, day),
        sql`${jobRuns.status} in ('failed', 'running')`,
      ),
    )
    .orderBy(jobRuns.runKey)
    .all()
    .map((r) => r.day);
}

/**
 * Runs what is due for `day`: earlier failed or interrupted days (up to a week back) whose retry time has come, then
 * `day` itself, for every registered job. Every due (job, day) is claimed first, then the claimed ones run in order
 * (in the server: together in one job worker) and each is marked by its own result. Returns the names of the jobs
 * that succeeded (a name once per day run).
 */
export async function runDailyJobs(day: string = today(), d: Db = db()): Promise<string[]> {
  const items: DailyItem[] = [];
  for (const job of jobs) {
    for (const k of [...daysToRetry(d, job.name, day), day])
      if (claim(d, job.name, k)) items.push({ job: job.name, day: k });
  }
  if (!items.length) return [];
  let results: DailyResult[];
  try {
    results = await runDaily(items, d);
  } catch (e) {
    // The runner itself failed (its worker died): every claimed day failed with that cause.
    const error = describeError(e);
    results = items.map(() => ({ ok: false as const, ms: 0, error }));
  }
  const ran: string[] = [];
  items.forEach((item, i) => {
    const r = results[i] ?? { ok: false as const, ms: 0, error: "no result from the job's run" };
    if (r.ok) {
      markDone(d, item.job, item.day);
      ran.push(item.job);
      log.info("job done", { job: item.job, day: item.day, ms: r.ms });
    } else {
      const { attempts, nextAttemptAt } = markFailed(d, item.job, item.day, r.error);
      log.error("job failed", {
        job: item.job,
        day: item.day,
        attempt: attempts,
        retryAt: nextAttemptAt,
        error: r.error,
        stack: r.stack,
      });
    }
  });
  return ran;
}

export type JobState = {
  job: string;
  /** The newest day the job was run for, and how that went. */
  lastDay: string | null;
  status: "running" | "done" | "failed" | "never";
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** The newest day that succeeded, and when. */
  lastSuccessDay: string | null;
  lastSuccessAt: string | null;
  /** Days of the last week still failed (the newest day included). */
  failedDays: string[];
};

/** Every job's state for the admins: registered jobs (also those that never ran) and any job with rows. */
export function jobOverview(d: Db = db(), day: string = today()): JobState[] {
  const names = [
    ...new Set([
      ...registeredJobs(),
      ...d
        .selectDistinct({ job: jobRuns.job })
        .from(jobRuns)
        .all()
        .map((r) => r.job),
    ]),
  ].sort();
  return names.map((job) => {
    const last = d.select().from(jobRuns).where(eq(jobRuns.job, job)).orderBy(desc(jobRuns.runKey)).limit(1).get();
    const success = d
      .select({ day: jobRuns.runKey, at: jobRuns.finishedAt })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "done")))
      .orderBy(desc(jobRuns.runKey))
      .limit(1)
      .get();
    const failedDays = d
      .select({ day: jobRuns.runKey })
      .from(jobRuns)
      .where(and(eq(jobRuns.job, job), eq(jobRuns.status, "failed"), gte(jobRuns.runKey, addDays(day, -CATCH_UP_DAYS))))
      .orderBy(desc(jobRuns.runKey))
      .all()
      .map((r) => r.day);
    return {
      job,
      lastDay: last?.runKey ?? null,
      status: last?.status ?? "never",
      attempts: last?.attempts ?? 0,
      lastError: last?.lastError ?? null,
      nextAttemptAt: last?.status === "failed" ? last.nextAttemptAt : null,
      lastSuccessDay: success?.day ?? null,
      lastSuccessAt: success?.at ?? null,
      failedDays,
    };
  });
}

/** How many job days of the last week are failed (for a warning on an admin's start page). */
export function failedJobDays(d: Db = db(), day: string = today()): number {
  return countRows(d, jobRuns, and(eq(jobRuns.status, "failed"), gte(jobRuns.runKey, addDays(day, -CATCH_UP_DAYS))));
}

export function startBackgroundJobs(intervalMs = 60_000): () => void {
  let busy = false;
  const tick = () => {
    if (busy) return; // a long job is still running: the next tick looks again
    busy = true;
    void runDailyJobs()
      .catch((e) => log.error("scheduler tick failed", { error: describeError(e) }))
      .finally(() => {
        busy = false;
      });
  };
  const first = setTimeout(tick, 1_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
