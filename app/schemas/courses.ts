/**
 * The course forms: one zod schema per form, shared by the browser (Conform) and the server. Messages are i18n keys.
 * Rules that need the database or the clock (a date within the course, not in the future) are checked by the use case.
 */
import { z } from "zod";
import {
  closerToJobAnswers,
  endReasons,
  followUpStatuses,
  followUpTargets,
  meetingForms,
  meetingTopics,
  outcomePhases,
  outcomeTypes,
} from "../domain/enums";
import { isDate } from "../domain/dates";
import { pageParamSchema } from "../domain/paging";
import { isDivisionCode } from "../domain/industries";
import { checkbox, enumField, msg, multi, optionalText } from "../utils/zod-fields";

export function dateField() {
  return z
    .string({ error: msg("common.form.required") })
    .trim()
    .min(1, msg("common.form.required"))
    .refine(isDate, msg("courses.form.invalidDate"));
}
const id = () =>
  z.coerce
    .number({ error: msg("common.form.invalid") })
    .int(msg("common.form.invalid"))
    .positive(msg("common.form.invalid"))
    .max(2_147_483_647, msg("common.form.invalid"));
const industry = () =>
  z
    .preprocess(
      (v) => (typeof v === "string" ? v.trim().replace(/\.$/, "") : v),
      z
        .string()
        .refine((v) => v === "" || isDivisionCode(v), msg("courses.form.invalidIndustry"))
        .optional(),
    )
    .transform((v) => (v ? v : undefined));

export const MEETING_MIN_MINUTES = 15;
export const MEETING_MAX_MINUTES = 600;

export const meetingSchema = z.object({
  intent: z.enum(["log", "update"]),
  meetingId: id().optional(),
  date: dateField(),
  minutes: z.coerce
    .number({ error: msg("courses.form.minutesRange") })
    .int(msg("courses.form.minutesRange"))
    .min(MEETING_MIN_MINUTES, msg("courses.form.minutesRange"))
    .max(MEETING_MAX_MINUTES, msg("courses.form.minutesRange")),
  form: enumField(meetingForms),
  topics: multi(z.enum(meetingTopics, { error: msg("common.form.invalid") }), meetingTopics.length),
  nextStep: optionalText(500),
});

export const deleteMeetingSchema = z.object({ intent: z.literal("delete"), meetingId: id() });

export const outcomeFields = {
  type: enumField(outcomeTypes),
  outcomeDate: dateField(),
  employerIndustryCode: industry(),
  viaMentorNetwork: checkbox(),
};
export const proposeOutcomeSchema = z.object({ intent: z.literal("propose"), ...outcomeFields });

export const surveySchema = z.object({
  intent: z.literal("survey").optional(),
  satisfaction: z.coerce
    .number({ error: msg("courses.survey.satisfactionRequired") })
    .int(msg("courses.survey.satisfactionRequired"))
    .min(1, msg("courses.survey.satisfactionRequired"))
    .max(5, msg("courses.survey.satisfactionRequired")),
  closerToJob: enumField(closerToJobAnswers),
  comment: optionalText(1000),
});

/* ------------------------------------------------------------------ coordinator */

export const startSchema = z.object({ intent: z.literal("start"), startDate: dateField() });
export const pauseSchema = z.object({ intent: z.literal("pause"), fromDate: dateField(), reason: optionalText(300) });
export const resumeSchema = z.object({ intent: z.literal("resume"), toDate: dateField() });
export const extendSchema = z.object({ intent: z.literal("extend"), plannedEndDate: dateField() });
export const completeSchema = z.object({ intent: z.literal("complete"), endedOn: dateField() });
export const endEarlySchema = z.object({
  intent: z.literal("end_early"),
  endedOn: dateField(),
  reason: enumField(endReasons),
  note: optionalText(500),
});
export const cancelSchema = z.object({
  intent: z.literal("cancel"),
  reason: enumField(endReasons),
  note: optionalText(500),
});
export const registerOutcomeSchema = z.object({
  intent: z.literal("outcome"),
  phase: enumField(outcomePhases),
  ...outcomeFields,
});
export const confirmOutcomeSchema = z.object({ intent: z.literal("confirm_outcome"), outcomeId: id() });
/** The start page's outcome queue: confirm or reject one proposal, naming its course. */
export const outcomeDecisionSchema = z.object({
  intent: z.enum(["confirm_outcome", "reject_outcome"]),
  courseId: id(),
  outcomeId: id(),
});
export const rejectOutcomeSchema = z.object({ intent: z.literal("reject_outcome"), outcomeId: id() });
export const followUpSchema = z.object({
  intent: z.literal("follow_up"),
  calledOn: dateField(),
  target: enumField(followUpTargets),
  status: enumField(followUpStatuses),
  notes: optionalText(1000),
  escalate: checkbox(),
});

export const coordinatorSchemas = {
  start: startSchema,
  pause: pauseSchema,
  resume: resumeSchema,
  extend: extendSchema,
  complete: completeSchema,
  end_early: endEarlySchema,
  cancel: cancelSchema,
  outcome: registerOutcomeSchema,
  confirm_outcome: confirmOutcomeSchema,
  reject_outcome: rejectOutcomeSchema,
  follow_up: followUpSchema,
} as const;
export type CoordinatorIntent = keyof typeof coordinatorSchemas;
export function isCoordinatorIntent(v: unknown): v is CoordinatorIntent {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(coordinatorSchemas, v);
}

/** The course list filter (GET): bad values are ignored. */
export const courseFilterStatuses = [
  "all",
  "running",
  "on_track",
  "behind",
  "no_contact",
  "paused",
  "not_started",
  "closed",
  "followup_due",
] as const;
export type CourseFilterStatus = (typeof courseFilterStatuses)[number];
export const courseFilterSchema = z.object({
  filter: z.enum(courseFilterStatuses).catch("running").default("running"),
  side: pageParamSchema,
});
