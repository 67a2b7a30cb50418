import { z } from "zod";
import { newPasswordSchema } from "../auth/password-policy";
import { emailField, msg } from "../utils/zod-fields";

export const loginSchema = z.object({
  email: z
    .string({ error: msg("auth.login.emailRequired") })
    .trim()
    .toLowerCase()
    .max(254, msg("common.form.tooLong", { max: 254 })),
  password: z.string({ error: msg("auth.login.passwordRequired") }).max(200, msg("common.form.tooLong", { max: 200 })),
  redirectTo: z.string().max(500).optional(),
});

export const forgotSchema = z.object({ email: emailField() });

export const resetSchema = z
  .object({
    password: newPasswordSchema,
    confirm: z.string({ error: msg("common.form.required") }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: msg("auth.reset.mismatch") });
