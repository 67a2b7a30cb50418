/**
 * Settings and jobs: the daily jobs' runs and the background jobs (issue 17).
 */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { nowIso } from "../../app/utils/clock";
import { id, createdAt, updatedAt, json } from "./columns";
import { users } from "./people";

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: json<unknown>("value").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

export const jobRunStatuses = ["running", "done", "failed"] as const;
/**
 * One row per (job, day). The scheduler claims a day by writing `running` with a lease; the day is `done` only when
 * the job returned, and a `failed` day (its error kept) is tried again from `next_attempt_at`, so a day never runs
 * twice at once and is never silently skipped. A `running` row whose lease passed was interrupted (the process died).
 */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    job: text("job").notNull(),
    runKey: text("run_key").notNull(),
    /** When the latest attempt started. */
    startedAt: text("started_at").notNull().$defaultFn(nowIso),
    /** When the job succeeded (null until it has). */
    finishedAt: text("finished_at"),
    status: text("status", { enum: jobRunStatuses }).notNull().default("done"),
    attempts: integer("attempts").notNull().default(1),
    /** The latest failure's cause (the error's message, never personal data). */
    lastError: text("last_error"),
    nextAttemptAt: text("next_attempt_at"),
    leaseUntil: text("lease_until"),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] }), index("job_runs_status_idx").on(t.status, t.runKey)],
);

export const backgroundJobStatuses = ["queued", "running", "done", "failed", "cancelled"] as const;
export type BackgroundJobStatus = (typeof backgroundJobStatuses)[number];
/** Where a running job is: a stage (loading, scoring, solving, saving for a pool run), done of total, and a component. */
export type JobProgress = { stage: string; done: number; total: number; component?: number; components?: number };
/**
 * Long work off the request path (app/jobs/background.server.ts, docs/decisions/015-jobs.md): one row per job, run in
 * a worker thread. At most one queued or running job per (kind, scope) (the partial unique index). `owner` names the
 * process that runs it and `heartbeat_at` is renewed while it does; a running row whose process died is failed at the
 * next start (or by the sweep when its heartbeat is stale).
 */
export const backgroundJobs = sqliteTable(
  "background_jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    /** What the job works on, e.g. "country", "region:1084", "municipality:751/section:F". */
    scopeKey: text("scope_key").notNull(),
    params: json<Record<string, unknown>>("params").notNull(),
    requestedBy: integer("requested_by").references(() => users.id),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
    status: text("status", { enum: backgroundJobStatuses }).notNull().default("queued"),
    weightsVersion: integer("weights_version"),
    progress: json<JobProgress>("progress"),
    /** The result in numbers (counts, means): never names. */
    summary: json<Record<string, unknown>>("summary"),
    /** Why it failed (an error's message: ids and rules, never personal data). */
    error: text("error"),
    owner: text("owner"),
    heartbeatAt: text("heartbeat_at"),
    cancelRequestedAt: text("cancel_requested_at"),
    cancelledBy: integer("cancelled_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("background_jobs_one_per_scope")
      .on(t.kind, t.scopeKey)
      .where(sql`status in ('queued', 'running')`),
    index("background_jobs_kind_idx").on(t.kind, t.id),
    index("background_jobs_status_idx").on(t.status, t.id),
  ],
);
