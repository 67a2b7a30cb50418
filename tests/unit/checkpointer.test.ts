/**
 * The write-ahead log is copied back by the checkpointing thread, not by the commits of requests (decision 023): with
 * the server's setting a commit leaves more than SQLite's default 1 000 pages in the log, and the thread then moves
 * them into the database file.
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDb } from "../../db/client";
import { deferCheckpoints, startCheckpointer } from "../../app/jobs/checkpointer.server";

const dir = mkdtempSync(join(tmpdir(), "mb-checkpoint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** About `mb` megabytes of new pages in one transaction. */
function write(d: ReturnType<typeof openDb>, mb: number) {
  const insert = d.$client.prepare("INSERT INTO filler (body) VALUES (?)");
  const body = "x".repeat(3_000);
  d.$client.transaction(() => {
    for (let i = 0; i < (mb * 1_000_000) / 3_000; i++) insert.run(body);
  })();
}

describe("checkpoints off the request path", () => {
  it("a commit leaves the log to the thread, which copies it into the database file", async () => {
    const path = join(dir, "db.sqlite");
    const d = openDb(path);
    d.$client.exec("CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
    deferCheckpoints(d);
    const before = statSync(path).size;
    // 6 MB: past SQLite's default (1 000 pages, 4 MB), which would have copied it into the file in this commit.
    write(d, 6);
    expect(statSync(path).size).toBe(before);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(6_000_000);

    const stop = startCheckpointer(path, 20);
    try {
      await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before + 6_000_000), {
        timeout: 10_000,
        interval: 20,
      });
    } finally {
      await stop();
      d.$client.close();
    }
  });

  it("stops cleanly, also when asked twice", async () => {
    const path = join(dir, "db2.sqlite");
    const d = openDb(path);
    const stop = startCheckpointer(path, 20);
    await stop();
    await stop();
    d.$client.close();
    expect(statSync(path).isFile()).toBe(true);
  });
});
