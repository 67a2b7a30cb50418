import { describe, expect, it } from "vitest";
import { checkPhone, isDanishPostcode, normalisePhone, phoneKey } from "./phone";

describe("normalisePhone (validated for the country with libphonenumber-js)", () => {
  it.each([
    ["22 33 44 55", "+4522334455"],
    ["+45 22 33 44 55", "+4522334455"],
    ["0045 22334455", "+4522334455"],
    ["(+45) 2233-4455", "+4522334455"],
    ["+46 70 123 45 67", "+46701234567"],
    ["+963 944 123 456", "+963944123456"],
    ["+380 67 123 4567", "+380671234567"],
    // not numbers of any country
    ["12345678", null],
    ["+45 12345678", null],
    ["00000000", null],
    ["0101901234", null],
    ["+0101901234", null],
    ["+4522", null],
    ["abc", null],
    ["22334455x", null],
    ["ring 22334455", null],
    ["", null],
  ])("%s → %s", (input, expected) => expect(normalisePhone(input)).toBe(expected));
});

describe("checkPhone", () => {
  it("says when a 'number' is a CPR number, so the form can tell why", () => {
    expect(checkPhone("010190-1234")).toEqual({ ok: false, reason: "cpr" });
    expect(checkPhone("0101901234")).toEqual({ ok: false, reason: "cpr" });
    expect(checkPhone("00000000")).toEqual({ ok: false, reason: "invalid" });
    expect(checkPhone("20 30 40 50")).toEqual({ ok: true, e164: "+4520304050" });
  });
});

describe("phoneKey", () => {
  it("compares numbers however they were written", () => {
    expect(phoneKey("20304050")).toBe(phoneKey("+45 20 30 40 50"));
    expect(phoneKey("0046 70 123 45 67")).toBe("+46701234567");
    expect(phoneKey("+45 1234 5678")).toBe("+4512345678");
    expect(phoneKey(null)).toBeNull();
  });
});

describe("isDanishPostcode", () => {
  it.each([
    ["8000", true],
    ["1000", true],
    ["9990", true],
    ["0999", false],
    ["800", false],
    ["80000", false],
    ["99a0", false],
    ["9999", false],
  ])("%s → %s", (input, expected) => expect(isDanishPostcode(input)).toBe(expected));
});
