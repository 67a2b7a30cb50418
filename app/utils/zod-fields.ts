/**
 * Building blocks for form schemas. Messages are i18n keys (optionally `key|{"max":200}` with parameters), so one
 * schema serves server and browser and the UI translates. Conform turns empty inputs into `undefined`, hence the
 * explicit required messages.
 */
import { z } from "zod";

export const msg = (key: string, params?: Record<string, unknown>) => (params ? `${key}|${JSON.stringify(params)}` : key);

/** Rejects control characters and markup brackets in free text meant to be plain. */
const plain = /^[^<>\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export function requiredText(max = 200) {
  return z.string({ error: msg("common.form.required") }).trim().min(1, msg("common.form.required"))
    .max(max, msg("common.form.tooLong", { max })).regex(plain, msg("common.form.invalid"));
}
export function optionalText(max = 200) {
  return z.string().trim().max(max, msg("common.form.tooLong", { max })).regex(plain, msg("common.form.invalid")).optional();
}
export function emailField() {
  return z.string({ error: msg("common.form.required") }).trim().toLowerCase()
    .max(254, msg("common.form.tooLong", { max: 254 })).pipe(z.email(msg("common.form.invalidEmail")));
}
export function enumField<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: msg("common.form.required") });
}
export function checkbox() {
  return z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
}
/** A multi-select / checkbox group: always an array. */
export function multi<T extends z.ZodTypeAny>(item: T, max = 20) {
  return z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max, msg("common.form.tooLong", { max })));
}
