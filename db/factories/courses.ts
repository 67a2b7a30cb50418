/**
 * What happens in a course (values only), and inserting a course.
 */
import type { Db } from "../client";
import { courses, followUps, meetings, outcomes, surveys } from "../schema";
import type { MeetingTopic, OutcomeType } from "../../app/domain/enums";
import { goals as allGoals } from "../../app/domain/enums";
import { addDays } from "../../app/domain/dates";
import type { Rng } from "../../app/domain/random";
import { int, pick, sample } from "./random";

export function insertCourse(d: Db, o: typeof courses.$inferInsert) {
  return d.insert(courses).values(o).returning().get();
}

/* ------------------------------------------------------------------ what happens in a course (values only) */

const NEXT_STEPS = [
  "Vi mødes igen og ser på ansøgninger.",
  "Borgeren sender sit CV inden næste møde.",
  "Jeg tager hende med på et virksomhedsbesøg.",
  "Vi øver jobsamtale næste gang.",
  "Jeg ringer til en kontakt i branchen.",
];

/** One logged meeting of a course on a given day. */
export function meetingValues(
  rng: Rng,
  courseId: number,
  date: string,
  o: Partial<typeof meetings.$inferInsert> = {},
): typeof meetings.$inferInsert {
  const topics = sample(rng, allGoals, int(rng, 1, 2)) as MeetingTopic[];
  const at = `${date}T18:30:00.000Z`;
  return {
    courseId,
    date,
    minutes: pick(rng, [60, 90, 120, 150]),
    form: pick(rng, ["in_person", "in_person", "phone", "video", "company_visit"] as const),
    topics,
    nextStep: pick(rng, NEXT_STEPS),
    createdAt: at,
    updatedAt: at,
    ...o,
  };
}

/** One follow-up call by a coordinator; most courses are on track. */
export function followUpValues(
  rng: Rng,
  courseId: number,
  calledOn: string,
  createdBy: number | null,
  o: Partial<typeof followUps.$inferInsert> = {},
): typeof followUps.$inferInsert {
  const status = rng() < 0.8 ? "on_track" : rng() < 0.7 ? "concern" : "needs_action";
  return {
    courseId,
    calledOn,
    target: pick(rng, ["mentor", "mentor", "mentee"] as const),
    status,
    notes: status === "on_track" ? "Godt samarbejde." : "Aftalt nyt møde snarest.",
    createdBy,
    createdAt: `${calledOn}T10:00:00.000Z`,
    ...o,
  };
}

/** A survey sent on `sentOn`; answered (or not) by `asOf`. */
export function surveyValues(
  rng: Rng,
  courseId: number,
  kind: "day30" | "closure",
  respondent: "mentee" | "mentor",
  sentOn: string,
  asOf: string,
): typeof surveys.$inferInsert {
  const answeredOn = addDays(sentOn, int(rng, 0, 6));
  const answered = rng() < (respondent === "mentor" ? 0.8 : 0.65) && answeredOn <= asOf;
  return {
    courseId,
    kind,
    respondent,
    sentAt: `${sentOn}T08:00:00.000Z`,
    createdAt: `${sentOn}T08:00:00.000Z`,
    answeredAt: answered ? `${answeredOn}T19:30:00.000Z` : null,
    satisfaction: answered ? pick(rng, [5, 5, 4, 4, 4, 3, 3, 2]) : null,
    closerToJob: answered ? pick(rng, ["yes", "yes", "unsure", "no"] as const) : null,
  };
}

/**
 * The outcomes of a completed course: the one at the end (65 % moved on to job, education, wage subsidy or
 * internship) and, once three months have passed by `asOf`, the follow-up outcome.
 */
export function completedOutcomes(
  rng: Rng,
  courseId: number,
  endedOn: string,
  followUpOn: string,
  asOf: string,
  recordedBy: number | null,
): (typeof outcomes.$inferInsert)[] {
  const positive = rng() < 0.65;
  const type: OutcomeType = positive
    ? pick(rng, [
        "job_full_time",
        "job_full_time",
        "job_part_time",
        "education",
        "wage_subsidy",
        "internship_unpaid",
        "igu",
        "internship_paid",
      ] as const)
    : "closer_to_job";
  const rows: (typeof outcomes.$inferInsert)[] = [
    {
      courseId,
      type,
      phase: "end",
      outcomeDate: endedOn,
      recordedBy,
      createdAt: `${endedOn}T12:00:00.000Z`,
      employerIndustryCode: positive && type !== "education" ? pick(rng, ["41", "47", "56", "49", "86", "87"]) : null,
      viaMentorNetwork: positive && rng() < 0.4,
    },
  ];
  if (followUpOn <= asOf) {
    const keep = positive ? rng() < 0.85 : rng() < 0.3;
    const later: OutcomeType = keep
      ? positive
        ? type
        : pick(rng, ["job_part_time", "internship_unpaid", "education"] as const)
      : "closer_to_job";
    rows.push({
      courseId,
      type: later,
      phase: "followup_3m",
      outcomeDate: followUpOn,
      recordedBy,
      createdAt: `${followUpOn}T12:00:00.000Z`,
    });
  }
  return rows;
}
