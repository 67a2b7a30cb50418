/**
 * People and access: accounts, sessions, one-time tokens, rate limits; mentors and their screening.
 */
import { sqliteTable, text, integer, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import {
  roles,
  uiLocales,
  mentorStatuses,
  genders,
  genderPreferences,
  screeningSteps,
  tokenPurposes,
  type Goal,
} from "../../app/domain/enums";
import { id, createdAt, updatedAt, bool, json } from "./columns";
import { companies } from "./company";
import { industries, municipalities } from "./reference";

export const users = sqliteTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: roles }).notNull(),
    passwordHash: text("password_hash"),
    /** A caseworker belongs to exactly one municipality; null for every other role. */
    municipalityCode: integer("municipality_code").references(() => municipalities.code),
    locale: text("locale", { enum: uiLocales }).notNull().default("da"),
    active: bool("active").notNull().default(true),
    emailVerifiedAt: text("email_verified_at"),
    totpSecret: text("totp_secret"),
    lastLoginAt: text("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_uq").on(t.email), index("users_role_idx").on(t.role, t.municipalityCode)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the opaque token in the cookie; the token itself is never stored. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: text("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = sqliteTable(
  "verification_tokens",
  {
    id: id(),
    purpose: text("purpose", { enum: tokenPurposes }).notNull(),
    tokenHash: text("token_hash").notNull(),
    /** What the token is for: a user id, a mentor id, a survey id... interpreted by purpose. */
    subjectType: text("subject_type"),
    subjectId: integer("subject_id"),
    email: text("email"),
    /** Short numeric code (hashed) for flows that accept a typed code as well as a link. */
    codeHash: text("code_hash"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("verification_tokens_hash_uq").on(t.tokenHash),
    index("verification_tokens_subject_idx").on(t.purpose, t.subjectType, t.subjectId),
  ],
);

export const rateLimits = sqliteTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull(),
    resetAt: integer("reset_at").notNull(),
  },
  (t) => [index("rate_limits_reset_idx").on(t.resetAt)],
);

/* ------------------------------------------------------------------ mentors */

export const mentors = sqliteTable(
  "mentors",
  {
    id: id(),
    userId: integer("user_id").references(() => users.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull(),
    postcode: text("postcode").notNull(),
    municipalityCode: integer("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    travelKm: integer("travel_km").notNull().default(15),
    employer: text("employer"),
    /** The company the mentor works at, when staff or the mentor linked it (issue 20). */
    companyId: integer("company_id").references((): AnySQLiteColumn => companies.id),
    jobTitle: text("job_title").notNull(),
    /** DB07 division of the mentor's own work. */
    industryCode: text("industry_code")
      .notNull()
      .references(() => industries.code),
    /** DB07 divisions where the mentor has a network. */
    networkIndustryCodes: json<string[]>("network_industry_codes").notNull().default([]),
    yearsExperience: integer("years_experience").notNull().default(0),
    isManager: bool("is_manager").notNull().default(false),
    languages: json<string[]>("languages").notNull().default([]),
    gender: text("gender", { enum: genders }),
    menteeGenderPreference: text("mentee_gender_preference", { enum: genderPreferences }).notNull().default("none"),
    offers: json<Goal[]>("offers").notNull().default([]),
    earliestStart: text("earliest_start"),
    capacity: integer("capacity").notNull().default(1),
    motivation: text("motivation").notNull().default(""),
    status: text("status", { enum: mentorStatuses }).notNull().default("applied"),
    rejectionReason: text("rejection_reason"),
    pausedFrom: text("paused_from"),
    pausedTo: text("paused_to"),
    emailVerifiedAt: text("email_verified_at"),
    locale: text("locale", { enum: uiLocales }).notNull().default("da"),
    /**
     * When the mentor marked the coordinators' introduction as read (issue 21): a hard rule of matching, so a mentor is
     * never matched before. Which page at which version they read is in guidance_reads.
     */
    introductionReadAt: text("introduction_read_at"),
    /** The recruitment link the volunteer signed up through ("Q-751": DB07 section and municipality), else null (issue 19). */
    recruitmentSource: text("recruitment_source"),
    anonymisedAt: text("anonymised_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("mentors_email_uq").on(t.email),
    index("mentors_status_idx").on(t.status, t.createdAt),
    index("mentors_municipality_idx").on(t.municipalityCode, t.status),
    index("mentors_industry_idx").on(t.industryCode, t.status),
    index("mentors_user_idx").on(t.userId),
    index("mentors_company_idx").on(t.companyId),
    // The application queue with "all statuses", oldest first.
    index("mentors_created_idx").on(t.createdAt),
    // The candidates page: the size of the pool, and the longest travel distance (how far to look for mentors).
    index("mentors_pool_idx").on(t.status, t.anonymisedAt),
    index("mentors_travel_idx").on(t.travelKm),
    // Sign-ups per recruitment link (/koordinator/behov): only the few that came through one.
    index("mentors_recruitment_idx")
      .on(t.recruitmentSource, t.status)
      .where(sql`recruitment_source IS NOT NULL`),
  ],
);

export const mentorScreenings = sqliteTable(
  "mentor_screenings",
  {
    id: id(),
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    step: text("step", { enum: screeningSteps }).notNull(),
    doneOn: text("done_on").notNull(),
    /** For the introduction: meeting | online. */
    form: text("form"),
    notes: text("notes"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("mentor_screenings_mentor_idx").on(t.mentorId, t.step)],
);
