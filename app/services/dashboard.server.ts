import { eq, inArray } from "drizzle-orm";
import { courses, mentees, messages, municipalities } from "../../db/schema";
import { db } from "../db.server";
import { countFollowUpsDue } from "./course-queues.server";
import { countApplications } from "./mentor-screening.server";
import { pageCache } from "./page-cache.server";
import { countRows } from "../utils/sql";

/**
 * The start page's counts of citizens, mentors and courses, kept while none of those tables changes (decision 016: the
 * `demand` stamp moves on every write to mentees, mentors and courses). Nothing in them depends on the day.
 */
const peopleCounts = pageCache<{ applied: number; waiting: number; active: number }>("demand", 1);

/**
 * The figures on the coordinator's and admin's start page; each is counted with the condition of the list it links to
 * (the applications with the queue's own, so an unverified sign-up is in neither).
 */
export function coordinatorCounts() {
  const d = db();
  return {
    ...peopleCounts.get(d, "all", () => ({
      applied: countApplications({ status: "to_screen" }, d),
      waiting: countRows(d, mentees, eq(mentees.status, "waiting")),
      active: countRows(d, courses, inArray(courses.status, ["active", "paused"])),
    })),
    followUpsDue: countFollowUpsDue({ kind: "all" }),
    failedMessages: countRows(d, messages, eq(messages.status, "failed")),
    heldMessages: countRows(d, messages, eq(messages.status, "held")),
  };
}

export function municipalityName(code: number): string {
  return (
    db().select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, code)).get()?.name ??
    String(code)
  );
}

export function partnerCount(): number {
  return countRows(db(), municipalities, eq(municipalities.isPartner, true));
}
