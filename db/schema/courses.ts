/**
 * Courses (mentorforløb) and what happens in them: pauses, logged and planned meetings, goals, follow-up calls,
 * outcomes and surveys.
 */
import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import {
  courseStatuses,
  outcomeTypes,
  outcomePhases,
  endReasons,
  meetingForms,
  followUpTargets,
  followUpStatuses,
  surveyKinds,
  surveyRespondents,
  closerToJobAnswers,
  plannedMeetingStatuses,
  goalKinds,
  goalStatuses,
  type MeetingTopic,
} from "../../app/domain/enums";
import { nowIso } from "../../app/utils/clock";
import { id, createdAt, updatedAt, bool, json, createdAtMs, updatedAtMs } from "./columns";
import { mentees } from "./citizens";
import { mentors, users } from "./people";
import { industries } from "./reference";

export const courses = sqliteTable(
  "courses",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id),
    status: text("status", { enum: courseStatuses }).notNull().default("proposed"),
    proposedAt: text("proposed_at").notNull().$defaultFn(nowIso),
    proposedBy: integer("proposed_by").references(() => users.id),
    approvedAt: text("approved_at"),
    approvedBy: integer("approved_by").references(() => users.id),
    startDate: text("start_date"),
    plannedEndDate: text("planned_end_date"),
    targetHoursPerMonth: real("target_hours_per_month").notNull().default(4),
    endedOn: text("ended_on"),
    endReason: text("end_reason", { enum: endReasons }),
    endNote: text("end_note"),
    matchScore: real("match_score"),
    matchReasons: json<unknown[]>("match_reasons"),
    weightsVersion: integer("weights_version"),
    /** Why a coordinator replaced the machine's proposal by hand, when they did. */
    manualReason: text("manual_reason"),
    /** Why the coordinator approved a pair without a shared industry (issue 19: required for such a pair). */
    noIndustryReason: text("no_industry_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("courses_status_idx").on(t.status, t.startDate),
    index("courses_mentor_idx").on(t.mentorId, t.status),
    index("courses_mentee_idx").on(t.menteeId, t.status),
    // Retention: whether a citizen's courses all ended before the cutoff, from the index alone.
    index("courses_mentee_ended_idx").on(t.menteeId, t.endedOn),
  ],
);

/**
 * How many courses start in each year per municipality (the citizen's), for the admin's quota column: kept by
 * triggers on `courses` (in the migration) whenever a course gets, changes or loses its start date, so the list reads
 * a handful of rows instead of joining a year's courses to their citizens on every view.
 */
export const courseStarts = sqliteTable(
  "course_starts",
  {
    year: text("year").notNull(),
    municipalityCode: integer("municipality_code").notNull(),
    courses: integer("courses").notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.municipalityCode] })],
);

export const coursePauses = sqliteTable(
  "course_pauses",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    fromDate: text("from_date").notNull(),
    toDate: text("to_date"),
    reason: text("reason"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("course_pauses_course_idx").on(t.courseId)],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    minutes: integer("minutes").notNull(),
    form: text("form", { enum: meetingForms }).notNull(),
    topics: json<MeetingTopic[]>("topics").notNull().default([]),
    nextStep: text("next_step"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAtMs(),
    updatedAt: updatedAtMs(),
  },
  (t) => [index("meetings_course_idx").on(t.courseId, t.date)],
);

export const followUps = sqliteTable(
  "follow_ups",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    calledOn: text("called_on").notNull(),
    target: text("target", { enum: followUpTargets }).notNull(),
    status: text("status", { enum: followUpStatuses }).notNull(),
    notes: text("notes"),
    escalatedAt: text("escalated_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("follow_ups_course_idx").on(t.courseId, t.calledOn)],
);

export const outcomes = sqliteTable(
  "outcomes",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    type: text("type", { enum: outcomeTypes }).notNull(),
    phase: text("phase", { enum: outcomePhases }).notNull().default("end"),
    outcomeDate: text("outcome_date").notNull(),
    employerIndustryCode: text("employer_industry_code").references(() => industries.code),
    viaMentorNetwork: bool("via_mentor_network").notNull().default(false),
    /** A mentor proposes; a coordinator confirms. Only confirmed outcomes count in reports. */
    confirmed: bool("confirmed").notNull().default(true),
    recordedBy: integer("recorded_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("outcomes_course_idx").on(t.courseId, t.phase),
    // The coordinator's queue of mentors' proposals, oldest first: only the unconfirmed few are in it.
    index("outcomes_unconfirmed_idx")
      .on(t.createdAt, t.id)
      .where(sql`confirmed = 0`),
  ],
);

export const surveys = sqliteTable(
  "surveys",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: surveyKinds }).notNull(),
    respondent: text("respondent", { enum: surveyRespondents }).notNull(),
    sentAt: text("sent_at"),
    answeredAt: text("answered_at"),
    satisfaction: integer("satisfaction"),
    closerToJob: text("closer_to_job", { enum: closerToJobAnswers }),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("surveys_course_uq").on(t.courseId, t.kind, t.respondent)],
);

/* ------------------------------------------------------------------ between meetings (issue 21) */

/**
 * A meeting planned ahead by the mentor or a coordinator. The time is an instant (UTC); the pages and messages show it
 * in Copenhagen time. Held = the mentor confirmed it, which wrote the logged meeting (`meetingId`): only logged meetings
 * count in the commitment. `sequence` goes up with every change, as the calendar invite's SEQUENCE.
 */
export const plannedMeetings = sqliteTable(
  "planned_meetings",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    startsAt: text("starts_at").notNull(),
    minutes: integer("minutes").notNull(),
    form: text("form", { enum: meetingForms }).notNull(),
    place: text("place"),
    agenda: text("agenda"),
    status: text("status", { enum: plannedMeetingStatuses }).notNull().default("planned"),
    sequence: integer("sequence").notNull().default(0),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    /** The start time a reminder was queued for (a changed time needs a new reminder). */
    reminderFor: text("reminder_for"),
    /** When the mentor was asked to log the meeting after it passed. */
    logPromptAt: text("log_prompt_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("planned_meetings_course_idx").on(t.courseId, t.startsAt),
    index("planned_meetings_due_idx").on(t.status, t.startsAt),
  ],
);

/** The course's goal plan: 1-5 goals from the programme's typical aims or written, each with status and dates. */
export const courseGoals = sqliteTable(
  "course_goals",
  {
    id: id(),
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: goalKinds }).notNull(),
    /** The wording of an own goal (kind `own`); null for the programme's aims. */
    text: text("text"),
    status: text("status", { enum: goalStatuses }).notNull().default("planned"),
    targetDate: text("target_date"),
    /** The day the status last changed (set = the day the goal was set). */
    statusOn: text("status_on").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    updatedBy: integer("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("course_goals_course_idx").on(t.courseId, t.status)],
);
