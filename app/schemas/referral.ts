/**
 * The "Henvis borger" form (caseworker refers a citizen) and the other referral forms. One schema for browser and
 * server; messages are i18n keys. No CPR number field exists, and unknown fields (a "cpr" sneaked into the post) are
 * dropped by zod's default object parsing.
 */
import { z } from "zod";
import {
  channels,
  danishLevels,
  educationLevels,
  englishLevels,
  genderPreferences,
  genders,
  goals,
  menteeGroups,
  messageLanguages,
} from "../domain/enums";
import { consentVersions, referralConsentPurposes, requiredConsents } from "../domain/referrals";
import { addDays, isDate } from "../domain/dates";
import { divisionCodes, isDivisionCode, sectionCodes } from "../domain/industries";
import { now, today } from "../utils/clock";
import { optionalCitizenText } from "./company-fields";
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

export { divisionCodes, sectionCodes };

/** A DB07 division ("41"); lower-case and dotted finer codes ("47.11") resolve to their division. */
export const divisionCode = z
  .string({ error: msg("referrals.form.industryInvalid") })
  .trim()
  .transform((v) => {
    const m = /^(\d{2})(?:\.?\d{1,4})?$/.exec(v);
    return m ? m[1] : v;
  })
  .refine((v) => isDivisionCode(v), msg("referrals.form.industryInvalid"));

/** A mobile number valid for its country (Danish without a country code), stored as E.164 (app/domain/phone.ts). */
const mobileField = phoneField(msg("referrals.form.phoneInvalid"));

export const MIN_AGE = 16;
export const MAX_BIRTH_YEAR_SPAN = 80;
export const MAX_EXPERIENCE_ROWS = 5;
export const MAX_WISHED_INDUSTRIES = 3;
export const CONSENT_MAX_AGE_DAYS = 365;

const birthYear = z
  .number({ error: msg("referrals.form.birthYearRequired") })
  .int(msg("referrals.form.birthYearRange"))
  .refine((y) => {
    const yr = now().getUTCFullYear();
    return y >= yr - MAX_BIRTH_YEAR_SPAN && y <= yr - MIN_AGE;
  }, msg("referrals.form.birthYearRange"));

const experienceRow = z.object({
  title: requiredText(100),
  years: z
    .number({ error: msg("referrals.form.yearsInvalid") })
    .int(msg("referrals.form.yearsInvalid"))
    .min(0, msg("referrals.form.yearsInvalid"))
    .max(60, msg("referrals.form.yearsInvalid")),
  industryCode: divisionCode.optional(),
});

/** Rows where nothing was typed are not rows (the form offers a few empty ones). */
const experienceList = z.preprocess(
  (v) => {
    if (v === undefined) return [];
    const rows = Array.isArray(v) ? v : [v];
    return rows.filter(
      (r) =>
        !(
          r &&
          typeof r === "object" &&
          Object.values(r as Record<string, unknown>).every((x) => x === undefined || x === "")
        ),
    );
  },
  z
    .array(experienceRow, { error: msg("common.form.invalid") })
    .max(MAX_EXPERIENCE_ROWS, msg("referrals.form.tooManyRows", { max: MAX_EXPERIENCE_ROWS })),
);

const dateField = z
  .string({ error: msg("referrals.form.consentDateRequired") })
  .trim()
  .refine(isDate, msg("referrals.form.dateInvalid"));

/** The fields a coordinator or the citizen's caseworker may correct after referral (the referral form has them too). */
export const correctableFields = {
  phone: mobileField.optional(),
  email: emailField().optional(),
  preferredChannel: enumField(channels),
  language: enumField(messageLanguages),
  danishLevel: enumField(danishLevels),
  danishModule: z
    .number({ error: msg("referrals.form.moduleInvalid") })
    .int(msg("referrals.form.moduleInvalid"))
    .min(1, msg("referrals.form.moduleInvalid"))
    .max(6, msg("referrals.form.moduleInvalid"))
    .optional(),
  wishedIndustryCodes: z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== ""),
      z
        .array(divisionCode)
        .max(MAX_WISHED_INDUSTRIES, msg("referrals.form.industryTooMany", { max: MAX_WISHED_INDUSTRIES })),
    )
    .refine((v) => v.length >= 1, msg("referrals.form.industryRequired"))
    .refine((v) => new Set(v).size === v.length, msg("referrals.form.industryTwice")),
  goals: multi(enumField(goals), goals.length).refine((v) => v.length >= 1, msg("referrals.form.goalsRequired")),
};
export type CorrectableField = keyof typeof correctableFields;

type ContactAndLevel = {
  phone?: string;
  email?: string;
  preferredChannel: string;
  danishLevel: string;
  danishModule?: number;
};
/** A way to reach the citizen on their channel; a module only with a DU level. Shared by referral and correction. */
function checkContactAndLevel(v: ContactAndLevel, ctx: z.RefinementCtx) {
  if (!v.phone && !v.email)
    ctx.addIssue({ code: "custom", path: ["phone"], message: msg("referrals.form.contactRequired") });
  if (v.preferredChannel === "sms" && !v.phone)
    ctx.addIssue({ code: "custom", path: ["phone"], message: msg("referrals.form.phoneForSms") });
  if (v.preferredChannel === "email" && !v.email)
    ctx.addIssue({ code: "custom", path: ["email"], message: msg("referrals.form.emailForEmail") });
  if (v.danishModule !== undefined && !["du1", "du2", "du3"].includes(v.danishLevel)) {
    ctx.addIssue({ code: "custom", path: ["danishModule"], message: msg("referrals.form.moduleOnlyDu") });
  }
}

export const referralSchema = z
  .object({
    firstName: nameText(100),
    lastName: nameText(100),
    birthYear,
    gender: z.enum(genders, { error: msg("common.form.invalid") }).optional(),
    ...correctableFields,
    group: enumField(menteeGroups),
    jobReady: checkbox().refine((v) => v, msg("referrals.form.jobReadyRequired")),
    englishLevel: enumField(englishLevels),
    educationLevel: enumField(educationLevels),
    educationField: optionalText(100),
    educationCountry: optionalText(80),
    experience: experienceList,
    wishedOccupation: optionalText(120),
    availability: optionalText(200),
    drivingLicence: checkbox(),
    mentorGenderPreference: enumField(genderPreferences),
    needsConsideration: checkbox(),
    // Checked on the field itself so the error shows even when other fields are wrong too (object refinements run last).
    consentPurposes: multi(enumField(referralConsentPurposes), referralConsentPurposes.length).refine(
      (v) => v.includes("participation") && v.includes("share_with_mentor"),
      msg("referrals.form.consentRequired"),
    ),
    consentVersion: enumField(consentVersions),
    consentDate: dateField,
    /** Ticked after the duplicate warning: "save anyway". */
    confirmDuplicate: checkbox(),
  })
  .superRefine((v, ctx) => {
    checkContactAndLevel(v, ctx);
    // Participation and sharing are checked on the field; here only what depends on the channel (SMS needs SMS consent).
    const missing = requiredConsents(v.preferredChannel).filter((p) => !v.consentPurposes.includes(p as never));
    if (missing.length === 1 && missing[0] === "sms")
      ctx.addIssue({ code: "custom", path: ["consentPurposes"], message: msg("referrals.form.consentSmsRequired") });
    if (isDate(v.consentDate)) {
      const t = today();
      if (v.consentDate > t)
        ctx.addIssue({ code: "custom", path: ["consentDate"], message: msg("referrals.form.consentDateFuture") });
      else if (v.consentDate < addDays(t, -CONSENT_MAX_AGE_DAYS))
        ctx.addIssue({ code: "custom", path: ["consentDate"], message: msg("referrals.form.consentDateOld") });
    }
  });
export type ReferralInput = z.infer<typeof referralSchema>;

/** Correcting a referred citizen's contact details, language, channel, Danish level, wished industries and goals. */
export const correctionSchema = z
  .object({ intent: z.literal("correct", { error: msg("common.form.invalid") }), ...correctableFields })
  .superRefine(checkContactAndLevel);
export type CorrectionInput = z.infer<typeof correctionSchema>;

/** The coordinator's intake call: when, and a short note (no CPR number, no health details). */
export const intakeCallSchema = z.object({
  intent: z.literal("intake", { error: msg("common.form.invalid") }),
  calledOn: z
    .string({ error: msg("common.form.required") })
    .trim()
    .min(1, msg("common.form.required"))
    .refine(isDate, msg("referrals.form.dateInvalid"))
    .refine((d) => d <= today(), msg("referrals.corrections.intakeFuture")),
  note: optionalCitizenText(500),
});

export const withdrawSchema = z.object({
  intent: z.literal("withdraw", { error: msg("common.form.invalid") }),
  reason: requiredText(300),
});

/* ------------------------------------------------------------------ admin: municipalities and caseworkers */

const optionalDate = z.string().trim().refine(isDate, msg("referrals.form.dateInvalid")).optional();

export const municipalitySchema = z
  .object({
    intent: z.literal("partner", { error: msg("common.form.invalid") }),
    isPartner: checkbox(),
    partnerSince: optionalDate,
    agreementDate: optionalDate,
    dpaDate: optionalDate,
    yearlyQuota: z
      .number({ error: msg("municipalities.form.quotaInvalid") })
      .int(msg("municipalities.form.quotaInvalid"))
      .min(0, msg("municipalities.form.quotaInvalid"))
      .max(10_000, msg("municipalities.form.quotaInvalid"))
      .optional(),
  })
  .superRefine((v, ctx) => {
    // A municipality takes part only after a cooperation agreement and a data processor agreement.
    if (v.isPartner && !v.agreementDate)
      ctx.addIssue({ code: "custom", path: ["agreementDate"], message: msg("municipalities.form.agreementRequired") });
    if (v.isPartner && !v.dpaDate)
      ctx.addIssue({ code: "custom", path: ["dpaDate"], message: msg("municipalities.form.dpaRequired") });
  });

export const inviteSchema = z.object({
  intent: z.literal("invite", { error: msg("common.form.invalid") }),
  name: nameText(120),
  email: emailField(),
});

export const deactivateSchema = z.object({
  intent: z.enum(["deactivate", "reactivate"], { error: msg("common.form.invalid") }),
  userId: z
    .number({ error: msg("common.form.invalid") })
    .int()
    .positive(),
});

/** The coordinator queue's filters (GET): bad values are ignored, never an error page. */
export const queueFilterSchema = z.object({
  industry: z
    .string()
    .refine((v) => isDivisionCode(v) || sectionCodes.includes(v))
    .optional()
    .catch(undefined),
  municipality: z.coerce.number().int().positive().optional().catch(undefined),
});

/** The caseworker list's filters (GET). */
export const referralListFilterSchema = z.object({
  status: z
    .enum(["waiting", "matched", "in_course", "completed", "ended_early", "withdrawn"])
    .optional()
    .catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
