/**
 * The query-plan check (issue 16): every SQL statement the app prepared while pages or jobs ran on a seeded database
 * (recorded with SQL_LOG_FILE / `logStatements`, so nobody keeps a list of queries) is explained with
 * `EXPLAIN QUERY PLAN`, and a statement that reads a large table from end to end fails:
 *
 * - `SCAN <table>` (with or without an index: a full pass either way), or
 * - an `AUTOMATIC` index (SQLite builds an index over the table for each run of the statement).
 *
 * A "large" table is one with at least `minRows` rows in the seeded database (it grows with the programme); the
 * reference tables (municipalities, industries) and settings are small and may be scanned. One shape of scan is
 * bounded and passes: the outermost loop of a statement without WHERE, GROUP BY or a temporary sort that has a LIMIT
 * (the newest page of a whole log read in index order, which stops after the page). Anything else is allowed only
 * through an `Allowance`, with a written reason; an allowance that no statement needs any more is reported too
 * (`unusedAllowances`), so the list only ever holds real exceptions.
 */
import type Database from "better-sqlite3";

export type Allowance = { table: string; sql: RegExp; reason: string };
export type PlanProblem = { sql: string; table: string; detail: string; plan: string[] };

/** Statements that have no query plan worth checking (transactions, pragmas, schema). */
const NO_PLAN =
  /^\s*(begin|commit|end|rollback|savepoint|release|pragma|create|drop|alter|analyze|vacuum|reindex|attach|detach)\b/i;

/** A statement's parameters, outside strings, quoted names and comments: how many `?`, and the named ones. */
function scanParameters(sql: string): { anonymous: number; named: string[] } {
  let anonymous = 0;
  const named = new Set<string>();
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === "`") {
      const close = c;
      for (i++; i < sql.length && !(sql[i] === close && sql[i + 1] !== close); i++) if (sql[i] === close) i++;
    } else if (c === "[") {
      while (i < sql.length && sql[i] !== "]") i++;
    } else if (c === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
    } else if (c === "/" && sql[i + 1] === "*") {
      i = sql.indexOf("*/", i + 2);
      if (i < 0) break;
      i++;
    } else if (c === "?") {
      anonymous++;
      while (/\d/.test(sql[i + 1] ?? "")) i++;
    } else if ((c === "@" || c === ":" || c === "$") && /[A-Za-z_]/.test(sql[i + 1] ?? "")) {
      const m = /^[A-Za-z_]\w*/.exec(sql.slice(i + 1))!;
      named.add(m[0]);
      i += m[0].length;
    }
  }
  return { anonymous, named: [...named] };
}

/** How many `?` parameters a statement has. */
export function countPlaceholders(sql: string): number {
  return scanParameters(sql).anonymous;
}

/** The names of a statement's named parameters (`@name`, `:name`, `$name`), without their prefix. */
export function namedParameters(sql: string): string[] {
  return scanParameters(sql).named;
}

/** The tables with at least `minRows` rows (SQLite's own and drizzle's bookkeeping left out). */
export function largeTables(client: Database.Database, minRows: number): Set<string> {
  const names = (
    client
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  return new Set(
    names.filter((t) => (client.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n >= minRows),
  );
}

const NOT_ALIASES = new Set([
  "where",
  "on",
  "using",
  "left",
  "right",
  "inner",
  "outer",
  "cross",
  "natural",
  "join",
  "order",
  "group",
  "limit",
  "set",
  "union",
  "except",
  "intersect",
  "window",
  "having",
  "indexed",
  "not",
]);

/** Alias → table for every `FROM t a` / `JOIN t AS a` in a statement (a plan names a table by its alias). */
export function tableAliases(sql: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:from|join|update|into)\s+["`]?(\w+)["`]?(?:\s+(?:as\s+)?["`]?(\w+)["`]?)?/gi)) {
    const table = m[1];
    out.set(table, table);
    if (m[2] && !NOT_ALIASES.has(m[2].toLowerCase())) out.set(m[2], table);
  }
  return out;
}

/** The plan's lines (`detail`), binding NULL to every parameter, anonymous (`?`) or named (`@name`, `:name`, `$name`). */
export function explain(client: Database.Database, sql: string): string[] {
  const stmt = client.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const named = Object.fromEntries(namedParameters(sql).map((name) => [name, null]));
  const anonymous = new Array(countPlaceholders(sql)).fill(null);
  const rows = (Object.keys(named).length ? stmt.all(...anonymous, named) : stmt.all(...anonymous)) as {
    detail: string;
  }[];
  return rows.map((r) => r.detail);
}

/**
 * The statements that read a large table from end to end, one problem per (statement, table). `sqls` may repeat and
 * may hold statements without a plan; both are skipped.
 */
export function fullScans(
  client: Database.Database,
  sqls: Iterable<string>,
  large: Set<string>,
  allow: readonly Allowance[] = [],
  used = new Set<Allowance>(),
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const sql of new Set(sqls)) {
    if (NO_PLAN.test(sql)) continue;
    const plan = explain(client, sql);
    const aliases = tableAliases(sql);
    const bounded =
      /\blimit\b/i.test(sql) && !/\b(where|group\s+by)\b/i.test(sql) && !plan.some((d) => d.includes("TEMP B-TREE"));
    const firstLoop = plan.findIndex((d) => /^(SCAN|SEARCH) /.test(d));
    const seen = new Set<string>();
    plan.forEach((detail, i) => {
      const m = /^(SCAN|SEARCH) (\S+)/.exec(detail);
      if (!m) return;
      const table = aliases.get(m[2]) ?? m[2];
      if (!large.has(table) || seen.has(table)) return;
      const scan = m[1] === "SCAN";
      const automatic = detail.includes("AUTOMATIC");
      if (!scan && !automatic) return;
      if (scan && !automatic && bounded && i === firstLoop) return;
      const allowance = allow.find((a) => a.table === table && a.sql.test(sql));
      if (allowance) {
        used.add(allowance);
        return;
      }
      seen.add(table);
      problems.push({ sql, table, detail, plan });
    });
  }
  return problems;
}

/** One readable paragraph per problem, for a test failure. */
export function describeProblems(problems: readonly PlanProblem[]): string[] {
  return problems.map(
    (p) => `${p.table}: ${p.detail}\n  ${p.sql.replace(/\s+/g, " ").slice(0, 600)}\n  plan: ${p.plan.join(" / ")}`,
  );
}

/** The allowances that excused nothing (after `fullScans` filled `used`): stale, to be removed. */
export function unusedAllowances(allow: readonly Allowance[], used: Set<Allowance>): string[] {
  return allow.filter((a) => !used.has(a)).map((a) => `${a.table} ${a.sql}: ${a.reason}`);
}
