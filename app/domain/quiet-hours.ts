/**
 * Quiet hours for SMS: nobody gets a text between 21:00 and 08:00 in Copenhagen. A message due in that window waits
 * until 08:00 local time. Works across the daylight-saving changes (offset +01:00 in winter, +02:00 in summer).
 */
const ZONE = "Europe/Copenhagen";
export const QUIET_START_HOUR = 21;
export const QUIET_END_HOUR = 8;

export type Local = { year: number; month: number; day: number; hour: number; minute: number };

const fmt = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function local(d: Date): Local {
  const parts = Object.fromEntries(fmt.formatToParts(d).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute };
}

/** Copenhagen's offset from UTC in minutes at an instant. */
function offsetMinutes(d: Date): number {
  const l = local(d);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute);
  return Math.round((asUtc - Math.floor(d.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of a wall-clock time in Copenhagen (for hours that exist on that day, e.g. 08:00). */
export function copenhagenInstant(year: number, month: number, day: number, hour: number, minute = 0): Date {
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const guess = new Date(naive - 60 * 60_000);
  const first = new Date(naive - offsetMinutes(guess) * 60_000);
  return new Date(naive - offsetMinutes(first) * 60_000);
}

/** The wall clock in Copenhagen at an instant (date and time as numbers). */
export function copenhagenWallClock(d: Date): Local {
  return local(d);
}

export function isQuietHour(at: Date): boolean {
  const { hour } = local(at);
  return hour >= QUIET_START_HOUR || hour < QUIET_END_HOUR;
}

/** The earliest instant at or after `at` when an SMS may go out. */
export function nextSmsWindow(at: Date): Date {
  if (!isQuietHour(at)) return at;
  const l = local(at);
  if (l.hour < QUIET_END_HOUR) return copenhagenInstant(l.year, l.month, l.day, QUIET_END_HOUR);
  // Evening: 08:00 on the next calendar day (date arithmetic in UTC on the calendar date, not on hours).
  const next = new Date(Date.UTC(l.year, l.month - 1, l.day + 1));
  return copenhagenInstant(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), QUIET_END_HOUR);
}
