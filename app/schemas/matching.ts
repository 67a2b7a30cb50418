import { z } from "zod";
import { weightKeys, weightLimits, type WeightKey } from "../domain/matching";
import { assignmentModes } from "../domain/assignment";
import { msg, optionalText } from "../utils/zod-fields";
import { isDate } from "../domain/dates";

/** Approving one candidate on the mentee's candidates page. */
export const approveSchema = z.object({
  mentorId: z.coerce.number().int().positive().max(2 ** 31),
  startDate: z.string({ error: msg("matching.errors.dateRequired") }).trim().refine(isDate, msg("matching.errors.dateRequired")),
  manualReason: optionalText(500),
});

/** The pool page's GET form: junk is ignored. */
export const poolQuerySchema = z.object({
  mode: z.enum(assignmentModes).catch("best_score"),
  run: z.literal("1").optional().catch(undefined),
});

const pairValue = z.string().regex(/^\d{1,9}:\d{1,9}$/);
/** Approving proposed pairs: "menteeId:mentorId" values. */
export const poolApproveSchema = z.object({
  intent: z.enum(["selected", "all"]),
  pair: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(pairValue).max(5000)),
  all: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(pairValue).max(5000)),
  mode: z.enum(assignmentModes).catch("best_score"),
});

function weightField(k: WeightKey) {
  const [min, max] = weightLimits[k];
  const m = msg("matching.weights.range", { min, max });
  return z.coerce.number({ error: m }).refine((n) => Number.isFinite(n), m).min(min, m).max(max, m);
}

export const weightsSchema = z.object(Object.fromEntries(weightKeys.map((k) => [k, weightField(k)])) as Record<WeightKey, ReturnType<typeof weightField>>)
  .refine((w) => w.industry + w.geography + w.language + w.goals + w.waiting > 0, { message: msg("matching.weights.allZero"), path: ["industry"] });
