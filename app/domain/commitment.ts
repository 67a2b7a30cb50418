/**
 * Commitment arithmetic for a mentoring course (mentorforløb): 4 hours a month for 6 months, counted in course months
 * that run from the start date (not calendar months). Pure: calendar dates in, plain data out; no clock, no database.
 *
 * - Course month k starts at addMonths(start, k) (clamped: a course started on the 31st has a month starting on
 *   28/29 February), moved later by the length of every pause that began before it. An open pause (no end yet) counts
 *   up to `asOf`, so the plan keeps moving while the pause lasts.
 * - The planned end (`plannedEndDate`) is data: an extension sets a new one; ending a pause moves it by the pause
 *   length (`plannedEndAfterPause`). Every course month that starts before the planned end is part of the plan.
 * - Status: not started, paused, ended, no contact (21+ days without a meeting), behind (under 75 % of the target of
 *   the completed months), on track.
 */
import { addDays, addMonths, daysBetween } from "./dates";

export const TARGET_HOURS_PER_MONTH = 4;
export const COURSE_MONTHS = 6;
export const NUDGE_AFTER_DAYS = 21;
export const FLAG_AFTER_DAYS = 35;
export const END_PROMPT_DAYS_BEFORE = 14;
export const BEHIND_SHARE = 0.75;
export const FOLLOW_UP_START_DAYS = 7;
export const FOLLOW_UP_MIN_DAYS = 28;
export const FOLLOW_UP_MAX_DAYS = 42;
export const SURVEY_DAY = 30;
export const FOLLOW_UP_OUTCOME_MONTHS = 3;

export type Pause = { fromDate: string; toDate: string | null };
export type MeetingLite = { date: string; minutes: number };
export type CommitmentInput = {
  startDate: string;
  plannedEndDate: string;
  targetHoursPerMonth?: number;
  pauses?: Pause[];
  meetings?: MeetingLite[];
  /** Set when the course is over (completed or ended early). */
  endedOn?: string | null;
  paused?: boolean;
};

export type CourseMonth = {
  /** 1-based course month number. */
  index: number;
  from: string;
  /** Exclusive end: the next month's start (or the planned end for the last month). */
  to: string;
  targetHours: number;
  loggedHours: number;
  state: "past" | "current" | "future";
};

export type CommitmentStatus = "not_started" | "paused" | "ended" | "on_track" | "behind" | "no_contact";

export type Commitment = {
  months: CourseMonth[];
  totalTarget: number;
  totalLogged: number;
  /** Target of the course months completed by `asOf`. */
  expectedToDate: number;
  /** Hours logged in those completed months. */
  loggedInCompletedMonths: number;
  currentMonth: CourseMonth | null;
  lastMeetingOn: string | null;
  daysWithoutContact: number | null;
  status: CommitmentStatus;
  /** Hours still to log in the current month to reach its target. */
  dueThisMonth: number;
};

/** Paused days of a pause, an open pause counted up to `asOf`. */
export function pauseDays(p: Pause, asOf: string): number {
  const end = p.toDate ?? asOf;
  return Math.max(0, daysBetween(p.fromDate, end));
}

/** The start of course month k (0-based), shifted by the pauses that began before it. */
export function monthStart(startDate: string, k: number, pauses: Pause[] = [], asOf?: string): string {
  let boundary = addMonths(startDate, k);
  const sorted = [...pauses].sort((a, b) => (a.fromDate < b.fromDate ? -1 : 1));
  for (const p of sorted) {
    if (p.fromDate < boundary) boundary = addDays(boundary, pauseDays(p, asOf ?? p.toDate ?? p.fromDate));
  }
  return boundary;
}

/** Course months from start to the planned end (at most 60, a guard against bad data). */
export function courseMonths(
  startDate: string,
  plannedEndDate: string,
  pauses: Pause[] = [],
  asOf?: string,
): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  for (let k = 0; k < 60; k++) {
    const from = monthStart(startDate, k, pauses, asOf);
    if (k > 0 && from >= plannedEndDate) break;
    const next = monthStart(startDate, k + 1, pauses, asOf);
    out.push({ from, to: next < plannedEndDate ? next : plannedEndDate });
    if (next >= plannedEndDate) break;
  }
  return out;
}

/** The planned end of a new course: six course months after the start. */
export function plannedEndFor(startDate: string, months = COURSE_MONTHS): string {
  return addMonths(startDate, months);
}

/** The planned end after a pause ends: moved by the pause's length. */
export function plannedEndAfterPause(plannedEndDate: string, pause: { fromDate: string; toDate: string }): string {
  return addDays(plannedEndDate, Math.max(0, daysBetween(pause.fromDate, pause.toDate)));
}

/** Which course month (1-based) a date falls in, or null before the start. */
export function monthIndexOf(date: string, months: { from: string; to: string }[]): number | null {
  for (let i = months.length - 1; i >= 0; i--) if (date >= months[i].from) return i + 1;
  return null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The one definition of "on track with the hours", used by the course pages (status "behind"), the report's on-track
 * share and the export's `on_track` column: at least BEHIND_SHARE of the target of the course months completed so far
 * has been logged. null until the first course month is complete (nothing to judge yet).
 */
export function hoursOnTrack(c: Pick<Commitment, "expectedToDate" | "loggedInCompletedMonths">): boolean | null {
  if (c.expectedToDate <= 0) return null;
  return c.loggedInCompletedMonths >= c.expectedToDate * BEHIND_SHARE;
}

export function commitment(c: CommitmentInput, asOf: string): Commitment {
  const target = c.targetHoursPerMonth ?? TARGET_HOURS_PER_MONTH;
  const pauses = c.pauses ?? [];
  const meetings = c.meetings ?? [];
  const effectiveDay = c.endedOn && c.endedOn < asOf ? c.endedOn : asOf;
  // An open pause moves the end while it lasts (a closed one has already moved plannedEndDate when it ended).
  const openPauseDays = pauses.filter((p) => p.toDate == null).reduce((s, p) => s + pauseDays(p, effectiveDay), 0);
  const spans = courseMonths(c.startDate, addDays(c.plannedEndDate, openPauseDays), pauses, effectiveDay);
  const logged = new Array<number>(spans.length).fill(0);
  let totalMinutes = 0;
  for (const m of meetings) {
    totalMinutes += m.minutes;
    const k = monthIndexOf(m.date, spans);
    // A meeting before the start counts in month 1; after the last month in the last.
    const idx = k == null ? 0 : Math.min(k, spans.length) - 1;
    if (spans.length) logged[idx] += m.minutes / 60;
  }
  const months: CourseMonth[] = spans.map((s, i) => ({
    index: i + 1,
    from: s.from,
    to: s.to,
    targetHours: target,
    loggedHours: round1(logged[i]),
    state: effectiveDay >= s.to ? "past" : effectiveDay >= s.from ? "current" : "future",
  }));
  const completed = months.filter((m) => m.state === "past");
  const expectedToDate = completed.length * target;
  const loggedInCompletedMonths = round1(completed.reduce((s, m) => s + m.loggedHours, 0));
  const currentMonth = months.find((m) => m.state === "current") ?? null;
  const lastMeetingOn =
    meetings
      .filter((m) => m.date <= effectiveDay)
      .map((m) => m.date)
      .sort()
      .at(-1) ?? null;
  const started = c.startDate <= asOf;
  const daysWithoutContact = started ? daysWithout(c.startDate, lastMeetingOn, effectiveDay, pauses) : null;

  let status: CommitmentStatus;
  if (c.endedOn && c.endedOn <= asOf) status = "ended";
  else if (!started) status = "not_started";
  else if (c.paused || pauses.some((p) => p.fromDate <= asOf && (p.toDate == null || p.toDate > asOf)))
    status = "paused";
  else if (daysWithoutContact != null && daysWithoutContact >= NUDGE_AFTER_DAYS) status = "no_contact";
  else if (hoursOnTrack({ expectedToDate, loggedInCompletedMonths }) === false) status = "behind";
  else status = "on_track";

  return {
    months,
    totalTarget: months.length * target,
    totalLogged: round1(totalMinutes / 60),
    expectedToDate,
    loggedInCompletedMonths,
    currentMonth,
    lastMeetingOn,
    daysWithoutContact,
    status,
    dueThisMonth: currentMonth ? Math.max(0, round1(target - currentMonth.loggedHours)) : 0,
  };
}

/** Days since the last meeting (or since the start when there is none), not counting paused days. */
export function daysWithout(
  startDate: string,
  lastMeetingOn: string | null,
  asOf: string,
  pauses: Pause[] = [],
): number {
  const since = lastMeetingOn && lastMeetingOn > startDate ? lastMeetingOn : startDate;
  let days = daysBetween(since, asOf);
  for (const p of pauses) {
    const from = p.fromDate > since ? p.fromDate : since;
    const to = (p.toDate ?? asOf) < asOf ? (p.toDate ?? asOf) : asOf;
    if (to > from) days -= daysBetween(from, to);
  }
  return Math.max(0, days);
}

/* ------------------------------------------------------------------ follow-up calls */

export type FollowUpDue = {
  state: "not_due" | "due" | "overdue";
  dueOn: string;
  overdueOn: string;
  kind: "start" | "regular";
};

/** The start-of-course call is due a week after the start; then a call every 4-6 weeks after the last one. */
export function followUpDue(startDate: string, callDates: string[], asOf: string): FollowUpDue {
  const last = callDates
    .filter((d) => d >= startDate)
    .sort()
    .at(-1);
  const kind = last ? "regular" : "start";
  const dueOn = last ? addDays(last, FOLLOW_UP_MIN_DAYS) : startDate;
  const overdueOn = last ? addDays(last, FOLLOW_UP_MAX_DAYS) : addDays(startDate, FOLLOW_UP_START_DAYS);
  const state = asOf >= overdueOn ? "overdue" : asOf >= dueOn ? "due" : "not_due";
  return { state, dueOn, overdueOn, kind };
}

/* ------------------------------------------------------------------ what the scheduler sends */

export type SchedulerCourse = CommitmentInput & {
  id: number;
  status: "active" | "paused" | "completed" | "ended_early" | "proposed" | "approved";
  hasFollowUpOutcome?: boolean;
};

export type DueAction =
  | { kind: "monthly_reminder"; key: string; month: number }
  | { kind: "mentor_nudge"; key: string; days: number }
  | { kind: "coordinator_flag"; key: string; days: number }
  | { kind: "end_prompt"; key: string; plannedEndDate: string }
  | { kind: "day30_survey"; key: string }
  | { kind: "followup_outcome_prompt"; key: string };

/**
 * What is due for one course on `day`. Each action has a stable key (the outbox idempotency key's stem): asking again
 * the same day, or the next day, gives the same key, so a message is never sent twice.
 */
export function dueActions(c: SchedulerCourse, day: string): DueAction[] {
  const out: DueAction[] = [];
  if (c.status === "completed" || c.status === "ended_early") {
    if (c.endedOn && !c.hasFollowUpOutcome && day >= addMonths(c.endedOn, FOLLOW_UP_OUTCOME_MONTHS)) {
      out.push({ kind: "followup_outcome_prompt", key: `course:${c.id}:followup3m` });
    }
    return out;
  }
  if (c.status !== "active" || c.startDate > day) return out;
  const com = commitment(c, day);
  const month = com.currentMonth;
  // A reminder in the first week of every course month after the first.
  if (month && month.index > 1 && daysBetween(month.from, day) < 7) {
    out.push({ kind: "monthly_reminder", key: `course:${c.id}:month:${month.index}:reminder`, month: month.index });
  }
  const silent = com.daysWithoutContact ?? 0;
  const since = com.lastMeetingOn ?? c.startDate;
  if (silent >= NUDGE_AFTER_DAYS)
    out.push({ kind: "mentor_nudge", key: `course:${c.id}:nudge:${since}`, days: silent });
  if (silent >= FLAG_AFTER_DAYS)
    out.push({ kind: "coordinator_flag", key: `course:${c.id}:flag:${since}`, days: silent });
  if (day >= addDays(c.plannedEndDate, -END_PROMPT_DAYS_BEFORE) && day < c.plannedEndDate) {
    out.push({
      kind: "end_prompt",
      key: `course:${c.id}:endprompt:${c.plannedEndDate}`,
      plannedEndDate: c.plannedEndDate,
    });
  }
  if (daysBetween(c.startDate, day) >= SURVEY_DAY)
    out.push({ kind: "day30_survey", key: `course:${c.id}:survey:day30` });
  return out;
}
