/**
 * SQL helpers for drizzle. A correlated subquery must name the outer table's column with its table: drizzle writes a
 * column of a one-table select without it (`"id"`), and inside the subquery that name means the subquery's own table.
 */
import { getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
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

/** A person's full name in SQL (`first || ' ' || last`), as lists show it. */
export function fullName(first: Column, last: Column): SQL<string> {
  return sql<string>`${first} || ' ' || ${last}`;
}
