/**
 * SQL helpers for drizzle. A correlated subquery must name the outer table's column with its table: drizzle writes a
 * column of a one-table select without it (`"id"`), and inside the subquery that name means the subquery's own table.
 */
import { getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db.server";

/** `"table"."column"`, whatever the query around it. */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

/** `SELECT count(*) FROM table WHERE …`: a list's true total, or any other count, as a number. */
export function countRows(d: { select: Db["select"] }, table: SQLiteTable, where?: SQL): number {
  return (
    d
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(where)
      .get()?.n ?? 0
  );
}
