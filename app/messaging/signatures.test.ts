import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { secretMatches, signJwtHs256, svixSign, verifyJwtHs256, verifySvix } from "./signatures";

const secret = "whsec_" + Buffer.from("a-very-secret-key-for-tests").toString("base64");
const body = JSON.stringify({ type: "email.delivered", data: { email_id: "abc" } });
const now = 1_780_000_000_000;
const ts = String(now / 1000);
const b64url = (x: string) => Buffer.from(x).toString("base64url");

describe("Svix (Resend) signatures", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(now);
  });
  afterEach(() => vi.useRealTimers());

  it("matches an independently computed HMAC-SHA256 over id.timestamp.body", () => {
    const manual = createHmac("sha256", Buffer.from("a-very-secret-key-for-tests"))
      .update(`msg_1.${ts}.${body}`)
      .digest("base64");
    expect(svixSign(secret, "msg_1", ts, body)).toBe(manual);
  });
  it("accepts a good signature, also among several, and a body that is not JSON", () => {
    const sig = svixSign(secret, "msg_1", ts, body);
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: `v1,${sig}` }, body)).toEqual({ ok: true });
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: `v1,AAAA v1,${sig}` }, body)).toEqual({
      ok: true,
    });
    expect(
      verifySvix(
        secret,
        { id: "msg_1", timestamp: ts, signature: `v1,${svixSign(secret, "msg_1", ts, "not json")}` },
        "not json",
      ),
    ).toEqual({ ok: true });
  });
  it("refuses a changed body, id, wrong secret or missing headers", () => {
    const sig = `v1,${svixSign(secret, "msg_1", ts, body)}`;
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: sig }, body + " ")).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
    expect(verifySvix(secret, { id: "msg_2", timestamp: ts, signature: sig }, body)).toMatchObject({ ok: false });
    expect(
      verifySvix(
        "whsec_" + Buffer.from("other").toString("base64"),
        { id: "msg_1", timestamp: ts, signature: sig },
        body,
      ),
    ).toMatchObject({ ok: false });
    expect(verifySvix(secret, { id: null, timestamp: ts, signature: sig }, body)).toMatchObject({
      ok: false,
      reason: "missing",
    });
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: "v2,xyz" }, body)).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });
  it("refuses old and future timestamps (replay)", () => {
    const old = String(now / 1000 - 600);
    const sig = `v1,${svixSign(secret, "msg_1", old, body)}`;
    expect(verifySvix(secret, { id: "msg_1", timestamp: old, signature: sig }, body)).toMatchObject({
      ok: false,
      reason: "stale",
    });
    const future = String(now / 1000 + 600);
    expect(
      verifySvix(
        secret,
        { id: "msg_1", timestamp: future, signature: `v1,${svixSign(secret, "msg_1", future, body)}` },
        body,
      ),
    ).toMatchObject({ ok: false, reason: "stale" });
    expect(verifySvix(secret, { id: "msg_1", timestamp: "abc", signature: sig }, body)).toMatchObject({
      ok: false,
      reason: "stale",
    });
  });
});

describe("HS256 JWT (GatewayAPI)", () => {
  it("round-trips claims", async () => {
    const token = await signJwtHs256("s3cret", { id: 42, status: "DELIVERED" });
    expect(await verifyJwtHs256("s3cret", token, now)).toEqual({ id: 42, status: "DELIVERED" });
  });
  it("matches a token signed by hand (HMAC-SHA256 over header.payload)", async () => {
    const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const claims = b64url(JSON.stringify({ id: 7 }));
    const sig = createHmac("sha256", "s3cret").update(`${head}.${claims}`).digest("base64url");
    expect(await verifyJwtHs256("s3cret", `${head}.${claims}.${sig}`, now)).toEqual({ id: 7 });
  });
  it("refuses a wrong secret, tampering, alg none, expired and garbage", async () => {
    const token = await signJwtHs256("s3cret", { id: 42 });
    expect(await verifyJwtHs256("other", token, now)).toBeNull();
    const [h, , s] = token.split(".");
    const forged = `${h}.${b64url(JSON.stringify({ id: 43 }))}.${s}`;
    expect(await verifyJwtHs256("s3cret", forged, now)).toBeNull();
    const none = `${b64url(JSON.stringify({ alg: "none" }))}.${b64url("{}")}.`;
    expect(await verifyJwtHs256("s3cret", none, now)).toBeNull();
    expect(await verifyJwtHs256("s3cret", await signJwtHs256("s3cret", { exp: now / 1000 - 1 }), now)).toBeNull();
    expect(await verifyJwtHs256("s3cret", "a.b", now)).toBeNull();
    expect(await verifyJwtHs256("s3cret", null, now)).toBeNull();
  });
  it("compares shared secrets", () => {
    expect(secretMatches("abc", "abc")).toBe(true);
    expect(secretMatches("abc", "abd")).toBe(false);
    expect(secretMatches("abc", null)).toBe(false);
  });
});
