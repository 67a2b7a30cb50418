/**
 * SQL helpers for drizzle. A correlated subquery must name the outer table's column with its table: drizzle writes a
 * column of a one-table select without it (`"id"`), and inside the subquery that name means the subquery's own table.
 */
import { getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteSelect, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db.server";
import { paged, PAGE_SIZE, type Page } from "../domain/paging";

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

/** A drizzle select, ordered by something unique at the end, that can still take LIMIT and OFFSET and be run. */
export type Pageable<T> = { limit(n: number): { offset(n: number): { all(): T[] } } };

/**
 * One page of `query` and the true total from `count`: the one way a list pages in SQL. The query is built whole
 * (select, joins, filter, order) and this adds LIMIT/OFFSET; with no rows in the total it is not run at all.
 */
export function pagedQuery<T>(page: number, count: () => number, query: Pageable<T>, pageSize = PAGE_SIZE): Page<T> {
  return paged(page, count, (limit, offset) => query.limit(limit).offset(offset).all(), pageSize);
}

/** The column contains the typed text (case-insensitive for a–z, as LIKE is); `%`, `_` and `\` typed are letters. */
export function contains(column: Column, q: string): SQL {
  return sql`${column} like ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
}

/** An inner join: the table and its ON condition. */
export type Join = readonly [SQLiteTable, SQL | undefined];

/**
 * `query` with `joins` added as inner joins, in order. The query is a dynamic select of named columns from one table
 * (`d.select({…}).from(…).$dynamic()`), whose row type an inner join leaves as it is. Not after a join drizzle types
 * (`.leftJoin`, before or after): its row type would then make these tables' columns `never`.
 */
export function innerJoined<T extends SQLiteSelect>(query: T, joins: readonly Join[]): T {
  return joins.reduce<SQLiteSelect>((q, [table, on]) => q.innerJoin(table, on), query) as T;
}

/** `SELECT count(*) FROM table INNER JOIN … WHERE …`: the true total of a list whose filter reads joined tables. */
export function countJoined(
  d: { select: Db["select"] },
  table: SQLiteTable,
  joins: readonly Join[],
  where?: SQL,
): number {
  return (
    innerJoined(
      d
        .select({ n: sql<number>`count(*)` })
        .from(table)
        .$dynamic(),
      joins,
    )
      .where(where)
      .get()?.n ?? 0
  );
}
