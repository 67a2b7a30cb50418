import { describe, expect, it } from "vitest";
import { completeCvr, isValidCvr, normaliseCvr } from "./cvr";

describe("CVR numbers", () => {
  it("accept real numbers that pass the modulus-11 check", () => {
    // Novo Nordisk A/S, LEGO A/S, Danske Bank A/S
    for (const cvr of ["24256790", "54562519", "61126228"]) expect(isValidCvr(cvr), cvr).toBe(true);
  });
  it("refuse a number whose weighted digit sum is not a multiple of 11", () => {
    expect(isValidCvr("24256791")).toBe(false);
    expect(isValidCvr("54562510")).toBe(false);
    // one digit swapped
    expect(isValidCvr("42256790")).toBe(false);
  });
  it("refuse anything but eight digits not starting with 0", () => {
    for (const v of [
      "",
      "1234567",
      "123456789",
      "0000000 0",
      "00000000",
      "02425679",
      "2425679O",
      "abcdefgh",
      "２４２５６７９０",
    ]) {
      expect(isValidCvr(v), v).toBe(false);
    }
  });
  it("take away a DK prefix, spaces, dots and dashes", () => {
    expect(normaliseCvr(" DK 24 25 67 90 ")).toBe("24256790");
    expect(normaliseCvr("dk-24256790")).toBe("24256790");
    expect(normaliseCvr("24.25.67.90")).toBe("24256790");
    expect(normaliseCvr("2425-6790")).toBe("24256790");
    // not eight digits: left as typed, so the message can say what is wrong
    expect(normaliseCvr(" 1234 ")).toBe("1234");
    expect(normaliseCvr("DK123")).toBe("DK123");
  });
  it("complete seven digits with the check digit, when one exists", () => {
    expect(completeCvr("2425679")).toBe("24256790");
    expect(completeCvr("5456251")).toBe("54562519");
    for (let n = 1000000; n < 1000300; n++) {
      const c = completeCvr(String(n));
      if (c) expect(isValidCvr(c)).toBe(true);
    }
    // a remainder of 1 would need check digit 10: no valid number
    const none = Array.from({ length: 300 }, (_, i) => String(1000000 + i)).filter((s) => completeCvr(s) === null);
    expect(none.length).toBeGreaterThan(0);
    expect(completeCvr("0123456")).toBeNull();
  });
});
