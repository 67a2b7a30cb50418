/**
 * The whole domain schema. SQLite through drizzle; instants are ISO-8601 UTC text, calendar dates YYYY-MM-DD text,
 * lists are JSON text. Enumerations come from app/domain/enums.ts so schema, forms and UI share one definition.
 * Every list a page shows has an index here.
 */
import { sqliteTable, text, integer, real, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import {
  roles, uiLocales, messageLanguages, channels, messageStatuses, mentorStatuses, menteeStatuses, courseStatuses,
  outcomeTypes, outcomePhases, endReasons, menteeGroups, genders, genderPreferences, danishLevels, englishLevels,
  educationLevels, meetingForms, screeningSteps, followUpTargets, followUpStatuses, consentPurposes, subjectTypes,
  surveyKinds, surveyRespondents, closerToJobAnswers, tokenPurposes, auditActions, plannedMeetingStatuses, goalKinds, goalStatuses,
  guidanceKinds,
  type Goal, type MeetingTopic,
} from "../app/domain/enums";
import { nowIso } from "../app/utils/clock";

const id = () => integer("id").primaryKey({ autoIncrement: true });
const createdAt = () => text("created_at").notNull().$defaultFn(nowIso);
const updatedAt = () => text("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso);
const bool = (name: string) => integer(name, { mode: "boolean" });
const json = <T>(name: string) => text(name, { mode: "json" }).$type<T>();

/* ------------------------------------------------------------------ reference data */

export const municipalities = sqliteTable("municipalities", {
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
}, (t) => [index("municipalities_partner_idx").on(t.isPartner, t.name)]);

/** DB07 (Danish NACE rev. 2): sections (A-U) and two-digit divisions (01-99) in one table. */
export const industries = sqliteTable("industries", {
  code: text("code").primaryKey(),
  level: text("level", { enum: ["section", "division"] }).notNull(),
  section: text("section").notNull(),
  labelDa: text("label_da").notNull(),
  labelEn: text("label_en").notNull(),
}, (t) => [index("industries_section_idx").on(t.section, t.level)]);

/** Which reference data version has been applied (idempotent upserts run again when the version changes). */
export const referenceVersions = sqliteTable("reference_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
  appliedAt: text("applied_at").notNull().$defaultFn(nowIso),
});

/* ------------------------------------------------------------------ people and access */

export const users = sqliteTable("users", {
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
}, (t) => [
  uniqueIndex("users_email_uq").on(t.email),
  index("users_role_idx").on(t.role, t.municipalityCode),
]);

export const sessions = sqliteTable("sessions", {
  /** SHA-256 of the opaque token in the cookie; the token itself is never stored. */
  idHash: text("id_hash").primaryKey(),
  userId: integer("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expiresAt: text("expires_at").notNull(),
  createdAt: createdAt(),
}, (t) => [index("sessions_user_idx").on(t.userId)]);

export const verificationTokens = sqliteTable("verification_tokens", {
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
}, (t) => [
  uniqueIndex("verification_tokens_hash_uq").on(t.tokenHash),
  index("verification_tokens_subject_idx").on(t.purpose, t.subjectType, t.subjectId),
]);

export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: integer("reset_at").notNull(),
}, (t) => [index("rate_limits_reset_idx").on(t.resetAt)]);

/* ------------------------------------------------------------------ mentors */

export const mentors = sqliteTable("mentors", {
  id: id(),
  userId: integer("user_id").references(() => users.id),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  email: text("email").notNull(),
  phone: text("phone").notNull(),
  postcode: text("postcode").notNull(),
  municipalityCode: integer("municipality_code").notNull().references(() => municipalities.code),
  travelKm: integer("travel_km").notNull().default(15),
  employer: text("employer"),
  jobTitle: text("job_title").notNull(),
  /** DB07 division of the mentor's own work. */
  industryCode: text("industry_code").notNull().references(() => industries.code),
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
  anonymisedAt: text("anonymised_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("mentors_email_uq").on(t.email),
  index("mentors_status_idx").on(t.status, t.createdAt),
  index("mentors_municipality_idx").on(t.municipalityCode, t.status),
  index("mentors_industry_idx").on(t.industryCode, t.status),
  index("mentors_user_idx").on(t.userId),
]);

export const mentorScreenings = sqliteTable("mentor_screenings", {
  id: id(),
  mentorId: integer("mentor_id").notNull().references(() => mentors.id, { onDelete: "cascade" }),
  step: text("step", { enum: screeningSteps }).notNull(),
  doneOn: text("done_on").notNull(),
  /** For the introduction: meeting | online. */
  form: text("form"),
  notes: text("notes"),
  recordedBy: integer("recorded_by").notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index("mentor_screenings_mentor_idx").on(t.mentorId, t.step)]);

/* ------------------------------------------------------------------ mentees (integrationsborgere) */

export type WorkExperience = { title: string; years: number; industryCode: string | null };

export const mentees = sqliteTable("mentees", {
  id: id(),
  municipalityCode: integer("municipality_code").notNull().references(() => municipalities.code),
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
}, (t) => [
  index("mentees_municipality_idx").on(t.municipalityCode, t.status, t.referredAt),
  index("mentees_status_idx").on(t.status, t.referredAt),
  index("mentees_duplicate_idx").on(t.municipalityCode, t.birthYear, t.lastName),
]);

/* ------------------------------------------------------------------ courses (mentorforløb) */

export const courses = sqliteTable("courses", {
  id: id(),
  menteeId: integer("mentee_id").notNull().references(() => mentees.id),
  mentorId: integer("mentor_id").notNull().references(() => mentors.id),
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
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  index("courses_status_idx").on(t.status, t.startDate),
  index("courses_mentor_idx").on(t.mentorId, t.status),
  index("courses_mentee_idx").on(t.menteeId, t.status),
]);

export const coursePauses = sqliteTable("course_pauses", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
  fromDate: text("from_date").notNull(),
  toDate: text("to_date"),
  reason: text("reason"),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index("course_pauses_course_idx").on(t.courseId)]);

export const meetings = sqliteTable("meetings", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
  date: text("date").notNull(),
  minutes: integer("minutes").notNull(),
  form: text("form", { enum: meetingForms }).notNull(),
  topics: json<MeetingTopic[]>("topics").notNull().default([]),
  nextStep: text("next_step"),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [index("meetings_course_idx").on(t.courseId, t.date)]);

export const followUps = sqliteTable("follow_ups", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
  calledOn: text("called_on").notNull(),
  target: text("target", { enum: followUpTargets }).notNull(),
  status: text("status", { enum: followUpStatuses }).notNull(),
  notes: text("notes"),
  escalatedAt: text("escalated_at"),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index("follow_ups_course_idx").on(t.courseId, t.calledOn)]);

export const outcomes = sqliteTable("outcomes", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
  type: text("type", { enum: outcomeTypes }).notNull(),
  phase: text("phase", { enum: outcomePhases }).notNull().default("end"),
  outcomeDate: text("outcome_date").notNull(),
  employerIndustryCode: text("employer_industry_code").references(() => industries.code),
  viaMentorNetwork: bool("via_mentor_network").notNull().default(false),
  /** A mentor proposes; a coordinator confirms. Only confirmed outcomes count in reports. */
  confirmed: bool("confirmed").notNull().default(true),
  recordedBy: integer("recorded_by").references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index("outcomes_course_idx").on(t.courseId, t.phase)]);

export const surveys = sqliteTable("surveys", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: surveyKinds }).notNull(),
  respondent: text("respondent", { enum: surveyRespondents }).notNull(),
  sentAt: text("sent_at"),
  answeredAt: text("answered_at"),
  satisfaction: integer("satisfaction"),
  closerToJob: text("closer_to_job", { enum: closerToJobAnswers }),
  comment: text("comment"),
  createdAt: createdAt(),
}, (t) => [uniqueIndex("surveys_course_uq").on(t.courseId, t.kind, t.respondent)]);

/* ------------------------------------------------------------------ between meetings (issue 21) */

/**
 * A meeting planned ahead by the mentor or a coordinator. The time is an instant (UTC); the pages and messages show it
 * in Copenhagen time. Held = the mentor confirmed it, which wrote the logged meeting (`meetingId`): only logged meetings
 * count in the commitment. `sequence` goes up with every change, as the calendar invite's SEQUENCE.
 */
export const plannedMeetings = sqliteTable("planned_meetings", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
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
}, (t) => [
  index("planned_meetings_course_idx").on(t.courseId, t.startsAt),
  index("planned_meetings_due_idx").on(t.status, t.startsAt),
]);

/** The course's goal plan: 1-5 goals from the programme's typical aims or written, each with status and dates. */
export const courseGoals = sqliteTable("course_goals", {
  id: id(),
  courseId: integer("course_id").notNull().references(() => courses.id, { onDelete: "cascade" }),
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
}, (t) => [index("course_goals_course_idx").on(t.courseId, t.status)]);

/** A citizen's change of phone number or message language from their own page, waiting for the code sent to the number. */
export const citizenContactChanges = sqliteTable("citizen_contact_changes", {
  id: id(),
  menteeId: integer("mentee_id").notNull().references(() => mentees.id, { onDelete: "cascade" }),
  newPhone: text("new_phone"),
  newLanguage: text("new_language", { enum: messageLanguages }),
  codeHash: text("code_hash").notNull(),
  attempts: integer("attempts").notNull().default(0),
  expiresAt: text("expires_at").notNull(),
  confirmedAt: text("confirmed_at"),
  createdAt: createdAt(),
}, (t) => [index("citizen_contact_changes_mentee_idx").on(t.menteeId, t.createdAt)]);

/** "Call me": a citizen asks a coordinator to call, from their own page. */
export const callRequests = sqliteTable("call_requests", {
  id: id(),
  menteeId: integer("mentee_id").notNull().references(() => mentees.id, { onDelete: "cascade" }),
  requestedAt: text("requested_at").notNull().$defaultFn(nowIso),
  handledAt: text("handled_at"),
  handledBy: integer("handled_by").references(() => users.id),
}, (t) => [
  index("call_requests_open_idx").on(t.handledAt, t.requestedAt),
  index("call_requests_mentee_idx").on(t.menteeId),
]);

/** Guidance for mentors, maintained by coordinators: the introduction's pages and tips per course month, Danish and English. */
export const guidancePages = sqliteTable("guidance_pages", {
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
}, (t) => [index("guidance_pages_kind_idx").on(t.kind, t.active, t.sort)]);

/** Which mentor read which guidance page at which version, and when. */
export const guidanceReads = sqliteTable("guidance_reads", {
  mentorId: integer("mentor_id").notNull().references(() => mentors.id, { onDelete: "cascade" }),
  pageId: integer("page_id").notNull().references(() => guidancePages.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  readAt: text("read_at").notNull().$defaultFn(nowIso),
}, (t) => [primaryKey({ columns: [t.mentorId, t.pageId, t.version] })]);

/* ------------------------------------------------------------------ consent, audit, status history */

export const consents = sqliteTable("consents", {
  id: id(),
  subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
  subjectId: integer("subject_id").notNull(),
  purpose: text("purpose", { enum: consentPurposes }).notNull(),
  textVersion: text("text_version").notNull(),
  givenAt: text("given_at").notNull(),
  recordedBy: integer("recorded_by").references(() => users.id),
  withdrawnAt: text("withdrawn_at"),
  withdrawnBy: integer("withdrawn_by").references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index("consents_subject_idx").on(t.subjectType, t.subjectId, t.purpose)]);

/** Append-only (triggers in the migration refuse UPDATE and DELETE). No personal data in `details`. */
export const auditLog = sqliteTable("audit_log", {
  id: id(),
  at: text("at").notNull().$defaultFn(nowIso),
  actorUserId: integer("actor_user_id"),
  actorRole: text("actor_role"),
  action: text("action", { enum: auditActions }).notNull(),
  entityType: text("entity_type").notNull(),
  entityId: integer("entity_id"),
  details: json<Record<string, unknown>>("details"),
}, (t) => [
  index("audit_log_entity_idx").on(t.entityType, t.entityId, t.at),
  index("audit_log_actor_idx").on(t.actorUserId, t.at),
]);

export const statusChanges = sqliteTable("status_changes", {
  id: id(),
  entityType: text("entity_type", { enum: ["mentor", "mentee", "course"] }).notNull(),
  entityId: integer("entity_id").notNull(),
  fromStatus: text("from_status"),
  toStatus: text("to_status").notNull(),
  reason: text("reason"),
  byUserId: integer("by_user_id").references(() => users.id),
  at: text("at").notNull().$defaultFn(nowIso),
}, (t) => [index("status_changes_entity_idx").on(t.entityType, t.entityId, t.at)]);

/* ------------------------------------------------------------------ messaging (the outbox) */

/** What is handed to the provider: rendered once, then sent as is on every try. */
/** A file sent with an email (a calendar invite): text content, as sent. */
export type MessageAttachment = { filename: string; contentType: string; content: string };
export type MessagePayload = { subject: string; text: string; html: string | null; unsubscribeUrl: string | null; attachments?: MessageAttachment[] };
export const messages = sqliteTable("messages", {
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
  nextAttemptAt: text("next_attempt_at").notNull().$defaultFn(nowIso),
  claimedAt: text("claimed_at"),
  /** The sender process holding the row while it is `sending` (`pid@host/nonce`), and until when its lease runs. */
  claimedBy: text("claimed_by"),
  leaseUntil: text("lease_until"),
  /** Set just before the provider is called: a row stuck in `sending` with this set may have reached the provider. */
  handedOffAt: text("handed_off_at"),
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
  sentAt: text("sent_at"),
  deliveredAt: text("delivered_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex("messages_idempotency_uq").on(t.idempotencyKey),
  index("messages_due_idx").on(t.status, t.nextAttemptAt),
  index("messages_subject_idx").on(t.subjectType, t.subjectId, t.createdAt),
  index("messages_created_idx").on(t.createdAt),
]);

/**
 * Template texts edited by an admin, per template and language. The files in emails/templates are the default; a row
 * here overrides one language of one template. Texts use {{placeholders}} for the template's data.
 */
export type TemplateCopyText = { subject: string; heading: string; body: string; actionLabel: string; sms: string };
export const messageTemplates = sqliteTable("message_templates", {
  templateKey: text("template_key").notNull(),
  language: text("language", { enum: messageLanguages }).notNull(),
  copy: json<TemplateCopyText>("copy").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: updatedAt(),
}, (t) => [primaryKey({ columns: [t.templateKey, t.language] })]);

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

/** One row per (job, run key): the scheduler inserts before it works, so a day never runs twice. */
export const jobRuns = sqliteTable("job_runs", {
  job: text("job").notNull(),
  runKey: text("run_key").notNull(),
  startedAt: text("started_at").notNull().$defaultFn(nowIso),
  finishedAt: text("finished_at"),
}, (t) => [primaryKey({ columns: [t.job, t.runKey] })]);
