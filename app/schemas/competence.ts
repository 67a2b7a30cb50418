/**
 * The competence assessment form (kompetenceafklaring), shared by browser and server. Free text refuses CPR numbers
 * and health details; empty rows of the repeated groups are left out. Messages are i18n keys.
 */
import { z } from "zod";
import { danishLevels, englishLevels, iscedLevels } from "../domain/enums";
import {
  DU_LEVELS,
  MAX_CERTIFICATES,
  MAX_EDUCATIONS,
  MAX_EXPERIENCE,
  MAX_HOURS_PER_WEEK,
  MAX_SUMMARY,
  MAX_WISHED_INDUSTRIES,
  MAX_WISHED_OCCUPATIONS,
  type Profile,
} from "../domain/competence";
import { divisionCode } from "./referral";
import { checkbox, enumField, msg } from "../utils/zod-fields";
import { citizenText, intIn, optionalCitizenText, optionalDate, rows, values } from "./company-fields";
import { now } from "../utils/clock";

export const EARLIEST_EDUCATION_YEAR = 1950;

const educationRow = z.object({
  level: enumField(iscedLevels),
  field: optionalCitizenText(100),
  country: optionalCitizenText(80),
  year: z.coerce
    .number({ error: msg("competence.form.yearRange") })
    .int(msg("competence.form.yearRange"))
    .min(EARLIEST_EDUCATION_YEAR, msg("competence.form.yearRange"))
    .refine((y) => y <= now().getUTCFullYear() + 1, msg("competence.form.yearRange"))
    .optional(),
  recognised: checkbox(),
});

const experienceRow = z.object({
  occupation: citizenText(100),
  industryCode: divisionCode.optional(),
  years: intIn(0, 60, "competence.form.yearsRange"),
  country: optionalCitizenText(80),
});

export const competenceSchema = z
  .object({
    educations: rows(educationRow, MAX_EDUCATIONS),
    experience: rows(experienceRow, MAX_EXPERIENCE),
    danishLevel: enumField(danishLevels),
    danishModule: intIn(1, 6, "competence.form.moduleRange").optional(),
    englishLevel: enumField(englishLevels),
    drivingLicence: checkbox(),
    /** One per line. */
    certificates: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(/\r?\n/)
              .map((l) => l.trim())
              .filter(Boolean)
          : v === undefined
            ? []
            : v,
      z
        .array(citizenText(80), { error: msg("common.form.invalid") })
        .max(MAX_CERTIFICATES, msg("competence.form.tooManyCertificates", { max: MAX_CERTIFICATES })),
    ),
    hoursPerWeek: intIn(1, MAX_HOURS_PER_WEEK, "competence.form.hoursRange").optional(),
    availableFrom: optionalDate(),
    wishedIndustryCodes: values(divisionCode, MAX_WISHED_INDUSTRIES).refine(
      (v) => new Set(v).size === v.length,
      msg("referrals.form.industryTwice"),
    ),
    wishedOccupations: values(citizenText(100), MAX_WISHED_OCCUPATIONS),
    summary: optionalCitizenText(MAX_SUMMARY),
  })
  .superRefine((v, ctx) => {
    if (v.danishModule !== undefined && !DU_LEVELS.includes(v.danishLevel)) {
      ctx.addIssue({ code: "custom", path: ["danishModule"], message: msg("competence.form.moduleOnlyDu") });
    }
    if (!v.educations.length && !v.experience.length && !v.wishedIndustryCodes.length && !v.wishedOccupations.length) {
      ctx.addIssue({
        code: "custom",
        path: ["wishedIndustryCodes"],
        message: msg("competence.form.somethingRequired"),
      });
    }
  });
export type CompetenceInput = z.infer<typeof competenceSchema>;

/** The parsed form as a profile (absent optional values become null). */
export function profileOf(v: CompetenceInput): Profile {
  return {
    educations: v.educations.map((e) => ({
      level: e.level,
      field: e.field || null,
      country: e.country || null,
      year: e.year ?? null,
      recognised: e.recognised,
    })),
    experience: v.experience.map((e) => ({
      occupation: e.occupation,
      industryCode: e.industryCode ?? null,
      years: e.years,
      country: e.country || null,
    })),
    danishLevel: v.danishLevel,
    danishModule: v.danishModule ?? null,
    englishLevel: v.englishLevel,
    drivingLicence: v.drivingLicence,
    certificates: v.certificates,
    hoursPerWeek: v.hoursPerWeek ?? null,
    availableFrom: v.availableFrom ?? null,
    wishedIndustryCodes: v.wishedIndustryCodes,
    wishedOccupations: v.wishedOccupations,
    summary: v.summary || null,
  };
}
