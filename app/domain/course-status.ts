/**
 * The course (mentorforløb) state machine: proposed → approved → active ⇄ paused → completed | ended_early.
 * Pure: the use cases ask `canAct` before they write, so an illegal change never reaches the database, and the
 * course page shows exactly the actions `actionsFor` gives.
 *
 * The stored status says little about what a person may do today: an `active` course whose start date lies ahead has
 * not begun (nothing to complete or end early, only a start to move or a match to cancel). So pages and use cases
 * work on the course's *stage* (`courseStage`), which adds the start date to the status.
 */
import type { CourseStatus } from "./enums";

export type CourseEvent = "approve" | "start" | "pause" | "resume" | "complete" | "end_early" | "extend" | "cancel";

/** Each event: the statuses it may start from and the status it leads to (null: the status stays). */
export const courseTransitions: Record<CourseEvent, { from: readonly CourseStatus[]; to: CourseStatus | null }> = {
  approve: { from: ["proposed"], to: "approved" },
  /** Also from `active` while the start lies ahead: the start day moves. */
  start: { from: ["approved", "active"], to: "active" },
  pause: { from: ["active"], to: "paused" },
  resume: { from: ["paused"], to: "active" },
  complete: { from: ["active", "paused"], to: "completed" },
  end_early: { from: ["active", "paused"], to: "ended_early" },
  /** A match that never began is called off (the course is kept, ended early, without start). */
  cancel: { from: ["proposed", "approved", "active"], to: "ended_early" },
  /** Not a change of status: a new planned end, while the course runs. */
  extend: { from: ["active", "paused"], to: null },
};

export const closedStatuses: readonly CourseStatus[] = ["completed", "ended_early"];
export const runningStatuses: readonly CourseStatus[] = ["active", "paused"];

export function isClosed(status: CourseStatus): boolean {
  return closedStatuses.includes(status);
}

/** Where a course is, as a person sees it. */
export const courseStages = [
  "proposed",
  "awaiting_start",
  "starts_later",
  "running",
  "paused",
  "completed",
  "ended_early",
] as const;
export type CourseStage = (typeof courseStages)[number];

export type StageInput = { status: CourseStatus; startDate: string | null };

export function courseStage(c: StageInput, today: string): CourseStage {
  switch (c.status) {
    case "proposed":
      return "proposed";
    case "approved":
      return "awaiting_start";
    case "active":
      return !c.startDate ? "awaiting_start" : c.startDate > today ? "starts_later" : "running";
    case "paused":
      return "paused";
    case "completed":
      return "completed";
    case "ended_early":
      return "ended_early";
  }
}

/** The actions a person may choose in each stage, in the order the page shows them. `approve` belongs to matching. */
const stageActions: Record<CourseStage, readonly CourseEvent[]> = {
  proposed: ["cancel"],
  awaiting_start: ["start", "cancel"],
  starts_later: ["start", "cancel"],
  running: ["pause", "extend", "complete", "end_early"],
  paused: ["resume", "extend", "complete", "end_early"],
  completed: [],
  ended_early: [],
};

/** Has the course begun (a start day today or earlier)? Outcomes, follow-up calls and meetings need it. */
export function hasBegun(c: StageInput, today: string): boolean {
  return !!c.startDate && c.startDate <= today;
}

export function actionsFor(c: StageInput, today: string): CourseEvent[] {
  return [...stageActions[courseStage(c, today)]];
}

export function canAct(c: StageInput, event: CourseEvent, today: string): boolean {
  return stageActions[courseStage(c, today)].includes(event) && canApply(c.status, event);
}

export function canApply(status: CourseStatus, event: CourseEvent): boolean {
  return courseTransitions[event].from.includes(status);
}

/** The status after `event`, or the same status for events that do not change it. Throws on an illegal event. */
export function nextStatus(status: CourseStatus, event: CourseEvent): CourseStatus {
  if (!canApply(status, event)) throw new IllegalCourseTransition(status, event);
  return courseTransitions[event].to ?? status;
}

/** The events the status alone allows (the stage narrows them: `actionsFor`). */
export function allowedEvents(status: CourseStatus): CourseEvent[] {
  return (Object.keys(courseTransitions) as CourseEvent[]).filter((e) => canApply(status, e));
}

export class IllegalCourseTransition extends Error {
  constructor(
    public readonly from: CourseStatus,
    public readonly event: CourseEvent,
  ) {
    super(`A course that is ${from} cannot ${event}`);
  }
}
