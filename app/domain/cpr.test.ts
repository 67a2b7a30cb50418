import { describe, expect, it } from "vitest";
import { containsCpr } from "./cpr";

describe("containsCpr", () => {
  it.each([
    "010190-1234",
    "0101901234",
    "010190 1234",
    "01 01 90 12 34",
    "01.01.90-1234",
    "010190–1234",
    "01/01/90-1234",
    // without a valid date it is still a CPR-like number
    "999999-9999",
    "320190-1234",
    // inside other text
    "Mit cpr er 010190-1234, ring gerne",
    "cpr:0101901234.",
    "(010190-1234)",
    // other scripts' digits
    "٠١٠١٩٠-١٢٣٤",
    "０１０１９０－１２３４",
  ])("finds %s", (text) => expect(containsCpr(text)).toBe(true));

  it.each([
    "",
    "Ali Hassan",
    "Jeg har arbejdet 10 år som tømrer",
    "Ring på 20 30 40 50",
    "+45 20 30 40 50",
    "+4520304050",
    "0045 20 30 40 50",
    "CVR 12345678",
    "2026-11-30",
    "1 2 3",
    "01019012345",
    "123456789",
    "12 34 56 78 9",
    "Møde 10-12 den 3/4",
    "Postnummer 8000 Aarhus C",
  ])("leaves %s alone", (text) => expect(containsCpr(text)).toBe(false));
});
