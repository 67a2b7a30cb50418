/**
 * A course's goal plan (issue 21): set at the start meeting (by the mentor or a coordinator), reviewed at the
 * coordinator's follow-up calls, shown to mentor, coordinator and (in their language) the citizen, and counted in the
 * reports. The report's figures are one SQL aggregate per industry section (`goalSums`), scoped like every report.
 */
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { courseFacts, courseGoals, mentees } from "../../db/schema";
import { builtOnce, qualified } from "../utils/sql";
import { db, type Db } from "../db.server";
import { canMoveGoal, checkNewGoal } from "../domain/goals";
import { goalReport, type GoalReport, type GoalSums } from "../domain/goal-report";
import { cellsFor, minGroupFor, type ReportAudience } from "../domain/statistics";
import { isClosed } from "../domain/course-status";
import type { GoalKind, GoalStatus } from "../domain/enums";
import { today } from "../utils/clock";
import { audit } from "./audit.server";
import { courseFor } from "./planned-meetings.server";
import { fail, ok, scopedMunicipality, transaction, type Actor, type Result, type Scope } from "./kernel.server";

/** A mentor edits the plan while the course runs; a coordinator also after it closed (the last follow-up). */
function editable(actor: Actor, status: string): boolean {
  if (status === "proposed") return false;
  return actor.role === "mentor" ? !isClosed(status as never) : true;
}

const goalsOfCourse = builtOnce((d: Db) =>
  d
    .select()
    .from(courseGoals)
    .where(eq(courseGoals.courseId, sql.placeholder("courseId")))
    .orderBy(asc(courseGoals.id))
    .prepare(),
);
export function goalsForCourse(courseId: number, d: Db = db()) {
  return goalsOfCourse(d).all({ courseId });
}
export type CourseGoal = ReturnType<typeof goalsForCourse>[number];

/** The plan for an actor's page (null when the course is not theirs). */
export function goalPlanFor(actor: Actor, courseId: number, d: Db = db()) {
  const c = courseFor(d, actor, courseId);
  if (!c) return null;
  const menteeFirstName =
    d.select({ firstName: mentees.firstName }).from(mentees).where(eq(mentees.id, c.menteeId)).get()?.firstName ?? "";
  return {
    course: { id: c.id, status: c.status },
    menteeFirstName,
    goals: goalsForCourse(courseId, d),
    canEdit: editable(actor, c.status),
  };
}

export type NewGoal = { kind: GoalKind; text?: string; targetDate?: string };

export function addGoal(actor: Actor, courseId: number, input: NewGoal): Result<{ id: number }> {
  return transaction((t) => {
    const c = courseFor(t, actor, courseId);
    if (!c) return fail("courses.errors.notFound");
    if (!editable(actor, c.status)) return fail("courses.errors.notAllowed");
    const text = input.kind === "own" ? input.text?.trim() || null : null;
    const check = checkNewGoal(goalsForCourse(courseId, t), input.kind, text);
    if (!check.ok)
      return fail(`between.goals.errors.${check.reason}`, check.reason === "own_needs_text" ? "text" : "kind");
    if (input.targetDate && c.startDate && input.targetDate < c.startDate)
      return fail("between.goals.errors.targetBeforeStart", "targetDate");
    const row = t
      .insert(courseGoals)
      .values({
        courseId,
        kind: input.kind,
        text,
        targetDate: input.targetDate || null,
        statusOn: today(),
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning({ id: courseGoals.id })
      .get();
    audit(actor, "create", "course_goal", row.id, { courseId, kind: input.kind }, t);
    return ok({ id: row.id });
  });
}

export type GoalUpdate = { goalId: number; status: GoalStatus; targetDate?: string };

export function updateGoal(actor: Actor, courseId: number, input: GoalUpdate): Result {
  return transaction((t) => {
    const c = courseFor(t, actor, courseId);
    if (!c) return fail("courses.errors.notFound");
    if (!editable(actor, c.status)) return fail("courses.errors.notAllowed");
    const g = t
      .select()
      .from(courseGoals)
      .where(and(eq(courseGoals.id, input.goalId), eq(courseGoals.courseId, courseId)))
      .get();
    if (!g) return fail("courses.errors.notFound");
    if (!canMoveGoal(g.status, input.status)) return fail("between.goals.errors.illegalStatus", "status");
    if (input.targetDate && c.startDate && input.targetDate < c.startDate)
      return fail("between.goals.errors.targetBeforeStart", "targetDate");
    const changed = g.status !== input.status;
    t.update(courseGoals)
      .set({
        status: input.status,
        targetDate: input.targetDate || null,
        updatedBy: actor.id,
        ...(changed ? { statusOn: today() } : {}),
      })
      .where(eq(courseGoals.id, g.id))
      .run();
    audit(
      actor,
      "update",
      "course_goal",
      g.id,
      { courseId, status: changed ? { from: g.status, to: input.status } : undefined },
      t,
    );
    return ok();
  });
}

/* ------------------------------------------------------------------ the report */

/**
 * Sums over the completed courses that ended in the period, per DB07 section of the course (the mentor's industry),
 * within the scope (a caseworker's municipality; a coordinator may narrow to one). One grouped query over the course
 * facts (decision 016: status, end, municipality and section are copies kept by triggers, read from one index), with
 * each course's goals counted through `course_goals_course_idx`.
 */
export function goalSums(
  scope: Scope,
  filter: { from: string; to: string; municipality: number | null },
  d: Db = db(),
): GoalSums[] {
  const f = courseFacts;
  const municipality = scopedMunicipality(scope, filter.municipality);
  const perCourse = d
    .select({
      section: f.industrySection,
      set: sql<number>`(select count(*) from ${courseGoals} g where g.course_id = ${qualified(f.courseId)})`.as(
        "set_n",
      ),
      reached:
        sql<number>`(select count(*) from ${courseGoals} g where g.course_id = ${qualified(f.courseId)} and g.status = 'reached')`.as(
          "reached_n",
        ),
    })
    .from(f)
    .where(
      and(
        eq(f.status, "completed"),
        gte(f.endedOn, filter.from),
        lte(f.endedOn, filter.to),
        municipality != null ? eq(f.municipalityCode, municipality) : undefined,
      ),
    )
    .as("per_course");
  return d
    .select({
      section: perCourse.section,
      courses: sql<number>`count(*)`,
      withPlan: sql<number>`sum(case when ${perCourse.set} > 0 then 1 else 0 end)`,
      goalsSet: sql<number>`coalesce(sum(${perCourse.set}), 0)`,
      goalsReached: sql<number>`coalesce(sum(${perCourse.reached}), 0)`,
      coursesReached: sql<number>`sum(case when ${perCourse.reached} > 0 then 1 else 0 end)`,
    })
    .from(perCourse)
    .groupBy(perCourse.section)
    .all()
    .map((r) => ({
      ...r,
      courses: Number(r.courses),
      withPlan: Number(r.withPlan),
      goalsSet: Number(r.goalsSet),
      goalsReached: Number(r.goalsReached),
      coursesReached: Number(r.coursesReached),
    }));
}

/** `audience`: exact figures only for a caseworker's own municipality (decision 009); refused for any other scope. */
export function buildGoalReport(
  scope: Scope,
  filter: { from: string; to: string; municipality: number | null },
  audience: ReportAudience = "outside",
  d: Db = db(),
): GoalReport {
  if (audience === "own_municipality" && scope.kind !== "municipality")
    throw new Error("Exact figures are for a caseworker's own municipality only");
  return goalReport(goalSums(scope, filter, d), cellsFor(minGroupFor(audience)));
}
