/**
 * Statistics, per course (see statistics.ts): whether and when a course started, finished, was on track, and ran in a
 * period.
 */
import { positiveOutcomeTypes, type CourseStatus, type OutcomeType } from "./enums";
import { commitment, hoursOnTrack, plannedEndFor } from "./commitment";
import {
  type CourseRow,
  type MeetingRow,
  type MenteeRow,
  type PauseRow,
  type Period,
  type ReportInput,
  minDate,
} from "./statistics-cells";

/* ------------------------------------------------------------------ course-level facts */

export const STARTED: readonly CourseStatus[] = ["active", "paused", "completed", "ended_early"];
/** A course that has started (and so has hours, months and an on-track answer). */
export const isStarted = (c: Pick<CourseRow, "status" | "startDate">) => STARTED.includes(c.status) && !!c.startDate;
export const isFinished = (c: CourseRow) => (c.status === "completed" || c.status === "ended_early") && !!c.endedOn;

export type CourseFacts = {
  course: CourseRow;
  mentee: MenteeRow | undefined;
  hours: number;
  meetings: number;
  endOutcomes: OutcomeType[];
  followupOutcomes: OutcomeType[];
  positiveAtEnd: boolean;
  positiveAtFollowup: boolean;
  /** null when the course has run less than one full month by the evaluation date (or never started). */
  onTrack: boolean | null;
};

/**
 * On track with the commitment, by the one definition the course pages use too (`hoursOnTrack` in commitment.ts): the
 * hours logged in the course months completed by `asOf` (or the end of the course), pauses moving the months, are at
 * least 75 % of their target. null when the course has not started or has no complete month yet.
 */
export function onTrack(c: CourseRow, meetings: MeetingRow[], pauses: PauseRow[], asOf: string): boolean | null {
  if (!isStarted(c)) return null;
  return hoursOnTrack(
    commitment(
      {
        startDate: c.startDate!,
        plannedEndDate: c.plannedEndDate ?? plannedEndFor(c.startDate!),
        targetHoursPerMonth: c.targetHoursPerMonth,
        meetings,
        pauses,
        endedOn: c.endedOn,
        paused: c.status === "paused",
      },
      asOf,
    ),
  );
}

/** Rows per course id, so each course's rows are found without scanning them all. */
export function byCourse<T extends { courseId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) (m.get(r.courseId) ?? m.set(r.courseId, []).get(r.courseId)!).push(r);
  return m;
}

export function courseFacts(input: ReportInput, asOf: string): CourseFacts[] {
  const menteeById = new Map(input.mentees.map((m) => [m.id, m]));
  const meetings = byCourse(input.meetings);
  const outcomes = byCourse(input.outcomes.filter((o) => o.confirmed));
  const pauses = byCourse(input.pauses ?? []);
  return input.courses.map((c) => {
    const ms = meetings.get(c.id) ?? [];
    const os = outcomes.get(c.id) ?? [];
    const endOutcomes = [...new Set(os.filter((o) => o.phase === "end").map((o) => o.type))];
    const followupOutcomes = [...new Set(os.filter((o) => o.phase === "followup_3m").map((o) => o.type))];
    const until = minDate(asOf, c.endedOn)!;
    return {
      course: c,
      mentee: menteeById.get(c.menteeId),
      hours: ms.filter((m) => m.date <= until).reduce((s, m) => s + m.minutes, 0) / 60,
      meetings: ms.filter((m) => m.date <= until).length,
      endOutcomes,
      followupOutcomes,
      positiveAtEnd: endOutcomes.some((t) => positiveOutcomeTypes.includes(t)),
      positiveAtFollowup: followupOutcomes.some((t) => positiveOutcomeTypes.includes(t)),
      onTrack: onTrack(c, ms, pauses.get(c.id) ?? [], asOf),
    };
  });
}

/** Courses that ran at some time during the period (started on or before its end, not ended before its start). */
export function courseRanDuring(c: CourseRow, p: Period): boolean {
  if (!isStarted(c)) return false;
  return c.startDate! <= p.to && (!c.endedOn || c.endedOn >= p.from);
}
