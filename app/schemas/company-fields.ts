/**
 * Field builders for the company side's forms (issue 20): CVR numbers, contact phones, whole numbers in a range,
 * optional dates, and free text that refuses CPR numbers and health details.
 * CPR numbers are refused by the shared free-text and phone builders (app/utils/zod-fields.ts).
 */
import { z } from "zod";
import { containsHealthDetail } from "../domain/health-text";
import { isValidCvr, normaliseCvr } from "../domain/cvr";
import { isDate } from "../domain/dates";
import { msg, optionalText, phoneField, requiredText } from "../utils/zod-fields";

export const HEALTH_MESSAGE = msg("companies.form.health");

const noHealth = (v: string | undefined) => v === undefined || !containsHealthDetail(v);

/** Text about a citizen or their work (a profile, a follow-up, an answer): no CPR number (shared rule), no health details. */
export function citizenText(max = 200) {
  return requiredText(max).refine(noHealth, HEALTH_MESSAGE);
}
export function optionalCitizenText(max = 200) {
  return optionalText(max).refine(noHealth, HEALTH_MESSAGE);
}
/** Any other free text (a company's name, a contact's role, a note of contact): the shared rules (no CPR number). */
export const plainText = requiredText;
export const optionalPlainText = optionalText;

/** A CVR number: eight digits with a valid modulus-11 check digit ("DK 12 34 56 78" is accepted and stored as 12345678). */
export function cvrField() {
  return z
    .string({ error: msg("companies.form.cvrRequired") })
    .trim()
    .min(1, msg("companies.form.cvrRequired"))
    .max(20, msg("companies.form.cvrInvalid"))
    .transform(normaliseCvr)
    .superRefine((v, ctx) => {
      if (!/^\d{8}$/.test(v)) ctx.addIssue({ code: "custom", message: msg("companies.form.cvrDigits") });
      else if (!isValidCvr(v)) ctx.addIssue({ code: "custom", message: msg("companies.form.cvrInvalid") });
    });
}

/** A contact's phone number, valid for its country, stored as E.164 (Danish without a country code). */
export function contactPhone() {
  return phoneField(msg("companies.form.phoneInvalid"));
}

/** A whole number from `min` to `max` (the message names the range). */
export function intIn(min: number, max: number, key = "companies.form.numberRange") {
  const m = msg(key, { min, max });
  return z.coerce.number({ error: m }).int(m).min(min, m).max(max, m);
}

export function requiredDate() {
  return z
    .string({ error: msg("common.form.required") })
    .trim()
    .min(1, msg("common.form.required"))
    .refine(isDate, msg("companies.form.dateInvalid"));
}
export function optionalDate() {
  return z.string().trim().refine(isDate, msg("companies.form.dateInvalid")).optional();
}

/** A record id from a hidden field or a select. */
export function idField() {
  return z.coerce
    .number({ error: msg("common.form.invalid") })
    .int(msg("common.form.invalid"))
    .positive(msg("common.form.invalid"))
    .max(2_147_483_647, msg("common.form.invalid"));
}

/** A list of form rows where rows with nothing typed are not rows. */
export function rows<T extends z.ZodTypeAny>(row: T, max: number) {
  return z.preprocess(
    (v) => {
      if (v === undefined) return [];
      const list = Array.isArray(v) ? v : [v];
      return list.filter(
        (r) =>
          !(
            r &&
            typeof r === "object" &&
            Object.values(r as Record<string, unknown>).every((x) => x === undefined || x === "" || x === "off")
          ),
      );
    },
    z.array(row, { error: msg("common.form.invalid") }).max(max, msg("companies.form.tooManyRows", { max })),
  );
}

/** A list of values from numbered fields (wishedOccupations[0], [1]...), empty ones left out. */
export function values<T extends z.ZodTypeAny>(item: T, max: number) {
  return z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== undefined && x !== ""),
    z.array(item, { error: msg("common.form.invalid") }).max(max, msg("companies.form.tooManyRows", { max })),
  );
}
