/**
 * Calendar-date arithmetic on YYYY-MM-DD strings (no time zones involved), and the one place an instant becomes a
 * calendar date: the programme's day is Copenhagen's, so an instant's date is the date on a Copenhagen clock.
 */
const copenhagenDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const HOUR_MS = 3_600_000;
const datesByHour = new Map<number, string>();
/**
 * The Copenhagen calendar date of an instant. Copenhagen's offset from UTC is a whole number of hours and changes on
 * the hour, so every instant of one UTC hour has the same date there: the date is formatted once per hour (a list of
 * fifty rows formatted each instant anew, a few microseconds each), and the remembered hours are bounded.
 */
export function copenhagenDate(d: Date): string {
  const hour = Math.floor(d.getTime() / HOUR_MS);
  let date = datesByHour.get(hour);
  if (date === undefined) {
    date = copenhagenDay.format(d);
    if (datesByHour.size >= 50_000) datesByHour.clear();
    datesByHour.set(hour, date);
  }
  return date;
}
/**
 * The calendar date of a stored value: a date stays as it is; an instant (ISO UTC) becomes its Copenhagen date, so a
 * referral made at 00:30 on 1 December in Copenhagen (23:30 UTC on 30 November) is from 1 December, as the page shows.
 */
export function localDateOf(value: string): string {
  return value.length === 10 ? value : copenhagenDate(new Date(value));
}
function parse(d: string): [number, number, number] {
  const [y, m, day] = d.split("-").map(Number);
  return [y, m, day];
}
function fmt(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function addDays(date: string, days: number): string {
  const [y, m, d] = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parse(from);
  const [y2, m2, d2] = parse(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}
export function isDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const [y, m, d] = parse(v);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
