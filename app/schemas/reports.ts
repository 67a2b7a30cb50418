import { z } from "zod";
import { isDate } from "../domain/dates";

const optionalDate = z
  .preprocess((v) => (v === "" ? undefined : v), z.string().refine(isDate).optional())
  .catch(undefined);
const optionalQuarter = z
  .preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^\d{4}-Q[1-4]$/)
      .optional(),
  )
  .catch(undefined);
const optionalCode = z
  .preprocess((v) => (v === "" || v == null ? undefined : v), z.coerce.number().int().min(100).max(999).optional())
  .catch(undefined);

/** The report filter (GET): bad values are ignored and the defaults used, never an error page. */
export const reportFilterSchema = z.object({
  from: optionalDate,
  to: optionalDate,
  quarter: optionalQuarter,
  municipality: optionalCode,
});
export type ReportFilterInput = z.infer<typeof reportFilterSchema>;

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];
