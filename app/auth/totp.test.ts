import { describe, expect, it } from "vitest";
import { Secret } from "otpauth";
import { newTotpSecret, otpauthUri, totp, verifyTotp } from "./totp";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32).
const SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP", () => {
  it("matches the RFC 6238 TOTP vectors (8 digits)", () => {
    expect(totp(SEED, 59_000, 8)).toBe("94287082");
    expect(totp(SEED, 1111111109_000, 8)).toBe("07081804");
    expect(totp(SEED, 20000000000_000, 8)).toBe("65353130");
  });
  it("matches the RFC 4226 HOTP vectors at 6 digits (counter = time / 30 s)", () => {
    expect([0, 1, 2, 3, 9].map((c) => totp(SEED, c * 30_000))).toEqual([
      "755224",
      "287082",
      "359152",
      "969429",
      "520489",
    ]);
  });
  it("accepts one step of drift and nothing more", () => {
    const t = 1_800_000_000_000;
    const code = totp(SEED, t);
    expect(verifyTotp(SEED, code, t)).toBe(true);
    expect(verifyTotp(SEED, code, t + 30_000)).toBe(true);
    expect(verifyTotp(SEED, code, t - 30_000)).toBe(true);
    expect(verifyTotp(SEED, code, t + 90_000)).toBe(false);
    expect(verifyTotp(SEED, "12345", t)).toBe(false);
    expect(verifyTotp("not base32!", code, t)).toBe(false);
  });
  it("makes 160-bit secrets", () => {
    expect(Secret.fromBase32(newTotpSecret()).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(newTotpSecret());
  });
  it("gives authenticator apps the issuer, the account and our parameters", () => {
    const uri = new URL(otpauthUri(SEED, "admin@example.org"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(SEED);
    expect(uri.searchParams.get("issuer")).toBe("Mentorbro");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(decodeURIComponent(uri.pathname)).toContain("admin@example.org");
  });
});
