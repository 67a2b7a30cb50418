/**
 * The mentor says yes (issue 19): a coordinator's approval asks the mentor first. A match request is
 * requested → accepted | declined | expired | withdrawn (the citizen's referral was withdrawn while the mentor was
 * being asked); only an accepted request makes the course and tells the citizen.
 * Framework-free: the clock comes in.
 */
import { addDays, localDateOf } from "./dates";

export const matchRequestStatuses = ["requested", "accepted", "declined", "expired", "withdrawn"] as const;
export type MatchRequestStatus = (typeof matchRequestStatuses)[number];

export type MatchRequestEvent = "accept" | "decline" | "expire" | "withdraw";

export const matchRequestTransitions: Record<
  MatchRequestStatus,
  Partial<Record<MatchRequestEvent, MatchRequestStatus>>
> = {
  requested: { accept: "accepted", decline: "declined", expire: "expired", withdraw: "withdrawn" },
  accepted: {},
  declined: {},
  expired: {},
  withdrawn: {},
};

/** The status after an event, or null when the event is not allowed (an answered or expired request stays as it is). */
export function nextRequestStatus(from: MatchRequestStatus, event: MatchRequestEvent): MatchRequestStatus | null {
  return matchRequestTransitions[from][event] ?? null;
}

/** Declined and expired requests exclude the pair from future proposals. */
export const EXCLUDING_REQUEST_STATUSES: readonly MatchRequestStatus[] = ["declined", "expired"];

/** The default number of days a mentor has to answer (an admin setting). */
export const DEFAULT_REQUEST_DAYS = 5;
export const REQUEST_DAYS_LIMITS: [number, number] = [1, 30];

/**
 * The answer deadline: the end of the day `days` days after the (Copenhagen) day the request was made, as an ISO
 * instant (the end of that date in UTC, so an hour or two after midnight in Copenhagen: never earlier than promised).
 */
export function requestDeadline(requestedAt: string, days: number): string {
  return `${addDays(localDateOf(requestedAt), days)}T23:59:59.999Z`;
}

/** True when a still-open request has passed its deadline at `nowIso`. */
export function isOverdue(r: { status: MatchRequestStatus; deadline: string }, nowIso: string): boolean {
  return r.status === "requested" && r.deadline < nowIso;
}

/** What the mentor can still do with the request at `nowIso`. */
export function canAnswer(r: { status: MatchRequestStatus; deadline: string }, nowIso: string): boolean {
  return r.status === "requested" && !isOverdue(r, nowIso);
}
