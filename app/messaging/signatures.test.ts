import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { secretMatches, signJwtHs256, svixSign, verifyJwtHs256, verifySvix } from "./signatures";

const secret = "whsec_" + Buffer.from("a-very-secret-key-for-tests").toString("base64");
const body = JSON.stringify({ type: "email.delivered", data: { email_id: "abc" } });
const now = 1_780_000_000_000;
const ts = String(now / 1000);

describe("Svix (Resend) signatures", () => {
  it("matches an independently computed HMAC-SHA256 over id.timestamp.body", () => {
    const manual = createHmac("sha256", Buffer.from("a-very-secret-key-for-tests")).update(`msg_1.${ts}.${body}`).digest("base64");
    expect(svixSign(secret, "msg_1", ts, body)).toBe(manual);
  });
  it("accepts a good signature, also among several", () => {
    const sig = svixSign(secret, "msg_1", ts, body);
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: `v1,${sig}` }, body, now)).toEqual({ ok: true });
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: `v1,AAAA v1,${sig}` }, body, now)).toEqual({ ok: true });
  });
  it("refuses a changed body, id, wrong secret or missing headers", () => {
    const sig = `v1,${svixSign(secret, "msg_1", ts, body)}`;
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: sig }, body + " ", now)).toMatchObject({ ok: false, reason: "bad_signature" });
    expect(verifySvix(secret, { id: "msg_2", timestamp: ts, signature: sig }, body, now)).toMatchObject({ ok: false });
    expect(verifySvix("whsec_" + Buffer.from("other").toString("base64"), { id: "msg_1", timestamp: ts, signature: sig }, body, now)).toMatchObject({ ok: false });
    expect(verifySvix(secret, { id: null, timestamp: ts, signature: sig }, body, now)).toMatchObject({ ok: false, reason: "missing" });
    expect(verifySvix(secret, { id: "msg_1", timestamp: ts, signature: "v2,xyz" }, body, now)).toMatchObject({ ok: false, reason: "bad_signature" });
  });
  it("refuses old and future timestamps (replay)", () => {
    const old = String(now / 1000 - 600);
    const sig = `v1,${svixSign(secret, "msg_1", old, body)}`;
    expect(verifySvix(secret, { id: "msg_1", timestamp: old, signature: sig }, body, now)).toMatchObject({ ok: false, reason: "stale" });
    const future = String(now / 1000 + 600);
    expect(verifySvix(secret, { id: "msg_1", timestamp: future, signature: `v1,${svixSign(secret, "msg_1", future, body)}` }, body, now)).toMatchObject({ ok: false, reason: "stale" });
    expect(verifySvix(secret, { id: "msg_1", timestamp: "abc", signature: sig }, body, now)).toMatchObject({ ok: false, reason: "stale" });
  });
});

describe("HS256 JWT (GatewayAPI)", () => {
  it("round-trips claims", () => {
    const token = signJwtHs256("s3cret", { id: 42, status: "DELIVERED" });
    expect(verifyJwtHs256("s3cret", token, now)).toEqual({ id: 42, status: "DELIVERED" });
  });
  it("refuses a wrong secret, tampering, alg none, expired and garbage", () => {
    const token = signJwtHs256("s3cret", { id: 42 });
    expect(verifyJwtHs256("other", token, now)).toBeNull();
    const [h, , s] = token.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ id: 43 })).toString("base64url")}.${s}`;
    expect(verifyJwtHs256("s3cret", forged, now)).toBeNull();
    const none = `${Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url")}.${Buffer.from("{}").toString("base64url")}.`;
    expect(verifyJwtHs256("s3cret", none, now)).toBeNull();
    expect(verifyJwtHs256("s3cret", signJwtHs256("s3cret", { exp: now / 1000 - 1 }), now)).toBeNull();
    expect(verifyJwtHs256("s3cret", "a.b", now)).toBeNull();
    expect(verifyJwtHs256("s3cret", null, now)).toBeNull();
  });
  it("compares shared secrets", () => {
    expect(secretMatches("abc", "abc")).toBe(true);
    expect(secretMatches("abc", "abd")).toBe(false);
    expect(secretMatches("abc", null)).toBe(false);
  });
});
