import { and, eq, inArray, sql } from "drizzle-orm";
import { courses, mentees, messages, municipalities } from "../../db/schema";
import { db } from "../db.server";
import { countFollowUpsDue } from "./course-queues.server";
import { countApplications } from "./mentor-screening.server";
import { pageCache } from "./page-cache.server";

const count = (n: { n: number } | undefined) => n?.n ?? 0;

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
  const countOf = (q: { get: () => { n: number } | undefined }) => count(q.get());
  return {
    ...peopleCounts.get(d, "all", () => ({
      applied: countApplications({ status: "to_screen" }, d),
      waiting: countOf(
        d
          .select({ n: sql<number>`count(*)` })
          .from(mentees)
          .where(eq(mentees.status, "waiting")),
      ),
      active: countOf(
        d
          .select({ n: sql<number>`count(*)` })
          .from(courses)
          .where(inArray(courses.status, ["active", "paused"])),
      ),
    })),
    followUpsDue: countFollowUpsDue({ kind: "all" }),
    failedMessages: countOf(
      d
        .select({ n: sql<number>`count(*)` })
        .from(messages)
        .where(eq(messages.status, "failed")),
    ),
    heldMessages: countOf(
      d
        .select({ n: sql<number>`count(*)` })
        .from(messages)
        .where(eq(messages.status, "held")),
    ),
  };
}

export function municipalityName(code: number): string {
  return (
    db().select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, code)).get()?.name ??
    String(code)
  );
}

export function partnerCount(): number {
  return count(
    db()
      .select({ n: sql<number>`count(*)` })
      .from(municipalities)
      .where(and(eq(municipalities.isPartner, true)))
      .get(),
  );
}
