/**
 * The citizen's (mentee's) life cycle: referred into `waiting` → `matched` (a mentor said yes) → `in_course` (the start
 * meeting) → `completed` | `ended_early`; `withdrawn` before the course starts. After an early end they may return to
 * `waiting` (keeping their referral date) and get a new course. A match called off before it began also returns the
 * citizen to `waiting`. Pure: no database, no framework.
 */
import type { MenteeStatus } from "./enums";

/** The status a new referral starts in. */
export const initialMenteeStatus: MenteeStatus = "waiting";

/** Which status may follow which. Anything else is refused. */
export const menteeTransitions: Record<MenteeStatus, readonly MenteeStatus[]> = {
  waiting: ["matched", "withdrawn"],
  matched: ["in_course", "waiting", "ended_early", "withdrawn"],
  in_course: ["completed", "ended_early", "waiting"],
  completed: [],
  ended_early: ["waiting", "withdrawn"],
  withdrawn: [],
};

export function canMenteeTransition(from: MenteeStatus, to: MenteeStatus): boolean {
  return menteeTransitions[from].includes(to);
}

/** Citizens the queue of waiting citizens and the matching pool take. */
export function isWaiting(status: MenteeStatus): boolean {
  return status === "waiting";
}

/**
 * Where a citizen goes when a live course of theirs ends for data protection (an erasure, a consent withdrawn), by the
 * programme's rules: a started course (`in_course`) ends early; before the start, a citizen who leaves themselves is
 * withdrawn, and one whose mentor leaves returns to the queue (a match called off before it began). Null: no change.
 */
export function menteeStatusWhenCourseEnds(from: MenteeStatus, citizenLeaves: boolean): MenteeStatus | null {
  if (from === "in_course") return "ended_early";
  if (citizenLeaves) return canMenteeTransition(from, "withdrawn") ? "withdrawn" : null;
  return from === "matched" ? "waiting" : null;
}
