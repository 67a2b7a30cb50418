/**
 * Every state machine whose changes are kept in the status history (`status_changes`), as one table per entity of
 * which status may follow which: the one status-change path (`app/services/status.server.ts`) asks here before it
 * writes. The machines themselves stay where they are defined (mentor-status, mentee-status, course-status,
 * placement-status, match-request); this module only reads their data, so each rule is said once.
 */
import type { CourseStatus, MenteeStatus, MentorStatus, OpeningStatus, PlacementStatus, ProposalStatus } from "./enums";
import { courseTransitions } from "./course-status";
import { matchRequestTransitions, type MatchRequestStatus } from "./match-request";
import { initialMenteeStatus, menteeTransitions } from "./mentee-status";
import { mentorTransitions } from "./mentor-status";
import { openingMachine, placementMachine, proposalMachine } from "./placement-status";

export type StatusOf = {
  mentor: MentorStatus;
  mentee: MenteeStatus;
  course: CourseStatus;
  placement: PlacementStatus;
  opening: OpeningStatus;
  proposal: ProposalStatus;
  match_request: MatchRequestStatus;
};
export type StatusEntity = keyof StatusOf;
export const statusEntities = [
  "mentor",
  "mentee",
  "course",
  "placement",
  "opening",
  "proposal",
  "match_request",
] as const satisfies readonly StatusEntity[];

type Table<S extends string> = Record<S, readonly S[]>;

/** From an event machine (`event → { from[], to }`) to `from → to[]`; events that keep the status add nothing. */
function fromEvents<S extends string>(
  statuses: readonly S[],
  events: Record<string, { from: readonly S[]; to: S | null }>,
): Table<S> {
  const table = Object.fromEntries(statuses.map((s) => [s, [] as S[]])) as Record<S, S[]>;
  for (const { from, to } of Object.values(events)) {
    if (to == null) continue;
    for (const f of from) if (f !== to && !table[f].includes(to)) table[f].push(to);
  }
  return table;
}

function fromRequestEvents(): Table<MatchRequestStatus> {
  const table = {} as Record<MatchRequestStatus, MatchRequestStatus[]>;
  for (const [from, events] of Object.entries(matchRequestTransitions) as [
    MatchRequestStatus,
    Partial<Record<string, MatchRequestStatus>>,
  ][]) {
    table[from] = Object.values(events).filter((to): to is MatchRequestStatus => to != null);
  }
  return table;
}

/** Which status may follow which, per entity. */
export const statusTransitions: { [E in StatusEntity]: Table<StatusOf[E]> } = {
  mentor: mentorTransitions,
  mentee: menteeTransitions,
  course: fromEvents(["proposed", "approved", "active", "paused", "completed", "ended_early"], courseTransitions),
  placement: fromEvents(["planned", "active", "completed", "ended_early", "cancelled"], placementMachine.transitions),
  opening: fromEvents(["proposed", "open", "filled", "closed"], openingMachine.transitions),
  proposal: fromEvents(["proposed", "accepted", "declined", "withdrawn"], proposalMachine.transitions),
  match_request: fromRequestEvents(),
};

/** The statuses a new record may be created in (its first history row has no `from`). */
export const initialStatuses: { [E in StatusEntity]: readonly StatusOf[E][] } = {
  mentor: ["applied"],
  mentee: [initialMenteeStatus],
  // A coordinator's approval (or the mentor's yes) makes the course approved; a proposal is the older path.
  course: ["proposed", "approved"],
  // A placement that starts today or earlier is active at once (`initialPlacementStatus`).
  placement: ["planned", "active"],
  // A mentor's tip is proposed until staff confirm it; staff create open openings.
  opening: ["proposed", "open"],
  proposal: ["proposed"],
  match_request: ["requested"],
};

/** May `entity` go from `from` (null: it is being created) to `to`? */
export function canChangeStatus<E extends StatusEntity>(entity: E, from: StatusOf[E] | null, to: StatusOf[E]): boolean {
  if (from == null) return (initialStatuses[entity] as readonly string[]).includes(to);
  const next = (statusTransitions[entity] as Record<string, readonly string[]>)[from];
  return !!next && next.includes(to);
}
