/**
 * A course's goal plan (issue 21): 1-5 goals from the programme's typical aims or written by the pair, each with a
 * status and dates. Set at the start meeting, reviewed at the coordinator's follow-up calls, counted in the reports
 * (goals reached per completed course). Pure rules: how many, which status may follow which, what a goal says.
 */
import type { GoalKind, GoalStatus } from "./enums";

export const MAX_GOALS = 5;
export const OWN_GOAL_MAX_LENGTH = 160;

/**
 * Which status may follow which. A goal can be reopened (reached or dropped → in progress) when a follow-up call finds
 * it was not quite done; it never goes back to "set".
 */
const transitions: Record<GoalStatus, readonly GoalStatus[]> = {
  planned: ["in_progress", "reached", "dropped"],
  in_progress: ["reached", "dropped"],
  reached: ["in_progress"],
  dropped: ["in_progress"],
};

export function canMoveGoal(from: GoalStatus, to: GoalStatus): boolean {
  return from === to || transitions[from].includes(to);
}

/** The statuses a goal can be given next (its own first, so a form can show it selected). */
export function nextGoalStatuses(from: GoalStatus): GoalStatus[] {
  return [from, ...transitions[from]];
}

export type GoalLite = { kind: GoalKind; text: string | null; status: GoalStatus };

export type AddCheck = { ok: true } | { ok: false; reason: "too_many" | "duplicate" | "own_needs_text" };

/** May this goal join the plan? At most MAX_GOALS that are not dropped, no programme aim twice, own goals need words. */
export function checkNewGoal(existing: readonly GoalLite[], kind: GoalKind, text: string | null): AddCheck {
  const live = existing.filter((g) => g.status !== "dropped");
  if (live.length >= MAX_GOALS) return { ok: false, reason: "too_many" };
  if (kind === "own") {
    const t = (text ?? "").trim().toLocaleLowerCase("da");
    if (!t) return { ok: false, reason: "own_needs_text" };
    if (live.some((g) => g.kind === "own" && (g.text ?? "").trim().toLocaleLowerCase("da") === t))
      return { ok: false, reason: "duplicate" };
    return { ok: true };
  }
  if (live.some((g) => g.kind === kind)) return { ok: false, reason: "duplicate" };
  return { ok: true };
}

/** Goals reached of a plan (dropped goals count as set but not reached). */
export function reachedCount(goals: readonly { status: GoalStatus }[]): number {
  return goals.filter((g) => g.status === "reached").length;
}
