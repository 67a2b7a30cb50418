/**
 * The daily work of planned meetings (app/jobs/planned-meetings.server.ts): the reminders whose day has come, and the
 * mentor's prompt to log a meeting that passed.
 */
import { and, asc, eq, gt, inArray, isNull, lte, ne, or, type SQL } from "drizzle-orm";
import { courses, plannedMeetings } from "../../db/schema";
import type { Db } from "../db.server";
import { awaitsLogging, endsAt } from "../domain/planned-meetings";
import { now } from "../utils/clock";
import { transaction, type Tx } from "./kernel.server";
import { queueLogPrompt, queueReminder } from "./planned-meeting-messages.server";

const CHUNK = 200;

type Planned = typeof plannedMeetings.$inferSelect;
type Course = typeof courses.$inferSelect;

/**
 * Each planned meeting that `where` selects (with its course), CHUNK rows at a time in id order, each chunk in its own
 * transaction; the next chunk starts after the last id, so a national backlog never holds the database for long.
 */
function eachPlanned(d: Db, where: SQL | undefined, fn: (t: Tx, c: Course, p: Planned) => void): void {
  for (let after = 0; ;) {
    const rows = d
      .select({ p: plannedMeetings, c: courses })
      .from(plannedMeetings)
      .innerJoin(courses, eq(courses.id, plannedMeetings.courseId))
      .where(and(where, gt(plannedMeetings.id, after)))
      .orderBy(asc(plannedMeetings.id))
      .limit(CHUNK)
      .all();
    if (!rows.length) return;
    after = rows[rows.length - 1].p.id;
    transaction((t) => {
      for (const { p, c } of rows) fn(t, c, p);
    }, d);
  }
}

/**
 * The daily work (app/jobs/planned-meetings.server.ts): queue the reminders whose day has come (meetings up to the end
 * of tomorrow), and ask mentors to log meetings that passed.
 */
export function runPlannedMeetingJobs(d: Db, day: string, at: Date = now()): { reminders: number; prompts: number } {
  let reminders = 0;
  let prompts = 0;
  const planned = eq(plannedMeetings.status, "planned");
  // Reminders: planned meetings starting before the end of tomorrow (Copenhagen), not yet reminded for their time.
  const horizon = new Date(at.getTime() + 2 * 86_400_000).toISOString();
  const remindable = and(
    planned,
    gt(plannedMeetings.startsAt, at.toISOString()),
    lte(plannedMeetings.startsAt, horizon),
    or(isNull(plannedMeetings.reminderFor), ne(plannedMeetings.reminderFor, plannedMeetings.startsAt)),
    inArray(courses.status, ["approved", "active"]),
  );
  eachPlanned(d, remindable, (t, c, p) => {
    reminders += queueReminder(t, c, p, at);
  });
  // Prompts: meetings that ended and are still "planned", asked about once.
  const passed = and(
    planned,
    lte(plannedMeetings.startsAt, at.toISOString()),
    isNull(plannedMeetings.logPromptAt),
    eq(courses.status, "active"),
  );
  eachPlanned(d, passed, (t, c, p) => {
    if (endsAt(new Date(p.startsAt), p.minutes).getTime() > at.getTime()) return; // not over yet: tomorrow's run asks
    t.update(plannedMeetings).set({ logPromptAt: at.toISOString() }).where(eq(plannedMeetings.id, p.id)).run();
    if (!awaitsLogging(p, at)) return; // too long ago to ask
    if (queueLogPrompt(t, c, p)) prompts++;
  });
  void day;
  return { reminders, prompts };
}
