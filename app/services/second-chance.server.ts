/**
 * Second chances (issue 19, decision 017): a coordinator puts a citizen whose course ended early because the mentor
 * stopped or the pair did not work back in the queue. The referral date stays (waiting time counts from it), the
 * earlier course stays in the history and in the reports as the early end it was; a new course is a new row.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
import { courses, mentees } from "../../db/schema";
import { db, type Db } from "../db.server";
import { canRequeue, type LastCourse } from "../domain/second-chance";
import { audit } from "./audit.server";
import { transaction, type Actor } from "./kernel.server";
import { changeStatus } from "./status.server";

function lastCourse(d: Db, menteeId: number): LastCourse {
  return (
    d
      .select({ status: courses.status, endReason: courses.endReason })
      .from(courses)
      .where(eq(courses.menteeId, menteeId))
      .orderBy(desc(courses.id))
      .limit(1)
      .get() ?? null
  );
}

/** The citizen (not anonymised) may go back in the queue: their status and their last course allow it. */
function requeueable(d: Db, menteeId: number): boolean {
  const m = d
    .select({ status: mentees.status })
    .from(mentees)
    .where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt)))
    .get();
  return m ? canRequeue(m.status, lastCourse(d, menteeId)) : false;
}

/** Whether the coordinator's citizen page offers "back in the queue". */
export function requeueAllowed(menteeId: number, d: Db = db()): boolean {
  return requeueable(d, menteeId);
}

/** Puts the citizen back in the queue (status waiting, referral date kept). False when not allowed (any more). */
export function requeueMentee(actor: Actor, menteeId: number, d: Db = db()): boolean {
  return transaction((tx) => {
    if (!requeueable(tx, menteeId)) return false;
    const r = changeStatus(tx, {
      entity: "mentee",
      id: menteeId,
      from: "ended_early",
      to: "waiting",
      reason: "returned to waiting",
      actor,
      set: { matchedAt: null },
      audit: false,
    });
    if (!r.ok) return false;
    audit(actor, "update", "mentee", menteeId, { field: "status", to: "waiting", requeued: true }, tx);
    return true;
  }, d);
}
