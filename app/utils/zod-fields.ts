/**
 * Building blocks for form schemas. Messages are i18n keys (optionally `key|{"max":200}` with parameters), so one
 * schema serves server and browser and the UI translates. Conform turns empty inputs into `undefined`, hence the
 * explicit required messages.
 */
import { z } from "zod";
import { containsCpr } from "../domain/cpr";
import { checkPhone, PHONE_MAX_LENGTH } from "../domain/phone";
import { containsBidiControl, hasVisibleLetter } from "../domain/text";

export const msg = (key: string, params?: Record<string, unknown>) =>
  params ? `${key}|${JSON.stringify(params)}` : key;

/** Rejects control characters and markup brackets in free text meant to be plain. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point (tab and line breaks are allowed).
const plain = /^[^<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** The message a CPR-like number gets, in every field: we never store CPR numbers (docs/privacy.md). */
export const CPR_MESSAGE = msg("common.form.cpr");
const noCpr = (v: string) => !containsCpr(v);

/** Free text (every form's text fields use this or `optionalText`): plain, within `max`, and never a CPR number. */
export function requiredText(max = 200) {
  return z
    .string({ error: msg("common.form.required") })
    .trim()
    .min(1, msg("common.form.required"))
    .max(max, msg("common.form.tooLong", { max }))
    .regex(plain, msg("common.form.invalid"))
    .refine(noCpr, CPR_MESSAGE);
}
export function optionalText(max = 200) {
  return z
    .string()
    .trim()
    .max(max, msg("common.form.tooLong", { max }))
    .regex(plain, msg("common.form.invalid"))
    .refine(noCpr, CPR_MESSAGE)
    .optional();
}
/** A person's name: free text that shows letters (not only invisible characters) and steers no reading direction. */
export function nameText(max = 100) {
  return requiredText(max)
    .refine((v) => v === "" || hasVisibleLetter(v), msg("common.form.nameInvisible"))
    .refine((v) => !containsBidiControl(v), msg("common.form.nameBidi"));
}
export function emailField() {
  return z
    .string({ error: msg("common.form.required") })
    .trim()
    .toLowerCase()
    .max(254, msg("common.form.tooLong", { max: 254 }))
    .refine(noCpr, CPR_MESSAGE)
    .pipe(z.email(msg("common.form.invalidEmail")));
}
/**
 * A phone number, valid for its country (Danish without a country code), stored as E.164. A CPR number typed here
 * is told apart from a mistyped number, so the message says why.
 */
export function phoneField(invalidMessage: string) {
  return z
    .string({ error: msg("common.form.required") })
    .trim()
    .max(PHONE_MAX_LENGTH, msg("common.form.tooLong", { max: PHONE_MAX_LENGTH }))
    .transform((v, ctx) => {
      const r = checkPhone(v);
      if (r.ok) return r.e164;
      ctx.addIssue({ code: "custom", message: r.reason === "cpr" ? CPR_MESSAGE : invalidMessage });
      return z.NEVER;
    });
}
export function enumField<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: msg("common.form.required") });
}
export function checkbox() {
  return z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
}
/** A multi-select / checkbox group: always an array. */
export function multi<T extends z.ZodTypeAny>(item: T, max = 20) {
  return z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(item).max(max, msg("common.form.tooLong", { max })),
  );
}
