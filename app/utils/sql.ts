/**
 * SQL helpers for drizzle. A correlated subquery must name the outer table's column with its table: drizzle writes a
 * column of a one-table select without it (`"id"`), and inside the subquery that name means the subquery's own table.
 */
import { eq, getTableName, sql, type Column, type SQL } from "drizzle-orm";
import type { SQLiteSelect, SQLiteSelectJoin, SQLiteTable } from "drizzle-orm/sqlite-core";
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

/** `column = value` for a filter the user set; no condition for one left empty (undefined, null, "" or 0). */
export function eqIf(column: Column, value: string | number | boolean | null | undefined): SQL | undefined {
  return value ? eq(column, value) : undefined;
}

/** A `select … from table` (joins allowed) that can still take its filter and order. */
export type Filterable<T> = { where(where: SQL | undefined): { orderBy(...order: SQL[]): Pageable<T> } };

/**
 * `pagedQuery` for the common list: `from` filtered by `where` in `order` (ending in something unique), its true total
 * the rows of `table` that `where` selects. So joins in `from` must not drop rows: a left join, or an inner join on a
 * reference every row has.
 */
export function pagedWhere<T>(
  d: { select: Db["select"] },
  page: number,
  list: { table: SQLiteTable; where: SQL | undefined; order: SQL[]; pageSize?: number },
  from: Filterable<T>,
): Page<T> {
  const { table, where, order, pageSize } = list;
  return pagedQuery(page, () => countRows(d, table, where), from.where(where).orderBy(...order), pageSize);
}

/** A select of a list's keys, in the list's order, that can still take LIMIT and OFFSET (a subquery, not run). */
export type KeyQuery<K> = { limit(n: number): { offset(n: number): K } };

/**
 * `pagedQuery` for a list whose rows cost more than their keys (joins, names): the page's keys come from `keys` alone
 * (an index; an OFFSET then skips index entries, not joins), and `rows(pageKeys)` reads the rest for those only, with
 * `pageKeys` as a subquery (`inArray(column, pageKeys)`) and the list's order.
 */
export function pagedByKeys<K, T>(
  page: number,
  count: () => number,
  keys: KeyQuery<K>,
  rows: (pageKeys: K) => T[],
  pageSize = PAGE_SIZE,
): Page<T> {
  return paged(page, count, (limit, offset) => rows(keys.limit(limit).offset(offset)), pageSize);
}

/**
 * A query drizzle builds once per connection (or transaction) and then only runs: its values are placeholders
 * (`sql.placeholder("id")`), given on each run (`query(d).all({ id })`). drizzle otherwise builds the SQL text again on
 * every call, about 20 µs for a simple select and more for a wide one; on a detail page of ten queries that was a
 * tenth of the page's CPU.
 */
export function builtOnce<D extends object, Q>(build: (d: D) => Q): (d: D) => Q {
  const kept = new WeakMap<D, Q>();
  return (d) => {
    let query = kept.get(d);
    if (query === undefined) kept.set(d, (query = build(d)));
    return query;
  };
}

/**
 * `column IN` the ids of a JSON array bound to the placeholder `name` (pass `JSON.stringify(ids)`): one parameter
 * however many ids, so a query for a page of known ids can be built once (`builtOnce`); SQLite looks each id up in the
 * column's index. The caller keeps the list short (a page of ids).
 */
export function inIdList(column: Column, name: string): SQL {
  return sql`${column} in (select value from json_each(${sql.placeholder(name)}))`;
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
 * (`.leftJoin`, before or after): its row type would then make these tables' columns `never`; use `joined` there.
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

/** A person's full name in SQL (`first || ' ' || last`), as lists show it. */
export function fullName(first: Column, last: Column): SQL<string> {
  return sql<string>`${first} || ' ' || ${last}`;
}

/** `query` after `.innerJoin(table, on)` or `.leftJoin(table, on)`, as drizzle types it (a dynamic select). */
export type Joined<
  T extends SQLiteSelect,
  J extends SQLiteTable,
  K extends "inner" | "left" = "inner",
> = SQLiteSelectJoin<T, true, K, J>;

/**
 * `query` (a dynamic select, `….from(…).$dynamic()`) joined to `table` on `on`, typed as drizzle types a join written
 * out: a helper that adds a join path (`withCitizen`) keeps the row type, and `.leftJoin` may follow it.
 */
export function joined<T extends SQLiteSelect, J extends SQLiteTable, K extends "inner" | "left" = "inner">(
  query: T,
  table: J,
  on: SQL,
  kind?: K,
): Joined<T, J, K> {
  const q = query as SQLiteSelect;
  return (kind === "left" ? q.leftJoin(table, on) : q.innerJoin(table, on)) as unknown as Joined<T, J, K>;
}

/** A select from a child table (joins allowed) that can still take its filter, order and limit. */
export type ChildQuery<T> = { where(where: SQL): { orderBy(...order: SQL[]): { limit(n: number): { all(): T[] } } } };

/** How many child rows a record's page shows at the most, where it does not page them. */
export const CHILD_ROWS_SHOWN = 100;

/**
 * The rows of a child table that belong to one record (`parent = id`: a mentor's screenings, a company's contacts),
 * in `order`, at most `max`: `query` is the select from the child, with its joins.
 */
export function childRows<T>(
  query: ChildQuery<T>,
  parent: Column,
  id: number,
  order: SQL[],
  max = CHILD_ROWS_SHOWN,
): T[] {
  return query
    .where(eq(parent, id))
    .orderBy(...order)
    .limit(max)
    .all();
}

/** The fields `keys` of a form's values, as a row takes them. */
export function pick<T extends object, K extends keyof T>(values: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, values[k]])) as Pick<T, K>;
}

/** The optional fields `keys` of a form's values, as a row stores them: a field left out is NULL. */
export function orNull<T extends object, K extends keyof T>(
  values: T,
  keys: readonly K[],
): { [P in K]: Exclude<T[P], undefined> | null } {
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? null])) as { [P in K]: Exclude<T[P], undefined> | null };
}
