import { describe, expect, it, vi } from "vitest";
import { migrateDb, openDb, type Db } from "./client";
import { tempFileDbs } from "./temp-files";
import { checkpointInBackground } from "./checkpoint";
import { AUDIT_DRAIN, drainAll, drainUnlessInBackground } from "./queue-drain";

const newFileDb = tempFileDbs("mb-drain-");

function fileDb() {
  const { d } = newFileDb();
  migrateDb(d);
  return d;
}

/** `n` access-log rows into the queue, their instants 1, 2, 3, … after `from` (what tells their order apart). */
function queue(d: Db, n: number, from = 0) {
  const put = d.$client.prepare(
    "INSERT INTO audit_log_incoming (at, actor_user_id, actor_role, action, entity_type, entity_id) VALUES (?, 1, 0, 0, 'mentee', ?)",
  );
  d.$client.transaction(() => {
    for (let i = 1; i <= n; i++) put.run(from + i, i);
  })();
}

const waiting = (d: Db) => d.$client.prepare("SELECT count(*) FROM audit_log_incoming").pluck().get() as number;
const logged = (d: Db) => d.$client.prepare("SELECT at FROM audit_log ORDER BY id").pluck().all() as number[];
const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// How long a test waits for the thread to start or to do its part: ample on a loaded machine (the tests' own timeout,
// 30 s, is longer).
const soon = { timeout: 10_000 };

describe("the access log's queue", { timeout: 30_000 }, () => {
  it("is moved into the log at once, in order, where no thread drains it", () => {
    const d = fileDb();
    queue(d, 3);
    drainUnlessInBackground(d.$client, AUDIT_DRAIN);
    expect(waiting(d)).toBe(0);
    expect(logged(d)).toEqual([1, 2, 3]);
  });

  it("moves more than a batch in batches, keeping the order, and rows written after the first batch come after", () => {
    const d = fileDb();
    queue(d, AUDIT_DRAIN.batch * 2 + 7);
    expect(drainAll(d.$client, AUDIT_DRAIN)).toBe(AUDIT_DRAIN.batch * 2 + 7);
    queue(d, 5, AUDIT_DRAIN.batch * 2 + 7);
    drainAll(d.$client, AUDIT_DRAIN);
    expect(logged(d)).toEqual(upTo(AUDIT_DRAIN.batch * 2 + 12));
    expect(waiting(d)).toBe(0);
  });

  it("is left to the server's thread, which moves it within moments, and what is left when it stops is moved then", async () => {
    const d = fileDb();
    const stop = checkpointInBackground(d, { drains: [AUDIT_DRAIN], lowPriority: false });
    await vi.waitFor(() => expect(d.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0), soon);
    queue(d, 10);
    drainUnlessInBackground(d.$client, AUDIT_DRAIN);
    // The writer left its rows to the thread.
    expect(waiting(d)).toBe(10);
    await vi.waitFor(() => expect(logged(d)).toEqual(upTo(10)), soon);
    expect(waiting(d)).toBe(0);
    // Written just before the server stops: moved by the stop, not lost and not twice.
    queue(d, AUDIT_DRAIN.batch + 1, 10);
    await stop();
    expect(waiting(d)).toBe(0);
    expect(logged(d)).toEqual(upTo(AUDIT_DRAIN.batch + 11));
    // From then on the writer moves its own.
    queue(d, 1, AUDIT_DRAIN.batch + 11);
    drainUnlessInBackground(d.$client, AUDIT_DRAIN);
    expect(waiting(d)).toBe(0);
  });

  it("takes the writer's lock before it reads, so a write by another connection in between cannot fail it", () => {
    const { d, path } = newFileDb();
    migrateDb(d);
    // The checkpoint thread's connection, which drains and commits on its own (busy timeout 0: it does not wait).
    const thread = openDb(path).$client;
    thread.pragma("busy_timeout = 0");
    const threadWrites = thread.prepare(
      "INSERT INTO audit_log_incoming (at, actor_user_id, actor_role, action, entity_type, entity_id) VALUES (99, 1, 0, 0, 'mentee', 99)",
    );
    const outcomes: string[] = [];
    // Called by each read of the queue; within the move's transaction, between its read and its write, the other
    // connection tries to commit.
    d.$client.function("meanwhile", (id: unknown) => {
      if (!d.$client.inTransaction) return id as number | null;
      try {
        threadWrites.run();
        outcomes.push("written");
      } catch (e) {
        outcomes.push((e as { code?: string }).code ?? String(e));
      }
      return id as number | null;
    });
    const drain = {
      ...AUDIT_DRAIN,
      name: "meanwhile",
      last: AUDIT_DRAIN.last.replace("max(id)", "meanwhile(max(id))"),
    };
    queue(d, 3);
    try {
      expect(drainAll(d.$client, drain)).toBe(3);
    } finally {
      thread.close();
    }
    // The move held the lock while the other connection tried (and the empty queue after it took no transaction).
    expect(outcomes).toEqual(["SQLITE_BUSY"]);
    expect(logged(d)).toEqual([1, 2, 3]);
  });
});
