/**
 * Daily course work: the monthly reminder to log meetings, a nudge to the mentor after 3 weeks without a meeting, a flag
 * to the coordinators after 5, the end-of-course prompt two weeks before the planned end, the day-30 surveys and the
 * 3-month follow-up outcome prompt; and the course facts whose answers move with the date (decision 016). What is due
 * comes from the pure `dueActions`; every message has a stable idempotency key and surveys a unique index, so running
 * a day twice (or in two processes at once) sends nothing twice.
 *
 * Bounded: courses are read CHUNK at a time in id order (their meetings and pauses with them), each chunk's messages
 * in one transaction, and the event loop is given back between chunks.
 */
import { and, asc, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { courseFacts, courses, mentors, surveys, users } from "../../db/schema";
import type { Db } from "../db.server";
import { registerJob } from "../jobs.server";
import { dueActions, type DueAction } from "../domain/commitment";
import { enqueue } from "../messaging/outbox.server";
import type { TemplateData, TemplateKey } from "../../emails";
import { coordinatorsToNotify } from "../messaging/recipients.server";
import { CHUNK, loadCourseInputs, refreshCourseFacts, refreshStaleFacts } from "../services/course-facts.server";
import { ensureSurveys } from "../services/surveys.server";
import { log } from "../utils/logger.server";
import { yieldToEventLoop } from "../utils/yield";
import { absoluteUrl, transaction } from "../services/kernel.server";

type Course = typeof courses.$inferSelect;

export async function runCourseJobs(d: Db, day: string): Promise<{ actions: number; facts: number }> {
  let actions = 0;
  let facts = 0;

  // Running courses: their facts as of the day, and the reminders, nudges, flags, end prompts and surveys due.
  for (let after = 0; ;) {
    const ids = d
      .select({ id: courses.id })
      .from(courses)
      .where(
        and(
          eq(courses.status, "active"),
          isNotNull(courses.startDate),
          isNotNull(courses.plannedEndDate),
          gt(courses.id, after),
        ),
      )
      .orderBy(asc(courses.id))
      .limit(CHUNK)
      .all()
      .map((r) => r.id);
    if (!ids.length) break;
    after = ids[ids.length - 1];
    const inputs = loadCourseInputs(d, ids);
    transaction((t) => {
      refreshCourseFacts(t, ids, day, inputs);
      facts += ids.length;
      for (const x of inputs.values()) {
        const c = x.course;
        const due = dueActions(
          {
            id: c.id,
            status: c.status,
            startDate: c.startDate!,
            plannedEndDate: c.plannedEndDate!,
            targetHoursPerMonth: c.targetHoursPerMonth,
            endedOn: c.endedOn,
            meetings: x.meetings,
            pauses: x.pauses,
          },
          day,
        );
        for (const a of due) actions += perform(t, c, a);
      }
    }, d);
    await yieldToEventLoop();
  }

  // Every other course whose facts are stale: changed outside the course use cases, or dated (approved, paused).
  facts += await refreshStaleFacts(d, day);

  // Closed courses whose 3-month follow-up outcome is due and not registered: the coordinators are asked once.
  const anyCoordinator =
    d
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, "coordinator"), eq(users.active, true)))
      .get()!.n > 0;
  for (let after = 0; anyCoordinator;) {
    const rows = d
      .select({ course: courses })
      .from(courseFacts)
      .innerJoin(courses, eq(courses.id, courseFacts.courseId))
      .where(
        and(
          eq(courseFacts.phase, "closed"),
          eq(courseFacts.hasFollowUpOutcome, false),
          lte(courseFacts.followUpOutcomeDueOn, day),
          isNull(courseFacts.followUpPromptedOn),
          isNotNull(courses.startDate),
          isNotNull(courses.plannedEndDate),
          gt(courseFacts.courseId, after),
        ),
      )
      .orderBy(asc(courseFacts.courseId))
      .limit(CHUNK)
      .all()
      .map((r) => r.course);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    transaction((t) => {
      for (const c of rows) {
        const due = dueActions(
          {
            id: c.id,
            status: c.status,
            startDate: c.startDate!,
            plannedEndDate: c.plannedEndDate!,
            endedOn: c.endedOn,
            hasFollowUpOutcome: false,
          },
          day,
        );
        for (const a of due) actions += perform(t, c, a);
        t.update(courseFacts).set({ followUpPromptedOn: day }).where(eq(courseFacts.courseId, c.id)).run();
      }
    }, d);
    await yieldToEventLoop();
  }
  return { actions, facts };
}

function perform(t: Db, c: Course, a: DueAction): number {
  const courseUrl = absoluteUrl(`/mentor/forloeb/${c.id}`);
  const staffUrl = absoluteUrl(`/koordinator/forloeb/${c.id}`);
  const mentor = t
    .select({ id: mentors.id, email: mentors.email, locale: mentors.locale, anonymisedAt: mentors.anonymisedAt })
    .from(mentors)
    .where(eq(mentors.id, c.mentorId))
    .get();
  const toMentor = <K extends TemplateKey>(template: K, data: TemplateData<K>) => {
    if (!mentor || mentor.anonymisedAt) return 0;
    return enqueue(
      {
        channel: "email",
        recipient: mentor.email,
        template,
        locale: mentor.locale,
        subjectType: "mentor",
        subjectId: mentor.id,
        data,
        idempotencyKey: `${a.key}:mentor`,
      },
      t,
    )
      ? 1
      : 0;
  };
  const toCoordinators = <K extends TemplateKey>(template: K, data: TemplateData<K>) => {
    let n = 0;
    for (const u of coordinatorsToNotify(t)) {
      if (
        enqueue(
          {
            channel: "email",
            recipient: u.email,
            template,
            locale: u.locale,
            subjectType: "user",
            subjectId: u.id,
            data,
            idempotencyKey: `${a.key}:user:${u.id}`,
          },
          t,
        )
      )
        n++;
    }
    return n;
  };
  switch (a.kind) {
    case "monthly_reminder":
      return toMentor("course_monthly_reminder", { url: courseUrl, month: a.month });
    case "mentor_nudge":
      return toMentor("course_mentor_nudge", { url: courseUrl, days: a.days });
    case "end_prompt":
      return toMentor("course_end_prompt", { url: courseUrl, plannedEndDate: a.plannedEndDate });
    case "coordinator_flag":
      return toCoordinators("course_coordinator_flag", { url: staffUrl, courseId: c.id, days: a.days });
    case "followup_outcome_prompt":
      return toCoordinators("course_followup_outcome", { url: staffUrl, courseId: c.id });
    case "day30_survey": {
      // Only courses started here have their day-30 surveys prepared (rows created unsent at the start).
      const prepared = t
        .select({ id: surveys.id })
        .from(surveys)
        .where(and(eq(surveys.courseId, c.id), eq(surveys.kind, "day30")))
        .get();
      return prepared ? ensureSurveys(t, { id: c.id, menteeId: c.menteeId, mentorId: c.mentorId }, "day30", true) : 0;
    }
  }
}

registerJob({
  name: "courses",
  run: async (d, day) => {
    const { actions, facts } = await runCourseJobs(d, day);
    if (actions) log.info("course reminders queued", { day, actions });
    log.debug("course facts computed", { day, facts });
  },
});
