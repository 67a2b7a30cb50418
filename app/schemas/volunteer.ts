/**
 * The volunteer's forms: sign-up (public), profile (the mentor edits), availability, and the coordinator's screening
 * and decision forms. One schema per form, used by the browser (Conform) and the server alike.
 */
import { z } from "zod";
import { genderPreferences, genders, goals, introductionForms, screeningSteps, spokenLanguages } from "../domain/enums";
import { isDanishPostcode } from "../domain/phone";
import { isDate } from "../domain/dates";
import { MUNICIPALITIES } from "../../db/reference/municipalities";
import { isDivisionCode } from "../domain/industries";
import {
  checkbox,
  emailField,
  enumField,
  msg,
  multi,
  nameText,
  optionalText,
  phoneField,
  requiredText,
} from "../utils/zod-fields";

/** The version of the consent texts a volunteer accepts; bump it when the texts in i18n `volunteer.consent` change. */
export const MENTOR_CONSENT_VERSION = "2026-11";

const municipalityCodes = new Set(MUNICIPALITIES.map((m) => m.code));
export const travelOptions = [5, 10, 15, 25, 50, 100] as const;

const int = (min: number, max: number, key: string) =>
  z.coerce
    .number({ error: msg("common.form.required") })
    .int(msg(key))
    .min(min, msg(key))
    .max(max, msg(key));

const phone = phoneField(msg("volunteer.errors.phone"));

const postcode = z
  .string({ error: msg("common.form.required") })
  .trim()
  .refine(isDanishPostcode, msg("volunteer.errors.postcode"));

const municipality = z.coerce
  .number({ error: msg("common.form.required") })
  .refine((c) => municipalityCodes.has(c), msg("volunteer.errors.municipality"));

const division = z
  .string({ error: msg("common.form.required") })
  .refine((c) => isDivisionCode(c), msg("volunteer.errors.industry"));

const yesNo = z.enum(["yes", "no"], { error: msg("common.form.required") }).transform((v) => v === "yes");

const optionalDateField = z.string().trim().refine(isDate, msg("volunteer.errors.date")).optional();

/** What a mentor can change about themselves later, and the bulk of the sign-up. */
export const mentorProfileSchema = z.object({
  firstName: nameText(100),
  lastName: nameText(100),
  phone,
  postcode,
  municipalityCode: municipality,
  travelKm: z.coerce
    .number({ error: msg("common.form.required") })
    .refine((n) => (travelOptions as readonly number[]).includes(n), msg("common.form.invalid")),
  employer: optionalText(150),
  jobTitle: requiredText(150),
  industryCode: division,
  networkIndustryCodes: multi(division, 5),
  yearsExperience: int(0, 60, "volunteer.errors.years"),
  isManager: yesNo,
  languages: multi(z.enum(spokenLanguages as [string, ...string[]], { error: msg("common.form.invalid") }), 15),
  gender: z.enum(genders, { error: msg("common.form.invalid") }).optional(),
  menteeGenderPreference: enumField(genderPreferences).default("none"),
  offers: multi(z.enum(goals, { error: msg("common.form.invalid") }), goals.length).refine(
    (v) => v.length > 0,
    msg("volunteer.errors.offers"),
  ),
  earliestStart: optionalDateField,
  capacity: int(1, 3, "volunteer.errors.capacity").default(1),
  motivation: requiredText(2000),
});
export type MentorProfileInput = z.infer<typeof mentorProfileSchema>;

export const volunteerSignupSchema = mentorProfileSchema.extend({
  email: emailField(),
  consentData: checkbox().refine((v) => v, msg("volunteer.errors.consentData")),
  consentConfidentiality: checkbox().refine((v) => v, msg("volunteer.errors.consentConfidentiality")),
  /** Honeypot: hidden from people; a bot that fills it is answered as if it succeeded. */
  website: z.string().max(500).optional(),
  /** The recruitment link the form was opened from ("Q-751", issue 19); anything else is dropped, never an error. */
  source: z
    .string()
    .regex(/^[A-U]-\d{3}$/)
    .optional()
    .catch(undefined),
});
export type VolunteerSignupInput = z.infer<typeof volunteerSignupSchema>;

export const availabilitySchema = z
  .object({
    intent: z.enum(["pause", "clear"]),
    pausedFrom: optionalDateField,
    pausedTo: optionalDateField,
  })
  .superRefine((v, ctx) => {
    if (v.intent !== "pause") return;
    if (!v.pausedFrom) ctx.addIssue({ code: "custom", path: ["pausedFrom"], message: msg("common.form.required") });
    if (v.pausedFrom && v.pausedTo && v.pausedTo < v.pausedFrom)
      ctx.addIssue({ code: "custom", path: ["pausedTo"], message: msg("volunteer.errors.pauseOrder") });
  });

export const screeningSchema = z
  .object({
    intent: z.literal("screening"),
    step: enumField(screeningSteps),
    doneOn: z
      .string({ error: msg("common.form.required") })
      .trim()
      .refine(isDate, msg("volunteer.errors.date")),
    form: z.enum(introductionForms, { error: msg("common.form.invalid") }).optional(),
    notes: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.step === "introduction" && !v.form)
      ctx.addIssue({ code: "custom", path: ["form"], message: msg("volunteer.errors.introForm") });
    if (v.step === "criminal_record_check" && v.notes)
      ctx.addIssue({ code: "custom", path: ["notes"], message: msg("volunteer.errors.noNotesForRecord") });
  });

export const decisionSchema = z
  .object({
    intent: z.enum(["start_screening", "approve", "reject", "pause", "resume", "retire"]),
    reason: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "reject" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: msg("volunteer.errors.rejectReason") });
  });

export const queueFilterSchema = z.object({
  status: z
    .enum(["to_screen", "applied", "screening", "approved", "active", "paused", "rejected", "retired", "all"])
    .catch("to_screen")
    .default("to_screen"),
  municipality: z.coerce.number().int().optional().catch(undefined),
  section: z
    .string()
    .regex(/^[A-U]$/)
    .optional()
    .catch(undefined),
});
