/**
 * Matching: the mentor's yes (match requests), the versioned weights and a whole-pool run's results.
 */
import {
  sqliteTable,
  text,
  integer,
  real,
  index,
  uniqueIndex,
  primaryKey,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { nowIso } from "../../app/utils/clock";
import { matchRequestStatuses } from "../../app/domain/match-request";
import { id, createdAt, updatedAt, bool, json } from "./columns";
import { mentees } from "./citizens";
import { courses } from "./courses";
import { backgroundJobs } from "./jobs";
import { mentors, users } from "./people";

/**
 * The mentor says yes (issue 19, decision 017): a coordinator's approval asks the mentor first. Only an accepted request
 * makes the course (`course_id`). A declined or expired request excludes the pair from future proposals. At most one
 * open request per citizen (a partial unique index), so two coordinators approving the same citizen make one request.
 */
export const matchRequests = sqliteTable(
  "match_requests",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id),
    status: text("status", { enum: matchRequestStatuses }).notNull().default("requested"),
    requestedBy: integer("requested_by").references(() => users.id),
    requestedAt: text("requested_at").notNull().$defaultFn(nowIso),
    /** The answer is due by this instant; the daily job expires it after. */
    deadline: text("deadline").notNull(),
    /** The start date the coordinator chose (moved to the day of acceptance when that is later). */
    startDate: text("start_date").notNull(),
    matchScore: real("match_score"),
    /** The pair shares no industry (marked for the mentor too). */
    noIndustry: bool("no_industry").notNull().default(false),
    /** The coordinator's reason for a pair without a shared industry, or for choosing another than the best. */
    reason: text("reason"),
    answeredAt: text("answered_at"),
    /** The mentor's optional reason for declining (shown to coordinators only). */
    declineReason: text("decline_reason"),
    courseId: integer("course_id").references(() => courses.id),
    /** When a coordinator dealt with a declined or expired request (it leaves their list). */
    handledAt: text("handled_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("match_requests_open_uq")
      .on(t.menteeId)
      .where(sql`status = 'requested'`),
    index("match_requests_mentee_idx").on(t.menteeId, t.mentorId, t.status),
    index("match_requests_mentor_idx").on(t.mentorId, t.status),
    index("match_requests_deadline_idx").on(t.status, t.deadline),
    index("match_requests_unhandled_idx").on(t.status, t.handledAt, t.answeredAt),
  ],
);

/** Matching weights are data, versioned: a course stores the version it was matched with. */
export const matchingWeights = sqliteTable("matching_weights", {
  version: integer("version").primaryKey(),
  weights: json<Record<string, number>>("weights").notNull(),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
});

/** A whole-pool run's proposed pairs: paged by (shared industry, score); `course_id` once approved from the result. */
export const poolRunPairs = sqliteTable(
  "pool_run_pairs",
  {
    jobId: integer("job_id")
      .notNull()
      .references(() => backgroundJobs.id, { onDelete: "cascade" }),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    score: real("score").notNull(),
    /** The mentee's wished division or section is the mentor's industry or one of the mentor's network industries. */
    sharedIndustry: bool("shared_industry").notNull(),
    reasons: json<{ key: string; params?: Record<string, string | number | string[]> }[]>("reasons").notNull(),
    /** The request to the mentor made when the pair was approved from the result (issue 19: the mentor says yes). */
    requestId: integer("request_id").references((): AnySQLiteColumn => matchRequests.id, { onDelete: "set null" }),
    /** Why approving it from the result was refused: the refusal's i18n key (older rows: a bare code). */
    refusal: text("refusal"),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.menteeId] }),
    index("pool_run_pairs_page_idx").on(t.jobId, t.sharedIndustry, t.score),
  ],
);

/** A whole-pool run's waiting mentees without a proposal, with the main reason. */
export const poolRunUnmatched = sqliteTable(
  "pool_run_unmatched",
  {
    jobId: integer("job_id")
      .notNull()
      .references(() => backgroundJobs.id, { onDelete: "cascade" }),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    reason: text("reason").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.menteeId] }), index("pool_run_unmatched_reason_idx").on(t.jobId, t.reason)],
);
