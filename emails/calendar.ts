/**
 * Calendar invites for planned meetings (issue 21), made with ical-generator: the meeting's wall-clock time in
 * Europe/Copenhagen (DTSTART;TZID=Europe/Copenhagen) with the zone's VTIMEZONE from @touch4it/ical-timezones, so every
 * calendar shows the right local time on both sides of a daylight-saving change (docs/decisions/012). The instants
 * are turned into Copenhagen wall-clock values by @date-fns/tz (TZDate), never by the server's own time zone.
 *
 * One UID per planned meeting; every change raises SEQUENCE (an update replaces the event in the recipient's
 * calendar), and a cancellation is METHOD:CANCEL with STATUS:CANCELLED. The organiser is our sender address and the
 * recipient is the one attendee (no RSVP asked: a reply would reach no one).
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import type { MessageAttachment } from "../db/schema";

export const MEETING_TIME_ZONE = "Europe/Copenhagen";

export type MeetingInvite = {
  /** Stable per planned meeting, e.g. `planned-12@mentorbro`. */
  uid: string;
  sequence: number;
  cancelled: boolean;
  /** ISO instant (UTC). */
  startsAt: string;
  minutes: number;
  summary: string;
  location: string | null;
  description: string | null;
  organizerEmail: string;
  attendeeEmail: string;
  /** ISO instant: when the invite was made (DTSTAMP). */
  stamp: string;
};

export function meetingIcs(m: MeetingInvite): string {
  const cal = ical({
    prodId: { company: "Mentorbro", product: "Mentorbro", language: "DA" },
    method: m.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  // The VTIMEZONE for every zone the events use; the calendar's own stamps stay UTC.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  cal.x([{ key: "X-WR-TIMEZONE", value: MEETING_TIME_ZONE }]);
  const start = new Date(m.startsAt);
  cal.createEvent({
    id: m.uid,
    sequence: m.sequence,
    stamp: new Date(m.stamp),
    start: new TZDate(start, MEETING_TIME_ZONE),
    end: new TZDate(new Date(start.getTime() + m.minutes * 60_000), MEETING_TIME_ZONE),
    timezone: MEETING_TIME_ZONE,
    summary: m.summary,
    location: m.location || null,
    description: m.description || null,
    status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: "Mentorbro", email: m.organizerEmail },
    attendees: [{ email: m.attendeeEmail, rsvp: false }],
  });
  return cal.toString();
}

/** The invite as an email attachment. */
export function meetingIcsAttachment(m: MeetingInvite): MessageAttachment {
  return {
    filename: "invite.ics",
    contentType: `text/calendar; charset=utf-8; method=${m.cancelled ? "CANCEL" : "REQUEST"}`,
    content: meetingIcs(m),
  };
}
