/**
 * Opening the SQLite database: foreign keys ON, WAL, busy timeout, a page cache large enough for the indexes the
 * pages count over; migrations from db/migrations. Shared by the app, the scripts and the tests.
 */
import Database from "better-sqlite3";
import { appendFileSync } from "node:fs";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = resolve(process.cwd(), "db/migrations");

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

export function openDb(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  sqlite.pragma("synchronous = NORMAL");
  // 64 MiB of page cache (SQLite's default is 16): a COUNT(*) over a 500 000-row index then stays in memory
  // (measured at national scale: 14 ms with the default, 0.2 ms with this).
  sqlite.pragma("cache_size = -65536");
  reuseStatements(sqlite);
  return drizzle(sqlite, { schema }) as Db;
}

/** How many compiled statements a connection keeps (the app has a few hundred distinct queries). */
const STATEMENT_CACHE_SIZE = 1000;
/**
 * And at most this much SQL text: a compiled statement takes about twenty times its text in memory (measured: 1 000
 * statements of 900 characters, 19 MB), so the kept statements stay near 10 MB per connection whatever their size.
 */
const STATEMENT_CACHE_TEXT = 512 * 1024;

/**
 * drizzle asks SQLite to compile every query again on each call (`prepare`), which was about a tenth of a signed-in
 * page's CPU at national scale. The connection keeps the compiled statement per SQL text (least recently used go
 * first, within a count and a size of text) and hands it out again: the text holds only `?` placeholders, never
 * values, so nothing of one request reaches another. A statement still being iterated (`busy`) is not shared: that
 * caller gets a fresh one. A reused statement is put back in its plain mode (drizzle switches it to `raw` for its own
 * row mapping).
 */
function reuseStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  let text = 0;
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit && !hit.busy) {
      try {
        if (hit.reader) hit.raw(false).pluck(false).expand(false);
        cache.delete(source);
        cache.set(source, hit);
        return hit;
      } catch {
        // The connection is in the middle of an iteration: a fresh statement, as before.
      }
    }
    const statement = prepare(source);
    if (!hit) {
      cache.set(source, statement);
      text += source.length;
      while (cache.size > STATEMENT_CACHE_SIZE || text > STATEMENT_CACHE_TEXT) {
        const oldest = cache.keys().next().value!;
        cache.delete(oldest);
        text -= oldest.length;
      }
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Diagnostics: from now on, append every distinct SQL statement this connection prepares to `file`, one JSON line
 * each (`{"sql": "..."}`): the text with its `?` placeholders, never the values bound to them. The query-plan test
 * (tests/support/query-plans.ts) explains each one, so it finds the queries of every page and job by itself.
 */
export function logStatements(db: Db, file: string): void {
  const client = db.$client;
  const seen = new Set<string>();
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    if (!seen.has(source)) {
      seen.add(source);
      appendFileSync(file, `${JSON.stringify({ sql: source })}\n`);
    }
    return prepare(source);
  }) as typeof client.prepare;
}

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder });
}

/**
 * `PRAGMA optimize`: SQLite gathers statistics (ANALYZE) for the tables whose size changed enough since the last time,
 * so the query planner knows which index is selective. Sampled (`analysis_limit`), so it takes milliseconds even on a
 * national-size database. `atStart` also looks at tables this connection has not queried yet (run it once after
 * opening; the daily housekeeping job runs the plain form).
 */
export function optimizeDatabase(db: Db, atStart = false): void {
  db.$client.pragma("analysis_limit = 1000");
  db.$client.pragma(atStart ? "optimize = 0x10002" : "optimize");
}
