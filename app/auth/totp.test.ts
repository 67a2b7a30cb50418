import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, newTotpSecret, totp, verifyTotp } from "./totp";

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890".
const SEED = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it("round-trips base32", () => {
    const raw = Buffer.from([0, 1, 2, 250, 255, 77, 13]);
    expect(base32Decode(base32Encode(raw))).toEqual(raw);
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
  });
  it("matches the RFC 4226 HOTP vectors", () => {
    const key = Buffer.from("12345678901234567890");
    expect([0, 1, 2, 3, 9].map((c) => hotp(key, c))).toEqual(["755224", "287082", "359152", "969429", "520489"]);
  });
  it("matches the RFC 6238 TOTP vectors (8 digits)", () => {
    expect(totp(SEED, 59_000, 8)).toBe("94287082");
    expect(totp(SEED, 1111111109_000, 8)).toBe("07081804");
    expect(totp(SEED, 20000000000_000, 8)).toBe("65353130");
  });
  it("accepts one step of drift and nothing more", () => {
    const t = 1_800_000_000_000;
    const code = totp(SEED, t);
    expect(verifyTotp(SEED, code, t)).toBe(true);
    expect(verifyTotp(SEED, code, t + 30_000)).toBe(true);
    expect(verifyTotp(SEED, code, t + 90_000)).toBe(false);
    expect(verifyTotp(SEED, "12345", t)).toBe(false);
    expect(verifyTotp("not base32!", code, t)).toBe(false);
  });
  it("makes 160-bit secrets", () => {
    expect(base32Decode(newTotpSecret())).toHaveLength(20);
  });
});
