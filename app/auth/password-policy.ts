import { z } from "zod";

/** A short list of the most common passwords (lower-cased); longer lists can be added without code changes. */
const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "1234567890",
  "123456789",
  "12345678910",
  "qwertyuiop",
  "qwerty12345",
  "adgangskode",
  "adgangskode1",
  "kodeord123",
  "sommer2024",
  "sommer2025",
  "sommer2026",
  "vinter2025",
  "vinter2026",
  "velkommen1",
  "velkommen123",
  "danmark123",
  "mentorbro1",
  "mentorbro123",
  "iloveyou12",
  "football12",
  "letmein123",
]);

export function isCommonPassword(pw: string): boolean {
  return COMMON.has(pw.toLowerCase());
}

/** The new-password field of every form (reset, invitation, mentor account). Messages are i18n keys. */
export const newPasswordSchema = z
  .string({ error: "auth.reset.tooShort" })
  .min(10, "auth.reset.tooShort")
  .max(200, "auth.reset.tooLongPw")
  .refine((pw) => !isCommonPassword(pw), "auth.reset.common");
