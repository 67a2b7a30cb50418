/**
 * Long work off the request path (issue 17, docs/decisions/015-jobs.md). A request only writes a job row (`submitJob`)
 * and returns; this process's runner claims queued rows and runs each in a process of its own (`child_process.fork`,
 * the entry app/jobs/worker.ts, bundled to build/jobs-worker.js), so the server keeps answering while it works. A
 * process rather than a thread (decision 015): a job's memory is its own and returns to the system when it ends (an
 * export of the whole programme peaks far below the server's own heap), and a job that runs out of memory ends itself,
 * not the server.
 *
 * - One at a time per (kind, scope): a partial unique index over the queued and running rows refuses a second one.
 * - At most `maxWorkers` jobs of this process run at once (the machine has two cores); others wait queued.
 * - The worker writes its own progress (stage, done of total, component), its result in short transactions and the
 *   row's `done` last (a result is read only when whole). A worker that throws writes `failed` with the error; a worker
 *   that dies (an uncaught error, which it reports before it ends; out of memory; process.exit) is marked failed here
 *   when it exits without a result.
 * - Cancel: a queued job is cancelled at once; a running one by ending its process (SQLite never applies an
 *   uncommitted transaction, so nothing is half-written). A cancel asked in another process is seen by the owner's
 *   heartbeat.
 * - A process that dies leaves running rows: `recoverJobs` at start fails those of this host whose process is gone
 *   and any whose heartbeat is stale; the heartbeat sweep repeats the latter every few seconds.
 */
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { fork, type ChildProcess } from "node:child_process";
import { backgroundJobs, type BackgroundJobStatus } from "../../db/schema";
import { config } from "../config.server";
import { db, type Db } from "../db.server";
import { describeError } from "../jobs.server";
import { getClockOffset, now, nowIso } from "../utils/clock";
import { log } from "../utils/logger.server";
import { BUSY_TIMEOUT_MS } from "../../db/client";
import { notifyPeers, onPeerEvent } from "../peers.server";

export type JobRow = typeof backgroundJobs.$inferSelect;
/** What the worker gets (as its one argument, JSON): the job's id, the database, the test clock. */
export type WorkerData = { jobId: number; databaseUrl: string; clockOffsetMs: number };
/** What a worker tells the runner before it dies of an uncaught error (over the fork's channel). */
export type WorkerMessage = { type: "job-error"; error: string };

/** How often the runner renews its running jobs' heartbeat and looks for cancels and dead runs. */
export const HEARTBEAT_MS = 2_000;
/** A running row whose heartbeat is older than this belongs to a process that is gone. */
export const STALE_MS = 30_000;

const OWNER = `${hostname()}:${process.pid}`;
const ACTIVE: BackgroundJobStatus[] = ["queued", "running"];

type Runner = {
  workerFile: string;
  maxWorkers: number;
  running: Map<number, ChildProcess>;
  timer: NodeJS.Timeout;
  d: Db;
};
let runner: Runner | undefined;

/** The name of this process in `owner` (host and pid). */
export const jobOwner = () => OWNER;

export type SubmitResult = { ok: true; jobId: number } | { ok: false; error: "busy"; jobId: number };

/**
 * Queues a job. Refused ("busy", with the job that holds the scope) while one of the same kind and scope is queued or
 * running. Starts it at once when a worker is free.
 */
export function submitJob(
  input: {
    kind: string;
    scopeKey: string;
    params: Record<string, unknown>;
    requestedBy: number | null;
    weightsVersion?: number | null;
  },
  d: Db = db(),
): SubmitResult {
  const row = d
    .insert(backgroundJobs)
    .values({
      kind: input.kind,
      scopeKey: input.scopeKey,
      params: input.params,
      requestedBy: input.requestedBy,
      weightsVersion: input.weightsVersion ?? null,
      status: "queued",
      progress: { stage: "queued", done: 0, total: 0 },
    })
    .onConflictDoNothing()
    .returning({ id: backgroundJobs.id })
    .get();
  if (!row) {
    const holder = d
      .select({ id: backgroundJobs.id })
      .from(backgroundJobs)
      .where(
        and(
          eq(backgroundJobs.kind, input.kind),
          eq(backgroundJobs.scopeKey, input.scopeKey),
          inArray(backgroundJobs.status, ACTIVE),
        ),
      )
      .get();
    return { ok: false, error: "busy", jobId: holder?.id ?? 0 };
  }
  // Only process 0 of a server runs jobs (server/cluster.mjs); elsewhere its runner is told to look now.
  if (runner) pump();
  else notifyPeers("jobs-queued");
  return { ok: true, jobId: row.id };
}

export function jobById(id: number, d: Db = db()): JobRow | undefined {
  return d.select().from(backgroundJobs).where(eq(backgroundJobs.id, id)).get();
}

/** The newest jobs of a kind (a short list on the start page). */
export function recentJobs(kind: string, limit = 10, d: Db = db()): JobRow[] {
  return d
    .select()
    .from(backgroundJobs)
    .where(eq(backgroundJobs.kind, kind))
    .orderBy(desc(backgroundJobs.id))
    .limit(limit)
    .all();
}

export type CancelResult = { ok: true } | { ok: false; error: "not_found" | "finished" };

/** Cancels a queued job at once, or a running one (its process is ended; in another server, at its next heartbeat). */
export function cancelJob(id: number, actorId: number | null, d: Db = db()): CancelResult {
  const at = nowIso();
  const queued = d
    .update(backgroundJobs)
    .set({ status: "cancelled", finishedAt: at, cancelRequestedAt: at, cancelledBy: actorId })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.status, "queued")))
    .run().changes;
  if (queued) return { ok: true };
  const asked = d
    .update(backgroundJobs)
    .set({ cancelRequestedAt: at, cancelledBy: actorId })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.status, "running")))
    .run().changes;
  if (!asked) return jobById(id, d) ? { ok: false, error: "finished" } : { ok: false, error: "not_found" };
  const w = runner?.running.get(id);
  if (w) stopCancelled(id, w, d);
  return { ok: true };
}

function stopCancelled(id: number, w: ChildProcess, d: Db) {
  // Marked first, so the worker's exit is not taken for a crash; a result committed a moment earlier stays done.
  d.update(backgroundJobs)
    .set({ status: "cancelled", finishedAt: nowIso() })
    .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.status, "running")))
    .run();
  void terminate(w);
}

/** Ends a worker's process and resolves when it has exited (SIGKILL: a job holds nothing that needs a goodbye). */
function terminate(w: ChildProcess): Promise<void> {
  if (w.exitCode !== null || w.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    w.once("exit", () => done());
    w.kill("SIGKILL");
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Fails the running rows whose process is gone: those of this host whose pid is not alive (or is this process's own,
 * from a previous life under the same pid, as in a container), and any whose heartbeat is older than STALE_MS.
 * Returns how many. Run at start and by the heartbeat sweep.
 */
export function recoverJobs(d: Db = db(), atStart = false): number {
  const at = nowIso();
  const staleBefore = new Date(now().getTime() - STALE_MS).toISOString();
  const host = `${hostname()}:`;
  const mine = runner ? [...runner.running.keys()] : [];
  const dead = d
    .select({ id: backgroundJobs.id, owner: backgroundJobs.owner, heartbeatAt: backgroundJobs.heartbeatAt })
    .from(backgroundJobs)
    .where(eq(backgroundJobs.status, "running"))
    .all()
    .filter((r) => {
      if (mine.includes(r.id)) return false;
      if (!r.heartbeatAt || r.heartbeatAt < staleBefore) return true;
      if (!r.owner?.startsWith(host)) return false;
      const pid = Number(r.owner.slice(host.length));
      return pid === process.pid ? atStart : !isAlive(pid);
    });
  for (const r of dead) {
    d.update(backgroundJobs)
      .set({ status: "failed", finishedAt: at, error: "interrupted: the process running it stopped" })
      .where(and(eq(backgroundJobs.id, r.id), eq(backgroundJobs.status, "running")))
      .run();
    log.warn("background job interrupted", { jobId: r.id, owner: r.owner });
  }
  return dead.length;
}

/** Claims the oldest queued job for this process, or undefined. One statement, so two processes never claim one job. */
function claimNext(d: Db): JobRow | undefined {
  const at = nowIso();
  return d
    .update(backgroundJobs)
    .set({
      status: "running",
      startedAt: at,
      heartbeatAt: at,
      owner: OWNER,
      progress: { stage: "starting", done: 0, total: 0 },
    })
    .where(
      and(
        eq(backgroundJobs.status, "queued"),
        eq(
          backgroundJobs.id,
          sql`(select min(${backgroundJobs.id}) from ${backgroundJobs} where ${backgroundJobs.status} = 'queued')`,
        ),
      ),
    )
    .returning()
    .get();
}

/**
 * V8's flags for a job's process. A semi-space of 5 MB makes a young generation of about 16 MB (V8 otherwise grows it
 * to about 48 MB): a job streams rows, what it allocates dies young, so a small nursery is collected often and
 * cheaply, and the job's peak stays lower (docs/benchmarks.md). The old generation is not limited: a whole-pool run
 * holds the national pool. The server's own flags (a profiler, a preload) are not passed on.
 */
const WORKER_NODE_FLAGS = ["--max-semi-space-size=5"];

/** Starts queued jobs while workers are free. */
onPeerEvent("jobs-queued", () => pump());

function pump() {
  const r = runner;
  if (!r) return;
  while (r.running.size < r.maxWorkers) {
    const job = claimNext(r.d);
    if (!job) return;
    spawn(r, job);
  }
}

function spawn(r: Runner, job: JobRow) {
  const data: WorkerData = { jobId: job.id, databaseUrl: config().DATABASE_URL, clockOffsetMs: getClockOffset() };
  // Not a cluster worker of the server, whatever the server is (server/cluster.mjs marks its own by this variable).
  const { NODE_UNIQUE_ID: _cluster, ...env } = process.env;
  const w = fork(r.workerFile, [JSON.stringify(data)], {
    env: { ...env, DATABASE_URL: data.databaseUrl },
    execArgv: WORKER_NODE_FLAGS,
    serialization: "json",
  });
  r.running.set(job.id, w);
  let lastError: string | null = null;
  w.on("message", (m: WorkerMessage) => {
    if (m?.type === "job-error") lastError = m.error;
  });
  w.on("error", (e) => {
    lastError = describeError(e);
  });
  w.on("exit", (code, signal) => {
    r.running.delete(job.id);
    // A worker that ended without writing its result (done or failed) died: say how.
    const failed = r.d
      .update(backgroundJobs)
      .set({
        status: "failed",
        finishedAt: nowIso(),
        error:
          lastError ?? `the worker stopped (${signal ? `signal ${signal}` : `exit code ${code}`}) without a result`,
      })
      .where(and(eq(backgroundJobs.id, job.id), eq(backgroundJobs.status, "running")))
      .run().changes;
    if (failed) log.error("background job failed", { jobId: job.id, kind: job.kind, exitCode: code, error: lastError });
    setImmediate(pump);
  });
  log.info("background job started", { jobId: job.id, kind: job.kind, scope: job.scopeKey });
}

/**
 * Runs `fn` without waiting for SQLite's write lock: the heartbeat runs on the server's event loop, and waiting there
 * while a worker saves its result would stall every request. A busy database skips this beat (the next one is 2 s away).
 */
function withoutWaiting(d: Db, fn: () => void): void {
  d.$client.pragma("busy_timeout = 0");
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error && "code" in e && String((e as { code?: string }).code).startsWith("SQLITE_BUSY")))
      throw e;
  } finally {
    d.$client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/** Renews this process's heartbeats, stops the jobs asked to cancel, fails dead runs, starts what waits. */
function beat(r: Runner) {
  withoutWaiting(r.d, () => beatNow(r));
}

function beatNow(r: Runner) {
  const ids = [...r.running.keys()];
  if (ids.length) {
    r.d
      .update(backgroundJobs)
      .set({ heartbeatAt: nowIso() })
      .where(and(inArray(backgroundJobs.id, ids), eq(backgroundJobs.status, "running")))
      .run();
    const cancelled = r.d
      .select({ id: backgroundJobs.id })
      .from(backgroundJobs)
      .where(
        and(
          inArray(backgroundJobs.id, ids),
          or(
            sql`${backgroundJobs.cancelRequestedAt} is not null`,
            inArray(backgroundJobs.status, ["cancelled", "failed", "done"]),
          ),
        ),
      )
      .all();
    for (const { id } of cancelled) {
      const w = r.running.get(id);
      if (w) stopCancelled(id, w, r.d);
    }
  }
  recoverJobs(r.d);
  pump();
}

/**
 * Starts this process's runner: fails the runs a dead process left, then starts queued jobs. `workerFile` is the
 * bundled worker (build/jobs-worker.js by default; tests pass their own). Returns a stop function that terminates
 * running workers (their rows are failed as interrupted, like a process that stops).
 */
export function startJobRunner(opts: { workerFile?: string; maxWorkers?: number; d?: Db } = {}): () => Promise<void> {
  if (runner) throw new Error("the job runner is already started");
  const d = opts.d ?? db();
  recoverJobs(d, true);
  const r: Runner = {
    workerFile: opts.workerFile ?? resolve("build/jobs-worker.js"),
    maxWorkers: opts.maxWorkers ?? 1,
    running: new Map(),
    d,
    timer: setInterval(() => {
      try {
        beat(r);
      } catch (e) {
        log.error("job runner heartbeat failed", { error: describeError(e) });
      }
    }, HEARTBEAT_MS),
  };
  r.timer.unref();
  runner = r;
  pump();
  return async () => {
    clearInterval(r.timer);
    runner = undefined;
    const at = nowIso();
    for (const [id, w] of r.running) {
      d.update(backgroundJobs)
        .set({ status: "failed", finishedAt: at, error: "interrupted: the server stopped" })
        .where(and(eq(backgroundJobs.id, id), eq(backgroundJobs.status, "running")))
        .run();
      await terminate(w);
    }
    r.running.clear();
  };
}

const FINISHED: BackgroundJobStatus[] = ["done", "failed", "cancelled"];

/**
 * Waits until the job has finished (done, failed or cancelled) and its worker has ended here, and returns its row. For
 * work this process waits on itself (the daily jobs); a person's page polls the row instead.
 */
export async function waitForJob(id: number, d: Db = db(), pollMs = 100): Promise<JobRow> {
  for (;;) {
    const row = jobById(id, d);
    if (!row) throw new Error(`background job ${id} is gone`);
    if (FINISHED.includes(row.status) && !isRunningHere(id)) return row;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** True while this process runs the job (tests wait on it). */
export const isRunningHere = (id: number) => runner?.running.has(id) ?? false;

/** Jobs finished before `before` (ISO), for the housekeeping job to delete with their results. */
export function deleteFinishedJobs(before: string, d: Db = db()): number {
  return d
    .delete(backgroundJobs)
    .where(and(inArray(backgroundJobs.status, ["done", "failed", "cancelled"]), lt(backgroundJobs.finishedAt, before)))
    .run().changes;
}
