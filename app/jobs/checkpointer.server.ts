/**
 * Copies the write-ahead log back into the database file off the request path (docs/decisions/023).
 *
 * SQLite in WAL mode checkpoints inside the commit that crosses `wal_autocheckpoint` pages: that request then waits
 * for a few megabytes to be written to the database file, on the event loop. With every list and detail page writing
 * its access-log rows, that happened every few seconds under load. The server's connections therefore checkpoint
 * only as a fallback, past a much larger log (`SERVER_WAL_AUTOCHECKPOINT_PAGES`), and this worker thread runs a
 * PASSIVE checkpoint on its own connection every interval: it never waits for a reader or writer and never blocks
 * one, so requests only append to the log.
 */
import { Worker } from "node:worker_threads";
import type { Db } from "../db.server";
import { log } from "../utils/logger.server";

/** The server's fallback: a commit checkpoints itself only past this many pages of log (4 KiB each, about 40 MB). */
export const SERVER_WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** How often the worker checkpoints. */
export const CHECKPOINT_INTERVAL_MS = 500;

/** The worker's whole code (plain CommonJS: a thread that needs no bundle of its own). */
const WORKER_SOURCE = `
const Database = require("better-sqlite3");
const { parentPort, workerData } = require("node:worker_threads");
const db = new Database(workerData.path);
db.pragma("busy_timeout = 0");
const timer = setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (e) {
    parentPort.postMessage({ error: String(e && e.message ? e.message : e) });
  }
}, workerData.intervalMs);
parentPort.on("message", (m) => {
  if (m === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

/** Every server process: a commit checkpoints the log itself only as a fallback, past the larger bound. */
export function deferCheckpoints(d: Db): void {
  d.$client.pragma(`wal_autocheckpoint = ${SERVER_WAL_AUTOCHECKPOINT_PAGES}`);
}

/**
 * Starts the checkpointing thread for the database file at `path` (one per server: process 0 runs it). Returns a stop
 * function that lets the thread close its connection.
 */
export function startCheckpointer(path: string, intervalMs = CHECKPOINT_INTERVAL_MS): () => Promise<void> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, intervalMs } });
  worker.unref();
  let exited = false;
  worker.once("exit", () => (exited = true));
  let reported = false;
  worker.on("message", (m: { error?: string }) => {
    // A failed checkpoint is tried again at the next interval; the fallback keeps the log bounded meanwhile.
    if (m.error && !reported) {
      reported = true;
      log.warn("checkpoint failed", { error: m.error });
    }
  });
  worker.on("error", (e) => log.error("checkpointer stopped", { error: e.message }));
  return () =>
    new Promise<void>((resolve) => {
      if (exited) return resolve();
      worker.once("exit", () => resolve());
      worker.postMessage("stop");
    });
}
