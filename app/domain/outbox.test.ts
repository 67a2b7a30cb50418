import { describe, expect, it } from "vitest";
import { afterAttempt, assertTransition, backoffMs, canTransition, isTransientHttpStatus, MAX_ATTEMPTS, BASE_BACKOFF_MS, MAX_BACKOFF_MS } from "./outbox";
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

describe("after an attempt", () => {
  const now = new Date("2026-01-01T10:00:00Z");
  it("marks a success sent with the provider id", () => {
    expect(afterAttempt({ ok: true, providerId: "p1" }, 1, now)).toEqual({ status: "sent", providerId: "p1" });
  });
  it("requeues a transient failure later", () => {
    const r = afterAttempt({ ok: false, permanent: false, error: "503" }, 1, now, 0.5);
    expect(r.status).toBe("queued");
    if (r.status === "queued") expect(r.nextAttemptAt.getTime() - now.getTime()).toBe(BASE_BACKOFF_MS);
  });
  it("fails a permanent error at once", () => {
    expect(afterAttempt({ ok: false, permanent: true, error: "invalid number" }, 1, now).status).toBe("failed");
  });
  it("gives up after the last attempt", () => {
    expect(afterAttempt({ ok: false, permanent: false, error: "503" }, MAX_ATTEMPTS, now).status).toBe("failed");
    expect(afterAttempt({ ok: false, permanent: false, error: "503" }, MAX_ATTEMPTS - 1, now).status).toBe("queued");
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
  it("classifies HTTP statuses", () => {
    expect(isTransientHttpStatus(500)).toBe(true);
    expect(isTransientHttpStatus(429)).toBe(true);
    expect(isTransientHttpStatus(400)).toBe(false);
    expect(isTransientHttpStatus(422)).toBe(false);
  });
});

describe("error classification", async () => {
  const { classifyFailure, failure } = await import("./outbox");
  it("retries timeouts, network errors, 408, 429 and 5xx", () => {
    expect(classifyFailure(null)).toBe("transient");
    for (const s of [408, 429, 500, 502, 503, 504]) expect(classifyFailure(s)).toBe("transient");
  });
  it("fails at once on other 4xx (invalid number, bad request, unauthorised)", () => {
    for (const s of [400, 401, 403, 404, 422]) expect(classifyFailure(s)).toBe("permanent");
  });
  it("lets a provider code say transient (idempotent request still in flight)", () => {
    expect(classifyFailure(409, "concurrent_idempotent_requests")).toBe("transient");
    expect(classifyFailure(409, "invalid_idempotent_request")).toBe("permanent");
  });
  it("builds a result with status and code only", () => {
    expect(failure(503, "unavailable")).toEqual({ ok: false, permanent: false, error: "503 unavailable" });
    expect(failure(null, "timeout")).toEqual({ ok: false, permanent: false, error: "no response timeout" });
    expect(failure(422, "invalid_msisdn")).toMatchObject({ ok: false, permanent: true });
  });
  it("a transient failure retries with growing delay until the limit, then fails", () => {
    const t0 = new Date("2026-01-01T10:00:00Z");
    const delays: number[] = [];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const next = afterAttempt(failure(503, null), attempt, t0, 0.5);
      expect(next.status).toBe("queued");
      if (next.status === "queued") delays.push(next.nextAttemptAt.getTime() - t0.getTime());
    }
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    expect(afterAttempt(failure(503, null), MAX_ATTEMPTS, t0).status).toBe("failed");
    expect(afterAttempt(failure(400, "invalid_msisdn"), 1, t0).status).toBe("failed");
  });
});
