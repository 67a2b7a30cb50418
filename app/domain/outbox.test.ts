import { describe, expect, it } from "vitest";
import {
  afterAttempt,
  assertTransition,
  backoffMs,
  BASE_BACKOFF_MS,
  canTransition,
  claimerGone,
  classifyHttpFailure,
  classifyNetworkFailure,
  failure,
  httpFailure,
  keepsPayload,
  MAX_ATTEMPTS,
  MAX_BACKOFF_MS,
  networkErrorCode,
  networkFailure,
  parseRetryAfter,
  senderIdentity,
} from "./outbox";
import { messageStatuses } from "./enums";

describe("outbox state machine", () => {
  it("allows the happy path queued → sending → sent → delivered", () => {
    expect(canTransition("queued", "sending")).toBe(true);
    expect(canTransition("sending", "sent")).toBe(true);
    expect(canTransition("sent", "delivered")).toBe(true);
  });
  it("allows failure, retry by a person, and back-off requeue", () => {
    expect(canTransition("sending", "failed")).toBe(true);
    expect(canTransition("failed", "queued")).toBe(true);
    expect(canTransition("sending", "queued")).toBe(true);
  });
  it("a held message is settled by a person or the provider's report, never sent again by itself", () => {
    expect(canTransition("sending", "held")).toBe(true);
    for (const to of ["queued", "sent", "delivered", "failed"] as const) expect(canTransition("held", to)).toBe(true);
    expect(canTransition("held", "sending")).toBe(false);
  });
  it("refuses to send again what was sent or delivered", () => {
    expect(canTransition("sent", "sending")).toBe(false);
    expect(canTransition("delivered", "queued")).toBe(false);
    expect(canTransition("queued", "sent")).toBe(false);
    expect(() => assertTransition("sent", "queued")).toThrow(/Illegal/);
  });
  it("has a rule for every status", () => {
    for (const s of messageStatuses) expect(() => canTransition(s, "queued")).not.toThrow();
  });
});

describe("the payload's lifecycle", () => {
  it("is kept while the message may still be sent (also failed and held, for a person's retry) and dropped when final", () => {
    expect(messageStatuses.filter(keepsPayload)).toEqual(["queued", "sending", "failed", "held"]);
    expect(messageStatuses.filter((s) => !keepsPayload(s))).toEqual(["sent", "delivered", "cancelled"]);
  });
});

describe("after an attempt", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  const resend = { idempotent: true, random: 0.5 };
  const sms = { idempotent: false, random: 0.5 };
  it("marks a success sent with the provider id", () => {
    expect(afterAttempt({ ok: true, providerId: "p1" }, 1, now, resend)).toEqual({
      status: "sent",
      providerId: "p1",
      note: null,
    });
  });
  it("requeues what the provider did not take, for any provider", () => {
    for (const opts of [resend, sms]) {
      const r = afterAttempt(failure("retry", 503, null), 1, now, opts);
      expect(r.status).toBe("queued");
      if (r.status === "queued") expect(r.nextAttemptAt.getTime() - now.getTime()).toBe(BASE_BACKOFF_MS);
    }
  });
  it("waits at least as long as the provider's Retry-After asks", () => {
    const r = afterAttempt(failure("retry", 503, "unavailable", undefined, 10 * 60_000), 1, now, resend);
    expect(r.status === "queued" && r.nextAttemptAt.getTime() - now.getTime()).toBe(10 * 60_000);
  });
  it("a rate limit (429) waits as asked and does not use up an attempt, even at the last one", () => {
    const throttled = httpFailure(429, "rate_limit_exceeded", 5_000);
    expect(throttled).toMatchObject({ ok: false, kind: "retry", throttled: true, retryAfterMs: 5_000 });
    const r = afterAttempt(throttled, MAX_ATTEMPTS, now, resend);
    expect(r).toMatchObject({ status: "queued", refund: true });
    expect(r.status === "queued" && r.nextAttemptAt.getTime() - now.getTime()).toBe(5_000);
  });
  it("an unknown outcome: sent again (same key, same bytes) through an idempotent provider, held otherwise", () => {
    expect(afterAttempt(failure("unknown", null, "UND_ERR_SOCKET"), 1, now, resend).status).toBe("queued");
    const held = afterAttempt(failure("unknown", null, "timeout"), 1, now, sms);
    expect(held.status).toBe("held");
    expect(held.status === "held" && held.error).toMatch(/may have been delivered/);
  });
  it("fails a permanent error at once", () => {
    expect(afterAttempt(failure("permanent", 422, "invalid"), 1, now, resend).status).toBe("failed");
  });
  it("gives up after the last attempt", () => {
    expect(afterAttempt(failure("retry", 503), MAX_ATTEMPTS, now, resend).status).toBe("failed");
    expect(afterAttempt(failure("retry", 503), MAX_ATTEMPTS - 1, now, resend).status).toBe("queued");
  });
  it("retries with growing delay until the limit", () => {
    const delays: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const next = afterAttempt(failure("retry", 503), attempt, now, resend);
      if (next.status === "queued") delays.push(next.nextAttemptAt.getTime() - now.getTime());
    }
    expect(delays).toHaveLength(MAX_ATTEMPTS - 1);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
  });
});

describe("backoff", () => {
  it("doubles per attempt and is capped", () => {
    expect(backoffMs(1, 0.5)).toBe(BASE_BACKOFF_MS);
    expect(backoffMs(2, 0.5)).toBe(2 * BASE_BACKOFF_MS);
    expect(backoffMs(3, 0.5)).toBe(4 * BASE_BACKOFF_MS);
    expect(backoffMs(30, 0.5)).toBe(MAX_BACKOFF_MS);
  });
  it("jitters between 50 % and 150 %", () => {
    expect(backoffMs(2, 0)).toBe(BASE_BACKOFF_MS);
    expect(backoffMs(2, 0.999)).toBeLessThan(3 * BASE_BACKOFF_MS);
  });
});

describe("classification by what the provider may have seen", () => {
  it("answers that say 'not now' are safe to retry: 408, 425, 429, 503", () => {
    for (const s of [408, 425, 429, 503]) expect(classifyHttpFailure(s)).toBe("retry");
  });
  it("5xx that may come after the provider acted are unknown: 500, 502, 504", () => {
    for (const s of [500, 502, 504]) expect(classifyHttpFailure(s)).toBe("unknown");
  });
  it("other 4xx are permanent (invalid number, bad request, unauthorised)", () => {
    for (const s of [400, 401, 403, 404, 422]) expect(classifyHttpFailure(s)).toBe("permanent");
  });
  it("Resend's idempotency answers: a key in progress is retried; a key already used means the email is there", () => {
    expect(classifyHttpFailure(409, "concurrent_idempotent_requests")).toBe("retry");
    expect(classifyHttpFailure(409, "invalid_idempotent_request")).toBe("already_accepted");
    expect(httpFailure(409, "invalid_idempotent_request")).toEqual({
      ok: true,
      providerId: null,
      note: "already accepted: 409 invalid_idempotent_request",
    });
    expect(classifyHttpFailure(409)).toBe("permanent");
  });
  it("network errors before the request left (refused, DNS, TLS) are safe; after (reset, closed, timeout) unknown", () => {
    for (const c of [
      "ECONNREFUSED",
      "ENOTFOUND",
      "EAI_AGAIN",
      "EHOSTUNREACH",
      "UND_ERR_CONNECT_TIMEOUT",
      "CERT_HAS_EXPIRED",
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "ERR_SSL_WRONG_VERSION_NUMBER",
    ]) {
      expect(classifyNetworkFailure(c), c).toBe("retry");
    }
    for (const c of [
      "ECONNRESET",
      "EPIPE",
      "UND_ERR_SOCKET",
      "UND_ERR_HEADERS_TIMEOUT",
      "UND_ERR_BODY_TIMEOUT",
      null,
    ]) {
      expect(classifyNetworkFailure(c), String(c)).toBe("unknown");
    }
  });
  it("reads the code from undici's wrapped errors and names timeouts", () => {
    const refused = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
    });
    expect(networkErrorCode(refused)).toBe("ECONNREFUSED");
    const aggregate = Object.assign(new TypeError("fetch failed"), {
      cause: Object.assign(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]), {}),
    });
    expect(networkErrorCode(aggregate)).toBe("ECONNREFUSED");
    expect(networkErrorCode(new DOMException("timed out", "TimeoutError"))).toBe("timeout");
    expect(networkFailure(refused)).toMatchObject({ ok: false, kind: "retry" });
    expect(networkFailure(new DOMException("timed out", "TimeoutError"))).toEqual({
      ok: false,
      kind: "unknown",
      error: "outcome unknown: no response timeout",
    });
  });
  it("builds error texts with status and code only", () => {
    expect(failure("retry", 503, "unavailable")).toEqual({
      ok: false,
      kind: "retry",
      error: "not taken: 503 unavailable",
    });
    expect(failure("permanent", 422, "invalid_msisdn")).toMatchObject({
      ok: false,
      kind: "permanent",
      error: "refused: 422 invalid_msisdn",
    });
  });
  it("reads Retry-After in seconds or as a date", () => {
    const now = new Date("2026-01-01T10:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 10:01:00 GMT", now)).toBe(60_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe("who holds a claim", () => {
  const me = senderIdentity("host-a", 100, "n1");
  const alive = (pid: number) => pid === 200;
  it("a process on this machine whose pid is gone is gone", () => {
    expect(claimerGone("300@host-a/x", me, alive)).toBe(true);
    expect(claimerGone("200@host-a/x", me, alive)).toBe(false);
  });
  it("our own pid with another nonce is an earlier life of this pid (a restarted container)", () => {
    expect(claimerGone("100@host-a/old", me, alive)).toBe(true);
    expect(claimerGone(me.id, me, alive)).toBe(false);
  });
  it("a process on another machine, or an unreadable claim, waits for its lease", () => {
    expect(claimerGone("300@host-b/x", me, alive)).toBe(false);
    expect(claimerGone("garbage", me, alive)).toBe(false);
    expect(claimerGone(null, me, alive)).toBe(true);
  });
});
