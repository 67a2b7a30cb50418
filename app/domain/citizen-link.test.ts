import { describe, expect, it } from "vitest";
import {
  AFTER_COURSE_DAYS,
  citizenLinkState,
  CODE_MAX_ATTEMPTS,
  codeExpiry,
  contactCodeState,
  linkExpiry,
  LINK_DAYS,
  type LinkFacts,
} from "./citizen-link";
import { addDays } from "./dates";

const now = new Date("2026-03-01T12:00:00Z");
const today = "2026-03-01";
const facts = (o: Partial<LinkFacts> = {}): LinkFacts => ({
  expiresAt: linkExpiry(now),
  revokedAt: null,
  anonymised: false,
  menteeStatus: "in_course",
  courseEndedOn: null,
  courseRunning: true,
  ...o,
});

describe("the citizen's link", () => {
  it("is open while the citizen waits or is in a course", () => {
    expect(citizenLinkState(facts(), now, today)).toBe("open");
    expect(citizenLinkState(facts({ menteeStatus: "waiting", courseRunning: false }), now, today)).toBe("open");
  });
  it("expires LINK_DAYS after it was made", () => {
    const made = new Date(now.getTime() - LINK_DAYS * 86_400_000);
    expect(citizenLinkState(facts({ expiresAt: linkExpiry(made) }), now, today)).toBe("expired");
  });
  it("dies when revoked, withdrawn or erased", () => {
    expect(citizenLinkState(facts({ revokedAt: "2026-02-01T00:00:00Z" }), now, today)).toBe("revoked");
    expect(citizenLinkState(facts({ menteeStatus: "withdrawn" }), now, today)).toBe("closed");
    expect(citizenLinkState(facts({ anonymised: true }), now, today)).toBe("closed");
  });
  it("lives AFTER_COURSE_DAYS after the course ended, then closes", () => {
    const ended = (endedOn: string) =>
      facts({ menteeStatus: "completed", courseRunning: false, courseEndedOn: endedOn });
    expect(citizenLinkState(ended(addDays(today, -AFTER_COURSE_DAYS)), now, today)).toBe("open");
    expect(citizenLinkState(ended(addDays(today, -AFTER_COURSE_DAYS - 1)), now, today)).toBe("closed");
  });
  it("a new course after an early end keeps it open", () => {
    expect(citizenLinkState(facts({ courseEndedOn: "2025-01-01", courseRunning: true }), now, today)).toBe("open");
  });
});

describe("the code that confirms a new phone number or language", () => {
  const code = { expiresAt: codeExpiry(now), attempts: 0, confirmedAt: null };
  it("is open for a quarter of an hour", () => {
    expect(contactCodeState(code, now)).toBe("open");
    expect(contactCodeState(code, new Date(now.getTime() + 15 * 60_000))).toBe("expired");
  });
  it("locks after too many wrong tries and is used once", () => {
    expect(contactCodeState({ ...code, attempts: CODE_MAX_ATTEMPTS }, now)).toBe("locked");
    expect(contactCodeState({ ...code, confirmedAt: now.toISOString() }, now)).toBe("used");
  });
});

describe("asking for a new link by SMS", () => {
  it("knows the keywords, in any case, and nothing else", async () => {
    const { isPageLinkKeyword } = await import("./citizen-link");
    for (const w of ["LINK", "link", "Mig", "min side", "LINK."]) expect(isPageLinkKeyword(w), w).toBe(true);
    for (const w of ["STOP", "linket virker ikke", ""]) expect(isPageLinkKeyword(w), w).toBe(false);
  });
});
