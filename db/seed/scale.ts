/**
 * The national-scale data set (issue 16): years of a programme at full size, for benchmarks and the CI-sized page
 * check. For N citizens (mentees): N/5 mentors, about N/2 courses with ~8 meetings each, outcomes for completed
 * courses, follow-up calls, surveys, pauses, status history, ~3 messages per citizen (only failed ones keep their
 * payload, as the outbox does), audit-log rows, every status of every lifecycle. Citizens are spread over the
 * partner municipalities with a realistic skew (Aarhus and Copenhagen large, the rest small) plus a few of former
 * partners; mentors partly live in a neighbouring municipality. Dates run over five years up to today.
 *
 * Values come from the factories (db/factories/); rows go in through prepared statements in large transactions
 * (db/bulk.ts). The demo logins (db/seed/demo-accounts.ts) exist with the demo's e-mails and password: the coordinator, the
 * caseworkers of Aarhus (751) and Kolding (621) with their municipalities' share of the volume, the admin, and the
 * demo mentor with an active course. Deterministic for a given size, except e-mail suffixes and the time of day.
 *
 * The parts (db/seed/scale/): the plan (sizes, shares, each citizen's story as dates), the shared context (bulk
 * inserters, progress, counts), staff, mentors, citizens and their courses, history, and the outbox.
 */
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { migrateDb, openDb, type Db } from "../client";
import { applyReferenceData } from "../reference";
import { courseFacts } from "../schema";
import { refreshStaleFacts } from "../../app/services/course-facts.server";
import { createScaleContext, type ScaleOptions } from "./scale/context";
import { seedStaff } from "./scale/staff";
import { seedMentors } from "./scale/mentors";
import { courseWriter } from "./scale/courses";
import { seedMentees } from "./scale/mentees";
import { writeAccessLog, writeMentorHistory } from "./scale/history";
import { writeMessages } from "./scale/messages";

export { MUNICIPALITY_WEIGHTS } from "./scale/plan";
export type { ScaleOptions, ScaleProgress } from "./scale/context";

/** Whether a database may receive the scale seed: no rows in any table but the migrations' and the reference data's. */
export function isScaleTarget(client: Database.Database): { empty: boolean; rows: number; table?: string } {
  const reference = new Set([
    "municipalities",
    "industries",
    "reference_versions",
    "data_stamps",
    "__drizzle_migrations",
    "sqlite_sequence",
  ]);
  const tables = client
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    if (reference.has(name)) continue;
    const n = (client.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
    if (n > 0) return { empty: false, rows: n, table: name };
  }
  return { empty: true, rows: 0 };
}

export class NotEmptyError extends Error {}

/** Opens (or creates) the file, refuses it unless empty, migrates, applies reference data and seeds; returns row counts. */
export async function seedScaleFile(path: string, opts: ScaleOptions): Promise<Record<string, number>> {
  const d = openDb(path);
  try {
    const target = isScaleTarget(d.$client);
    if (!target.empty)
      throw new NotEmptyError(
        `${path} is not empty (${target.rows} rows in ${target.table}); give a new path or delete the file first`,
      );
    migrateDb(d);
    applyReferenceData(d);
    const counts = await seedScale(d, opts);
    d.$client.pragma("wal_checkpoint(TRUNCATE)");
    return counts;
  } finally {
    d.$client.close();
  }
}

export async function seedScale(d: Db, opts: ScaleOptions): Promise<Record<string, number>> {
  const s = await createScaleContext(d, opts);
  const { now, client, progress, finish } = s;
  const staff = seedStaff(s);
  const team = seedMentors(s, staff);
  seedMentees(s, staff, team, courseWriter(s, staff));
  writeMentorHistory(s, staff, team.mentorList);
  /* ---------------------------------------------------------------- the facts lists and reports read (decision 016) */
  const stale = d
    .select({ n: sql<number>`count(*)` })
    .from(courseFacts)
    .get()!.n;
  await refreshStaleFacts(d, now, (done) => progress("facts", done, stale));
  // As if the course job had asked for each follow-up outcome when it came due: its first run here does not send
  // years of prompts at once.
  client
    .prepare(
      "UPDATE course_facts SET follow_up_prompted_on = follow_up_outcome_due_on WHERE follow_up_outcome_due_on < ?",
    )
    .run(now);
  finish("facts");

  writeMessages(s);
  writeAccessLog(s, staff);

  // Compact, as a restored backup is: rows and index entries written in bulk leave pages part-filled (611 MB instead
  // of 580 at 100 000 citizens). About 2 s of CPU with the journal still off.
  client.exec("VACUUM");
  client.pragma("synchronous = NORMAL");
  client.pragma("journal_mode = WAL");
  return s.count;
}
