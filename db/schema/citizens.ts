/**
 * Citizens (integrationsborgere) referred by municipalities: the record, its industry index for the queue, and
 * what a citizen asks for from their own page (a new phone number or language, a call).
 */
import { sqliteTable, text, integer, index, primaryKey } from "drizzle-orm/sqlite-core";
import {
  messageLanguages,
  channels,
  menteeStatuses,
  menteeGroups,
  genders,
  genderPreferences,
  danishLevels,
  englishLevels,
  educationLevels,
  type Goal,
} from "../../app/domain/enums";
import { nowIso } from "../../app/utils/clock";
import { id, createdAt, updatedAt, bool, json } from "./columns";
import { users } from "./people";
import { municipalities } from "./reference";

export type WorkExperience = { title: string; years: number; industryCode: string | null };

export const mentees = sqliteTable(
  "mentees",
  {
    id: id(),
    municipalityCode: integer("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    referredBy: integer("referred_by").references(() => users.id),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    birthYear: integer("birth_year").notNull(),
    gender: text("gender", { enum: genders }),
    phone: text("phone"),
    email: text("email"),
    preferredChannel: text("preferred_channel", { enum: channels }).notNull().default("sms"),
    language: text("language", { enum: messageLanguages }).notNull().default("da"),
    group: text("group", { enum: menteeGroups }).notNull(),
    jobReady: bool("job_ready").notNull().default(true),
    danishLevel: text("danish_level", { enum: danishLevels }).notNull().default("none"),
    danishModule: integer("danish_module"),
    englishLevel: text("english_level", { enum: englishLevels }).notNull().default("none"),
    languages: json<string[]>("languages").notNull().default([]),
    educationLevel: text("education_level", { enum: educationLevels }).notNull().default("none"),
    educationField: text("education_field"),
    educationCountry: text("education_country"),
    experience: json<WorkExperience[]>("experience").notNull().default([]),
    wishedIndustryCodes: json<string[]>("wished_industry_codes").notNull().default([]),
    wishedOccupation: text("wished_occupation"),
    goals: json<Goal[]>("goals").notNull().default([]),
    availability: text("availability"),
    drivingLicence: bool("driving_licence").notNull().default(false),
    mentorGenderPreference: text("mentor_gender_preference", { enum: genderPreferences }).notNull().default("none"),
    /** The coarse flag; never any detail. Visible to coordinators and caseworkers only. */
    needsConsideration: bool("needs_consideration").notNull().default(false),
    /** Employer of a current internship, for the conflict-of-interest rule. */
    currentInternshipEmployer: text("current_internship_employer"),
    status: text("status", { enum: menteeStatuses }).notNull().default("waiting"),
    withdrawnReason: text("withdrawn_reason"),
    referredAt: text("referred_at").notNull().$defaultFn(nowIso),
    matchedAt: text("matched_at"),
    smsOptOutAt: text("sms_opt_out_at"),
    emailOptOutAt: text("email_opt_out_at"),
    anonymisedAt: text("anonymised_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("mentees_municipality_idx").on(t.municipalityCode, t.status, t.referredAt),
    index("mentees_status_idx").on(t.status, t.referredAt),
    index("mentees_duplicate_idx").on(t.municipalityCode, t.birthYear, t.lastName),
    // Retention: the citizens not yet anonymised, by status (and when a withdrawn one last changed).
    index("mentees_retention_idx").on(t.anonymisedAt, t.status, t.updatedAt),
    // A caseworker's list, newest first; the names make a search by name a pass over the index, not the table.
    index("mentees_municipality_referred_idx").on(t.municipalityCode, t.referredAt, t.firstName, t.lastName),
  ],
);

/**
 * The coordinator queue's industry filter as rows: one per (citizen, wished DB07 division) and one per (citizen,
 * section of a wished division), with the citizen's status, municipality and referral time. Kept by triggers on
 * `mentees` (in the migration), so every write path keeps it; "waiting citizens who wish F, oldest first" and its
 * count are then a range of one index instead of a JSON parse per waiting citizen. The table is WITHOUT ROWID (migration
 * 0012, by hand: drizzle-kit cannot say it; keep it in any later rebuild): its key is its only lookup.
 */
export const menteeIndustryIndex = sqliteTable(
  "mentee_industry_index",
  {
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    /** A division ("41") or a section letter ("F"). */
    code: text("code").notNull(),
    status: text("status", { enum: menteeStatuses }).notNull(),
    municipalityCode: integer("municipality_code").notNull(),
    referredAt: text("referred_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.menteeId, t.code] }),
    // Oldest first by industry; the municipality at the end filters a municipality's citizens out of the same entries.
    index("mentee_industry_index_queue_idx").on(t.code, t.status, t.referredAt, t.menteeId, t.municipalityCode),
  ],
);

/** A citizen's change of phone number or message language from their own page, waiting for the code sent to the number. */
export const citizenContactChanges = sqliteTable(
  "citizen_contact_changes",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    newPhone: text("new_phone"),
    newLanguage: text("new_language", { enum: messageLanguages }),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: text("expires_at").notNull(),
    confirmedAt: text("confirmed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("citizen_contact_changes_mentee_idx").on(t.menteeId, t.createdAt)],
);

/** "Call me": a citizen asks a coordinator to call, from their own page. */
export const callRequests = sqliteTable(
  "call_requests",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    requestedAt: text("requested_at").notNull().$defaultFn(nowIso),
    handledAt: text("handled_at"),
    handledBy: integer("handled_by").references(() => users.id),
  },
  (t) => [
    index("call_requests_open_idx").on(t.handledAt, t.requestedAt),
    index("call_requests_mentee_idx").on(t.menteeId),
  ],
);
