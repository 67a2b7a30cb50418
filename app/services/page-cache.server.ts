/**
 * Computed pages kept in memory while their data is unchanged (decision 016): the reports and `/koordinator/behov`
 * add up tens of thousands of rows, are read far more often than the data under them changes, and are the same for
 * everyone with the same scope and filter. Each answer is kept under its key (which always holds the scope: a
 * caseworker's municipality is part of every key of theirs) together with the stamp it was computed at; the stamp is a
 * row of `data_stamps` that triggers raise on every write to a table the page reads (migration 0012). A lookup reads
 * the stamp (one primary-key row) and uses the kept answer only when it is the same. At most `size` answers per page
 * and connection, the least recently used leaving first.
 */
import type Database from "better-sqlite3";
import { clientOf, type Db } from "../db.server";
import { builtOnce } from "../utils/sql";

export type StampName = "reports" | "demand";

/** A map that forgets its least recently used entry beyond `size` (a Map keeps insertion order). */
export class Lru<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(readonly size: number) {}
  get(key: K): V | undefined {
    const v = this.entries.get(key);
    if (v === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as K);
  }
  get count(): number {
    return this.entries.size;
  }
}

const stampStatement = builtOnce((client: Database.Database) =>
  client.prepare("SELECT n FROM data_stamps WHERE name = ?"),
);

/** The stamp's current value, or null when its row is missing (then nothing is cached). */
export function readStamp(d: Db, name: StampName): number | null {
  const row = stampStatement(clientOf(d)).get(name) as { n: number } | undefined;
  return row ? row.n : null;
}

type Entry<T> = { stamp: number; value: T };

/** A cache of one page's computed answers, per connection (each test database has its own). */
export function pageCache<T>(name: StampName, size: number) {
  const perClient = new WeakMap<Database.Database, Lru<string, Entry<T>>>();
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    /** The answer for `key`: kept if the stamp has not moved since it was computed, else computed (and kept). */
    get(d: Db, key: string, compute: () => T): T {
      const client = clientOf(d);
      const stamp = readStamp(d, name);
      if (stamp == null) return compute();
      const lru = perClient.get(client) ?? perClient.set(client, new Lru(size)).get(client)!;
      const kept = lru.get(key);
      if (kept && kept.stamp === stamp) {
        stats.hits++;
        return kept.value;
      }
      stats.misses++;
      const value = compute();
      // Kept only if nothing was written while it was computed (by another connection, or by the computation
      // itself freshening stale facts): the answer then belongs to exactly this stamp.
      if (readStamp(d, name) === stamp) lru.set(key, { stamp, value });
      return value;
    },
  };
}

/**
 * The true totals of the coordinator's people lists (the application queue, the waiting queue) per filter, kept while
 * nothing under the `demand` stamp changes: it follows every write to citizens, mentors and the industry index, which
 * is all these counts read. A list's page of rows is still read fresh; only the COUNT over thousands of index entries
 * is spared. The key names the list and its whole filter.
 */
const listTotals = pageCache<number>("demand", 256);
export const listTotalsCacheStats = listTotals.stats;
export function keptTotal(d: Db, list: string, filter: object, count: () => number): number {
  return listTotals.get(d, `${list}|${JSON.stringify(filter)}`, count);
}
