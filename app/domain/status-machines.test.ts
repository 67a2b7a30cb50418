import { describe, expect, it } from "vitest";
import {
  courseStatuses,
  menteeStatuses,
  mentorStatuses,
  openingStatuses,
  placementStatuses,
  proposalStatuses,
} from "./enums";
import { matchRequestStatuses } from "./match-request";
import { canChangeStatus, initialStatuses, statusEntities, statusTransitions } from "./status-machines";

const statusesOf = {
  mentor: mentorStatuses,
  mentee: menteeStatuses,
  course: courseStatuses,
  placement: placementStatuses,
  opening: openingStatuses,
  proposal: proposalStatuses,
  match_request: matchRequestStatuses,
} as const;

describe("the status machines as one table", () => {
  it("covers every status of every entity, and names only known statuses", () => {
    for (const e of statusEntities) {
      const table = statusTransitions[e] as Record<string, readonly string[]>;
      expect(Object.keys(table).sort(), e).toEqual([...statusesOf[e]].sort());
      for (const tos of Object.values(table))
        for (const to of tos) expect(statusesOf[e] as readonly string[], e).toContain(to);
      for (const s of initialStatuses[e]) expect(statusesOf[e] as readonly string[], e).toContain(s);
    }
  });
  it("never lists a status as following itself (no history row for no change)", () => {
    for (const e of statusEntities) {
      for (const [from, tos] of Object.entries(statusTransitions[e] as Record<string, readonly string[]>))
        expect(tos, `${e} ${from}`).not.toContain(from);
    }
  });
  it("derives the course's changes from its events", () => {
    expect(canChangeStatus("course", "approved", "active")).toBe(true);
    expect(canChangeStatus("course", "active", "paused")).toBe(true);
    expect(canChangeStatus("course", "paused", "completed")).toBe(true);
    expect(canChangeStatus("course", "proposed", "ended_early")).toBe(true); // cancel
    expect(canChangeStatus("course", "completed", "active")).toBe(false);
    expect(canChangeStatus("course", "approved", "paused")).toBe(false);
  });
  it("derives the placement's, opening's and proposal's changes from their machines", () => {
    expect(canChangeStatus("placement", "planned", "cancelled")).toBe(true);
    expect(canChangeStatus("placement", "active", "cancelled")).toBe(false);
    expect(canChangeStatus("opening", "filled", "open")).toBe(true);
    expect(canChangeStatus("opening", "closed", "filled")).toBe(false);
    expect(canChangeStatus("proposal", "proposed", "accepted")).toBe(true);
    expect(canChangeStatus("proposal", "accepted", "declined")).toBe(false);
  });
  it("lets a match request be answered once", () => {
    expect(canChangeStatus("match_request", "requested", "withdrawn")).toBe(true);
    expect(canChangeStatus("match_request", "declined", "accepted")).toBe(false);
  });
  it("keeps the mentor's own rules", () => {
    expect(canChangeStatus("mentor", "applied", "screening")).toBe(true);
    expect(canChangeStatus("mentor", "applied", "active")).toBe(false);
  });
  it("creates records only in their first statuses", () => {
    expect(canChangeStatus("mentee", null, "waiting")).toBe(true);
    expect(canChangeStatus("mentee", null, "in_course")).toBe(false);
    expect(canChangeStatus("mentor", null, "applied")).toBe(true);
    expect(canChangeStatus("mentor", null, "approved")).toBe(false);
    expect(canChangeStatus("match_request", null, "requested")).toBe(true);
  });
});
