/**
 * TOTP (RFC 6238) with HMAC-SHA1, 6 digits, 30-second steps: what authenticator apps speak. The arithmetic and the
 * base32 secrets are the `otpauth` library's; this module fixes our parameters in one place. The unit test holds it to
 * the RFC's test vectors.
 */
import { Secret, TOTP } from "otpauth";

const ISSUER = "Mentorbro";
const SECRET_BYTES = 20;

function generator(secretBase32: string, digits = 6, period = 30, account = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: account,
    algorithm: "SHA1",
    digits,
    period,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret, base32 (what the authenticator app is given). */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The code for a moment (tests, the demo's `npm run demo:code`). */
export function totp(secretBase32: string, timeMs: number, digits = 6, stepSeconds = 30): string {
  return generator(secretBase32, digits, stepSeconds).generate({ timestamp: timeMs });
}

/** Accepts the current step and one on either side (clock drift); never throws on a damaged secret or code. */
export function verifyTotp(secretBase32: string, code: string, timeMs: number, window = 1): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  try {
    return generator(secretBase32).validate({ token: code, timestamp: timeMs, window }) !== null;
  } catch {
    return false;
  }
}

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, account: string): string {
  return generator(secretBase32, 6, 30, account).toString();
}
