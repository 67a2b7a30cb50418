/**
 * Daily course work: the monthly reminder to log meetings, a nudge to the mentor after 3 weeks without a meeting, a flag
 * to the coordinators after 5, the end-of-course prompt two weeks before the planned end, the day-30 surveys and the
 * 3-month follow-up outcome prompt. What is due comes from the pure `dueActions`; every message has a stable
 * idempotency key and surveys a unique index, so running a day twice (or in two processes at once) sends nothing twice.
 */
import { and, eq, inArray, or } from "drizzle-orm";
import { courses, coursePauses, meetings, mentors, outcomes, surveys } from "../../db/schema";
import type { Db } from "../db.server";
import { registerJob } from "../jobs.server";
import { dueActions, type DueAction } from "../domain/commitment";
import { enqueue } from "../messaging/outbox.server";
import { config } from "../config.server";
import { coordinatorsToNotify } from "../services/courses.server";
import { ensureSurveys } from "../services/surveys.server";
import { log } from "../utils/logger.server";

export function runCourseJobs(d: Db, day: string): { actions: number } {
  const rows = d.select().from(courses).where(or(eq(courses.status, "active"), inArray(courses.status, ["completed", "ended_early"]))).all()
    .filter((c) => c.startDate && c.plannedEndDate);
  const ids = rows.map((c) => c.id);
  if (!ids.length) return { actions: 0 };
  const meetingsBy = new Map<number, { date: string; minutes: number }[]>();
  for (const m of d.select({ courseId: meetings.courseId, date: meetings.date, minutes: meetings.minutes }).from(meetings).where(inArray(meetings.courseId, ids)).all()) {
    (meetingsBy.get(m.courseId) ?? meetingsBy.set(m.courseId, []).get(m.courseId)!).push(m);
  }
  const pausesBy = new Map<number, { fromDate: string; toDate: string | null }[]>();
  for (const p of d.select({ courseId: coursePauses.courseId, fromDate: coursePauses.fromDate, toDate: coursePauses.toDate }).from(coursePauses).where(inArray(coursePauses.courseId, ids)).all()) {
    (pausesBy.get(p.courseId) ?? pausesBy.set(p.courseId, []).get(p.courseId)!).push(p);
  }
  const withFollowUp = new Set(d.select({ courseId: outcomes.courseId }).from(outcomes).where(eq(outcomes.phase, "followup_3m")).all().map((o) => o.courseId));
  const base = config().APP_URL.replace(/\/$/, "");
  let count = 0;
  for (const c of rows) {
    const actions = dueActions({
      id: c.id, status: c.status, startDate: c.startDate!, plannedEndDate: c.plannedEndDate!, targetHoursPerMonth: c.targetHoursPerMonth,
      endedOn: c.endedOn, meetings: meetingsBy.get(c.id) ?? [], pauses: pausesBy.get(c.id) ?? [], hasFollowUpOutcome: withFollowUp.has(c.id),
    }, day);
    if (!actions.length) continue;
    d.transaction((t0) => {
      const t = t0 as unknown as Db;
      for (const a of actions) count += perform(t, c, a, base);
    }, { behavior: "immediate" });
  }
  return { actions: count };
}

function perform(t: Db, c: typeof courses.$inferSelect, a: DueAction, base: string): number {
  const courseUrl = `${base}/mentor/forloeb/${c.id}`;
  const staffUrl = `${base}/koordinator/forloeb/${c.id}`;
  const mentor = t.select({ id: mentors.id, email: mentors.email, locale: mentors.locale, anonymisedAt: mentors.anonymisedAt }).from(mentors).where(eq(mentors.id, c.mentorId)).get();
  const toMentor = (template: string, data: Record<string, unknown>) => {
    if (!mentor || mentor.anonymisedAt) return 0;
    return enqueue({ channel: "email", recipient: mentor.email, template, locale: mentor.locale, subjectType: "mentor", subjectId: mentor.id, data, idempotencyKey: `${a.key}:mentor` }, t) ? 1 : 0;
  };
  const toCoordinators = (template: string, data: Record<string, unknown>) => {
    let n = 0;
    for (const u of coordinatorsToNotify(t)) {
      if (enqueue({ channel: "email", recipient: u.email, template, locale: u.locale, subjectType: "user", subjectId: u.id, data, idempotencyKey: `${a.key}:user:${u.id}` }, t)) n++;
    }
    return n;
  };
  switch (a.kind) {
    case "monthly_reminder": return toMentor("course_monthly_reminder", { url: courseUrl, month: a.month });
    case "mentor_nudge": return toMentor("course_mentor_nudge", { url: courseUrl, days: a.days });
    case "end_prompt": return toMentor("course_end_prompt", { url: courseUrl, plannedEndDate: a.plannedEndDate });
    case "coordinator_flag": return toCoordinators("course_coordinator_flag", { url: staffUrl, courseId: c.id, days: a.days });
    case "followup_outcome_prompt": return toCoordinators("course_followup_outcome", { url: staffUrl, courseId: c.id });
    case "day30_survey": {
      // Only courses started here have their day-30 surveys prepared (rows created unsent at the start).
      const prepared = t.select({ id: surveys.id }).from(surveys).where(and(eq(surveys.courseId, c.id), eq(surveys.kind, "day30"))).get();
      return prepared ? ensureSurveys(t, { id: c.id, menteeId: c.menteeId, mentorId: c.mentorId }, "day30", true) : 0;
    }
  }
}

registerJob({
  name: "courses",
  run: (d, day) => {
    const { actions } = runCourseJobs(d, day);
    if (actions) log.info("course reminders queued", { day, actions });
  },
});
