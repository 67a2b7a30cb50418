/**
 * The outbox rules, free of any database: which status may follow which, what a failed attempt means given what the
 * provider may have seen of it, how long a claim lasts, and when a message's payload may be dropped.
 *
 *   queued → sending → sent (→ delivered) | failed | held | queued (retry later)
 *   failed → queued            a person retries
 *   held   → queued | sent     a person decides after checking with the provider (or its status callback decides)
 *
 * `held` is a message the provider may have received although we never heard back, through a provider that cannot
 * deduplicate a second request (GatewayAPI SMS). Sending it again could deliver it twice, so only a person (or the
 * provider's own status callback naming our reference) settles it.
 */
import type { MessageStatus } from "./enums";

const transitions: Record<MessageStatus, readonly MessageStatus[]> = {
  queued: ["sending", "cancelled"],
  sending: ["sent", "queued", "failed", "held", "cancelled"],
  sent: ["delivered", "failed"],
  delivered: [],
  failed: ["queued", "cancelled"],
  held: ["queued", "sent", "delivered", "failed", "cancelled"],
  cancelled: [],
};

export function canTransition(from: MessageStatus, to: MessageStatus): boolean {
  return transitions[from].includes(to);
}

export function assertTransition(from: MessageStatus, to: MessageStatus): void {
  if (!canTransition(from, to)) throw new Error(`Illegal message transition ${from} → ${to}`);
}

/**
 * Statuses after which the message is never handed to a provider again. Its payload (the exact bytes sent, with live
 * links inside) and its secrets are dropped then; the history view renders the message again with the secrets masked.
 * A failed or held message keeps them, so that a person's retry sends the same bytes.
 */
export const FINAL_STATUSES = ["sent", "delivered", "cancelled"] as const satisfies readonly MessageStatus[];
export function keepsPayload(status: MessageStatus): boolean {
  return !(FINAL_STATUSES as readonly MessageStatus[]).includes(status);
}

export const MAX_ATTEMPTS = 6;
export const BASE_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * A claim is a lease: the claiming process renews it every HEARTBEAT_MS while it works. A row whose lease ran out
 * (its process died or hung) is taken back; so is, at once, a row claimed by a process on this machine that no longer
 * exists. A live sender never loses a row it is working on, so two processes never send the same row.
 */
export const LEASE_MS = 30_000;
export const HEARTBEAT_MS = 10_000;

/** Exponential backoff with jitter: attempt 1 → ~30 s, 2 → ~60 s, ... capped at an hour. `random` in [0,1). */
export function backoffMs(attempt: number, random: number = Math.random()): number {
  const exp = Math.min(BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  const jitter = 0.5 + random; // 50 % .. 150 %
  return Math.round(exp * jitter);
}

/**
 * What a failed attempt means, judged by what the provider may have seen:
 * - `retry`: the provider did not take the message: the request never left us (connection refused, DNS, TLS
 *   handshake), or the provider answered "not now" (408, 425, 429, 503). Safe to send again.
 * - `permanent`: the provider refused it for good (any other 4xx: invalid number, bad request, unauthorised).
 * - `unknown`: the request may have reached the provider and we did not hear what it did: the connection broke after
 *   the request was written, no answer in time, or a 5xx that may come after the provider acted (500, 502, 504).
 *   Only a provider that deduplicates by our idempotency key may get it again (same key, same bytes).
 */
export type FailureKind = "retry" | "permanent" | "unknown";

export type SendResult =
  | { ok: true; providerId: string | null; note?: string }
  /** `throttled`: the provider asks us to slow down (429): "not now", not "no". */
  | { ok: false; kind: FailureKind; error: string; retryAfterMs?: number; throttled?: boolean };

export type AfterAttempt =
  | { status: "sent"; providerId: string | null; note: string | null }
  /** `refund`: the try does not count against MAX_ATTEMPTS (the provider only asked us to wait). */
  | { status: "queued"; nextAttemptAt: Date; error: string; refund?: boolean }
  | { status: "failed"; error: string }
  | { status: "held"; error: string };

export const HELD_ERROR =
  "may have been delivered: the provider may have received it and cannot be asked; check by the reference before sending again";

/**
 * What a message becomes after an attempt. `attempts` counts the attempt just made; `idempotent` says whether the
 * provider deduplicates by our idempotency key (then an unknown outcome is retried with the same key and bytes).
 */
export function afterAttempt(
  result: SendResult,
  attempts: number,
  now: Date,
  opts: { idempotent: boolean; random?: number },
): AfterAttempt {
  if (result.ok) return { status: "sent", providerId: result.providerId, note: result.note ?? null };
  if (result.kind === "permanent") return { status: "failed", error: result.error };
  if (result.kind === "unknown" && !opts.idempotent) return { status: "held", error: `${result.error}; ${HELD_ERROR}` };
  // A rate limit is not a failure of the message: it waits as long as asked and keeps its attempts.
  if (result.throttled) {
    const wait = result.retryAfterMs ?? backoffMs(1, opts.random);
    return { status: "queued", nextAttemptAt: new Date(now.getTime() + wait), error: result.error, refund: true };
  }
  if (attempts >= MAX_ATTEMPTS) return { status: "failed", error: result.error };
  const wait = Math.max(backoffMs(attempts, opts.random), result.retryAfterMs ?? 0);
  return { status: "queued", nextAttemptAt: new Date(now.getTime() + wait), error: result.error };
}

/** What an HTTP error answer means. `already_accepted`: the provider already holds a message under this key. */
export function classifyHttpFailure(status: number, code?: string | null): FailureKind | "already_accepted" {
  // Resend: the same idempotency key came with a different body. Our bytes never change between tries, so an earlier
  // try under this key reached Resend (from an older version of the app): the message is there already (decision 007).
  if (code === "invalid_idempotent_request") return "already_accepted";
  // Resend: a request with this key is still being processed: ask again later with the same key.
  if (code === "concurrent_idempotent_requests") return "retry";
  if (status === 408 || status === 425 || status === 429 || status === 503) return "retry";
  if (status >= 500) return "unknown";
  return "permanent";
}

/**
 * Network error codes that mean the request never left this machine, so the provider cannot have seen it:
 * connection refused, name resolution, no route, connect timeout, TLS handshake and certificate errors.
 */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** A network failure (no HTTP answer): `retry` when it surely happened before the request was sent, else `unknown`. */
export function classifyNetworkFailure(code: string | null): FailureKind {
  if (!code) return "unknown";
  if (NOT_SENT_CODES.has(code) || /^ERR_(TLS|SSL)_/.test(code)) return "retry";
  return "unknown";
}

/** The code of a fetch failure: undici wraps the socket error (`cause`, or the first of an AggregateError). */
export function networkErrorCode(e: unknown): string | null {
  let c: unknown = e;
  for (let depth = 0; c && depth < 5; depth++) {
    const err = c as { name?: string; code?: unknown; cause?: unknown; errors?: unknown[] };
    if (err.name === "TimeoutError" || err.name === "AbortError") return "timeout";
    if (typeof err.code === "string" && err.code) return err.code;
    c = err.cause ?? (Array.isArray(err.errors) ? err.errors[0] : undefined);
  }
  return null;
}

/** A SendResult for a failure. The error text carries no personal data (what happened, status and code only). */
export function failure(
  kind: FailureKind,
  status: number | null,
  code?: string | null,
  detail?: string,
  retryAfterMs?: number,
): SendResult {
  const what = kind === "unknown" ? "outcome unknown" : kind === "retry" ? "not taken" : "refused";
  const error = [what + ":", status ?? "no response", code, detail].filter(Boolean).join(" ").slice(0, 300);
  return { ok: false, kind, error, ...(retryAfterMs != null ? { retryAfterMs } : {}) };
}

/** A failure read from an HTTP error answer (or the "already accepted" success it may really be). */
export function httpFailure(status: number, code?: string | null, retryAfterMs?: number | null): SendResult {
  const kind = classifyHttpFailure(status, code);
  if (kind === "already_accepted") return { ok: true, providerId: null, note: `already accepted: ${status} ${code}` };
  const result = failure(kind, status, code, undefined, retryAfterMs ?? undefined);
  return status === 429 && !result.ok ? { ...result, throttled: true } : result;
}

/** A failure read from a thrown fetch error. */
export function networkFailure(e: unknown): SendResult {
  const code = networkErrorCode(e);
  return failure(classifyNetworkFailure(code === "timeout" ? null : code), null, code ?? "network");
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from `now` (null when absent or unreadable). */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/* ------------------------------------------------------------------ who holds a claim */

/** A sender process: `pid@host/nonce` (the nonce tells apart two processes that got the same pid). */
export type SenderIdentity = { id: string; host: string; pid: number };

export function senderIdentity(host: string, pid: number, nonce: string): SenderIdentity {
  return { id: `${pid}@${host}/${nonce}`, host, pid };
}

/**
 * Whether the process that claimed a row is surely gone, seen from `me`. Only a process on this machine can be known
 * dead: its pid no longer exists, or it is our own pid with another nonce (an earlier life of this pid, e.g. pid 1 in
 * a restarted container). Anything else waits for its lease to run out.
 */
export function claimerGone(claimedBy: string | null, me: SenderIdentity, pidAlive: (pid: number) => boolean): boolean {
  if (!claimedBy) return true;
  const m = claimedBy.match(/^(\d+)@(.+)\/([^/]+)$/);
  if (!m) return false;
  const [pid, host] = [Number(m[1]), m[2]];
  if (host !== me.host) return false;
  if (pid === me.pid) return claimedBy !== me.id;
  return !pidAlive(pid);
}
