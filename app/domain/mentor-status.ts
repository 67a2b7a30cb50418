/**
 * The mentor's life cycle: applied → screening → approved (available) ⇄ active (has a mentee), paused, retired;
 * rejected at screening. Pure: no database, no framework. The coordinator's buttons and the matching pool read from here.
 */
import type { MentorStatus, ScreeningStep } from "./enums";

/** Which status may follow which. Anything else is refused. */
export const mentorTransitions: Record<MentorStatus, readonly MentorStatus[]> = {
  applied: ["screening", "rejected", "retired"],
  screening: ["approved", "rejected", "retired"],
  approved: ["active", "paused", "retired"],
  active: ["approved", "paused", "retired"],
  paused: ["approved", "active", "retired"],
  rejected: ["screening"],
  retired: ["screening", "approved"],
};

export function canTransition(from: MentorStatus, to: MentorStatus): boolean {
  return mentorTransitions[from].includes(to);
}

export class IllegalTransition extends Error {
  constructor(
    readonly from: MentorStatus,
    readonly to: MentorStatus,
  ) {
    super(`mentor status ${from} → ${to} is not allowed`);
  }
}

export function assertTransition(from: MentorStatus, to: MentorStatus): void {
  if (!canTransition(from, to)) throw new IllegalTransition(from, to);
}

/** Steps that must be recorded before a mentor can be approved (the criminal-record check is optional). */
export const requiredScreeningSteps: readonly ScreeningStep[] = [
  "screening_call",
  "introduction",
  "confidentiality_declaration",
];

export function missingForApproval(done: readonly ScreeningStep[]): ScreeningStep[] {
  return requiredScreeningSteps.filter((s) => !done.includes(s));
}

/** What a coordinator can do from a status: the actions the mentor detail page offers. */
export type MentorAction = "start_screening" | "approve" | "reject" | "pause" | "resume" | "retire";
const actionTarget: Record<MentorAction, MentorStatus> = {
  start_screening: "screening",
  approve: "approved",
  reject: "rejected",
  pause: "paused",
  resume: "approved",
  retire: "retired",
};
export function targetOf(action: MentorAction): MentorStatus {
  return actionTarget[action];
}
export function availableActions(from: MentorStatus, hasActiveCourse: boolean): MentorAction[] {
  const acts: MentorAction[] = [];
  for (const a of Object.keys(actionTarget) as MentorAction[]) {
    let to = actionTarget[a];
    if (a === "resume") {
      if (from !== "paused" && from !== "retired") continue;
      if (hasActiveCourse) to = "active";
    }
    if (a === "approve" && from !== "screening") continue;
    if (canTransition(from, to)) acts.push(a);
  }
  return acts;
}

export type MatchabilityInput = {
  status: MentorStatus;
  capacity: number;
  /** Courses that occupy a place: approved, active or paused. */
  openCourses: number;
  pausedFrom: string | null;
  pausedTo: string | null;
  /** When the mentor marked the introduction as read (null: not yet, so not matchable). */
  introductionReadAt: string | null;
};

/** Is the mentor on leave on this day (YYYY-MM-DD)? An open-ended pause has no `to`. */
export function onLeave(m: Pick<MatchabilityInput, "pausedFrom" | "pausedTo">, today: string): boolean {
  if (!m.pausedFrom) return false;
  return m.pausedFrom <= today && (!m.pausedTo || today <= m.pausedTo);
}

/** Only approved (or active with room), the introduction read, not paused, with free capacity. */
export function isMatchable(m: MatchabilityInput, today: string): boolean {
  return (
    (m.status === "approved" || m.status === "active") &&
    m.introductionReadAt != null &&
    !onLeave(m, today) &&
    m.openCourses < m.capacity
  );
}
