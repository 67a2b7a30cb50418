/**
 * Verifying that a webhook comes from the provider, with the libraries made for it (no Remix, no database), so they
 * are unit-tested with known vectors.
 *
 * - Resend signs with Svix, which is the Standard Webhooks scheme: headers svix-id, svix-timestamp (unix seconds),
 *   svix-signature ("v1,<base64> v1,<...>"), HMAC-SHA256 over `${id}.${timestamp}.${body}` with the secret
 *   "whsec_<base64 key>". `standardwebhooks` checks it, and refuses timestamps more than five minutes old or ahead
 *   (replay).
 * - GatewayAPI signs each webhook call with a JWT (HS256, shared secret) in the X-Gwapi-Signature header: `jose`
 *   checks it, HS256 only (no "none", no algorithm confusion), and its expiry when it has one.
 */
import { timingSafeEqual } from "node:crypto";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { jwtVerify, SignJWT } from "jose";

export type SvixHeaders = { id: string | null; timestamp: string | null; signature: string | null };
export type VerifyResult = { ok: true } | { ok: false; reason: "missing" | "stale" | "bad_signature" };

/** The signature Resend would send for this message (tests and the fake provider sign with it). */
export function svixSign(secret: string, id: string, timestamp: number | string, body: string): string {
  return new Webhook(secret).sign(id, new Date(Number(timestamp) * 1000), body).split(",")[1];
}

/** Checks a Resend webhook against the wall clock (the provider's clock, not the application's). */
export function verifySvix(secret: string, h: SvixHeaders, body: string): VerifyResult {
  if (!h.id || !h.timestamp || !h.signature) return { ok: false, reason: "missing" };
  if (!/^\d{1,12}$/.test(h.timestamp)) return { ok: false, reason: "stale" };
  try {
    new Webhook(secret).verify(
      body,
      { "webhook-id": h.id, "webhook-timestamp": h.timestamp, "webhook-signature": h.signature },
      { jsonParse: false },
    );
    return { ok: true };
  } catch (e) {
    const stale = e instanceof WebhookVerificationError && /timestamp/i.test(e.message);
    return { ok: false, reason: stale ? "stale" : "bad_signature" };
  }
}

const key = (secret: string) => new TextEncoder().encode(secret);

/** Makes an HS256 JWT (tests and the fake provider use it to sign like GatewayAPI does). */
export function signJwtHs256(secret: string, payload: Record<string, unknown>): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: "HS256", typ: "JWT" }).sign(key(secret));
}

/** Verifies an HS256 JWT at `nowMs`; returns its claims, or null. */
export async function verifyJwtHs256(
  secret: string,
  token: string | null | undefined,
  nowMs: number,
): Promise<Record<string, unknown> | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ["HS256"], currentDate: new Date(nowMs) });
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Compares a shared secret (e.g. a token header) in constant time. */
export function secretMatches(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const x = Buffer.from(expected);
  const y = Buffer.from(given);
  return x.length === y.length && timingSafeEqual(x, y);
}
