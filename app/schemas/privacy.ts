import { z } from "zod";
import { auditActions, consentPurposes } from "../domain/enums";
import { checkbox, msg } from "../utils/zod-fields";

const optionalInt = z
  .preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().positive().optional())
  .catch(undefined);
const optionalDate = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  )
  .catch(undefined);

/** The access log's search form (GET): bad values are ignored, never an error page. */
export const auditFilterSchema = z.object({
  entityType: z.enum(["mentee", "mentor", "user", "message", "setting", "course"]).optional().catch(undefined),
  entityId: optionalInt,
  actorUserId: optionalInt,
  action: z.enum(auditActions).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
});

export const retentionSchema = z.object({
  months: z.coerce
    .number({ error: msg("privacy.retention.range") })
    .int(msg("privacy.retention.range"))
    .min(1, msg("privacy.retention.range"))
    .max(120, msg("privacy.retention.range")),
});

export const consentActionSchema = z.object({
  intent: z.enum(["withdraw", "give"]),
  purpose: z.enum(consentPurposes),
});

export const eraseSchema = z.object({
  intent: z.literal("erase"),
  confirm: checkbox().refine((v) => v, msg("privacy.person.eraseConfirmRequired")),
});
