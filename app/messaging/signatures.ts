/**
 * Verifying that a webhook comes from the provider. Pure functions over node:crypto (no Remix, no database), so they
 * are unit-tested with known vectors.
 *
 * - Resend signs with Svix: headers svix-id, svix-timestamp (unix seconds), svix-signature ("v1,<base64> v1,<...>"),
 *   HMAC-SHA256 over `${id}.${timestamp}.${body}` with the secret "whsec_<base64 key>". Old timestamps are refused
 *   (replay), so are timestamps far in the future.
 * - GatewayAPI signs each webhook call with a JWT (HS256, shared secret) in the X-Gwapi-Signature header.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_TOLERANCE_S = 5 * 60;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function svixKey(secret: string): Buffer {
  const raw = secret.startsWith("whsec_") ? secret.slice(6) : secret;
  return Buffer.from(raw, "base64");
}

export function svixSign(secret: string, id: string, timestamp: number | string, body: string): string {
  return createHmac("sha256", svixKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
}

export type SvixHeaders = { id: string | null; timestamp: string | null; signature: string | null };
export type VerifyResult = { ok: true } | { ok: false; reason: "missing" | "stale" | "bad_signature" };

export function verifySvix(secret: string, h: SvixHeaders, body: string, nowMs: number): VerifyResult {
  if (!h.id || !h.timestamp || !h.signature) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(h.timestamp)) return { ok: false, reason: "stale" };
  const ts = Number(h.timestamp);
  if (Math.abs(nowMs / 1000 - ts) > WEBHOOK_TOLERANCE_S) return { ok: false, reason: "stale" };
  const expected = svixSign(secret, h.id, h.timestamp, body);
  const given = h.signature.split(" ").map((p) => p.split(",")).filter(([v, s]) => v === "v1" && s).map(([, s]) => s);
  return given.some((s) => safeEqual(s, expected)) ? { ok: true } : { ok: false, reason: "bad_signature" };
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString("base64url");

/** Makes an HS256 JWT (tests and the fake provider use it to sign like GatewayAPI does). */
export function signJwtHs256(secret: string, payload: Record<string, unknown>): string {
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const body = b64url(JSON.stringify(payload));
  const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}

/** Verifies an HS256 JWT; returns its claims, or null. Only HS256 is accepted (no "none", no algorithm confusion). */
export function verifyJwtHs256(secret: string, token: string | null | undefined, nowMs: number): Record<string, unknown> | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts;
  let header: unknown;
  let claims: unknown;
  try {
    header = JSON.parse(Buffer.from(head, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!header || typeof header !== "object" || (header as { alg?: unknown }).alg !== "HS256") return null;
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  if (!safeEqual(sig, expected)) return null;
  if (!claims || typeof claims !== "object" || Array.isArray(claims)) return null;
  const exp = (claims as { exp?: unknown }).exp;
  if (typeof exp === "number" && exp * 1000 < nowMs) return null;
  return claims as Record<string, unknown>;
}

/** Compares a shared secret (e.g. a token header) in constant time. */
export function secretMatches(expected: string, given: string | null | undefined): boolean {
  return !!given && safeEqual(expected, given);
}
