import { describe, expect, it } from "vitest";
import { isDanishPostcode, normalisePhone } from "./phone";

describe("normalisePhone", () => {
  it.each([
    ["12345678", null],
    ["22 33 44 55", "+4522334455"],
    ["+45 22 33 44 55", "+4522334455"],
    ["0045 22334455", "+4522334455"],
    ["(+45) 2233-4455", "+4522334455"],
    ["+46 70 123 45 67", "+46701234567"],
    ["+4522", null],
    ["abc", null],
    ["22334455x", null],
    ["", null],
    ["+45 12345678", null],
  ])("%s → %s", (input, expected) => expect(normalisePhone(input)).toBe(expected));
});

describe("isDanishPostcode", () => {
  it.each([["8000", true], ["1000", true], ["9990", true], ["0999", false], ["800", false], ["80000", false], ["99a0", false], ["9999", false]])(
    "%s → %s", (input, expected) => expect(isDanishPostcode(input)).toBe(expected));
});
