/**
 * The mentor's own pages: their start page (application status, screening steps, their mentees with the minimum of
 * each and the hours at a glance), their profile and their leave.
 */
import { occupyingCourseStatuses } from "../domain/enums";
import { and, asc, eq, inArray } from "drizzle-orm";
import { courses, mentees, mentorScreenings, mentors, municipalities, users } from "../../db/schema";
import { db } from "../db.server";
import { profileValues } from "./volunteers.server";
import { audit } from "./audit.server";
import { commitmentsFor } from "./course-reads.server";
import { type MentorProfileInput } from "../schemas/volunteer";
import { transaction } from "./kernel.server";
import { mentorLabels } from "./mentor-screening.server";
import { withCitizen } from "./joins.server";

/* ------------------------------------------------------------------ the mentor's own pages */

export function getOwnMentor(userId: number) {
  return db().select().from(mentors).where(eq(mentors.userId, userId)).get() ?? null;
}

/** The mentor's start page: application status, screening steps done, and their mentee(s), minimal profile only. */
export function mentorHome(userId: number) {
  const d = db();
  const m = getOwnMentor(userId);
  if (!m) return null;
  const steps = d
    .selectDistinct({ step: mentorScreenings.step })
    .from(mentorScreenings)
    .where(eq(mentorScreenings.mentorId, m.id))
    .all()
    .map((r) => r.step);
  const rows = withCitizen(
    d
      .select({
        id: courses.id,
        status: courses.status,
        startDate: courses.startDate,
        plannedEndDate: courses.plannedEndDate,
        targetHoursPerMonth: courses.targetHoursPerMonth,
        endedOn: courses.endedOn,
        menteeFirstName: mentees.firstName,
        municipality: municipalities.name,
      })
      .from(courses)
      .$dynamic(),
    courses.menteeId,
  )
    .where(and(eq(courses.mentorId, m.id), inArray(courses.status, [...occupyingCourseStatuses])))
    .orderBy(asc(courses.startDate))
    .all();
  // Hours at a glance: this course month and in all, and what is still due this month.
  const hours = commitmentsFor(rows, d);
  const myCourses = rows.map((c) => {
    const com = hours.get(c.id);
    return {
      ...c,
      hours: com
        ? {
            status: com.status,
            totalLogged: com.totalLogged,
            totalTarget: com.totalTarget,
            dueThisMonth: com.dueThisMonth,
            month: com.currentMonth
              ? {
                  index: com.currentMonth.index,
                  logged: com.currentMonth.loggedHours,
                  target: com.currentMonth.targetHours,
                  to: com.currentMonth.to,
                }
              : null,
          }
        : null,
    };
  });
  return { mentor: m, ...mentorLabels(d, m), steps, courses: myCourses };
}

export function updateOwnProfile(userId: number, input: MentorProfileInput): boolean {
  return transaction((tx) => {
    const m = tx.select({ id: mentors.id }).from(mentors).where(eq(mentors.userId, userId)).get();
    if (!m) return false;
    tx.update(mentors).set(profileValues(input)).where(eq(mentors.id, m.id)).run();
    tx.update(users)
      .set({ name: `${input.firstName} ${input.lastName}` })
      .where(eq(users.id, userId))
      .run();
    audit({ id: userId, role: "mentor" }, "update", "mentor", m.id, { fields: "profile" }, tx);
    return true;
  });
}

/** The mentor's own leave: not matchable between the dates (an open end means until they clear it). */
export function setOwnAvailability(userId: number, pausedFrom: string | null, pausedTo: string | null): boolean {
  return transaction((tx) => {
    const m = tx.select({ id: mentors.id }).from(mentors).where(eq(mentors.userId, userId)).get();
    if (!m) return false;
    tx.update(mentors).set({ pausedFrom, pausedTo }).where(eq(mentors.id, m.id)).run();
    audit({ id: userId, role: "mentor" }, "update", "mentor", m.id, { fields: "availability" }, tx);
    return true;
  });
}
