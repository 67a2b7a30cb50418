/**
 * Facts for lists and reports (decision 016), kept by triggers and the facts use cases, and the caches' version
 * stamps.
 */
import { sqliteTable, text, integer, real, index, primaryKey } from "drizzle-orm/sqlite-core";
import { menteeStatuses, courseStatuses, menteeGroups, danishLevels, surveyRespondents } from "../../app/domain/enums";
import { bool } from "./columns";
import { mentees } from "./citizens";
import { courses, surveys } from "./courses";

/**
 * What the course list, the follow-up queue, the start pages and the reports need to know about a course, kept so
 * that they can filter, count, sort and aggregate in SQL. Two kinds of column:
 *  - copies of the course, its citizen and its mentor (status, dates, municipality, industry...), written by triggers
 *    in the migration in the same statement as the change, so a scope filter on them is always exact;
 *  - facts computed by the pure domain modules (`app/domain/course-facts.ts`: commitment status, hours, follow-up
 *    dates, outcomes, on track...), written by `app/services/course-facts.server.ts`. Triggers mark a row stale
 *    (`fresh_until = ''`) when anything it rests on changes; the course use cases recompute it in the same transaction,
 *    reads recompute a few stale rows first, and the daily course job recomputes the date-dependent ones.
 */
export const courseFacts = sqliteTable(
  "course_facts",
  {
    courseId: integer("course_id")
      .primaryKey()
      .references(() => courses.id, { onDelete: "cascade" }),
    /* copies (triggers) */
    menteeId: integer("mentee_id").notNull(),
    mentorId: integer("mentor_id").notNull(),
    municipalityCode: integer("municipality_code").notNull(),
    menteeGroup: text("mentee_group", { enum: menteeGroups }).notNull(),
    danishLevel: text("danish_level", { enum: danishLevels }).notNull(),
    industryCode: text("industry_code"),
    industrySection: text("industry_section"),
    status: text("status", { enum: courseStatuses }).notNull(),
    /** not_started (proposed, approved), running (active, paused) or closed (completed, ended early). */
    phase: text("phase", { enum: ["not_started", "running", "closed"] }).notNull(),
    approvedAt: text("approved_at"),
    startDate: text("start_date"),
    /** The start, or the approval day for a course not started: what the report orders a mentor's courses by. */
    startKey: text("start_key"),
    endedOn: text("ended_on"),
    /* computed (app/domain/course-facts.ts) */
    /** Recompute on or after this day: '' when something changed, tomorrow for running courses, 9999-12-31 when final. */
    freshUntil: text("fresh_until").notNull().default(""),
    factsOn: text("facts_on"),
    commitmentStatus: text("commitment_status", {
      enum: ["not_started", "paused", "ended", "on_track", "behind", "no_contact"],
    }),
    totalLogged: real("total_logged").notNull().default(0),
    totalTarget: real("total_target").notNull().default(0),
    daysWithoutContact: integer("days_without_contact"),
    followUpDueOn: text("follow_up_due_on"),
    followUpOverdueOn: text("follow_up_overdue_on"),
    followUpKind: text("follow_up_kind", { enum: ["start", "regular"] }),
    /** Three months after the end: when the follow-up outcome is due (closed courses). */
    followUpOutcomeDueOn: text("follow_up_outcome_due_on"),
    /** A 3-month follow-up outcome is registered (confirmed or not). */
    hasFollowUpOutcome: bool("has_follow_up_outcome").notNull().default(false),
    /** Job state, not recomputed: the day the course job asked the coordinators for the follow-up outcome. */
    followUpPromptedOn: text("follow_up_prompted_on"),
    /** Meetings and minutes logged up to today or the end, whichever is earlier (the report's hours). */
    meetings: integer("meetings").notNull().default(0),
    minutes: integer("minutes").notNull().default(0),
    /** On track today (null: not started or no course month complete). */
    onTrack: bool("on_track"),
    /** Confirmed outcome types, `;`-separated in the order registered, and the same as bits of `outcomeTypes`. */
    endOutcomes: text("end_outcomes").notNull().default(""),
    followUpOutcomes: text("follow_up_outcomes").notNull().default(""),
    endMask: integer("end_mask").notNull().default(0),
    followUpMask: integer("follow_up_mask").notNull().default(0),
    positiveEnd: bool("positive_end").notNull().default(false),
    positiveFollowUp: bool("positive_follow_up").notNull().default(false),
    /** The three above as bits, what the report's breakdowns count by: 1 positive at the end, 2 a 3-month outcome, 4 positive then. */
    outcomeFlags: integer("outcome_flags").notNull().default(0),
    /** Mentor retention: this is the mentor's first course (programme-wide / within the citizen's municipality)... */
    mentorFirst: bool("mentor_first").notNull().default(false),
    mentorFirstLocal: bool("mentor_first_local").notNull().default(false),
    /** ...and when their second one started (its start key). */
    mentorNextStart: text("mentor_next_start"),
    mentorNextStartLocal: text("mentor_next_start_local"),
  },
  (t) => [
    index("course_facts_fresh_idx").on(t.freshUntil),
    index("course_facts_mentee_idx").on(t.menteeId),
    index("course_facts_mentor_idx").on(t.mentorId),
    // The course list: every filter in start order, newest first.
    index("course_facts_start_idx").on(t.startDate, t.courseId),
    index("course_facts_phase_idx").on(t.phase, t.startDate, t.courseId, t.endedOn),
    // Reports: running on a day (closed courses that ended after it).
    index("course_facts_phase_end_idx").on(t.phase, t.endedOn, t.startDate),
    index("course_facts_commitment_idx").on(t.status, t.commitmentStatus, t.startDate, t.courseId),
    index("course_facts_outcome_due_idx").on(
      t.phase,
      t.hasFollowUpOutcome,
      t.startDate,
      t.courseId,
      t.followUpOutcomeDueOn,
    ),
    index("course_facts_municipality_idx").on(t.municipalityCode, t.phase, t.startDate, t.courseId, t.endedOn),
    // The follow-up queue, most overdue first.
    index("course_facts_follow_up_idx").on(t.status, t.followUpOverdueOn, t.courseId, t.followUpDueOn, t.startDate),
    // Reports: courses ended in a period with all a report counts them by, read from the index alone (the programme's
    // whole months come from report_month_counts; these read the days at a period's edges, or one municipality).
    index("course_facts_ended_idx").on(
      t.status,
      t.endedOn,
      t.outcomeFlags,
      t.minutes,
      t.endMask,
      t.followUpMask,
      t.municipalityCode,
      t.industrySection,
      t.menteeGroup,
      t.danishLevel,
    ),
    index("course_facts_ended_local_idx").on(
      t.municipalityCode,
      t.status,
      t.endedOn,
      t.outcomeFlags,
      t.minutes,
      t.endMask,
      t.followUpMask,
      t.industrySection,
      t.menteeGroup,
      t.danishLevel,
    ),
    index("course_facts_mentor_first_idx").on(t.mentorFirst, t.endedOn, t.startKey, t.mentorNextStart),
    index("course_facts_mentor_first_local_idx").on(
      t.municipalityCode,
      t.mentorFirstLocal,
      t.endedOn,
      t.startKey,
      t.mentorNextStartLocal,
    ),
  ],
);

/**
 * Whether a course was on track (`hoursOnTrack`) on any day: one row per stretch of days with the same answer, from
 * the first complete course month on (days before it have no answer and no row). The report's on-track share is
 * asked for the end of its period; this answers it without reading meetings. Written with the course's facts.
 */
export const courseOnTrack = sqliteTable(
  "course_on_track",
  {
    courseId: integer("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    fromOn: text("from_on").notNull(),
    /** Exclusive; 9999-12-31 for the last stretch. */
    toOn: text("to_on").notNull(),
    onTrack: bool("on_track").notNull(),
    /** Copies for "ran during the period": the start and the end (9999-12-31 while running). */
    startDate: text("start_date").notNull(),
    endKey: text("end_key").notNull(),
    /** Copy of the course's municipality (kept with it by a trigger). */
    municipalityCode: integer("municipality_code").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.fromOn] }),
    index("course_on_track_end_idx").on(t.endKey, t.fromOn, t.toOn, t.startDate, t.onTrack),
    index("course_on_track_local_idx").on(t.municipalityCode, t.endKey, t.fromOn, t.toOn, t.startDate, t.onTrack),
  ],
);

/**
 * A citizen's dates for reports, kept by triggers (decision 016): the date parts of referral and match, the day they
 * withdrew (their last status change to withdrawn), days from referral to match, and until when they were waiting.
 */
export const menteeFacts = sqliteTable(
  "mentee_facts",
  {
    menteeId: integer("mentee_id")
      .primaryKey()
      .references(() => mentees.id, { onDelete: "cascade" }),
    municipalityCode: integer("municipality_code").notNull(),
    menteeGroup: text("mentee_group", { enum: menteeGroups }).notNull(),
    danishLevel: text("danish_level", { enum: danishLevels }).notNull(),
    status: text("status", { enum: menteeStatuses }).notNull(),
    referredOn: text("referred_on").notNull(),
    matchedOn: text("matched_on"),
    withdrawnOn: text("withdrawn_on"),
    matchDays: integer("match_days"),
    /** Waiting from `referred_on` until (exclusive) this day: matched, withdrawn, or 9999-12-31. */
    waitingUntil: text("waiting_until").notNull(),
  },
  (t) => [
    index("mentee_facts_referred_idx").on(t.referredOn, t.municipalityCode, t.menteeGroup, t.danishLevel),
    index("mentee_facts_referred_local_idx").on(t.municipalityCode, t.referredOn, t.menteeGroup, t.danishLevel),
    index("mentee_facts_waiting_idx").on(t.waitingUntil, t.referredOn, t.municipalityCode),
    index("mentee_facts_waiting_local_idx").on(t.municipalityCode, t.waitingUntil, t.referredOn),
    index("mentee_facts_match_idx").on(t.matchDays, t.matchedOn, t.municipalityCode),
    index("mentee_facts_match_local_idx").on(t.municipalityCode, t.matchDays, t.matchedOn),
    index("mentee_facts_withdrawn_idx").on(t.withdrawnOn, t.municipalityCode),
  ],
);

/**
 * The satisfaction answers for reports, kept by triggers (decision 016): a survey answered with a score, the day it
 * was answered and the course's municipality, so a period's answers are one index range per score.
 */
export const surveyFacts = sqliteTable(
  "survey_facts",
  {
    surveyId: integer("survey_id")
      .primaryKey()
      .references(() => surveys.id, { onDelete: "cascade" }),
    courseId: integer("course_id").notNull(),
    municipalityCode: integer("municipality_code").notNull(),
    respondent: text("respondent", { enum: surveyRespondents }).notNull(),
    satisfaction: integer("satisfaction").notNull(),
    answeredOn: text("answered_on").notNull(),
  },
  (t) => [
    index("survey_facts_course_idx").on(t.courseId),
    index("survey_facts_answered_idx").on(t.answeredOn, t.respondent, t.satisfaction),
    index("survey_facts_answered_local_idx").on(t.municipalityCode, t.respondent, t.satisfaction, t.answeredOn),
  ],
);

/**
 * Version stamps for the in-memory caches of computed pages (decision 016): `reports` (the reports and the goal figures)
 * and `demand` (`/koordinator/behov`). Triggers in the migration add one to a stamp in the same statement as any
 * insert, update or delete of a table its page reads, so a cached answer is used only while its stamp is unchanged.
 */
export const dataStamps = sqliteTable("data_stamps", {
  name: text("name", { enum: ["reports", "demand"] }).primaryKey(),
  n: integer("n").notNull().default(0),
});

/**
 * What reports add up, per calendar month, for the programme (`scope` 0) and for each municipality (`scope` its code),
 * kept by triggers on the facts tables (decision 016): a report sums the whole months of its period here (a few
 * hundred rows) and reads only the days at its edges from the facts. Kinds and keys: `ended` (status, outcome flags, end and 3-month outcome types as bits) and `hours` (minutes
 * logged) of courses by the month they ended; `completed` (dimension, its value, outcome flags) of completed courses;
 * `referred` (dimension, its value) of citizens by the month referred; `answers` (respondent, score) by the month answered.
 */
export const reportMonthCounts = sqliteTable(
  "report_month_counts",
  {
    kind: text("kind", { enum: ["ended", "hours", "completed", "referred", "answers"] }).notNull(),
    scope: integer("scope").notNull(),
    month: text("month").notNull(),
    k1: text("k1").notNull().default(""),
    k2: text("k2").notNull().default(""),
    k3: text("k3").notNull().default(""),
    k4: text("k4").notNull().default(""),
    n: integer("n").notNull(),
  },
  (t) => [
    // The key is the table's order (WITHOUT ROWID, migration 0012 by hand: drizzle-kit cannot say it; keep it in any later
    // rebuild), so a report's sums read a range of the table itself and no index repeats it.
    primaryKey({ columns: [t.kind, t.scope, t.month, t.k1, t.k2, t.k3, t.k4] }),
  ],
);
