/**
 * Second chances (issue 19, decision 017): a coordinator puts a citizen whose course ended early because the mentor
 * stopped or the pair did not work back in the queue. The referral date stays (waiting time counts from it), the
 * earlier course stays in the history and in the reports as the early end it was; a new course is a new row.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { courses, mentees, statusChanges } from "../../db/schema";
import { db, type Db } from "../db.server";
import { canRequeue, type LastCourse } from "../domain/second-chance";
import { audit } from "./audit.server";

type Actor = { id: number; role: string };

function lastCourse(d: Db, menteeId: number): LastCourse {
  return d.select({ status: courses.status, endReason: courses.endReason }).from(courses)
    .where(eq(courses.menteeId, menteeId)).orderBy(desc(courses.id)).limit(1).get() ?? null;
}

/** Whether the coordinator's citizen page offers "back in the queue". */
export function requeueAllowed(menteeId: number, d: Db = db()): boolean {
  const m = d.select({ status: mentees.status }).from(mentees).where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt))).get();
  return m ? canRequeue(m.status, lastCourse(d, menteeId)) : false;
}

/** Puts the citizen back in the queue (status waiting, referral date kept). False when not allowed (any more). */
export function requeueMentee(actor: Actor, menteeId: number, d: Db = db()): boolean {
  return d.$client.transaction(() => {
    const m = d.select({ status: mentees.status }).from(mentees).where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt))).get();
    if (!m || !canRequeue(m.status, lastCourse(d, menteeId))) return false;
    const changed = d.update(mentees).set({ status: "waiting", matchedAt: null })
      .where(and(eq(mentees.id, menteeId), eq(mentees.status, "ended_early"))).run().changes;
    if (!changed) return false;
    d.insert(statusChanges).values({ entityType: "mentee", entityId: menteeId, fromStatus: "ended_early", toStatus: "waiting", reason: "returned to waiting", byUserId: actor.id }).run();
    audit(actor, "update", "mentee", menteeId, { field: "status", to: "waiting", requeued: true }, d);
    return true;
  }).immediate();
}
