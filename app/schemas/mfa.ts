import { z } from "zod";
import { msg } from "../utils/zod-fields";

export const codeSchema = z.object({
  code: z
    .string({ error: msg("auth.mfa.codeFormat") })
    .trim()
    .regex(/^\d{6}$/, msg("auth.mfa.codeFormat")),
});
export const enableTotpSchema = codeSchema.extend({ secret: z.string().regex(/^[A-Z2-7]{32}$/) });
