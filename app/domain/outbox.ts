/**
 * The outbox state machine, free of any database: which status may follow which, and what happens after a send
 * attempt. queued → sending → sent (→ delivered) | failed; a transient failure goes back to queued with a backoff;
 * failed → queued when a person retries it.
 */
import type { MessageStatus } from "./enums";

const transitions: Record<MessageStatus, readonly MessageStatus[]> = {
  queued: ["sending", "cancelled"],
  sending: ["sent", "queued", "failed", "cancelled"],
  sent: ["delivered", "failed"],
  delivered: [],
  failed: ["queued"],
  cancelled: [],
};

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return transitions[from].includes(to);
}

export function assertTransition(from: MessageStatus, to: MessageStatus): void {
  if (!canTransition(from, to)) throw new Error(`Illegal message transition ${from} → ${to}`);
}

export const MAX_ATTEMPTS = 6;
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60_000;
/** A row left in `sending` longer than this is taken to be from a crashed sender and is released. */
export const STUCK_AFTER_MS = 5 * 60_000;

/** Exponential backoff with jitter: attempt 1 → ~30 s, 2 → ~60 s, ... capped at an hour. `random` in [0,1). */
export function backoffMs(attempt: number, random: number = Math.random()): number {
  const exp = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  const jitter = 0.5 + random; // 50 % .. 150 %
  return Math.round(exp * jitter);
}

export type SendResult =
  | { ok: true; providerId: string | null }
  | { ok: false; permanent: boolean; error: string };

export type AfterAttempt =
  | { status: "sent"; providerId: string | null }
  | { status: "queued"; nextAttemptAt: Date; error: string }
  | { status: "failed"; error: string };

/** What a message becomes after an attempt. `attempts` counts the attempt just made. */
export function afterAttempt(result: SendResult, attempts: number, now: Date, random?: number): AfterAttempt {
  if (result.ok) return { status: "sent", providerId: result.providerId };
  if (result.permanent || attempts >= MAX_ATTEMPTS) return { status: "failed", error: result.error };
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, random)), error: result.error };
}

/** Transient errors are worth retrying: timeouts, network errors, 408, 429 and 5xx. */
export function isTransientHttpStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export type FailureKind = "transient" | "permanent";

/**
 * Classifies a provider failure. `status` is the HTTP status, or null when no answer came (timeout, connection
 * refused, DNS): those are transient. 408, 429 and 5xx are transient; other 4xx (invalid number, bad request,
 * unauthorised) are permanent. A provider's own code can override: an idempotent request still in flight is transient.
 */
export function classifyFailure(status: number | null, code?: string | null): FailureKind {
  if (code && transientCodes.has(code)) return "transient";
  if (status === null) return "transient";
  return isTransientHttpStatus(status) ? "transient" : "permanent";
}
const transientCodes = new Set(["concurrent_idempotent_requests", "rate_limit_exceeded", "timeout", "network"]);

/** A SendResult for a failure, classified. The error text carries no personal data (status and code only). */
export function failure(status: number | null, code: string | null | undefined, detail?: string): SendResult {
  const kind = classifyFailure(status, code);
  const error = [status ?? "no response", code, detail].filter(Boolean).join(" ").slice(0, 300);
  return { ok: false, permanent: kind === "permanent", error };
}
