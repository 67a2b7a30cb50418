/**
 * The whole domain schema. SQLite through drizzle; instants are ISO-8601 UTC text, calendar dates YYYY-MM-DD text,
 * lists are JSON text. Enumerations come from app/domain/enums.ts so schema, forms and UI share one definition.
 * Every list a page shows has an index here.
 */
import {
  sqliteTable,
  text,
  integer,
  real,
  index,
  uniqueIndex,
  primaryKey,
  customType,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import {
  roles,
  uiLocales,
  messageLanguages,
  channels,
  messageStatuses,
  mentorStatuses,
  menteeStatuses,
  courseStatuses,
  outcomeTypes,
  outcomePhases,
  endReasons,
  menteeGroups,
  genders,
  genderPreferences,
  danishLevels,
  englishLevels,
  educationLevels,
  meetingForms,
  screeningSteps,
  followUpTargets,
  followUpStatuses,
  consentPurposes,
  subjectTypes,
  surveyKinds,
  surveyRespondents,
  closerToJobAnswers,
  tokenPurposes,
  auditActions,
  iscedLevels,
  openingTypes,
  openingStatuses,
  companySizes,
  proposalStatuses,
  declineReasons,
  placementStatuses,
  placementEndReasons,
  schoolKinds,
  plannedMeetingStatuses,
  goalKinds,
  goalStatuses,
  guidanceKinds,
  type Goal,
  type MeetingTopic,
  type CompanyProgramme,
} from "../app/domain/enums";
import { nowIso } from "../app/utils/clock";
import { matchRequestStatuses } from "../app/domain/match-request";

const id = () => integer("id").primaryKey({ autoIncrement: true });
const createdAt = () => text("created_at").notNull().$defaultFn(nowIso);
const updatedAt = () => text("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso);
const bool = (name: string) => integer(name, { mode: "boolean" });
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/**
 * An instant kept as milliseconds since 1970 (UTC) in an INTEGER column, read and written as ISO-8601 text like every
 * other instant: 6 bytes a row and in each index instead of 24. For the tables that grow by hundreds of thousands of
 * rows (the access log, the outbox, meetings, consents: issue 16); written without a zone, an instant is UTC. Raw SQL on
 * these columns compares numbers (`Date.parse`), never ISO text.
 */
const epochMs = customType<{ data: string; driverData: number }>({
  dataType: () => "integer",
  toDriver: (iso) => {
    const ms = Date.parse(/T[^Zz+-]*$/.test(iso) ? `${iso}Z` : iso);
    if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
    return ms;
  },
  fromDriver: (ms) => new Date(ms).toISOString(),
});
/** created_at / updated_at of the large history tables, as epoch milliseconds (epochMs). */
const createdAtMs = () => epochMs("created_at").notNull().$defaultFn(nowIso);
const updatedAtMs = () => epochMs("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso);
/**
 * A closed list of words kept as its position in the list (an INTEGER column, one byte a row), read and written as the
 * word. Only ever append to such a list: a stored number means the word at its position.
 */
const coded = <T extends string>(name: string, words: readonly T[]) =>
  customType<{ data: T; driverData: number }>({
    dataType: () => "integer",
    toDriver: (word) => {
      const i = words.indexOf(word);
      if (i < 0) throw new Error(`${name}: unknown value ${word}`);
      return i;
    },
    fromDriver: (i) => words[i],
  })(name);

/* ------------------------------------------------------------------ reference data */

export const municipalities = sqliteTable(
  "municipalities",
  {
    code: integer("code").primaryKey(),
    name: text("name").notNull(),
    regionCode: integer("region_code").notNull(),
    lat: real("lat").notNull(),
    lng: real("lng").notNull(),
    isPartner: bool("is_partner").notNull().default(false),
    partnerSince: text("partner_since"),
    agreementDate: text("agreement_date"),
    dpaDate: text("dpa_date"),
    yearlyQuota: integer("yearly_quota"),
    updatedAt: updatedAt(),
  },
  (t) => [index("municipalities_partner_idx").on(t.isPartner, t.name)],
);

/** DB07 (Danish NACE rev. 2): sections (A-U) and two-digit divisions (01-99) in one table. */
export const industries = sqliteTable(
  "industries",
  {
    code: text("code").primaryKey(),
    level: text("level", { enum: ["section", "division"] }).notNull(),
    section: text("section").notNull(),
    labelDa: text("label_da").notNull(),
    labelEn: text("label_en").notNull(),
  },
  (t) => [index("industries_section_idx").on(t.section, t.level)],
);

/** Which reference data version has been applied (idempotent upserts run again when the version changes). */
export const referenceVersions = sqliteTable("reference_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
  appliedAt: text("applied_at").notNull().$defaultFn(nowIso),
});

/* ------------------------------------------------------------------ people and access */

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

/* ------------------------------------------------------------------ mentees (integrationsborgere) */

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

/* ------------------------------------------------------------------ courses (mentorforløb) */

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

/* ------------------------------------------------------------------ the company side (issue 20) */

export type ProfileEducation = {
  level: (typeof iscedLevels)[number];
  field: string | null;
  country: string | null;
  year: number | null;
  recognised: boolean;
};
export type ProfileExperience = {
  occupation: string;
  industryCode: string | null;
  years: number;
  country: string | null;
};

/**
 * The competence assessment (kompetenceafklaring) of a citizen, versioned: every save is a new row and the previous
 * one stops being current. Exactly one current row per citizen (partial unique index). A matched mentor sees only the
 * minimal part (education, experience, wishes); the free-text summary never leaves staff pages.
 */
export const competenceProfiles = sqliteTable(
  "competence_profiles",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    isCurrent: bool("is_current").notNull().default(true),
    educations: json<ProfileEducation[]>("educations").notNull().default([]),
    experience: json<ProfileExperience[]>("experience").notNull().default([]),
    danishLevel: text("danish_level", { enum: danishLevels }).notNull().default("none"),
    danishModule: integer("danish_module"),
    englishLevel: text("english_level", { enum: englishLevels }).notNull().default("none"),
    drivingLicence: bool("driving_licence").notNull().default(false),
    certificates: json<string[]>("certificates").notNull().default([]),
    hoursPerWeek: integer("hours_per_week"),
    availableFrom: text("available_from"),
    wishedIndustryCodes: json<string[]>("wished_industry_codes").notNull().default([]),
    wishedOccupations: json<string[]>("wished_occupations").notNull().default([]),
    summary: text("summary"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("competence_profiles_version_uq").on(t.menteeId, t.version),
    uniqueIndex("competence_profiles_current_uq")
      .on(t.menteeId)
      .where(sql`is_current = 1`),
  ],
);

/** A company (virksomhed), identified by its CVR number. `verifiedAt` is null while only a mentor's tip. */
export const companies = sqliteTable(
  "companies",
  {
    id: id(),
    name: text("name").notNull(),
    cvr: text("cvr").notNull(),
    industryCode: text("industry_code")
      .notNull()
      .references(() => industries.code),
    municipalityCode: integer("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    size: text("size", { enum: companySizes }),
    programmes: json<CompanyProgramme[]>("programmes").notNull().default([]),
    /** The mentor who registered it from their network, if one did. */
    suggestedByMentorId: integer("suggested_by_mentor_id").references((): AnySQLiteColumn => mentors.id),
    verifiedAt: text("verified_at"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("companies_cvr_uq").on(t.cvr),
    index("companies_name_idx").on(t.name, t.id),
    index("companies_municipality_idx").on(t.municipalityCode, t.name),
    index("companies_industry_idx").on(t.industryCode),
  ],
);

export const companyContacts = sqliteTable(
  "company_contacts",
  {
    id: id(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: text("role"),
    phone: text("phone"),
    email: text("email"),
    createdAt: createdAt(),
  },
  (t) => [index("company_contacts_company_idx").on(t.companyId, t.id)],
);

/** Notes of contact with a company (a call, a visit, an agreement). About the company, never about a citizen. */
export const companyNotes = sqliteTable(
  "company_notes",
  {
    id: id(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    note: text("note").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("company_notes_company_idx").on(t.companyId, t.date, t.id)],
);

/** An opening (opslag / praktikplads): what a company offers, where, from when, for how many. */
export const openings = sqliteTable(
  "openings",
  {
    id: id(),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    type: text("type", { enum: openingTypes }).notNull(),
    industryCode: text("industry_code")
      .notNull()
      .references(() => industries.code),
    occupation: text("occupation").notNull(),
    municipalityCode: integer("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    startDate: text("start_date"),
    durationWeeks: integer("duration_weeks"),
    weeklyHours: integer("weekly_hours"),
    /** The Danish level needed; "none" = no requirement. */
    danishLevel: text("danish_level", { enum: danishLevels }).notNull().default("none"),
    places: integer("places").notNull().default(1),
    deadline: text("deadline"),
    description: text("description"),
    status: text("status", { enum: openingStatuses }).notNull().default("open"),
    suggestedByMentorId: integer("suggested_by_mentor_id").references((): AnySQLiteColumn => mentors.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("openings_status_idx").on(t.status, t.deadline, t.id),
    index("openings_company_idx").on(t.companyId, t.status),
    index("openings_municipality_idx").on(t.municipalityCode, t.status),
    index("openings_industry_idx").on(t.industryCode, t.status),
    index("openings_created_idx").on(t.createdAt),
  ],
);

/** A citizen proposed to an opening, and the company's answer. One live proposal per citizen and opening. */
export const openingProposals = sqliteTable(
  "opening_proposals",
  {
    id: id(),
    openingId: integer("opening_id")
      .notNull()
      .references(() => openings.id),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id),
    status: text("status", { enum: proposalStatuses }).notNull().default("proposed"),
    score: real("score"),
    reasons: json<unknown[]>("reasons"),
    proposedBy: integer("proposed_by").references(() => users.id),
    proposedAt: text("proposed_at").notNull().$defaultFn(nowIso),
    answeredAt: text("answered_at"),
    answeredBy: integer("answered_by").references(() => users.id),
    declineReason: text("decline_reason", { enum: declineReasons }),
    declineNote: text("decline_note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("opening_proposals_opening_idx").on(t.openingId, t.status),
    index("opening_proposals_mentee_idx").on(t.menteeId, t.status),
    uniqueIndex("opening_proposals_live_uq")
      .on(t.openingId, t.menteeId)
      .where(sql`status in ('proposed', 'accepted')`),
  ],
);

/** A citizen in an opening (praktikforløb / placering): dates, workplace mentor, for IGU schooling and adviser, outcome. */
export const placements = sqliteTable(
  "placements",
  {
    id: id(),
    proposalId: integer("proposal_id")
      .notNull()
      .references(() => openingProposals.id),
    openingId: integer("opening_id")
      .notNull()
      .references(() => openings.id),
    companyId: integer("company_id")
      .notNull()
      .references(() => companies.id),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id),
    type: text("type", { enum: openingTypes }).notNull(),
    status: text("status", { enum: placementStatuses }).notNull().default("planned"),
    startDate: text("start_date").notNull(),
    plannedEndDate: text("planned_end_date"),
    endedOn: text("ended_on"),
    endReason: text("end_reason", { enum: placementEndReasons }),
    workplaceMentorName: text("workplace_mentor_name"),
    workplaceMentorPhone: text("workplace_mentor_phone"),
    completionAdviserName: text("completion_adviser_name"),
    completionAdviserPhone: text("completion_adviser_phone"),
    outcomeType: text("outcome_type", { enum: outcomeTypes }),
    outcomeDate: text("outcome_date"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("placements_proposal_uq").on(t.proposalId),
    index("placements_mentee_idx").on(t.menteeId, t.startDate),
    index("placements_company_idx").on(t.companyId, t.status),
    index("placements_opening_idx").on(t.openingId, t.status),
    index("placements_status_idx").on(t.status, t.startDate, t.id),
  ],
);

/** IGU schooling (about 20 weeks over the two years): AMU courses, Danish, vocational school. */
export const placementSchoolPeriods = sqliteTable(
  "placement_school_periods",
  {
    id: id(),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: schoolKinds }).notNull(),
    title: text("title"),
    fromDate: text("from_date").notNull(),
    weeks: integer("weeks").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("placement_school_periods_placement_idx").on(t.placementId, t.fromDate)],
);

export const placementFollowUps = sqliteTable(
  "placement_follow_ups",
  {
    id: id(),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    onTrack: bool("on_track").notNull(),
    note: text("note"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("placement_follow_ups_placement_idx").on(t.placementId, t.date)],
);

/* ------------------------------------------------------------------ facts for lists and reports (decision 016) */

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

/** Guidance for mentors, maintained by coordinators: the introduction's pages and tips per course month, Danish and English. */
export const guidancePages = sqliteTable(
  "guidance_pages",
  {
    id: id(),
    kind: text("kind", { enum: guidanceKinds }).notNull(),
    /** For a tip: the course month it fits (1, 2, …); null = any month. */
    courseMonth: integer("course_month"),
    sort: integer("sort").notNull().default(0),
    titleDa: text("title_da").notNull(),
    bodyDa: text("body_da").notNull(),
    titleEn: text("title_en").notNull(),
    bodyEn: text("body_en").notNull(),
    /** Goes up with every edit, so "read" means read at a version. */
    version: integer("version").notNull().default(1),
    active: bool("active").notNull().default(true),
    updatedBy: integer("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("guidance_pages_kind_idx").on(t.kind, t.active, t.sort)],
);

/** Which mentor read which guidance page at which version, and when. */
export const guidanceReads = sqliteTable(
  "guidance_reads",
  {
    mentorId: integer("mentor_id")
      .notNull()
      .references(() => mentors.id, { onDelete: "cascade" }),
    pageId: integer("page_id")
      .notNull()
      .references(() => guidancePages.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    readAt: text("read_at").notNull().$defaultFn(nowIso),
  },
  (t) => [primaryKey({ columns: [t.mentorId, t.pageId, t.version] })],
);

/* ------------------------------------------------------------------ consent, audit, status history */

export const consents = sqliteTable(
  "consents",
  {
    id: id(),
    subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
    subjectId: integer("subject_id").notNull(),
    purpose: text("purpose", { enum: consentPurposes }).notNull(),
    textVersion: text("text_version").notNull(),
    givenAt: epochMs("given_at").notNull(),
    recordedBy: integer("recorded_by").references(() => users.id),
    withdrawnAt: epochMs("withdrawn_at"),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
    createdAt: createdAtMs(),
  },
  (t) => [index("consents_subject_idx").on(t.subjectType, t.subjectId, t.purpose)],
);

/** Who may appear as the actor of an access-log row (append only: the position is what is stored). */
export const auditActorRoles = [...roles, "citizen"] as const;

/**
 * Append-only (triggers in the migration refuse UPDATE and DELETE). No personal data in `details`.
 * Narrow rows (issue 16): the instant as epoch milliseconds, the action and the actor's role as small codes; the kind of
 * record stays text (an open list, written by many use cases).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    at: epochMs("at").notNull().$defaultFn(nowIso),
    actorUserId: integer("actor_user_id"),
    actorRole: coded("actor_role", auditActorRoles),
    action: coded("action", auditActions).notNull(),
    entityType: text("entity_type").notNull(),
    entityId: integer("entity_id"),
    details: json<Record<string, unknown>>("details"),
  },
  (t) => [
    // The access log, newest first (id order is time order: rows are written when they happen), whole or filtered by
    // record, actor, action or kind of record: an index on the filter's column(s) alone keeps ids in order. A period is
    // turned into a range of ids through the instant's index (app/services/audit.server.ts).
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorUserId),
    index("audit_log_at_idx").on(t.at),
    index("audit_log_action_idx").on(t.action),
    index("audit_log_entity_type_idx").on(t.entityType),
  ],
);

/**
 * A referred citizen's record after referral (issue 19): corrections (which fields changed, never their values) and
 * the coordinator's intake call (its day and a short note without health details). Shown in the record's history.
 */
export const menteeChanges = sqliteTable(
  "mentee_changes",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["correction", "intake_call"] }).notNull(),
    /** Names of the changed fields (corrections). */
    fields: json<string[]>("fields").notNull().default([]),
    calledOn: text("called_on"),
    note: text("note"),
    byUserId: integer("by_user_id").references(() => users.id),
    at: text("at").notNull().$defaultFn(nowIso),
  },
  (t) => [index("mentee_changes_mentee_idx").on(t.menteeId, t.at, t.id)],
);

export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: id(),
    entityType: text("entity_type", {
      enum: ["mentor", "mentee", "course", "opening", "proposal", "placement", "match_request"],
    }).notNull(),
    entityId: integer("entity_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    byUserId: integer("by_user_id").references(() => users.id),
    at: text("at").notNull().$defaultFn(nowIso),
  },
  (t) => [
    // One record's history (a handful of rows, sorted after the lookup): no instant in the index (issue 16).
    index("status_changes_entity_idx").on(t.entityType, t.entityId),
  ],
);

/* ------------------------------------------------------------------ messaging (the outbox) */

/**
 * The outbox. Its instants are epoch milliseconds (epochMs, read as ISO text): a national programme keeps hundreds of
 * thousands of rows with five instants each (issue 16). What is kept after sending: template, data, language, status,
 * provider id and times; the rendered payload and secrets go when the message is final (a trigger), and the history
 * view renders the text again from template and data.
 */
/** What is handed to the provider: rendered once, then sent as is on every try. */
/** A file sent with an email (a calendar invite): text content, as sent. */
export type MessageAttachment = { filename: string; contentType: string; content: string };
export type MessagePayload = {
  subject: string;
  text: string;
  html: string | null;
  unsubscribeUrl: string | null;
  attachments?: MessageAttachment[];
};
export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    channel: text("channel", { enum: channels }).notNull(),
    recipient: text("recipient").notNull(),
    /** Whom the message is for, so "what was sent to this person" is one query. */
    subjectType: text("subject_type", { enum: subjectTypes }),
    subjectId: integer("subject_id"),
    template: text("template").notNull(),
    locale: text("locale", { enum: messageLanguages }).notNull().default("da"),
    data: json<Record<string, unknown>>("data").notNull().default({}),
    status: text("status", { enum: messageStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: epochMs("next_attempt_at").notNull().$defaultFn(nowIso),
    claimedAt: epochMs("claimed_at"),
    /** The sender process holding the row while it is `sending` (`pid@host/nonce`), and until when its lease runs. */
    claimedBy: text("claimed_by"),
    leaseUntil: epochMs("lease_until"),
    /** Set just before the provider is called: a row stuck in `sending` with this set may have reached the provider. */
    handedOffAt: epochMs("handed_off_at"),
    lastError: text("last_error"),
    transport: text("transport"),
    providerId: text("provider_id"),
    /** Unique per logical message: enqueueing the same key twice is a no-op, and it is sent to the provider. */
    idempotencyKey: text("idempotency_key").notNull(),
    /**
     * The secret fields of `data` (live links: reset, invitation, verification, survey), which `data` holds only masked.
     * Read by the real send alone; dropped (a trigger) once the message is sent, delivered or cancelled.
     */
    secrets: json<Record<string, unknown>>("secrets"),
    /**
     * The exact provider payload, fixed at the first send so every retry is byte-identical (tokens inside it are made
     * once). Read by the sender alone; dropped with the secrets once the message is final.
     */
    payload: json<MessagePayload>("payload"),
    sentAt: epochMs("sent_at"),
    deliveredAt: epochMs("delivered_at"),
    createdAt: createdAtMs(),
    updatedAt: updatedAtMs(),
  },
  (t) => [
    uniqueIndex("messages_idempotency_uq").on(t.idempotencyKey),
    // The sender's queue: only the queued rows (the query says `status = 'queued'` as a literal), in due order. The final
    // rows, nearly all of the outbox, are in no such index.
    index("messages_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'queued'`),
    // What was sent to one person, newest (highest id: rows are written when they are made) first.
    index("messages_subject_idx").on(t.subjectType, t.subjectId),
    // The outbox page by status or by channel, newest (highest id) first: an index on the column alone keeps ids in order.
    // (status, channel) counts the two filters together; it cannot replace (status), whose ids are in order.
    index("messages_status_idx").on(t.status),
    index("messages_channel_idx").on(t.channel),
    index("messages_status_channel_idx").on(t.status, t.channel),
  ],
);

/**
 * Template texts edited by an admin, per template and language. The files in emails/templates are the default; a row
 * here overrides one language of one template. Texts use {{placeholders}} for the template's data.
 */
export type TemplateCopyText = { subject: string; heading: string; body: string; actionLabel: string; sms: string };
export const messageTemplates = sqliteTable(
  "message_templates",
  {
    templateKey: text("template_key").notNull(),
    language: text("language", { enum: messageLanguages }).notNull(),
    copy: json<TemplateCopyText>("copy").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.templateKey, t.language] })],
);

/* ------------------------------------------------------------------ settings and jobs */

export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: json<unknown>("value").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
});

/** Matching weights are data, versioned: a course stores the version it was matched with. */
export const matchingWeights = sqliteTable("matching_weights", {
  version: integer("version").primaryKey(),
  weights: json<Record<string, number>>("weights").notNull(),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
});

export const jobRunStatuses = ["running", "done", "failed"] as const;
/**
 * One row per (job, day). The scheduler claims a day by writing `running` with a lease; the day is `done` only when
 * the job returned, and a `failed` day (its error kept) is tried again from `next_attempt_at`, so a day never runs
 * twice at once and is never silently skipped. A `running` row whose lease passed was interrupted (the process died).
 */
export const jobRuns = sqliteTable(
  "job_runs",
  {
    job: text("job").notNull(),
    runKey: text("run_key").notNull(),
    /** When the latest attempt started. */
    startedAt: text("started_at").notNull().$defaultFn(nowIso),
    /** When the job succeeded (null until it has). */
    finishedAt: text("finished_at"),
    status: text("status", { enum: jobRunStatuses }).notNull().default("done"),
    attempts: integer("attempts").notNull().default(1),
    /** The latest failure's cause (the error's message, never personal data). */
    lastError: text("last_error"),
    nextAttemptAt: text("next_attempt_at"),
    leaseUntil: text("lease_until"),
  },
  (t) => [primaryKey({ columns: [t.job, t.runKey] }), index("job_runs_status_idx").on(t.status, t.runKey)],
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

/* ------------------------------------------------------------------ background jobs (issue 17) */

export const backgroundJobStatuses = ["queued", "running", "done", "failed", "cancelled"] as const;
export type BackgroundJobStatus = (typeof backgroundJobStatuses)[number];
/** Where a running job is: a stage (loading, scoring, solving, saving for a pool run), done of total, and a component. */
export type JobProgress = { stage: string; done: number; total: number; component?: number; components?: number };
/**
 * Long work off the request path (app/jobs/background.server.ts, docs/decisions/015-jobs.md): one row per job, run in
 * a worker thread. At most one queued or running job per (kind, scope) (the partial unique index). `owner` names the
 * process that runs it and `heartbeat_at` is renewed while it does; a running row whose process died is failed at the
 * next start (or by the sweep when its heartbeat is stale).
 */
export const backgroundJobs = sqliteTable(
  "background_jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    /** What the job works on, e.g. "country", "region:1084", "municipality:751/section:F". */
    scopeKey: text("scope_key").notNull(),
    params: json<Record<string, unknown>>("params").notNull(),
    requestedBy: integer("requested_by").references(() => users.id),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
    status: text("status", { enum: backgroundJobStatuses }).notNull().default("queued"),
    weightsVersion: integer("weights_version"),
    progress: json<JobProgress>("progress"),
    /** The result in numbers (counts, means): never names. */
    summary: json<Record<string, unknown>>("summary"),
    /** Why it failed (an error's message: ids and rules, never personal data). */
    error: text("error"),
    owner: text("owner"),
    heartbeatAt: text("heartbeat_at"),
    cancelRequestedAt: text("cancel_requested_at"),
    cancelledBy: integer("cancelled_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("background_jobs_one_per_scope")
      .on(t.kind, t.scopeKey)
      .where(sql`status in ('queued', 'running')`),
    index("background_jobs_kind_idx").on(t.kind, t.id),
    index("background_jobs_status_idx").on(t.status, t.id),
  ],
);

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
    /** Why approving it from the result was refused (a RequestResult error), when it was. */
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
