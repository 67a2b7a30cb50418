/**
 * The query-plan check (tests/support/query-plans.ts) on tables made here, so it is known to catch what it should, and
 * on the daily jobs and the outbox sender: they run on a 5 000-citizen data set with every statement recorded
 * (`logStatements`), then each statement is explained. The pages get the same check in tests/e2e/scale.spec.ts.
 */
import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  countPlaceholders,
  describeProblems,
  fullScans,
  largeTables,
  tableAliases,
  unusedAllowances,
  type Allowance,
} from "../support/query-plans";
import { seedScaleFile } from "../../db/seed/scale";

describe("the query-plan check", () => {
  const c = new Database(":memory:");
  beforeAll(() => {
    c.exec(
      "CREATE TABLE big (id INTEGER PRIMARY KEY, kind TEXT, at TEXT); CREATE INDEX big_kind ON big(kind); CREATE TABLE small (code INTEGER PRIMARY KEY, name TEXT)",
    );
    const put = c.prepare("INSERT INTO big (kind, at) VALUES (?, ?)");
    for (let i = 0; i < 2000; i++) put.run(i % 3 ? "a" : "b", `2026-01-${String(1 + (i % 28)).padStart(2, "0")}`);
    for (let i = 0; i < 10; i++) c.prepare("INSERT INTO small (name) VALUES (?)").run(`m${i}`);
  });
  const large = () => largeTables(c, 1000);

  it("knows the large tables and counts parameters outside strings and comments", () => {
    expect([...large()]).toEqual(["big"]);
    expect(countPlaceholders(`select '?', "a?" from t where x = ? and y in (?, ?) -- ?\n and z = ?1 /* ? */`)).toBe(4);
    expect(tableAliases(`select * from "courses" c inner join "mentees" on x where y`).get("c")).toBe("courses");
    expect(tableAliases(`select * from "mentees" inner join "municipalities" on x`).has("inner")).toBe(false);
  });

  it("fails a full scan and an automatic index of a large table, and passes an index search", () => {
    const problems = fullScans(
      c,
      [
        "select * from big where at = ?",
        "select * from small s join big b on b.at = s.name",
        "select * from big where kind = ? order by id desc limit ?",
        "select * from small where name = ?",
      ],
      large(),
    );
    expect(problems.map((p) => [p.table, p.detail.split(" ")[0]])).toEqual([
      ["big", "SCAN"],
      ["big", "SEARCH"],
    ]);
    expect(problems[1].detail).toContain("AUTOMATIC");
    expect(describeProblems(problems)[0]).toContain("select * from big where at = ?");
  });

  it("passes the newest page of a whole table read in order, but not a filtered or sorted one", () => {
    expect(fullScans(c, ["select id from big order by id desc limit ? offset ?"], large())).toEqual([]);
    expect(fullScans(c, ["select id from big where at > ? order by id desc limit ?"], large())).toHaveLength(1);
    expect(fullScans(c, ["select id from big order by at desc limit ?"], large())).toHaveLength(1);
  });

  it("excuses a statement only through an allowance with a reason, and names an allowance nothing needs", () => {
    const allow: Allowance[] = [
      { table: "big", sql: /^select count\(\*\) from big$/, reason: "the whole table's total" },
      { table: "big", sql: /nothing like this/, reason: "a query since fixed" },
    ];
    const used = new Set<Allowance>();
    expect(fullScans(c, ["select count(*) from big"], large(), allow, used)).toEqual([]);
    expect(unusedAllowances(allow, used)).toEqual(["big /nothing like this/: a query since fixed"]);
  });
});

/**
 * Statements of the jobs that may scan a large table, with the reason. An entry nothing needs any more fails the test.
 */
const ALLOWED_JOB_SCANS: Allowance[] = [
  // The course facts are recomputed in chunks of 500 courses (app/services/course-facts.server.ts). At 5 000 citizens a
  // chunk is a sixth of these tables, so the planner rightly reads them whole; on the national data set it uses
  // outcomes_course_idx and course_facts_mentor_idx (checked with EXPLAIN QUERY PLAN on the 100 000-citizen set).
  {
    table: "outcomes",
    sql: /^select "course_id", "type", "phase", "confirmed" from "outcomes" where "outcomes"\."course_id" in \(\?/,
    reason: "a 500-course chunk of the facts job",
  },
  {
    table: "course_facts",
    sql: /^select "course_id", "mentor_id", "status", "start_date", "approved_at", "municipality_code" from "course_facts" where "course_facts"\."mentor_id" in \(\?/,
    reason: "the mentors of a 500-course chunk of the facts job",
  },
];

describe("the daily jobs and the outbox sender at national shape (5 000 citizens)", () => {
  it("read no large table from end to end", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mb-plans-"));
    const path = join(dir, "scale.sqlite");
    const log = join(dir, "statements.jsonl");
    await seedScaleFile(path, { mentees: 5000 });
    process.env.DATABASE_URL = path;
    process.env.SQL_LOG_FILE = log;
    process.env.LOG_LEVEL = "silent";
    // The jobs register themselves when imported, as at the server's start (app/boot.server.ts imports them all).
    await import("../../app/boot.server");
    const { runDailyJobs, registeredJobs } = await import("../../app/jobs.server");
    const { runOutboxOnce } = await import("../../app/messaging/outbox-sender.server");
    const { closeDb } = await import("../../app/db.server");
    const { today } = await import("../../app/utils/clock");
    const { addDays } = await import("../../app/domain/dates");
    expect(registeredJobs().length).toBeGreaterThanOrEqual(4);
    // Tomorrow: the seed marked today's course job as done already.
    const ran = await runDailyJobs(addDays(today(), 1));
    expect(ran.sort()).toEqual([...registeredJobs()].sort());
    await runOutboxOnce();
    closeDb();

    const statements = readFileSync(log, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { sql: string }).sql);
    expect(statements.length).toBeGreaterThan(10);
    const c = new Database(path, { readonly: true });
    try {
      const used = new Set<Allowance>();
      expect(describeProblems(fullScans(c, statements, largeTables(c, 500), ALLOWED_JOB_SCANS, used))).toEqual([]);
      expect(unusedAllowances(ALLOWED_JOB_SCANS, used), "allowances no statement needs any more: delete them").toEqual(
        [],
      );
    } finally {
      c.close();
    }
  }, 180_000);
});
