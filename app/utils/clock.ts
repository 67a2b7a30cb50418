/**
 * The one place the app asks what time it is. Tests (and the e2e "simulated clock") move time by setting an
 * offset; production never does. Instants are ISO-8601 UTC strings, calendar dates are YYYY-MM-DD strings.
 */
import { copenhagenDate } from "../domain/dates";

export { copenhagenDate };

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
export function setClockOffset(ms: number): void {
  offsetMs = ms;
}
export function getClockOffset(): number {
  return offsetMs;
}
