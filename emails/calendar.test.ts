/**
 * The calendar invite parsed as a calendar would (ical.js, Mozilla's parser): the time zone is Europe/Copenhagen, the
 * VTIMEZONE we send turns the wall-clock time into the right instant on both sides of a daylight-saving change, and
 * updates and cancellations keep the UID with a higher SEQUENCE.
 */
import { describe, expect, it } from "vitest";
import ICAL from "ical.js";
import { meetingIcs, type MeetingInvite } from "./calendar";
import { instantOf } from "../app/domain/planned-meetings";

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const vevent = cal.getFirstSubcomponent("vevent")!;
  const event = new ICAL.Event(vevent);
  return { cal, vevent, event };
}

const base = (o: Partial<MeetingInvite> = {}): MeetingInvite => ({
  uid: "planned-7@mentorbro",
  sequence: 0,
  cancelled: false,
  startsAt: instantOf("2026-03-27", "10:00")!.toISOString(),
  minutes: 90,
  summary: "Mentormøde med Amal",
  location: "Café Havnen, Aarhus",
  description: "CV; ansøgning, næste skridt",
  organizerEmail: "noreply@mentorbro.local",
  attendeeEmail: "mads@eksempel.dk",
  stamp: "2026-03-01T09:00:00.000Z",
  ...o,
});

describe("the calendar invite", () => {
  it("carries the meeting in Europe/Copenhagen with its VTIMEZONE, and the right instant in winter time", () => {
    const text = meetingIcs(base());
    expect(text).toContain("DTSTART;TZID=Europe/Copenhagen:20260327T100000");
    expect(text).toContain("X-WR-TIMEZONE:Europe/Copenhagen");
    const { cal, event } = parse(text);
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(event.startDate.zone?.tzid).toBe("Europe/Copenhagen");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-27T09:00:00.000Z"); // +01:00
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-03-27T10:30:00.000Z");
    expect(event.summary).toBe("Mentormøde med Amal");
    expect(event.location).toBe("Café Havnen, Aarhus");
    expect(event.description).toBe("CV; ansøgning, næste skridt");
    expect(event.uid).toBe("planned-7@mentorbro");
  });
  it("after the spring change (29 March 2026) the same wall-clock time is summer time", () => {
    const { event } = parse(meetingIcs(base({ startsAt: instantOf("2026-03-30", "10:00")!.toISOString() })));
    expect(event.startDate.toString()).toBe("2026-03-30T10:00:00");
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-03-30T08:00:00.000Z"); // +02:00
  });
  it("across the autumn change (25 October 2026)", () => {
    const before = parse(meetingIcs(base({ startsAt: instantOf("2026-10-24", "09:00")!.toISOString() }))).event;
    const after = parse(meetingIcs(base({ startsAt: instantOf("2026-10-26", "09:00")!.toISOString() }))).event;
    expect(before.startDate.toJSDate().toISOString()).toBe("2026-10-24T07:00:00.000Z");
    expect(after.startDate.toJSDate().toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });
  it("does not depend on the server's own time zone", () => {
    const was = process.env.TZ;
    process.env.TZ = "America/New_York";
    try {
      expect(meetingIcs(base())).toContain("DTSTART;TZID=Europe/Copenhagen:20260327T100000");
    } finally {
      if (was === undefined) delete process.env.TZ;
      else process.env.TZ = was;
    }
  });
  it("an update keeps the UID with a higher SEQUENCE; a cancellation says so", () => {
    const changed = parse(meetingIcs(base({ sequence: 2 }))).event;
    expect(changed.uid).toBe("planned-7@mentorbro");
    expect(changed.sequence).toBe(2);
    const cancelled = parse(meetingIcs(base({ sequence: 3, cancelled: true })));
    expect(cancelled.cal.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancelled.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.event.sequence).toBe(3);
  });
  it("stamps in UTC and names organiser and attendee", () => {
    const { vevent } = parse(meetingIcs(base()));
    expect(String(vevent.getFirstPropertyValue("dtstamp"))).toBe("2026-03-01T09:00:00Z");
    expect(String(vevent.getFirstPropertyValue("organizer")).toLowerCase()).toBe("mailto:noreply@mentorbro.local");
    expect(String(vevent.getFirstPropertyValue("attendee")).toLowerCase()).toBe("mailto:mads@eksempel.dk");
  });
});
