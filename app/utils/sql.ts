/**
 * SQL helpers for drizzle. A correlated subquery must name the outer table's column with its table: drizzle writes a
 * column of a one-table select without it (`"id"`), and inside the subquery that name means the subquery's own table.
 */
import { getTableName, sql, type Column, type SQL } from "drizzle-orm";

/** `"table"."column"`, whatever the query around it. */
export function qualified(column: Column): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
