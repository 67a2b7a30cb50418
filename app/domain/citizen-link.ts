/**
 * The citizen's own page (`/mig/:token`, issue 21): how long its personal link lives, and the code that confirms a
 * change of phone number or language. Pure: dates and instants in, a state out.
 *
 * A link is made for one citizen and sent in a message (welcome, match, on request). It dies at the first of:
 * LINK_DAYS after it was made; revoked (by a coordinator, or a new link replacing it); the citizen withdrawn or
 * erased; AFTER_COURSE_DAYS after their course ended (long enough to read the end and opt out, far shorter than the
 * retention period, after which the person is erased anyway).
 */
import { addDays } from "./dates";
import type { MenteeStatus } from "./enums";

export const LINK_DAYS = 240;
export const AFTER_COURSE_DAYS = 30;
export const CODE_MINUTES = 15;
export const CODE_MAX_ATTEMPTS = 5;
/** How many codes a citizen may ask for within CODE_WINDOW_MINUTES (each is an SMS we pay for and they receive). */
export const CODE_MAX_PER_WINDOW = 3;
export const CODE_WINDOW_MINUTES = 60;

export type LinkFacts = {
  expiresAt: string;
  revokedAt: string | null;
  anonymised: boolean;
  menteeStatus: MenteeStatus;
  /** The end of the citizen's latest course when it is closed (completed or ended early); null while none ended. */
  courseEndedOn: string | null;
  /** True while a course of theirs is proposed, approved, active or paused. */
  courseRunning: boolean;
};

export type LinkState = "open" | "expired" | "revoked" | "closed";

export function citizenLinkState(f: LinkFacts, now: Date, today: string): LinkState {
  if (f.anonymised || f.menteeStatus === "withdrawn") return "closed";
  if (f.revokedAt) return "revoked";
  if (f.expiresAt <= now.toISOString()) return "expired";
  if (!f.courseRunning && f.courseEndedOn && addDays(f.courseEndedOn, AFTER_COURSE_DAYS) < today) return "closed";
  return "open";
}

/** When a link made now expires. */
export function linkExpiry(now: Date): string {
  return new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString();
}

export type CodeFacts = { expiresAt: string; attempts: number; confirmedAt: string | null };
export type CodeState = "open" | "expired" | "locked" | "used";

export function contactCodeState(c: CodeFacts, now: Date): CodeState {
  if (c.confirmedAt) return "used";
  if (c.attempts >= CODE_MAX_ATTEMPTS) return "locked";
  if (c.expiresAt <= now.toISOString()) return "expired";
  return "open";
}

export function codeExpiry(now: Date): string {
  return new Date(now.getTime() + CODE_MINUTES * 60_000).toISOString();
}

/** The words a citizen texts to our number to get a new link to their page ("LINK", or Danish "MIG", "MIN SIDE"). */
export function isPageLinkKeyword(text: string): boolean {
  return /^(link|mig|min side|side)[.!]?$/i.test(text.trim());
}
/** A citizen may ask for a new link by SMS once an hour (each answer is an SMS we pay for). */
export const LINK_BY_SMS_PER_HOUR = 1;
