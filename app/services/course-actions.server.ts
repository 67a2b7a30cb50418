/**
 * The coordinator's actions on a course: start, pause, resume, extend, complete, end early, cancel; outcomes, follow-up
 * calls and escalation. Each is one transaction with its audit entry, the status changes it causes (through the one
 * status path, `changeStatus`), the surveys and the messages (the outbox), and the course's facts brought up to date.
 */
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import { courses, coursePauses, followUps, mentees, outcomes } from "../../db/schema";
import { audit } from "./audit.server";
import { enqueue } from "../messaging/outbox.server";
import { caseworkersFor, menteeChannel, menteeContact, mentorContact } from "../messaging/recipients.server";
import { addDays, addMonths } from "../domain/dates";
import { plannedEndAfterPause, plannedEndFor } from "../domain/commitment";
import { canAct, isClosed, nextStatus, type CourseEvent } from "../domain/course-status";
import type { EndReason, FollowUpStatus, OutcomePhase } from "../domain/enums";
import { nowIso, today } from "../utils/clock";
import { ensureSurveys } from "./surveys.server";
import { changeCourse } from "./course-facts.server";
import type { CourseRow } from "./course-reads.server";
import type { OutcomeInput } from "./meeting-log.server";
import { mustChangeStatus } from "./status.server";
import { absoluteUrl, fail, ok, scopeWhere, type Actor, type Result, type Scope, type Tx } from "./kernel.server";

function menteeStatus(t: Tx, menteeId: number) {
  return t.select({ status: mentees.status }).from(mentees).where(eq(mentees.id, menteeId)).get()!.status;
}

function staffCourse(t: Tx, scope: Scope, id: number) {
  return (
    t
      .select({ course: courses })
      .from(courses)
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(and(eq(courses.id, id), scopeWhere(scope, mentees.municipalityCode)))
      .get()?.course ?? null
  );
}

export type CoordinatorAction =
  | { intent: "start"; startDate: string }
  | { intent: "pause"; fromDate: string; reason?: string }
  | { intent: "resume"; toDate: string }
  | { intent: "extend"; plannedEndDate: string }
  | { intent: "complete"; endedOn: string }
  | { intent: "end_early"; endedOn: string; reason: EndReason; note?: string }
  | { intent: "cancel"; reason: EndReason; note?: string }
  | ({ intent: "outcome"; phase: OutcomePhase } & OutcomeInput)
  | { intent: "confirm_outcome"; outcomeId: number }
  | { intent: "reject_outcome"; outcomeId: number }
  | {
      intent: "follow_up";
      calledOn: string;
      target: "mentor" | "mentee" | "caseworker";
      status: FollowUpStatus;
      notes?: string;
      escalate: boolean;
    };

const eventOf: Partial<Record<CoordinatorAction["intent"], CourseEvent>> = {
  start: "start",
  pause: "pause",
  resume: "resume",
  extend: "extend",
  complete: "complete",
  end_early: "end_early",
  cancel: "cancel",
};

/** One coordinator action on a course, in one transaction. Scope first: a course outside it "does not exist". */
export function applyCoordinatorAction(scope: Scope, courseId: number, actor: Actor, a: CoordinatorAction): Result {
  if (scope.kind !== "all") return fail("courses.errors.notAllowed");
  return changeCourse(courseId, (t) => {
    const c = staffCourse(t, scope, courseId);
    if (!c) return fail("courses.errors.notFound");
    const day = today();
    const event = eventOf[a.intent];
    if (event && !canAct(c, event, day)) return fail("courses.errors.illegalTransition");
    switch (a.intent) {
      case "start": {
        if (a.startDate < addDays(day, -60) || a.startDate > addMonths(day, 3))
          return fail("courses.errors.dateRange", "startDate");
        const plannedEndDate = plannedEndFor(a.startDate);
        // Also a course that is active but has not begun: its start day moves, its status stays.
        t.update(courses).set({ startDate: a.startDate, plannedEndDate }).where(eq(courses.id, c.id)).run();
        mustChangeStatus(t, { entity: "course", id: c.id, from: c.status, to: "active", actor, audit: false });
        const mentee = menteeContact(t, c.menteeId);
        mustChangeStatus(t, {
          entity: "mentee",
          id: c.menteeId,
          from: menteeStatus(t, c.menteeId),
          to: "in_course",
          actor,
        });
        const mentor = mentorContact(t, c.mentorId);
        if (mentor.status === "approved")
          mustChangeStatus(t, { entity: "mentor", id: mentor.id, from: "approved", to: "active", actor });
        ensureSurveys(t, { id: c.id, menteeId: c.menteeId, mentorId: c.mentorId }, "day30", false);
        const to = menteeChannel(mentee);
        if (to)
          enqueue(
            {
              ...to,
              template: "course_started_mentee",
              locale: mentee.language,
              subjectType: "mentee",
              subjectId: mentee.id,
              data: { startDate: a.startDate },
              idempotencyKey: `course:${c.id}:started:mentee`,
            },
            t,
          );
        break;
      }
      case "pause": {
        if (c.startDate && a.fromDate < c.startDate) return fail("courses.errors.beforeStart", "fromDate");
        if (a.fromDate > addMonths(day, 1) || a.fromDate < addDays(day, -60))
          return fail("courses.errors.dateRange", "fromDate");
        t.insert(coursePauses)
          .values({ courseId: c.id, fromDate: a.fromDate, reason: a.reason || null, createdBy: actor.id })
          .run();
        mustChangeStatus(t, {
          entity: "course",
          id: c.id,
          from: c.status,
          to: "paused",
          actor,
          reason: a.reason,
          audit: false,
        });
        break;
      }
      case "resume": {
        const open = t
          .select()
          .from(coursePauses)
          .where(and(eq(coursePauses.courseId, c.id), isNull(coursePauses.toDate)))
          .get();
        if (open && a.toDate < open.fromDate) return fail("courses.errors.beforePause", "toDate");
        if (a.toDate > addMonths(day, 1)) return fail("courses.errors.dateRange", "toDate");
        let plannedEndDate = c.plannedEndDate;
        if (open) {
          t.update(coursePauses).set({ toDate: a.toDate }).where(eq(coursePauses.id, open.id)).run();
          if (plannedEndDate)
            plannedEndDate = plannedEndAfterPause(plannedEndDate, { fromDate: open.fromDate, toDate: a.toDate });
        }
        mustChangeStatus(t, {
          entity: "course",
          id: c.id,
          from: c.status,
          to: "active",
          actor,
          set: { plannedEndDate },
          audit: false,
        });
        break;
      }
      case "extend": {
        if (!c.plannedEndDate || a.plannedEndDate <= c.plannedEndDate)
          return fail("courses.errors.extendLater", "plannedEndDate");
        if (a.plannedEndDate > addMonths(c.plannedEndDate, 12))
          return fail("courses.errors.dateRange", "plannedEndDate");
        t.update(courses).set({ plannedEndDate: a.plannedEndDate }).where(eq(courses.id, c.id)).run();
        audit(actor, "update", "course", c.id, { plannedEndDate: { from: c.plannedEndDate, to: a.plannedEndDate } }, t);
        return ok();
      }
      case "complete":
      case "end_early": {
        if (c.startDate && a.endedOn < c.startDate) return fail("courses.errors.beforeStart", "endedOn");
        if (a.endedOn > day) return fail("courses.errors.future", "endedOn");
        const to = nextStatus(c.status, event!);
        closeCourse(
          t,
          c,
          to as "completed" | "ended_early",
          a.endedOn,
          actor,
          a.intent === "end_early" ? a.reason : null,
          a.intent === "end_early" ? (a.note ?? null) : null,
        );
        break;
      }
      case "cancel": {
        // The match never began: no start, no end message or survey for the citizen, who waits for a new mentor.
        t.update(courses).set({ startDate: null, plannedEndDate: null }).where(eq(courses.id, c.id)).run();
        closeCourse(
          t,
          { ...c, startDate: null, plannedEndDate: null },
          "ended_early",
          day,
          actor,
          a.reason,
          a.note ?? null,
          "waiting",
        );
        break;
      }
      case "outcome": {
        if (!c.startDate || a.outcomeDate < c.startDate) return fail("courses.outcome.beforeStart", "outcomeDate");
        if (a.outcomeDate > addMonths(day, 1)) return fail("courses.outcome.tooLate", "outcomeDate");
        if (a.phase === "followup_3m" && !isClosed(c.status))
          return fail("courses.outcome.followUpNeedsClosed", "phase");
        const row = t
          .insert(outcomes)
          .values({
            courseId: c.id,
            type: a.type,
            phase: a.phase,
            outcomeDate: a.outcomeDate,
            employerIndustryCode: a.employerIndustryCode ?? null,
            viaMentorNetwork: a.viaMentorNetwork,
            confirmed: true,
            recordedBy: actor.id,
          })
          .returning({ id: outcomes.id })
          .get();
        audit(actor, "create", "outcome", row.id, { courseId: c.id }, t);
        return ok();
      }
      case "confirm_outcome":
      case "reject_outcome": {
        // A mentor's proposal is confirmed, or, when wrong, removed: the coordinator registers the right one instead.
        const proposal = and(eq(outcomes.id, a.outcomeId), eq(outcomes.courseId, c.id), eq(outcomes.confirmed, false));
        const confirm = a.intent === "confirm_outcome";
        const done = confirm
          ? t.update(outcomes).set({ confirmed: true }).where(proposal).run().changes
          : t.delete(outcomes).where(proposal).run().changes;
        if (!done) return fail("courses.errors.notFound");
        const detail = confirm ? { confirmed: true } : { proposed: true };
        audit(actor, confirm ? "update" : "delete", "outcome", a.outcomeId, { courseId: c.id, ...detail }, t);
        return ok();
      }
      case "follow_up": {
        if (a.calledOn > day) return fail("courses.errors.future", "calledOn");
        if (c.startDate && a.calledOn < addDays(c.startDate, -30))
          return fail("courses.errors.beforeStart", "calledOn");
        const escalate = a.escalate && a.status !== "on_track";
        const row = t
          .insert(followUps)
          .values({
            courseId: c.id,
            calledOn: a.calledOn,
            target: a.target,
            status: a.status,
            notes: a.notes || null,
            createdBy: actor.id,
            escalatedAt: escalate ? nowIso() : null,
          })
          .returning({ id: followUps.id })
          .get();
        audit(actor, "create", "follow_up", row.id, { courseId: c.id, status: a.status, escalated: escalate }, t);
        if (escalate) {
          for (const cw of caseworkersFor(t, c.menteeId)) {
            enqueue(
              {
                channel: "email",
                recipient: cw.email,
                template: "course_concern_caseworker",
                locale: cw.locale,
                subjectType: "user",
                subjectId: cw.id,
                data: { url: absoluteUrl(`/kommune/borgere/${c.menteeId}`), courseId: c.id },
                idempotencyKey: `followup:${row.id}:escalate:${cw.id}`,
              },
              t,
            );
          }
        }
        return ok();
      }
    }
    audit(actor, "update", "course", c.id, { intent: a.intent }, t);
    return ok();
  });
}

/**
 * Closes a course: status and end, the citizen's status, the mentor's capacity (back to approved when no other
 * course runs), the closure surveys, and messages to the citizen and the caseworker.
 */
function closeCourse(
  t: Tx,
  c: CourseRow,
  to: "completed" | "ended_early",
  endedOn: string,
  actor: Actor,
  reason: EndReason | null,
  note: string | null,
  menteeTo: "completed" | "ended_early" | "waiting" = to,
) {
  mustChangeStatus(t, {
    entity: "course",
    id: c.id,
    from: c.status,
    to,
    actor,
    reason,
    set: { endedOn, endReason: to === "completed" ? null : reason, endNote: note || null },
    audit: false,
  });
  const open = t
    .select()
    .from(coursePauses)
    .where(and(eq(coursePauses.courseId, c.id), isNull(coursePauses.toDate)))
    .get();
  if (open)
    t.update(coursePauses)
      .set({ toDate: endedOn < open.fromDate ? open.fromDate : endedOn })
      .where(eq(coursePauses.id, open.id))
      .run();
  const ms = menteeStatus(t, c.menteeId);
  if (ms === "in_course" || ms === "matched")
    mustChangeStatus(t, { entity: "mentee", id: c.menteeId, from: ms, to: menteeTo, actor, reason });
  const mentor = mentorContact(t, c.mentorId);
  const others = t
    .select({ n: sql<number>`count(*)` })
    .from(courses)
    .where(
      and(
        eq(courses.mentorId, c.mentorId),
        ne(courses.id, c.id),
        or(eq(courses.status, "active"), eq(courses.status, "paused")),
      ),
    )
    .get()!.n;
  if (mentor.status === "active" && others === 0)
    mustChangeStatus(t, {
      entity: "mentor",
      id: mentor.id,
      from: "active",
      to: "approved",
      actor,
      reason: "course_closed",
    });
  const mentee = menteeContact(t, c.menteeId);
  // A course that never started (ended while approved) has no end message or closure survey for the citizen.
  const channel = c.startDate ? menteeChannel(mentee) : null;
  if (channel)
    enqueue(
      {
        ...channel,
        template: "course_ended_mentee",
        locale: mentee.language,
        subjectType: "mentee",
        subjectId: mentee.id,
        data: {},
        idempotencyKey: `course:${c.id}:ended:mentee`,
      },
      t,
    );
  for (const cw of caseworkersFor(t, c.menteeId)) {
    enqueue(
      {
        channel: "email",
        recipient: cw.email,
        template: "course_closed_caseworker",
        locale: cw.locale,
        subjectType: "user",
        subjectId: cw.id,
        data: { url: absoluteUrl(`/kommune/borgere/${c.menteeId}`), courseId: c.id, status: to },
        idempotencyKey: `course:${c.id}:closed:caseworker:${cw.id}`,
      },
      t,
    );
  }
  if (c.startDate) ensureSurveys(t, { id: c.id, menteeId: c.menteeId, mentorId: c.mentorId }, "closure", true);
}
