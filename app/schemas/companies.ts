/**
 * The company side's forms (issue 20): companies, their contacts and notes, openings, proposing a citizen and the
 * company's answer, placements (start, follow-up, schooling, end with outcome) and a mentor's tip. One zod schema per
 * form, shared by browser and server; several forms on one page carry an `intent`. Messages are i18n keys.
 */
import { z } from "zod";
import {
  companyProgrammes,
  companySizes,
  danishLevels,
  declineReasons,
  openingTypes,
  outcomeTypes,
  placementEndReasons,
  schoolKinds,
} from "../domain/enums";
import { divisionCode, sectionCodes } from "./referral";
import { checkbox, emailField, enumField, msg, multi } from "../utils/zod-fields";
import {
  citizenText,
  contactPhone,
  cvrField,
  idField,
  intIn,
  optionalCitizenText,
  optionalDate,
  optionalPlainText,
  plainText,
  requiredDate,
} from "./company-fields";
import { isDanishPostcode } from "../domain/phone";

export const MAX_PLACES = 50;
export const MAX_WEEKS = 104;

const municipalityCode = () =>
  z.coerce
    .number({ error: msg("common.form.required") })
    .int(msg("common.form.invalid"))
    .min(100, msg("common.form.invalid"))
    .max(999, msg("common.form.invalid"));

/* ------------------------------------------------------------------ companies */

export const companyFields = {
  name: plainText(150),
  cvr: cvrField(),
  industryCode: divisionCode,
  municipalityCode: municipalityCode(),
  street: optionalPlainText(150),
  postcode: z.string().trim().refine(isDanishPostcode, msg("companies.form.postcodeInvalid")).optional(),
  city: optionalPlainText(80),
  size: z.enum(companySizes, { error: msg("common.form.invalid") }).optional(),
  programmes: multi(z.enum(companyProgrammes, { error: msg("common.form.invalid") }), companyProgrammes.length),
};
export const companySchema = z.object(companyFields);
export type CompanyInput = z.infer<typeof companySchema>;

export const contactFields = {
  name: plainText(120),
  role: optionalPlainText(120),
  phone: contactPhone().optional(),
  email: emailField().optional(),
};
const needsPhoneOrEmail = (v: { phone?: string; email?: string }, ctx: z.RefinementCtx) => {
  if (!v.phone && !v.email)
    ctx.addIssue({ code: "custom", path: ["phone"], message: msg("companies.form.contactRequired") });
};
export const contactSchema = z
  .object({ intent: z.literal("contact"), ...contactFields })
  .superRefine(needsPhoneOrEmail);
export const removeContactSchema = z.object({ intent: z.literal("remove_contact"), contactId: idField() });
export const noteSchema = z.object({ intent: z.literal("note"), date: requiredDate(), note: citizenText(1000) });
export const linkMentorSchema = z.object({ intent: z.literal("link_mentor"), mentorEmail: emailField() });
export const unlinkMentorSchema = z.object({ intent: z.literal("unlink_mentor"), mentorId: idField() });
export const verifySchema = z.object({ intent: z.literal("verify") });

export const companyPageSchemas = {
  contact: contactSchema,
  remove_contact: removeContactSchema,
  note: noteSchema,
  link_mentor: linkMentorSchema,
  unlink_mentor: unlinkMentorSchema,
  verify: verifySchema,
} as const;
export type CompanyPageIntent = keyof typeof companyPageSchemas;

/* ------------------------------------------------------------------ openings */

export const openingFields = {
  type: enumField(openingTypes),
  industryCode: divisionCode,
  occupation: plainText(120),
  municipalityCode: municipalityCode(),
  startDate: optionalDate(),
  durationWeeks: intIn(1, MAX_WEEKS, "companies.form.weeksRange").optional(),
  weeklyHours: intIn(1, 48, "companies.form.hoursRange").optional(),
  danishLevel: enumField(danishLevels),
  places: intIn(1, MAX_PLACES, "companies.form.placesRange"),
  deadline: optionalDate(),
  description: optionalCitizenText(1000),
};
export const openingSchema = z.object(openingFields).superRefine((v, ctx) => {
  if (v.deadline && v.startDate && v.deadline > v.startDate)
    ctx.addIssue({ code: "custom", path: ["deadline"], message: msg("companies.form.deadlineAfterStart") });
  // An IGU position runs two years; a talent-track place up to twelve months (DOMAIN.md).
  if (v.type === "talent_track" && v.durationWeeks && v.durationWeeks > 52)
    ctx.addIssue({ code: "custom", path: ["durationWeeks"], message: msg("companies.form.talentTrackWeeks") });
});
export type OpeningInput = z.infer<typeof openingSchema>;

export const openingStatusSchema = z.object({
  intent: z.enum(["confirm", "close", "reopen"], { error: msg("common.form.invalid") }),
});

/** Propose a citizen to an opening (from the opening's ranked list or from the citizen's fitting openings). */
export const proposeSchema = z.object({ intent: z.literal("propose"), menteeId: idField(), openingId: idField() });

/** The company's answer to a proposal. Accepting makes the placement, with its dates and the workplace mentor. */
export const acceptSchema = z
  .object({
    intent: z.literal("accept"),
    proposalId: idField(),
    startDate: requiredDate(),
    plannedEndDate: optionalDate(),
    workplaceMentorName: plainText(120),
    workplaceMentorPhone: contactPhone(),
    completionAdviserName: optionalPlainText(120),
    completionAdviserPhone: contactPhone().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.plannedEndDate && v.plannedEndDate < v.startDate)
      ctx.addIssue({ code: "custom", path: ["plannedEndDate"], message: msg("companies.form.endBeforeStart") });
  });
export const declineSchema = z.object({
  intent: z.literal("decline"),
  proposalId: idField(),
  reason: enumField(declineReasons),
  note: optionalCitizenText(500),
});
export const withdrawProposalSchema = z.object({ intent: z.literal("withdraw"), proposalId: idField() });

export const openingPageSchemas = {
  confirm: openingStatusSchema,
  close: openingStatusSchema,
  reopen: openingStatusSchema,
  propose: proposeSchema,
  accept: acceptSchema,
  decline: declineSchema,
  withdraw: withdrawProposalSchema,
} as const;
export type OpeningPageIntent = keyof typeof openingPageSchemas;

/* ------------------------------------------------------------------ placements */

export const placementStartSchema = z.object({ intent: z.literal("start"), startDate: requiredDate() });
export const placementEndSchema = z
  .object({
    intent: z.enum(["complete", "end_early"], { error: msg("common.form.invalid") }),
    endedOn: requiredDate(),
    outcomeType: enumField(outcomeTypes),
    reason: z.enum(placementEndReasons, { error: msg("common.form.required") }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "end_early" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("companies.placement.reasonRequired") });
  });
export const placementCancelSchema = z.object({ intent: z.literal("cancel") });
export const placementFollowUpSchema = z.object({
  intent: z.literal("follow_up"),
  date: requiredDate(),
  onTrack: z.enum(["yes", "no"], { error: msg("common.form.required") }),
  note: optionalCitizenText(1000),
});
export const placementSchoolSchema = z.object({
  intent: z.literal("school"),
  kind: enumField(schoolKinds),
  title: optionalPlainText(120),
  fromDate: requiredDate(),
  weeks: intIn(1, 20, "companies.form.schoolWeeksRange"),
});
export const placementDetailsSchema = z.object({
  intent: z.literal("details"),
  plannedEndDate: optionalDate(),
  workplaceMentorName: plainText(120),
  workplaceMentorPhone: contactPhone(),
  completionAdviserName: optionalPlainText(120),
  completionAdviserPhone: contactPhone().optional(),
});

export const placementPageSchemas = {
  start: placementStartSchema,
  complete: placementEndSchema,
  end_early: placementEndSchema,
  cancel: placementCancelSchema,
  follow_up: placementFollowUpSchema,
  school: placementSchoolSchema,
  details: placementDetailsSchema,
} as const;
export type PlacementPageIntent = keyof typeof placementPageSchemas;

/* ------------------------------------------------------------------ a mentor's tip */

/**
 * A mentor registers a company from their network, and optionally an opening they heard of. The company is checked by
 * CVR like any other; if it is already known the tip is added to it. Staff confirm both before they count.
 */
const { programmes: _programmes, ...tipCompanyFields } = companyFields;
export const mentorTipSchema = z
  .object({
    ...tipCompanyFields,
    contactName: optionalPlainText(120),
    contactRole: optionalPlainText(120),
    contactPhone: contactPhone().optional(),
    contactEmail: emailField().optional(),
    worksHere: checkbox(),
    withOpening: checkbox(),
    openingType: z.enum(openingTypes, { error: msg("common.form.required") }).optional(),
    openingOccupation: optionalPlainText(120),
    openingPlaces: intIn(1, MAX_PLACES, "companies.form.placesRange").optional(),
    openingNote: optionalCitizenText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.withOpening && !v.openingType)
      ctx.addIssue({ code: "custom", path: ["openingType"], message: msg("companies.tip.openingTypeRequired") });
    if (v.withOpening && !v.openingOccupation)
      ctx.addIssue({ code: "custom", path: ["openingOccupation"], message: msg("companies.tip.occupationRequired") });
    if (v.contactName && !v.contactPhone && !v.contactEmail)
      ctx.addIssue({ code: "custom", path: ["contactPhone"], message: msg("companies.form.contactRequired") });
  });
export type MentorTipInput = z.infer<typeof mentorTipSchema>;

/* ------------------------------------------------------------------ list filters (GET): bad values are ignored */

const opt = <T extends z.ZodTypeAny>(s: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), s.optional()).catch(undefined);
export const companyFilterSchema = z.object({
  q: opt(z.string().trim().max(100)),
  municipality: opt(z.coerce.number().int().min(100).max(999)),
  section: opt(z.enum(sectionCodes as [string, ...string[]])),
  programme: opt(z.enum(companyProgrammes)),
  unverified: opt(z.enum(["1"])),
});
export const openingFilterSchema = z.object({
  q: opt(z.string().trim().max(100)),
  status: opt(z.enum(["proposed", "open", "filled", "closed", "all"])),
  type: opt(z.enum(openingTypes)),
  municipality: opt(z.coerce.number().int().min(100).max(999)),
  section: opt(z.enum(sectionCodes as [string, ...string[]])),
});
export const placementFilterSchema = z.object({
  status: opt(z.enum(["planned", "active", "completed", "ended_early", "cancelled", "running", "all"])),
  type: opt(z.enum(openingTypes)),
});
