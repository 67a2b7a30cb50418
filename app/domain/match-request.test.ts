import { describe, expect, it } from "vitest";
import { canAnswer, isOverdue, matchRequestStatuses, nextRequestStatus, requestDeadline } from "./match-request";

describe("the match request's state machine", () => {
  it("moves only from requested, once", () => {
    expect(nextRequestStatus("requested", "accept")).toBe("accepted");
    expect(nextRequestStatus("requested", "decline")).toBe("declined");
    expect(nextRequestStatus("requested", "expire")).toBe("expired");
    expect(nextRequestStatus("requested", "withdraw")).toBe("withdrawn");
    for (const s of matchRequestStatuses.filter((x) => x !== "requested")) {
      for (const e of ["accept", "decline", "expire", "withdraw"] as const)
        expect(nextRequestStatus(s, e), `${s} + ${e}`).toBeNull();
    }
  });

  it("gives the mentor until the end of the day N days later, then expires", () => {
    const deadline = requestDeadline("2026-03-02T10:15:00.000Z", 5);
    expect(deadline).toBe("2026-03-07T23:59:59.999Z");
    expect(requestDeadline("2026-12-30T08:00:00.000Z", 5)).toBe("2027-01-04T23:59:59.999Z");
    // Asked at 00:30 in Copenhagen on 1 December: the days count from 1 December, the day the mentor saw it.
    expect(requestDeadline("2026-11-30T23:30:00.000Z", 5)).toBe("2026-12-06T23:59:59.999Z");
    const r = { status: "requested" as const, deadline };
    expect(canAnswer(r, "2026-03-07T23:59:00.000Z")).toBe(true);
    expect(isOverdue(r, "2026-03-07T23:59:00.000Z")).toBe(false);
    expect(isOverdue(r, "2026-03-08T00:00:00.000Z")).toBe(true);
    expect(canAnswer(r, "2026-03-08T00:00:00.000Z")).toBe(false);
    expect(canAnswer({ status: "accepted", deadline }, "2026-03-03T00:00:00.000Z")).toBe(false);
    expect(isOverdue({ status: "declined", deadline }, "2027-01-01T00:00:00.000Z")).toBe(false);
  });
});
