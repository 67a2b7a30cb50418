/**
 * The facts kept per course (table `course_facts`, decision 016) so that lists, the follow-up queue and reports can
 * filter, count and aggregate in SQL. Pure: every fact is what the domain modules that own the rule say, computed
 * here from one course's rows, never a second copy of a rule:
 *  - commitment status, hours and days without contact: `commitment` (commitment.ts), as the course pages show it;
 *  - follow-up call dates: `followUpDue` (commitment.ts); whether a call is due is then a date comparison in SQL;
 *  - the report's per-course figures (hours up to the end, outcomes, positive, on track): `courseFacts` and `onTrack`
 *    (statistics.ts), so the report from SQL adds up exactly what `computeReport` adds up;
 *  - mentor retention: which course is a mentor's first and when their second began, ordered as `computeReport` does.
 */
import { addDays, addMonths } from "./dates";
import { commitment, followUpDue, FOLLOW_UP_OUTCOME_MONTHS, type MeetingLite, type Pause } from "./commitment";
import { isClosed } from "./course-status";
import { outcomeTypes, type CourseStatus, type OutcomePhase, type OutcomeType } from "./enums";
import { courseFacts as reportCourseFacts, isStarted, onTrack, type CourseRow } from "./statistics";

/** The last day anything is dated: "until further notice". */
export const END_OF_TIME = "9999-12-31";

export type FactsCourse = Pick<
  CourseRow,
  | "id"
  | "menteeId"
  | "mentorId"
  | "status"
  | "approvedAt"
  | "startDate"
  | "plannedEndDate"
  | "endedOn"
  | "targetHoursPerMonth"
  | "industrySection"
>;
export type FactsOutcome = { type: OutcomeType; phase: OutcomePhase; confirmed: boolean };
/** One course's rows; outcomes in the order they were registered. */
export type FactsInput = {
  course: FactsCourse;
  meetings: MeetingLite[];
  pauses: Pause[];
  callDates: string[];
  outcomes: FactsOutcome[];
};

export type OnTrackStretch = { from: string; to: string; onTrack: boolean };

export type ComputedFacts = {
  /** Recompute on or after this day (END_OF_TIME: nothing here changes with the date any more). */
  freshUntil: string;
  factsOn: string;
  commitmentStatus: "not_started" | "paused" | "ended" | "on_track" | "behind" | "no_contact" | null;
  totalLogged: number;
  totalTarget: number;
  daysWithoutContact: number | null;
  followUpDueOn: string | null;
  followUpOverdueOn: string | null;
  followUpKind: "start" | "regular" | null;
  followUpOutcomeDueOn: string | null;
  hasFollowUpOutcome: boolean;
  meetings: number;
  minutes: number;
  onTrack: boolean | null;
  endOutcomes: string;
  followUpOutcomes: string;
  endMask: number;
  followUpMask: number;
  positiveEnd: boolean;
  positiveFollowUp: boolean;
  /** positiveEnd, a 3-month outcome registered and positiveFollowUp as bits 1, 2 and 4 (what the report counts by). */
  outcomeFlags: number;
  onTrackStretches: OnTrackStretch[];
};

/** The bits of `outcomeFlags`: what a report counts a completed course by. */
export const OUTCOME_FLAGS = { positiveEnd: 1, followUp: 2, positiveFollowUp: 4 } as const;

/** Outcome types as bits (bit i is `outcomeTypes[i]`), so a course's set of types is one integer in SQL. */
export function outcomeMask(types: readonly OutcomeType[]): number {
  return types.reduce((m, t) => m | (1 << outcomeTypes.indexOf(t)), 0);
}

/** Does nothing of this course change with the date any more? (Ended by `asOf`, or never dated.) */
function isFinal(c: FactsCourse, asOf: string): boolean {
  if (!c.startDate) return true;
  return isClosed(c.status) && !!c.endedOn && c.endedOn <= asOf;
}

export function computeCourseFacts(x: FactsInput, asOf: string): ComputedFacts {
  const c = x.course;
  const com =
    c.startDate && c.plannedEndDate
      ? commitment(
          {
            startDate: c.startDate,
            plannedEndDate: c.plannedEndDate,
            targetHoursPerMonth: c.targetHoursPerMonth,
            meetings: x.meetings,
            pauses: x.pauses,
            endedOn: c.endedOn,
            paused: c.status === "paused",
          },
          asOf,
        )
      : null;
  const [rf] = reportCourseFacts(
    {
      mentees: [],
      courses: [c],
      surveys: [],
      meetings: x.meetings.map((m) => ({ courseId: c.id, date: m.date, minutes: m.minutes })),
      pauses: x.pauses.map((p) => ({ courseId: c.id, fromDate: p.fromDate, toDate: p.toDate })),
      outcomes: x.outcomes.map((o) => ({
        courseId: c.id,
        type: o.type,
        phase: o.phase,
        outcomeDate: "",
        confirmed: o.confirmed,
      })),
    },
    asOf,
  );
  const call = c.startDate ? followUpDue(c.startDate, x.callDates, asOf) : null;
  const minutes = Math.round(rf.hours * 60);
  return {
    freshUntil: isFinal(c, asOf) ? END_OF_TIME : addDays(asOf, 1),
    factsOn: asOf,
    commitmentStatus: com?.status ?? null,
    totalLogged: com?.totalLogged ?? 0,
    totalTarget: com?.totalTarget ?? 0,
    daysWithoutContact: com?.daysWithoutContact ?? null,
    followUpDueOn: call?.dueOn ?? null,
    followUpOverdueOn: call?.overdueOn ?? null,
    followUpKind: call?.kind ?? null,
    followUpOutcomeDueOn: isClosed(c.status) && c.endedOn ? addMonths(c.endedOn, FOLLOW_UP_OUTCOME_MONTHS) : null,
    hasFollowUpOutcome: x.outcomes.some((o) => o.phase === "followup_3m"),
    meetings: rf.meetings,
    minutes,
    onTrack: rf.onTrack,
    endOutcomes: rf.endOutcomes.join(";"),
    followUpOutcomes: rf.followupOutcomes.join(";"),
    endMask: outcomeMask(rf.endOutcomes),
    followUpMask: outcomeMask(rf.followupOutcomes),
    positiveEnd: rf.positiveAtEnd,
    positiveFollowUp: rf.positiveAtFollowup,
    outcomeFlags:
      (rf.positiveAtEnd ? OUTCOME_FLAGS.positiveEnd : 0) |
      (rf.followupOutcomes.length ? OUTCOME_FLAGS.followUp : 0) |
      (rf.positiveAtFollowup ? OUTCOME_FLAGS.positiveFollowUp : 0),
    onTrackStretches: onTrackStretches(c, x.meetings, x.pauses, asOf),
  };
}

/**
 * Whether the course was on track (`onTrack` in statistics.ts, the one definition) on each day up to `asOf`, as
 * stretches of days with the same answer; days without an answer (before the first course month is complete) have no
 * stretch. The answer can only change where a course month ends (closed pauses and extensions fix the months), or,
 * while a pause is open, on any day from its start (the months after it move day by day), so those are the days asked.
 * After the end nothing changes. The last stretch runs to END_OF_TIME; running courses are computed again each day.
 */
export function onTrackStretches(
  c: FactsCourse,
  meetings: MeetingLite[],
  pauses: Pause[],
  asOf: string,
): OnTrackStretch[] {
  if (!isStarted(c)) return [];
  const ask = (day: string) =>
    onTrack(
      c,
      meetings.map((m) => ({ courseId: c.id, ...m })),
      pauses.map((p) => ({ courseId: c.id, ...p })),
      day,
    );
  const last = c.endedOn && c.endedOn < asOf ? c.endedOn : asOf;
  const openFrom = pauses
    .filter((p) => p.toDate == null)
    .map((p) => p.fromDate)
    .sort()[0];
  const monthsAsOf = openFrom && openFrom < last ? openFrom : last;
  const months = commitment(
    {
      startDate: c.startDate!,
      plannedEndDate: c.plannedEndDate ?? addMonths(c.startDate!, 6),
      targetHoursPerMonth: c.targetHoursPerMonth,
      meetings,
      pauses,
      endedOn: c.endedOn,
      paused: c.status === "paused",
    },
    monthsAsOf,
  ).months;
  const days = new Set(months.map((m) => m.to).filter((d) => d <= monthsAsOf));
  if (openFrom && openFrom <= last) for (let d = openFrom; d <= last; d = addDays(d, 1)) days.add(d);
  const out: OnTrackStretch[] = [];
  let open: { from: string; onTrack: boolean | null } | null = null;
  for (const day of [...days].sort()) {
    const v = ask(day);
    if (open && open.onTrack === v) continue;
    if (open && open.onTrack !== null) out.push({ from: open.from, to: day, onTrack: open.onTrack });
    open = { from: day, onTrack: v };
  }
  if (open && open.onTrack !== null) out.push({ from: open.from, to: END_OF_TIME, onTrack: open.onTrack });
  return out;
}

/** The answer of the stretches for a day (null: no answer that day). */
export function onTrackOn(stretches: OnTrackStretch[], day: string): boolean | null {
  return stretches.find((s) => s.from <= day && day < s.to)?.onTrack ?? null;
}

export type MentorCourse = {
  id: number;
  status: CourseStatus;
  startDate: string | null;
  approvedAt: string | null;
  municipalityCode: number;
};
export type MentorFirst = {
  first: boolean;
  nextStart: string | null;
  firstLocal: boolean;
  nextStartLocal: string | null;
};

/**
 * Mentor retention, as `computeReport` counts it: of a mentor's courses (not proposed, with a start or an approval),
 * in the order of their start (or approval) and id, the first, and the day the second began. Once programme-wide
 * and once within each municipality (a report narrowed to a municipality sees only that municipality's courses).
 */
export function mentorFirsts(courses: MentorCourse[]): Map<number, MentorFirst> {
  const out = new Map<number, MentorFirst>(
    courses.map((c) => [c.id, { first: false, nextStart: null, firstLocal: false, nextStartLocal: null }]),
  );
  const counted = courses
    .filter((c) => c.status !== "proposed" && (c.startDate ?? c.approvedAt))
    .sort(
      (a, b) => (a.startDate ?? a.approvedAt ?? "").localeCompare(b.startDate ?? b.approvedAt ?? "") || a.id - b.id,
    );
  const startOf = (c: MentorCourse) => c.startDate ?? c.approvedAt!.slice(0, 10);
  const mark = (cs: MentorCourse[], local: boolean) => {
    if (!cs.length) return;
    const f = out.get(cs[0].id)!;
    const next = cs[1] ? startOf(cs[1]) : null;
    if (local) Object.assign(f, { firstLocal: true, nextStartLocal: next });
    else Object.assign(f, { first: true, nextStart: next });
  };
  mark(counted, false);
  for (const code of new Set(counted.map((c) => c.municipalityCode)))
    mark(
      counted.filter((c) => c.municipalityCode === code),
      true,
    );
  return out;
}
