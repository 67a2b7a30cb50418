/**
 * Bulk inserts for large seeds: one prepared statement per table, values in drizzle's insert shape (the same objects
 * the factories make), converted the way drizzle converts them (JSON columns, booleans, `$defaultFn`s, defaults).
 * Without `returning()`, so a row costs one `run` of a prepared statement; run inside a transaction.
 */
import type Database from "better-sqlite3";
import { getTableColumns, getTableName, is, SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";

/** Returns a function that inserts one row and gives its rowid. */
export function bulkInserter<T extends SQLiteTable>(
  client: Database.Database,
  table: T,
): (row: T["$inferInsert"]) => number {
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const stmt = client.prepare(
    `INSERT INTO "${getTableName(table)}" (${names}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  const convert = columns.map(([key, c]) => {
    const fallback = (): unknown => {
      const v = c.defaultFn ? c.defaultFn() : c.default;
      if (is(v, SQL))
        throw new Error(`${getTableName(table)}.${c.name}: an SQL default cannot be bulk-inserted; give a value`);
      return v;
    };
    return (row: Record<string, unknown>) => {
      const v = row[key] === undefined ? fallback() : row[key];
      return v === null || v === undefined ? null : c.mapToDriverValue(v);
    };
  });
  return (row) => Number(stmt.run(convert.map((f) => f(row as Record<string, unknown>))).lastInsertRowid);
}
