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

/** SQLite's own default: the commit that takes the log past this many pages checkpoints it. */
export const AUTOCHECKPOINT_PAGES = 1000;
export const CHECKPOINT_INTERVAL_MS = 1000;
/**
 * A log longer than this after a passive pass (about 40 MB) is started again from its top: the thread then holds the
 * writers off (waiting up to RESTART_WAIT_MS for the writer and for readers to let go) while it copies the rest.
 */
export const RESTART_PAGES = 10_000;
export const RESTART_WAIT_MS = 50;

// The thread's whole program. It only reads and copies pages, so a plain script that loads the driver is enough.
const checkpointer = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
// The lowest CPU priority for this thread alone (Linux: a thread's id is a pid to setpriority): on a busy machine the
// copy waits for the requests rather than the other way round.
try {
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  if (tid > 0) require("node:os").setPriority(tid, 19);
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
db.pragma("busy_timeout = 0");
parentPort.postMessage("ready");
setInterval(tick, workerData.intervalMs);
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
    /** The driver the thread loads (a test gives a broken one). */
    driver?: string;
  } = {},
): () => Promise<void> {
  const client = db.$client;
  if (client.memory) return async () => {};
  let done = false;
  const restore = () => {
    if (client.open) client.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
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
      driver: opts.driver ?? createRequire(import.meta.url).resolve("better-sqlite3"),
      intervalMs: opts.intervalMs ?? CHECKPOINT_INTERVAL_MS,
      restartPages: opts.restartPages ?? RESTART_PAGES,
      restartWaitMs: RESTART_WAIT_MS,
    },
  });
  worker.unref();
  // Off only once the thread has its connection open: until then (and if it never opens) SQLite checkpoints as ever.
  worker.on("message", (m: CheckpointResult | "ready") => {
    if (m === "ready") {
      if (!done) client.pragma("wal_autocheckpoint = 0");
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
