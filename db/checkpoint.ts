/**
 * WAL checkpoints off the request path (docs/decisions/025). By default SQLite copies the write-ahead log back into
 * the database file inside the commit that takes the log past 1 000 pages, and that commit waits for the copy and
 * its fsync: measured at national scale, one transaction in a hundred took 4 ms and the worst 140 ms, while every
 * request queued behind it waited as long. A server process turns that off for its own connection and lets a thread
 * of its own, on a second connection, checkpoint the log every second instead. A passive checkpoint takes no lock that
 * readers or the writer wait for; only a log that steady writes keep too long (`RESTART_PAGES`) is copied under the
 * writer's lock, briefly, so that it starts again from its top. Should the thread fail, the connection checkpoints as
 * before.
 */
import { Worker } from "node:worker_threads";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type { Db } from "./client";
import { DRAIN_INTERVAL_MS, drainAll, setDrainedInBackground, type QueueDrain } from "./queue-drain";

/** SQLite's own default: the commit that takes the log past this many pages checkpoints it. */
export const AUTOCHECKPOINT_PAGES = 1000;
export const CHECKPOINT_INTERVAL_MS = 1000;
/**
 * A log longer than this after a passive pass (about 40 MB) is started again from its top: the thread then holds the
 * writers off (waiting up to RESTART_WAIT_MS for the writer and for readers to let go) while it copies the rest.
 */
export const RESTART_PAGES = 10_000;
export const RESTART_WAIT_MS = 50;
/** How long a drain waits for the writer's lock before it tries again at its next turn. */
export const DRAIN_WAIT_MS = 100;

// The thread's whole program. It only reads and copies pages, so a plain script that loads the driver is enough.
const checkpointer = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
// The lowest CPU priority for this thread alone (Linux: a thread's id is a pid to setpriority): on a busy machine the
// copy waits for the requests rather than the other way round.
try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  if (tid > 0 && workerData.lowPriority) require("node:os").setPriority(tid, 19);
} catch {}
const tick = () => {
  let [result] = db.pragma("wal_checkpoint(PASSIVE)");
  if (result.log > workerData.restartPages) {
    // Writes come faster than a passive pass ends, so the log never starts again from its top: it grows. Copy what was
    // written during the pass above, then take the writer's lock for the little written since, and let the next
    // commit start the log again. A writer or reader that does not let go within the short wait: next second.
    [result] = db.pragma("wal_checkpoint(PASSIVE)");
    db.pragma("busy_timeout = " + workerData.restartWaitMs);
    try {
      [result] = db.pragma("wal_checkpoint(RESTART)");
    } finally {
      db.pragma("busy_timeout = 0");
    }
  }
  parentPort.postMessage(result);
};
// Queue tables (db/queue-drain.ts): one batch each time, the same steps as drainBatch there, in a transaction that
// takes the writer's lock at its start; a queue found empty by a plain read first costs no lock.
const drains = workerData.drains.map((d) => {
  const last = db.prepare(d.last).pluck();
  const copy = db.prepare(d.copy);
  const remove = db.prepare(d.remove);
  const move = db.transaction(() => {
    const id = last.get(d.batch);
    if (id == null) return;
    copy.run(id);
    remove.run(id);
  });
  return () => {
    if (last.get(1) != null) move.immediate();
  };
});
const drain = () => {
  db.pragma("busy_timeout = " + workerData.drainWaitMs);
  try {
    for (const d of drains) d();
  } catch (e) {
    if (e.code !== "SQLITE_BUSY") throw e;
  } finally {
    db.pragma("busy_timeout = 0");
  }
};
db.pragma("busy_timeout = 0");
parentPort.postMessage("ready");
setInterval(tick, workerData.intervalMs);
if (drains.length) setInterval(drain, workerData.drainIntervalMs);
`;

export type CheckpointResult = { busy: number; log: number; checkpointed: number };

/**
 * Checkpoints `db`'s log in a thread of its own from now on. Returns a stop function (the thread ends; the connection
 * checkpoints as before). An in-memory database has no log: nothing is started.
 */
export function checkpointInBackground(
  db: Db,
  opts: {
    intervalMs?: number;
    /** The log's length in pages above which the thread empties it (`RESTART_PAGES`). */
    restartPages?: number;
    /** Told why the thread stopped working (the connection is then back on SQLite's own checkpoints). */
    onFailure?: (message: string) => void;
    onCheckpoint?: (result: CheckpointResult) => void;
    /**
     * The lowest CPU priority for the thread (the default). A test of what the thread does turns it off: among other
     * test files busy on every core, a thread at the lowest priority may get no turn for many seconds.
     */
    lowPriority?: boolean;
    /** The driver the thread loads (a test gives a broken one). */
    driver?: string;
    /** Queue tables the thread drains too (db/queue-drain.ts); until it runs, and once it stops, their writers do. */
    drains?: readonly QueueDrain[];
  } = {},
): () => Promise<void> {
  const client = db.$client;
  if (client.memory) return async () => {};
  let done = false;
  const drains = opts.drains ?? [];
  const restore = () => {
    setDrainedInBackground(client, drains, false);
    if (!client.open) return;
    client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    // What the thread had not moved yet is moved now; writers move their own from here on. Should that fail, the rows
    // wait in their queue for the next writer, which moves them with its own.
    try {
      for (const d of drains) drainAll(client, d);
    } catch {
      // Left in the queue: see above.
    }
  };
  const fail = (message: string) => {
    restore();
    if (!done) opts.onFailure?.(message);
    done = true;
  };
  const worker = new Worker(checkpointer, {
    eval: true,
    workerData: {
      path: resolve(client.name),
      lowPriority: opts.lowPriority ?? true,
      driver: opts.driver ?? createRequire(import.meta.url).resolve("better-sqlite3"),
      intervalMs: opts.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      restartPages: opts.restartPages ?? RESTART_PAGES,
      restartWaitMs: RESTART_WAIT_MS,
      drains,
      drainIntervalMs: DRAIN_INTERVAL_MS,
      drainWaitMs: DRAIN_WAIT_MS,
    },
  });
  worker.unref();
  // Off only once the thread has its connection open: until then (and if it never opens) SQLite checkpoints as ever.
  worker.on("message", (m: CheckpointResult | "ready") => {
    if (m === "ready") {
      if (!done) {
        client.pragma("wal_autocheckpoint = 0");
        setDrainedInBackground(client, drains, true);
      }
    } else opts.onCheckpoint?.(m);
  });
  worker.on("error", (e) => fail(e.message));
  worker.on("exit", (code) => fail(`the checkpoint thread exited with code ${code}`));
  return async () => {
    done = true;
    await worker.terminate();
    restore();
  };
}
