/**
 * The matchable pool as SQL: approved (or active with room), the introduction read (issue 21), not on leave on the
 * day, free capacity. Pure query
 * building (no connection), so the matching use case, the volunteer pages and the tests share one definition; the
 * same rule in plain TypeScript is `isMatchable` in app/domain/mentor-status.ts (a test keeps the two in step).
 */
import { and, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { courses, mentors } from "../../db/schema";
import { qualified } from "../utils/sql";

/** Courses that occupy one of the mentor's places: approved, active or paused. */
export function openCourseCount() {
  return sql<number>`(select count(*) from ${courses} where ${qualified(courses.mentorId)} = ${qualified(mentors.id)} and ${qualified(courses.status)} in ('approved','active','paused'))`;
}

export function matchableCondition(onDay: string): SQL {
  return and(
    inArray(mentors.status, ["approved", "active"]),
    isNull(mentors.anonymisedAt),
    isNotNull(mentors.introductionReadAt),
    sql`not (${mentors.pausedFrom} is not null and ${mentors.pausedFrom} <= ${onDay} and (${mentors.pausedTo} is null or ${mentors.pausedTo} >= ${onDay}))`,
    sql`${mentors.capacity} > ${openCourseCount()}`,
  )!;
}
