/**
 * The course (mentorforløb) state machine: proposed → approved → active ⇄ paused → completed | ended_early.
 * Pure: the use cases ask `assertCourseTransition` before they write, so an illegal change never reaches the database.
 */
import type { CourseStatus } from "./enums";

export type CourseEvent = "approve" | "start" | "pause" | "resume" | "complete" | "end_early" | "extend";

const transitions: Record<CourseEvent, { from: readonly CourseStatus[]; to: CourseStatus | null }> = {
  approve: { from: ["proposed"], to: "approved" },
  start: { from: ["approved"], to: "active" },
  pause: { from: ["active"], to: "paused" },
  resume: { from: ["paused"], to: "active" },
  complete: { from: ["active", "paused"], to: "completed" },
  end_early: { from: ["proposed", "approved", "active", "paused"], to: "ended_early" },
  /** Not a change of status: a new planned end, while the course runs. */
  extend: { from: ["active", "paused"], to: null },
};

export const closedStatuses: readonly CourseStatus[] = ["completed", "ended_early"];
export const runningStatuses: readonly CourseStatus[] = ["active", "paused"];

export function isClosed(status: CourseStatus): boolean {
  return closedStatuses.includes(status);
}

export function canApply(status: CourseStatus, event: CourseEvent): boolean {
  return transitions[event].from.includes(status);
}

/** The status after `event`, or the same status for events that do not change it. Throws on an illegal event. */
export function nextStatus(status: CourseStatus, event: CourseEvent): CourseStatus {
  if (!canApply(status, event)) throw new IllegalCourseTransition(status, event);
  return transitions[event].to ?? status;
}

/** The events a person may choose for a course in `status` (the page shows exactly these). */
export function allowedEvents(status: CourseStatus): CourseEvent[] {
  return (Object.keys(transitions) as CourseEvent[]).filter((e) => canApply(status, e));
}

export class IllegalCourseTransition extends Error {
  constructor(public readonly from: CourseStatus, public readonly event: CourseEvent) {
    super(`A course that is ${from} cannot ${event}`);
  }
}
