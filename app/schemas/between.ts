/**
 * The forms of issue 21 (planned meetings, the goal plan, guidance pages, the introduction, the citizen's page and
 * the coordinator's actions on it): one zod schema per form, shared by browser (Conform) and server. Messages are
 * i18n keys. Rules that need the clock or the database (a time ahead, a status transition) are the use cases'.
 */
import { z } from "zod";
import { goalKinds, goalStatuses, guidanceKinds, meetingForms, meetingTopics, messageLanguages } from "../domain/enums";
import { isDate } from "../domain/dates";
import { MEETING_MAX_MINUTES, MEETING_MIN_MINUTES, dateField } from "./courses";
import { checkbox, enumField, msg, multi, optionalText, phoneField, requiredText } from "../utils/zod-fields";

const id = () =>
  z.coerce
    .number({ error: msg("common.form.invalid") })
    .int(msg("common.form.invalid"))
    .positive(msg("common.form.invalid"))
    .max(2_147_483_647, msg("common.form.invalid"));
const minutes = () =>
  z.coerce
    .number({ error: msg("courses.form.minutesRange") })
    .int(msg("courses.form.minutesRange"))
    .min(MEETING_MIN_MINUTES, msg("courses.form.minutesRange"))
    .max(MEETING_MAX_MINUTES, msg("courses.form.minutesRange"));
const optionalDate = () =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || isDate(v), msg("courses.form.invalidDate"))
    .optional()
    .transform((v) => (v ? v : undefined));

/* ------------------------------------------------------------------ planned meetings */

export const plannedMeetingFields = {
  date: dateField(),
  time: z
    .string({ error: msg("common.form.required") })
    .trim()
    .min(1, msg("common.form.required"))
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, msg("between.meeting.errors.invalidTime")),
  minutes: minutes(),
  form: enumField(meetingForms),
  place: optionalText(120),
  agenda: optionalText(300),
};
export const planMeetingSchema = z.object({ intent: z.literal("plan"), ...plannedMeetingFields });
export const changeMeetingSchema = z.object({ intent: z.literal("change"), plannedId: id(), ...plannedMeetingFields });
export const cancelMeetingSchema = z.object({ intent: z.literal("cancel"), plannedId: id() });
export const confirmMeetingSchema = z.object({
  intent: z.literal("confirm"),
  plannedId: id(),
  minutes: minutes(),
  topics: multi(z.enum(meetingTopics, { error: msg("common.form.invalid") }), meetingTopics.length),
});
export const missedMeetingSchema = z.object({ intent: z.literal("missed"), plannedId: id() });
export const plannedMeetingSchemas = {
  plan: planMeetingSchema,
  change: changeMeetingSchema,
  cancel: cancelMeetingSchema,
  confirm: confirmMeetingSchema,
  missed: missedMeetingSchema,
} as const;
export type PlannedMeetingIntent = keyof typeof plannedMeetingSchemas;
export function isPlannedMeetingIntent(v: unknown): v is PlannedMeetingIntent {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(plannedMeetingSchemas, v);
}

/* ------------------------------------------------------------------ the goal plan */

export const addGoalSchema = z.object({
  intent: z.literal("add"),
  kind: enumField(goalKinds),
  text: optionalText(160),
  targetDate: optionalDate(),
});
export const updateGoalSchema = z.object({
  intent: z.literal("update"),
  goalId: id(),
  status: enumField(goalStatuses),
  targetDate: optionalDate(),
});

/* ------------------------------------------------------------------ guidance */

export const guidancePageSchema = z.object({
  kind: enumField(guidanceKinds),
  courseMonth: z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce
      .number({ error: msg("common.form.invalid") })
      .int(msg("common.form.invalid"))
      .min(1, msg("common.form.invalid"))
      .max(24, msg("common.form.invalid"))
      .optional(),
  ),
  sort: z.preprocess(
    (v) => (v === "" || v == null ? 0 : v),
    z.coerce
      .number({ error: msg("common.form.invalid") })
      .int(msg("common.form.invalid"))
      .min(0, msg("common.form.invalid"))
      .max(999, msg("common.form.invalid")),
  ),
  titleDa: requiredText(120),
  bodyDa: requiredText(6000),
  titleEn: requiredText(120),
  bodyEn: requiredText(6000),
  active: checkbox(),
});

export const introductionReadSchema = z.object({
  confirm: z.preprocess(
    (v) => v === "on" || v === "true" || v === true,
    z.literal(true, { error: msg("between.guidance.confirmRequired") }),
  ),
});

/* ------------------------------------------------------------------ the citizen's page */

/** The citizen's page speaks the citizen's language: its schema's messages are keys of app/i18n/citizen-page-copy.ts. */
export const contactChangeSchema = z.object({
  intent: z.literal("contact"),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    phoneField("phoneInvalid").optional(),
  ),
  language: z.preprocess((v) => (v === "" ? undefined : v), z.enum(messageLanguages, { error: "invalid" }).optional()),
});
export const contactCodeSchema = z.object({
  intent: z.literal("code"),
  changeId: id(),
  code: z
    .string({ error: "codeInvalid" })
    .trim()
    .regex(/^\d{6}$/, "codeInvalid"),
});
export const callMeSchema = z.object({ intent: z.literal("call") });

/* ------------------------------------------------------------------ the coordinator's side of the citizen's page */

export const citizenLinkSchema = z.object({ intent: z.literal("citizen_link"), replace: checkbox() });
/** Second chances (issue 19): the coordinator puts the citizen back in the queue. */
export const requeueSchema = z.object({ intent: z.literal("requeue") });
export const callHandledSchema = z.object({ intent: z.literal("call_handled"), callId: id() });
