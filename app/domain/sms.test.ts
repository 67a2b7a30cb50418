import { describe, expect, it } from "vitest";
import { containsLink, isGsm7, isValidSenderId, smsInfo, smsSegments } from "./sms";
import { toMsisdn } from "./phone";

describe("SMS encoding and segments", () => {
  it("keeps Danish letters in GSM-7", () => {
    expect(isGsm7("Hej Søren, vi ses på Åboulevarden kl. 10 – nej: kl. 10")).toBe(false); // en dash is not GSM
    expect(isGsm7("Hej Søren, vi ses på Åboulevarden. Æble!")).toBe(true);
  });
  it("counts GSM-7: 160 in one segment, 153 per segment after", () => {
    expect(smsInfo("a".repeat(160))).toMatchObject({ encoding: "GSM-7", segments: 1, units: 160 });
    expect(smsSegments("a".repeat(161))).toBe(2);
    expect(smsSegments("a".repeat(306))).toBe(2);
    expect(smsSegments("a".repeat(307))).toBe(3);
    expect(smsSegments("")).toBe(0);
  });
  it("counts GSM-7 extension characters twice", () => {
    expect(smsInfo("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsInfo("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
    expect(smsInfo("a[b]c{d}").units).toBe(12);
  });
  it("uses UCS-2 for Arabic: 70 in one segment, 67 per segment after", () => {
    const arabic = "مرحبا"; // 5 letters
    expect(smsInfo(arabic)).toMatchObject({ encoding: "UCS-2", units: 5, segments: 1 });
    expect(smsSegments("م".repeat(70))).toBe(1);
    expect(smsSegments("م".repeat(71))).toBe(2);
    expect(smsSegments("م".repeat(134))).toBe(2);
    expect(smsSegments("م".repeat(135))).toBe(3);
  });
  it("one non-GSM character turns the whole message UCS-2", () => {
    expect(smsInfo("a".repeat(100) + "ł")).toMatchObject({ encoding: "UCS-2", segments: 2 });
    expect(smsInfo("Привіт").encoding).toBe("UCS-2"); // Ukrainian
    expect(smsInfo("ሰላም").encoding).toBe("UCS-2"); // Tigrinya
  });
  it("counts an emoji as two UTF-16 units", () => {
    expect(smsInfo("👍").units).toBe(2);
  });
});

describe("sender id, links and numbers", () => {
  it("accepts 1-11 alphanumerics with a letter", () => {
    expect(isValidSenderId("Mentorbro")).toBe(true);
    expect(isValidSenderId("Mentorbro DK")).toBe(false); // 12
    expect(isValidSenderId("12345678")).toBe(false);
    expect(isValidSenderId("Mentor-bro")).toBe(false);
    expect(isValidSenderId("")).toBe(false);
  });
  it("finds links", () => {
    expect(containsLink("Se https://x.dk")).toBe(true);
    expect(containsLink("Se www.x.dk")).toBe(true);
    expect(containsLink("Ring 12345678")).toBe(false);
  });
  it("normalises Danish numbers to MSISDN", () => {
    expect(toMsisdn("12 34 56 78")).toBe("4512345678");
    expect(toMsisdn("+45 12345678")).toBe("4512345678");
    expect(toMsisdn("004512345678")).toBe("4512345678");
    expect(toMsisdn("hello")).toBeNull();
  });
});
