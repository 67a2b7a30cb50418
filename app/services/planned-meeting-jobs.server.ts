/**
 * The daily work of planned meetings (app/jobs/planned-meetings.server.ts): the reminders whose day has come, and the
 * mentor's prompt to log a meeting that passed.
 */
import { and, asc, eq, gt, inArray, isNull, lte, ne, or } from "drizzle-orm";
import { courses, plannedMeetings } from "../../db/schema";
import type { Db } from "../db.server";
import { awaitsLogging, endsAt } from "../domain/planned-meetings";
import { now } from "../utils/clock";
import { transaction } from "./kernel.server";
import { queueLogPrompt, queueReminder } from "./planned-meeting-messages.server";

const CHUNK = 200;

/**
 * The daily work (app/jobs/planned-meetings.server.ts): queue the reminders whose day has come (meetings up to the end
 * of tomorrow), and ask mentors to log meetings that passed. In chunks of CHUNK rows, each in its own transaction,
 * paged by id, so a national backlog never holds the database for long.
 */
export function runPlannedMeetingJobs(d: Db, day: string, at: Date = now()): { reminders: number; prompts: number } {
  let reminders = 0;
  let prompts = 0;
  // Reminders: planned meetings starting before the end of tomorrow (Copenhagen), not yet reminded for their time.
  const horizon = new Date(at.getTime() + 2 * 86_400_000).toISOString();
  let after = 0;
  for (;;) {
    const rows = d
      .select({ p: plannedMeetings, c: courses })
      .from(plannedMeetings)
      .innerJoin(courses, eq(courses.id, plannedMeetings.courseId))
      .where(
        and(
          eq(plannedMeetings.status, "planned"),
          gt(plannedMeetings.startsAt, at.toISOString()),
          lte(plannedMeetings.startsAt, horizon),
          or(isNull(plannedMeetings.reminderFor), ne(plannedMeetings.reminderFor, plannedMeetings.startsAt)),
          gt(plannedMeetings.id, after),
          inArray(courses.status, ["approved", "active"]),
        ),
      )
      .orderBy(asc(plannedMeetings.id))
      .limit(CHUNK)
      .all();
    if (!rows.length) break;
    after = rows[rows.length - 1].p.id;
    transaction((t) => {
      for (const r of rows) reminders += queueReminder(t, r.c, r.p, at);
    }, d);
  }
  // Prompts: meetings that ended and are still "planned", asked about once.
  after = 0;
  for (;;) {
    const rows = d
      .select({ p: plannedMeetings, c: courses })
      .from(plannedMeetings)
      .innerJoin(courses, eq(courses.id, plannedMeetings.courseId))
      .where(
        and(
          eq(plannedMeetings.status, "planned"),
          lte(plannedMeetings.startsAt, at.toISOString()),
          isNull(plannedMeetings.logPromptAt),
          gt(plannedMeetings.id, after),
          eq(courses.status, "active"),
        ),
      )
      .orderBy(asc(plannedMeetings.id))
      .limit(CHUNK)
      .all();
    if (!rows.length) break;
    after = rows[rows.length - 1].p.id;
    transaction((t) => {
      for (const { p, c } of rows) {
        if (endsAt(new Date(p.startsAt), p.minutes).getTime() > at.getTime()) continue; // not over yet: tomorrow's run asks
        t.update(plannedMeetings).set({ logPromptAt: at.toISOString() }).where(eq(plannedMeetings.id, p.id)).run();
        if (!awaitsLogging(p, at)) continue; // too long ago to ask

        if (queueLogPrompt(t, c, p)) prompts++;
      }
    }, d);
  }
  void day;
  return { reminders, prompts };
}
