/**
 * The company side's state machines, pure: the use cases ask before they write, so an illegal change never reaches the
 * database (the course machine in course-status.ts works the same way).
 *
 * - Opening: proposed (a mentor's tip) → open ⇄ filled; open | filled → closed → open (reopened).
 * - Proposal: proposed → accepted | declined | withdrawn. An accepted proposal becomes a placement.
 * - Placement: planned → active → completed | ended_early; planned → cancelled (never started).
 */
import type { OpeningStatus, PlacementStatus, ProposalStatus } from "./enums";

type Machine<S extends string, E extends string> = Record<E, { from: readonly S[]; to: S }>;

function machine<S extends string, E extends string>(name: string, transitions: Machine<S, E>) {
  const can = (status: S, event: E) => transitions[event].from.includes(status);
  return {
    transitions,
    can,
    next(status: S, event: E): S {
      if (!can(status, event)) throw new IllegalTransition(name, status, event);
      return transitions[event].to;
    },
    allowed(status: S): E[] {
      return (Object.keys(transitions) as E[]).filter((e) => can(status, e));
    },
  };
}

export class IllegalTransition extends Error {
  constructor(
    public readonly machine: string,
    public readonly from: string,
    public readonly event: string,
  ) {
    super(`A ${machine} that is ${from} cannot ${event}`);
  }
}

export type OpeningEvent = "confirm" | "fill" | "reopen" | "close";
export const openingMachine = machine<OpeningStatus, OpeningEvent>("opening", {
  confirm: { from: ["proposed"], to: "open" },
  fill: { from: ["open"], to: "filled" },
  reopen: { from: ["filled", "closed"], to: "open" },
  close: { from: ["proposed", "open", "filled"], to: "closed" },
});
/** Citizens can be proposed to an opening only while it is open. */
export function acceptsProposals(status: OpeningStatus): boolean {
  return status === "open";
}

export type ProposalEvent = "accept" | "decline" | "withdraw";
export const proposalMachine = machine<ProposalStatus, ProposalEvent>("proposal", {
  accept: { from: ["proposed"], to: "accepted" },
  decline: { from: ["proposed"], to: "declined" },
  withdraw: { from: ["proposed"], to: "withdrawn" },
});

export type PlacementEvent = "start" | "complete" | "end_early" | "cancel";
export const placementMachine = machine<PlacementStatus, PlacementEvent>("placement", {
  start: { from: ["planned"], to: "active" },
  complete: { from: ["active"], to: "completed" },
  end_early: { from: ["active"], to: "ended_early" },
  cancel: { from: ["planned"], to: "cancelled" },
});

/** IGU: about 20 weeks of schooling over the two years (DOMAIN.md); a placement may hold at most twice that. */
export const IGU_SCHOOL_WEEKS = 20;

/** Planned and running placements take a place in their opening and keep the citizen from another placement. */
export const occupyingPlacementStatuses: readonly PlacementStatus[] = ["planned", "active"];
export const endedPlacementStatuses: readonly PlacementStatus[] = ["completed", "ended_early"];
/** An ending (complete or end early) records an outcome; a cancelled placement never started and has none. */
export function endsWithOutcome(event: PlacementEvent): boolean {
  return event === "complete" || event === "end_early";
}

/** A placement accepted with a start on or before today starts at once; a later start is planned. */
export function initialPlacementStatus(startDate: string, today: string): PlacementStatus {
  return startDate <= today ? "active" : "planned";
}

/**
 * After a placement is made or ends: an open opening whose places are all taken becomes filled; a filled one with a
 * place free again opens. Closed and proposed openings are left as they are (a person decides).
 */
export function openingStatusForPlaces(status: OpeningStatus, places: number, taken: number): OpeningStatus {
  if (status === "open" && taken >= places) return "filled";
  if (status === "filled" && taken < places) return "open";
  return status;
}
