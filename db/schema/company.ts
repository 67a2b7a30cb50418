/**
 * The company side (issue 20): companies, contacts, notes, openings, proposals, placements and IGU schooling.
 */
import { sqliteTable, text, integer, real, index, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import {
  outcomeTypes,
  danishLevels,
  englishLevels,
  iscedLevels,
  openingTypes,
  openingStatuses,
  companySizes,
  proposalStatuses,
  declineReasons,
  placementStatuses,
  placementEndReasons,
  schoolKinds,
  type CompanyProgramme,
} from "../../app/domain/enums";
import { nowIso } from "../../app/utils/clock";
import { id, createdAt, updatedAt, bool, json } from "./columns";
import { mentees } from "./citizens";
import { mentors, users } from "./people";
import { industries, municipalities } from "./reference";

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
