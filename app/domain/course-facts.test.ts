import { describe, expect, it } from "vitest";
import {
  computeCourseFacts,
  END_OF_TIME,
  mentorFirsts,
  onTrackOn,
  onTrackStretches,
  outcomeMask,
  type FactsCourse,
  type MentorCourse,
} from "./course-facts";
import { addDays, addMonths } from "./dates";
import { createRng, type Rng } from "./random";
import { onTrack } from "./statistics";
import { outcomeTypes, type CourseStatus } from "./enums";
import type { MeetingLite, Pause } from "./commitment";

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** A random course history as the app can leave it: pauses one after another (the last maybe open), extensions, an end. */
function randomCourse(rng: Rng, id: number) {
  const start = addDays("2025-01-01", int(rng, 0, 500));
  const status = pick(rng, [
    "active",
    "active",
    "paused",
    "completed",
    "ended_early",
    "approved",
  ] as const satisfies readonly CourseStatus[]);
  let planned = addMonths(start, 6);
  const pauses: Pause[] = [];
  let day = start;
  for (let k = int(rng, 0, 3); k > 0; k--) {
    const from = addDays(day, int(rng, 5, 60));
    const to = addDays(from, int(rng, 1, 40));
    pauses.push({ fromDate: from, toDate: to });
    planned = addDays(planned, to > from ? Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) : 0);
    day = to;
  }
  if (status === "paused") pauses.push({ fromDate: addDays(day, int(rng, 1, 30)), toDate: null });
  if (rng() < 0.3) planned = addMonths(planned, int(rng, 1, 3));
  const endedOn = status === "completed" || status === "ended_early" ? addDays(start, int(rng, 10, 260)) : null;
  const meetings: MeetingLite[] = Array.from({ length: int(rng, 0, 14) }, () => ({
    date: addDays(start, int(rng, -14, 280)),
    minutes: int(rng, 15, 240),
  }));
  const course: FactsCourse = {
    id,
    menteeId: id,
    mentorId: id,
    status,
    approvedAt: addDays(start, -10) + "T10:00:00.000Z",
    startDate: start,
    plannedEndDate: planned,
    endedOn,
    targetHoursPerMonth: pick(rng, [4, 4, 3, 5]),
    industrySection: "F",
  };
  return { course, meetings, pauses };
}

describe("on track, day by day, as stretches", () => {
  it("answer every day exactly as `onTrack` does (random histories, open pauses, extensions, ends)", () => {
    const rng = createRng(16);
    for (let i = 1; i <= 80; i++) {
      const { course, meetings, pauses } = randomCourse(rng, i);
      const asOf = addDays(course.startDate!, int(rng, 0, 420));
      const stretches = onTrackStretches(course, meetings, pauses, asOf);
      const rows = { m: meetings.map((m) => ({ courseId: i, ...m })), p: pauses.map((p) => ({ courseId: i, ...p })) };
      for (let d = addDays(course.startDate!, -3); d <= asOf; d = addDays(d, 1)) {
        expect(onTrackOn(stretches, d), `course ${i} on ${d}`).toBe(onTrack(course, rows.m, rows.p, d));
      }
      for (let k = 1; k < stretches.length; k++) expect(stretches[k].from).toBe(stretches[k - 1].to);
      if (stretches.length) expect(stretches.at(-1)!.to).toBe(END_OF_TIME);
    }
  }, 60_000);

  it("have nothing for a course that never started", () => {
    const c: FactsCourse = {
      id: 1,
      menteeId: 1,
      mentorId: 1,
      status: "approved",
      approvedAt: "2026-01-01T10:00:00Z",
      startDate: "2026-01-10",
      plannedEndDate: "2026-07-10",
      endedOn: null,
      targetHoursPerMonth: 4,
      industrySection: null,
    };
    expect(onTrackStretches(c, [{ date: "2026-01-12", minutes: 600 }], [], "2026-06-01")).toEqual([]);
  });
});

describe("a course's facts", () => {
  const base: FactsCourse = {
    id: 7,
    menteeId: 1,
    mentorId: 2,
    status: "active",
    approvedAt: "2026-01-01T10:00:00Z",
    startDate: "2026-01-10",
    plannedEndDate: "2026-07-10",
    endedOn: null,
    targetHoursPerMonth: 4,
    industrySection: "F",
  };

  it("a running course: commitment, follow-up call, stale tomorrow", () => {
    const f = computeCourseFacts(
      {
        course: base,
        meetings: [
          { date: "2026-01-12", minutes: 120 },
          { date: "2026-02-20", minutes: 90 },
        ],
        pauses: [],
        callDates: ["2026-01-15"],
        outcomes: [],
      },
      "2026-03-20",
    );
    expect(f).toMatchObject({
      freshUntil: "2026-03-21",
      factsOn: "2026-03-20",
      commitmentStatus: "no_contact",
      totalLogged: 3.5,
      totalTarget: 24,
      daysWithoutContact: 28,
      followUpDueOn: "2026-02-12",
      followUpOverdueOn: "2026-02-26",
      followUpKind: "regular",
      followUpOutcomeDueOn: null,
      meetings: 2,
      minutes: 210,
      onTrack: false,
    });
  });

  it("a closed course: final, outcomes in the order registered and as bits, hours only up to the end", () => {
    const f = computeCourseFacts(
      {
        course: { ...base, status: "completed", endedOn: "2026-06-30" },
        meetings: [
          { date: "2026-06-30", minutes: 60 },
          { date: "2026-07-02", minutes: 45 },
        ],
        pauses: [],
        callDates: [],
        outcomes: [
          { type: "education", phase: "end", confirmed: true },
          { type: "job_full_time", phase: "end", confirmed: true },
          { type: "igu", phase: "end", confirmed: false },
          { type: "closer_to_job", phase: "followup_3m", confirmed: true },
        ],
      },
      "2026-11-30",
    );
    expect(f).toMatchObject({
      freshUntil: END_OF_TIME,
      commitmentStatus: "ended",
      followUpOutcomeDueOn: "2026-09-30",
      hasFollowUpOutcome: true,
      meetings: 1,
      minutes: 60,
      endOutcomes: "education;job_full_time",
      followUpOutcomes: "closer_to_job",
      positiveEnd: true,
      positiveFollowUp: false,
      endMask: outcomeMask(["education", "job_full_time"]),
      followUpMask: 1 << outcomeTypes.indexOf("closer_to_job"),
    });
  });
});

describe("mentor retention facts", () => {
  it("the first course by start (or approval) and id, and when the second began, programme-wide and per municipality", () => {
    const c = (id: number, o: Partial<MentorCourse>): MentorCourse => ({
      id,
      status: "completed",
      startDate: null,
      approvedAt: null,
      municipalityCode: 751,
      ...o,
    });
    const f = mentorFirsts([
      c(1, { startDate: "2025-03-01" }),
      c(2, { startDate: "2024-05-01", municipalityCode: 621 }),
      c(3, { status: "proposed", startDate: "2023-01-01" }),
      c(4, { status: "approved", approvedAt: "2025-01-10T09:00:00Z" }),
      c(5, {}),
    ]);
    expect(f.get(2)).toEqual({ first: true, nextStart: "2025-01-10", firstLocal: true, nextStartLocal: null });
    expect(f.get(4)).toEqual({ first: false, nextStart: null, firstLocal: true, nextStartLocal: "2025-03-01" });
    expect([1, 3, 5].map((id) => f.get(id)!.first || f.get(id)!.firstLocal)).toEqual([false, false, false]);
  });
});
