import { and, eq, inArray, sql } from "drizzle-orm";
import { courses, mentees, messages, municipalities } from "../../db/schema";
import { db } from "../db.server";
import { countFollowUpsDue } from "./course-queues.server";
import { countApplications } from "./mentor-screening.server";

const count = (n: { n: number } | undefined) => n?.n ?? 0;

/**
 * The figures on the coordinator's and admin's start page; each is counted with the condition of the list it links to
 * (the applications with the queue's own, so an unverified sign-up is in neither).
 */
export function coordinatorCounts() {
  const d = db();
  return {
    applied: countApplications({ status: "to_screen" }, d),
    waiting: count(
      d
        .select({ n: sql<number>`count(*)` })
        .from(mentees)
        .where(eq(mentees.status, "waiting"))
        .get(),
    ),
    active: count(
      d
        .select({ n: sql<number>`count(*)` })
        .from(courses)
        .where(inArray(courses.status, ["active", "paused"]))
        .get(),
    ),
    followUpsDue: countFollowUpsDue({ kind: "all" }),
    failedMessages: count(
      d
        .select({ n: sql<number>`count(*)` })
        .from(messages)
        .where(eq(messages.status, "failed"))
        .get(),
    ),
    heldMessages: count(
      d
        .select({ n: sql<number>`count(*)` })
        .from(messages)
        .where(eq(messages.status, "held"))
        .get(),
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
