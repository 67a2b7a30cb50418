import { describe, expect, it } from "vitest";
import {
  canWithdraw,
  duplicateKey,
  isPossibleDuplicate,
  matchesIndustry,
  normaliseName,
  requiredConsents,
  waitingDays,
} from "./referrals";
import { sectionOf } from "./industries";
import { phoneKey as normalisePhone } from "./phone";

describe("duplicate detection", () => {
  const a = { firstName: "Amal", lastName: "Haddad", birthYear: 1990, phone: "+45 20 12 34 56" };
  it("sees the same person behind different spelling of spaces, case and phone prefix", () => {
    expect(
      isPossibleDuplicate(a, { firstName: " amal ", lastName: "HADDAD", birthYear: 1990, phone: "20123456" }),
    ).toBe(true);
    expect(isPossibleDuplicate(a, { ...a, phone: "0045 20-12-34-56" })).toBe(true);
  });
  it("needs name, birth year and phone all to match", () => {
    expect(isPossibleDuplicate(a, { ...a, birthYear: 1991 })).toBe(false);
    expect(isPossibleDuplicate(a, { ...a, phone: "20123457" })).toBe(false);
    expect(isPossibleDuplicate(a, { ...a, lastName: "Haddid" })).toBe(false);
    expect(isPossibleDuplicate(a, { ...a, firstName: "Amala" })).toBe(false);
  });
  it("has no key without a phone", () => {
    expect(duplicateKey({ ...a, phone: null })).toBeNull();
    expect(isPossibleDuplicate({ ...a, phone: "" }, { ...a, phone: "" })).toBe(false);
  });
  it("normalises names and phones", () => {
    expect(normaliseName("  Ali  Hassan-Omar ")).toBe("ali hassan omar");
    expect(normaliseName("ÆBLE")).toBe("æble");
    expect(normalisePhone("+46 70 123 45 67")).toBe("+46701234567");
    expect(normalisePhone(undefined)).toBeNull();
  });
});

describe("waiting time", () => {
  it("counts whole days since referral and is never negative", () => {
    expect(waitingDays("2026-01-01T09:00:00.000Z", "2026-01-31")).toBe(30);
    // Referred at 00:30 on 1 December in Copenhagen (23:30 UTC the day before): nothing waited yet that day.
    expect(waitingDays("2026-11-30T23:30:00.000Z", "2026-12-01")).toBe(0);
    expect(waitingDays("2026-03-01", "2026-03-01")).toBe(0);
    expect(waitingDays("2026-03-05T09:00:00.000Z", "2026-03-01")).toBe(0);
  });
});

describe("withdrawal", () => {
  it("is possible before the course starts, not after", () => {
    expect(canWithdraw("waiting")).toBe(true);
    expect(canWithdraw("matched")).toBe(true);
    expect(canWithdraw("in_course")).toBe(false);
    expect(canWithdraw("completed")).toBe(false);
    expect(canWithdraw("withdrawn")).toBe(false);
  });
});

describe("consents a referral needs", () => {
  it("always participation and sharing with the mentor, plus SMS when SMS is the channel", () => {
    expect(requiredConsents("email").sort()).toEqual(["participation", "share_with_mentor"]);
    expect(requiredConsents("sms").sort()).toEqual(["participation", "share_with_mentor", "sms"]);
  });
});

describe("queue industry filter", () => {
  it("matches a section through its divisions and a division exactly", () => {
    expect(matchesIndustry(["41", "56"], "F", sectionOf)).toBe(true);
    expect(matchesIndustry(["41", "56"], "I", sectionOf)).toBe(true);
    expect(matchesIndustry(["41", "56"], "Q", sectionOf)).toBe(false);
    expect(matchesIndustry(["41"], "41", sectionOf)).toBe(true);
    expect(matchesIndustry(["41"], "42", sectionOf)).toBe(false);
    expect(matchesIndustry([], undefined, sectionOf)).toBe(true);
  });
});
