import { describe, expect, it, vi } from "vitest";
import Database from "better-sqlite3";
import { statSync } from "node:fs";
import { openDb, type Db } from "./client";
import { tempFileDbs } from "./temp-files";
import { AUTOCHECKPOINT_PAGES, checkpointInBackground, type CheckpointResult } from "./checkpoint";

const newFileDb = tempFileDbs("mb-checkpoint-");

function fileDb() {
  const { d, path } = newFileDb();
  d.$client.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)");
  d.$client.pragma("wal_checkpoint(TRUNCATE)");
  return { d, path };
}

/** Enough rows to take the log well past SQLite's own checkpoint threshold, in one transaction per 100 rows. */
function writeMany(d: Db) {
  const put = d.$client.prepare("INSERT INTO t (body) VALUES (?)");
  const body = "x".repeat(2000);
  for (let tx = 0; tx < 40; tx++) d.$client.transaction(() => Array.from({ length: 100 }, () => put.run(body)))();
}

const autocheckpoint = (d: Db) => d.$client.pragma("wal_autocheckpoint", { simple: true });

// The threads here run at normal priority: the tests are about what the thread does, and the other test files, busy on
// every core meanwhile, would leave a thread at the lowest priority hardly a turn.
// How long a test waits for the thread to start or to do its part: ample on a loaded machine (the tests' own timeout,
// 30 s, is longer).
const soon = { timeout: 10_000 };

describe("checkpoints in a thread of their own", { timeout: 30_000 }, () => {
  it("leaves the log to the thread: commits no longer copy it into the file, the thread does", async () => {
    const { d, path } = fileDb();
    // First a thread that would not check for a minute, so that nothing copies the log while the rows are written
    // (a thread checking every 50 ms may well copy some of it meanwhile on a slow machine).
    const idle = checkpointInBackground(d, { intervalMs: 60_000, lowPriority: false });
    await vi.waitFor(() => expect(autocheckpoint(d)).toBe(0), soon);
    const before = statSync(path).size;
    writeMany(d);
    // 8 MB went into the log; SQLite's own checkpoint would have copied most of it into the file by now.
    expect(statSync(path).size).toBe(before);
    await idle();
    // Then one that checks every 50 ms: it copies the log into the file.
    const results: CheckpointResult[] = [];
    const stop = checkpointInBackground(d, {
      intervalMs: 50,
      lowPriority: false,
      onCheckpoint: (r) => results.push(r),
    });
    // Wait for the thread's word that it copied the whole log (the file grows while it copies, before it says so).
    await vi.waitFor(
      () => expect(results.some((r) => r.log > AUTOCHECKPOINT_PAGES && r.checkpointed === r.log)).toBe(true),
      soon,
    );
    expect(statSync(path).size).toBeGreaterThan(before + 7_000_000);
    await stop();
    expect(autocheckpoint(d)).toBe(AUTOCHECKPOINT_PAGES);
  });

  it("starts the log again from its top when writes never leave a passive pass the time to finish", async () => {
    const { d, path } = fileDb();
    const stop = checkpointInBackground(d, { intervalMs: 20, restartPages: 200, lowPriority: false });
    await vi.waitFor(() => expect(autocheckpoint(d)).toBe(0), soon);
    // A server under load: a commit of a few pages every millisecond or so, on this thread (so nothing here waits for
    // the thread): megabytes into the log each second. The log file is as long as the log ever was, so once the thread
    // starts the log again from its top, the file stops growing while the writing goes on. The writing stops when the
    // file is far shorter than what went through it, or after 20 s: on a busy machine the thread, at the lowest
    // priority, may get its turns late, and without the restart the file would grow with every commit.
    const put = d.$client.prepare("INSERT INTO t (body) VALUES (?)");
    const body = "x".repeat(2000);
    const wal = () => statSync(`${path}-wal`).size;
    const until = Date.now() + 20_000;
    let written = 0;
    while (Date.now() < until && !(written > 5_000_000 && wal() < written / 4)) {
      d.$client.transaction(() => {
        for (let i = 0; i < 10; i++) put.run(body);
      })();
      written += 10 * body.length;
      const gap = performance.now() + 0.5;
      while (performance.now() < gap);
    }
    await stop();
    expect(written).toBeGreaterThan(5_000_000);
    expect(wal()).toBeLessThan(written / 4);
  });

  it("gives the connection its own checkpoints back when the thread cannot start", async () => {
    const { d, path } = fileDb();
    const failures: string[] = [];
    checkpointInBackground(d, { driver: "no-such-driver", onFailure: (m) => failures.push(m) });
    await vi.waitFor(() => expect(failures).toHaveLength(1), soon);
    expect(failures[0]).toContain("no-such-driver");
    expect(autocheckpoint(d)).toBe(AUTOCHECKPOINT_PAGES);
    const before = statSync(path).size;
    writeMany(d);
    expect(statSync(path).size).toBeGreaterThan(before);
  });

  it("starts nothing for a database in memory", async () => {
    const d = openDb(":memory:");
    const onFailure = vi.fn();
    await checkpointInBackground(d, { onFailure })();
    expect(onFailure).not.toHaveBeenCalled();
    expect(autocheckpoint(d)).toBe(AUTOCHECKPOINT_PAGES);
    d.$client.close();
    // The value given back is SQLite's own default.
    const plain = new Database(":memory:");
    expect(plain.pragma("wal_autocheckpoint", { simple: true })).toBe(AUTOCHECKPOINT_PAGES);
    plain.close();
  });
});
