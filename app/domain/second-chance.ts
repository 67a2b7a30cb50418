/**
 * Second chances (issue 19): a citizen whose course ended early because the mentor stopped or the pair did not work
 * can be put back in the queue by a coordinator, keeping the original referral date (so the waiting time counts from
 * the referral) and every earlier course in the history. Framework-free.
 */
import type { CourseStatus, EndReason, MenteeStatus } from "./enums";

/** End reasons that are not the citizen's doing: the citizen may get a new mentor. */
export const REQUEUE_END_REASONS: readonly EndReason[] = ["mentor_withdrew", "pair_mismatch"];

export type LastCourse = { status: CourseStatus; endReason: EndReason | null } | null;

/** True when the citizen can go back to the queue: ended early, and their latest course ended for a reason above. */
export function canRequeue(menteeStatus: MenteeStatus, last: LastCourse): boolean {
  return (
    menteeStatus === "ended_early" &&
    last !== null &&
    last.status === "ended_early" &&
    last.endReason !== null &&
    REQUEUE_END_REASONS.includes(last.endReason)
  );
}
