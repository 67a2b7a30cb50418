/**
 * Retention: the daily job anonymises people whose courses ended longer ago than the retention period (a setting the
 * admin changes; the privacy notice states it).
 */
import { and, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { courses, mentees, mentors, placements, settings } from "../../db/schema";
import { db, type Db } from "../db.server";
import { addMonths } from "../domain/dates";
import { audit } from "./audit.server";
import { countRows, qualified } from "../utils/sql";
import { invalidatePublicPages } from "../public-pages.server";
import type { AuditActor } from "./kernel.server";
import { nowIso } from "../utils/clock";
import { erasePerson } from "./privacy-erasure.server";

export const DEFAULT_RETENTION_MONTHS = 24;

export function getRetentionMonths(d: Db = db()): number {
  const row = d.select().from(settings).where(eq(settings.key, "retention_months")).get();
  const v = Number(row?.value);
  return Number.isInteger(v) && v >= 1 ? v : DEFAULT_RETENTION_MONTHS;
}

export function setRetentionMonths(months: number, actor: AuditActor): void {
  db()
    .insert(settings)
    .values({ key: "retention_months", value: months, updatedBy: actor?.id ?? null })
    .onConflictDoUpdate({
      target: settings.key,
      set: { value: months, updatedBy: actor?.id ?? null, updatedAt: nowIso() },
    })
    .run();
  audit(actor, "update", "setting", null, { key: "retention_months", months });
  invalidatePublicPages(); // the privacy notice states the period
}

/** Retention works through the people due in chunks of this many, yielding to the server between chunks. */
export const RETENTION_CHUNK = 200;

/**
 * Who is past retention on `day`: mentees whose every course ended (or who were withdrawn / never matched) more than
 * N months ago, and mentors rejected/retired for more than N months. Conditions only: the count, the chunks and the
 * tests share them.
 */
function retentionConditions(day: string, d: Db) {
  const cutoff = addMonths(day, -getRetentionMonths(d));
  const cutoffIso = `${cutoff}T00:00:00.000Z`;
  return {
    mentee: and(
      isNull(mentees.anonymisedAt),
      or(
        and(
          inArray(mentees.status, ["completed", "ended_early"]),
          sql`not exists (select 1 from ${courses} c where c.mentee_id = ${qualified(mentees.id)} and (c.ended_on is null or c.ended_on >= ${cutoff}))`,
        ),
        and(eq(mentees.status, "withdrawn"), lt(mentees.updatedAt, cutoffIso)),
      ),
      // A placement running, planned or ended within the period keeps the citizen (an IGU runs two years).
      sql`not exists (select 1 from ${placements} p where p.mentee_id = ${qualified(mentees.id)} and (p.status in ('planned', 'active') or p.ended_on >= ${cutoff}))`,
    ),
    mentor: and(
      isNull(mentors.anonymisedAt),
      inArray(mentors.status, ["rejected", "retired"]),
      lt(mentors.updatedAt, cutoffIso),
    ),
  };
}

/** The next ids of `table` that `due` selects after `after`, at most `limit`, lowest first. */
function nextIds(
  d: Db,
  table: typeof mentees | typeof mentors,
  due: SQL | undefined,
  after: number | undefined,
  limit: number,
) {
  return d
    .select({ id: table.id })
    .from(table)
    .where(and(due, gt(table.id, after ?? 0)))
    .orderBy(table.id)
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** The next people due for retention on `day` after the given ids, at most `limit` of each kind (lowest ids first). */
export function dueForRetention(
  day: string,
  d: Db = db(),
  limit = RETENTION_CHUNK,
  after: { mentee?: number; mentor?: number } = {},
) {
  const c = retentionConditions(day, d);
  return {
    menteeIds: nextIds(d, mentees, c.mentee, after.mentee, limit),
    mentorIds: nextIds(d, mentors, c.mentor, after.mentor, limit),
  };
}

/** How many people are due for retention on `day` (the admin's page). */
export function countDueForRetention(day: string, d: Db = db()): { mentees: number; mentors: number } {
  const c = retentionConditions(day, d);
  const n = (table: typeof mentees | typeof mentors, where: ReturnType<typeof and>) => countRows(d, table, where);
  return { mentees: n(mentees, c.mentee), mentors: n(mentors, c.mentor) };
}

/**
 * Anonymises everyone due on `day`, a chunk at a time in id order (each person in their own transaction; the next
 * chunk starts after the last id), yielding to the event loop between chunks so requests are served meanwhile.
 */
export async function applyRetention(
  day: string,
  d: Db = db(),
  chunk = RETENTION_CHUNK,
): Promise<{ mentees: number; mentors: number }> {
  const done = { mentees: 0, mentors: 0 };
  for (const type of ["mentee", "mentor"] as const) {
    let after = 0;
    for (;;) {
      const due = dueForRetention(day, d, chunk, type === "mentee" ? { mentee: after } : { mentor: after });
      const ids = type === "mentee" ? due.menteeIds : due.mentorIds;
      if (!ids.length) break;
      for (const id of ids) erasePerson(type, id, { kind: "all" }, null, d);
      after = ids[ids.length - 1];
      if (type === "mentee") done.mentees += ids.length;
      else done.mentors += ids.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return done;
}
