/**
 * The one place the app asks what time it is. Tests (and the e2e "simulated clock") move time by setting an
 * offset; production never does. Instants are ISO-8601 UTC strings, calendar dates are YYYY-MM-DD strings.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}
export function nowIso(): string {
  return now().toISOString();
}
/** Today's calendar date in Copenhagen (where the programme runs). */
export function today(): string {
  return copenhagenDate(now());
}
/** Made once: an Intl formatter costs far more to make than to use. */
const copenhagenDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
export function copenhagenDate(d: Date): string {
  return copenhagenDay.format(d);
}
export function setClockOffset(ms: number): void {
  offsetMs = ms;
}
export function getClockOffset(): number {
  return offsetMs;
}
