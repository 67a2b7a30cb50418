/**
 * Meetings planned ahead (issue 21): the wall-clock time a mentor types (Copenhagen) as an instant, when the citizen's
 * reminder goes out, the life of a planned meeting and when the mentor is asked to log it. Pure: no clock (now comes
 * in), no database. Times are Copenhagen wall-clock times on the page and in messages; instants (UTC) in the database.
 */
import { addDays } from "./dates";
import type { PlannedMeetingStatus } from "./enums";
import { copenhagenInstant, copenhagenWallClock, nextSmsWindow, QUIET_START_HOUR, QUIET_END_HOUR } from "./quiet-hours";

/** The reminder goes out the day before the meeting at this hour (Copenhagen), well inside the SMS hours (08-21). */
export const REMINDER_HOUR = 17;
/** A reminder queued later than this before the meeting is not worth sending (the meeting was just planned). */
export const REMINDER_MIN_LEAD_MS = 3 * 3_600_000;
/** How far ahead a meeting may be planned. */
export const PLAN_MAX_DAYS_AHEAD = 120;
/** The mentor is asked to log a planned meeting once it has ended, and can confirm it up to this many days after. */
export const CONFIRM_MAX_DAYS_AFTER = 60;

const pad = (n: number) => String(n).padStart(2, "0");

/** The Copenhagen date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function localDateTime(at: Date | string): { date: string; time: string } {
  const l = copenhagenWallClock(typeof at === "string" ? new Date(at) : at);
  return { date: `${l.year}-${pad(l.month)}-${pad(l.day)}`, time: `${pad(l.hour)}:${pad(l.minute)}` };
}

/**
 * The instant of a Copenhagen wall-clock time, or null when that time does not exist (the hour skipped when summer
 * time begins). A time that happens twice (the hour repeated in October) is the second, in winter time.
 */
export function instantOf(date: string, time: string): Date | null {
  const d = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const t = time.match(/^(\d{2}):(\d{2})$/);
  if (!d || !t) return null;
  const [y, m, day, h, min] = [+d[1], +d[2], +d[3], +t[1], +t[2]];
  if (h > 23 || min > 59) return null;
  const at = copenhagenInstant(y, m, day, h, min);
  const back = localDateTime(at);
  return back.date === date && back.time === time ? at : null;
}

/**
 * When the citizen's reminder of a meeting starting at `startsAt` goes out, seen at `now`: the day before at
 * REMINDER_HOUR Copenhagen time. When that has passed (the meeting was planned late), as soon as an SMS may go out,
 * if that still leaves REMINDER_MIN_LEAD_MS before the meeting; otherwise null (no reminder).
 */
export function reminderAt(startsAt: Date, now: Date): Date | null {
  const { date } = localDateTime(startsAt);
  const before = addDays(date, -1);
  const [y, m, d] = before.split("-").map(Number);
  const planned = copenhagenInstant(y, m, d, REMINDER_HOUR);
  const at = planned.getTime() >= now.getTime() ? planned : nextSmsWindow(now);
  return startsAt.getTime() - at.getTime() >= REMINDER_MIN_LEAD_MS ? at : null;
}

/** True when an instant is inside the hours an SMS may go out (08:00-21:00 Copenhagen). */
export function isAllowedHour(at: Date): boolean {
  const { hour } = copenhagenWallClock(at);
  return hour >= QUIET_END_HOUR && hour < QUIET_START_HOUR;
}

/** The Copenhagen day whose daily job queues the reminder of a meeting (the day before it); earlier days leave it. */
export function reminderDay(startsAt: Date): string {
  return addDays(localDateTime(startsAt).date, -1);
}

/** The end of a planned meeting. */
export function endsAt(startsAt: Date, minutes: number): Date {
  return new Date(startsAt.getTime() + minutes * 60_000);
}

/** What may happen to a planned meeting, by status. Held, missed and cancelled are final. */
const transitions: Record<PlannedMeetingStatus, readonly PlannedMeetingStatus[]> = {
  planned: ["planned", "held", "missed", "cancelled"],
  held: [],
  missed: [],
  cancelled: [],
};
export function canMove(from: PlannedMeetingStatus, to: PlannedMeetingStatus): boolean {
  return transitions[from].includes(to);
}

export type PlannedLite = { status: PlannedMeetingStatus; startsAt: string; minutes: number };

/** A planned meeting that has ended and waits for the mentor to say whether it happened. */
export function awaitsLogging(m: PlannedLite, now: Date): boolean {
  if (m.status !== "planned") return false;
  const end = endsAt(new Date(m.startsAt), m.minutes).getTime();
  return end <= now.getTime() && now.getTime() - end <= CONFIRM_MAX_DAYS_AFTER * 86_400_000;
}

/** Whether a planned meeting may still be changed or cancelled (planned, not yet begun). */
export function changeable(m: PlannedLite, now: Date): boolean {
  return m.status === "planned" && new Date(m.startsAt).getTime() > now.getTime();
}

export type PlanCheck =
  { ok: true; startsAt: Date } | { ok: false; field: "date" | "time"; reason: "no_such_time" | "past" | "too_far" };

/** The checks on a planned time (seen at `now`): it exists in Copenhagen, lies ahead, and not too far. */
export function checkPlannedTime(date: string, time: string, now: Date): PlanCheck {
  const at = instantOf(date, time);
  if (!at) return { ok: false, field: "time", reason: "no_such_time" };
  if (at.getTime() <= now.getTime()) return { ok: false, field: "date", reason: "past" };
  if (at.getTime() - now.getTime() > PLAN_MAX_DAYS_AHEAD * 86_400_000)
    return { ok: false, field: "date", reason: "too_far" };
  return { ok: true, startsAt: at };
}
