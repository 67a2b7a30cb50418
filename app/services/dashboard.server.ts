import { and, eq, inArray, sql } from "drizzle-orm";
import { courses, mentees, mentors, messages, municipalities } from "../../db/schema";
import { db } from "../db.server";
import { followUpsDue } from "./courses.server";

const count = (n: { n: number } | undefined) => n?.n ?? 0;

/** The figures on the coordinator's and admin's start page; each matches the list it links to. */
export function coordinatorCounts() {
  const d = db();
  return {
    applied: count(d.select({ n: sql<number>`count(*)` }).from(mentors).where(inArray(mentors.status, ["applied", "screening"])).get()),
    waiting: count(d.select({ n: sql<number>`count(*)` }).from(mentees).where(eq(mentees.status, "waiting")).get()),
    active: count(d.select({ n: sql<number>`count(*)` }).from(courses).where(inArray(courses.status, ["active", "paused"])).get()),
    followUpsDue: followUpsDue({ kind: "all" }).length,
    failedMessages: count(d.select({ n: sql<number>`count(*)` }).from(messages).where(eq(messages.status, "failed")).get()),
    heldMessages: count(d.select({ n: sql<number>`count(*)` }).from(messages).where(eq(messages.status, "held")).get()),
  };
}

export function municipalityName(code: number): string {
  return db().select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, code)).get()?.name ?? String(code);
}

export function partnerCount(): number {
  return count(db().select({ n: sql<number>`count(*)` }).from(municipalities).where(and(eq(municipalities.isPartner, true))).get());
}
