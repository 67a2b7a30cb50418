import { z } from "zod";
import { weightKeys, weightLimits, type WeightKey } from "../domain/matching";
import { assignmentModes } from "../domain/assignment";
import { msg, optionalText } from "../utils/zod-fields";
import { isDate } from "../domain/dates";
import { NO_INDUSTRY_REASON_MAX, NO_INDUSTRY_REASON_MIN } from "../domain/industry";
import { REQUEST_DAYS_LIMITS } from "../domain/match-request";
import { regions } from "../domain/enums";
import { isSection, poolAreas, type PoolScope } from "../domain/pool-scope";
import { MUNICIPALITIES } from "../../db/reference/municipalities";

/**
 * Approving one candidate on the mentee's candidates page (the mentor is then asked, issue 19). A pair without a shared
 * industry (`noIndustry`, set by the page) needs a reason; the server checks the pair itself and refuses it without one.
 */
export const approveSchema = z
  .object({
    mentorId: z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31),
    startDate: z
      .string({ error: msg("matching.errors.dateRequired") })
      .trim()
      .refine(isDate, msg("matching.errors.dateRequired")),
    manualReason: optionalText(NO_INDUSTRY_REASON_MAX),
    noIndustry: z.literal("1").optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    if (v.noIndustry && (v.manualReason ?? "").length < NO_INDUSTRY_REASON_MIN) {
      ctx.addIssue({ code: "custom", path: ["manualReason"], message: msg("matching.errors.noIndustryReason") });
    }
  });

/** The admin's matching settings (issue 19). */
export const matchSettingsSchema = z.object({
  proposeNoIndustryPairs: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  requestDays: z.coerce
    .number({ error: msg("matching.settings.requestDaysRange") })
    .int(msg("matching.settings.requestDaysRange"))
    .min(REQUEST_DAYS_LIMITS[0], msg("matching.settings.requestDaysRange"))
    .max(REQUEST_DAYS_LIMITS[1], msg("matching.settings.requestDaysRange")),
});

/** The mentor's answer to a match request: yes, or no with an optional reason (issue 19). */
export const requestAnswerSchema = z.object({
  answer: z.enum(["accept", "decline"], { error: msg("common.form.required") }),
  reason: optionalText(300),
});

/** Starting a whole-pool run: the area (with its region or municipality), an optional DB07 section, the mode. */
export const poolRunSchema = z
  .object({
    area: z.enum(poolAreas, { error: msg("matching.run.errors.area") }),
    region: z.coerce
      .number({ error: msg("matching.run.errors.region") })
      .int(msg("matching.run.errors.region"))
      .optional(),
    municipality: z.coerce
      .number({ error: msg("matching.run.errors.municipality") })
      .int(msg("matching.run.errors.municipality"))
      .optional(),
    section: z.string().refine(isSection, msg("matching.run.errors.section")).optional(),
    mode: z.enum(assignmentModes, { error: msg("matching.run.errors.mode") }),
  })
  .superRefine((v, ctx) => {
    if (v.area === "region" && !regions.some((r) => r.code === v.region))
      ctx.addIssue({ code: "custom", path: ["region"], message: msg("matching.run.errors.region") });
    if (v.area === "municipality" && !MUNICIPALITIES.some((m) => m.code === v.municipality))
      ctx.addIssue({ code: "custom", path: ["municipality"], message: msg("matching.run.errors.municipality") });
  });

/** The scope a valid start form names. */
export function scopeOf(v: z.infer<typeof poolRunSchema>): PoolScope {
  const section = v.section ?? null;
  return v.area === "region"
    ? { area: "region", region: v.region!, section }
    : v.area === "municipality"
      ? { area: "municipality", municipality: v.municipality!, section }
      : { area: "country", section };
}

const menteeIds = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z.coerce
        .number()
        .int()
        .positive()
        .max(2 ** 31),
    )
    .max(50),
);
/** A run's page: cancel it, approve one pair (by its mentee), or approve the industry pairs of the page shown. */
export const poolRunActionSchema = z.object({
  intent: z.enum(["cancel", "approve", "approvePage"]),
  menteeId: menteeIds,
});

function weightField(k: WeightKey) {
  const [min, max] = weightLimits[k];
  const m = msg("matching.weights.range", { min, max });
  return z.coerce
    .number({ error: m })
    .refine((n) => Number.isFinite(n), m)
    .min(min, m)
    .max(max, m);
}

export const weightsSchema = z
  .object(
    Object.fromEntries(weightKeys.map((k) => [k, weightField(k)])) as Record<WeightKey, ReturnType<typeof weightField>>,
  )
  .refine((w) => w.industry + w.geography + w.language + w.goals + w.waiting > 0, {
    message: msg("matching.weights.allZero"),
    path: ["industry"],
  });
