/**
 * The second step of login for users with TOTP: after the password, a short-lived signed cookie remembers who is
 * half-way in (5 minutes); only a valid code turns it into a session.
 */
import type { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { db } from "../db.server";
import { now } from "../utils/clock";
import { hit, refund } from "./rate-limit.server";
import { verifyTotp } from "./totp";
import { signedCookie } from "./session.server";
import { can } from "./permissions";
import { fail, ok, type Result } from "../services/kernel.server";
import type { Role } from "../domain/enums";

const TTL_S = 300;
let cookie: ReturnType<typeof createCookie> | undefined;
function mfaCookie() {
  cookie ??= signedCookie("mb_mfa", TTL_S);
  return cookie;
}

/** Where a user who must have a second factor sets it up (the only page open to them before they have). */
export const SECOND_FACTOR_SETUP_PATH = "/konto/sikkerhed";

/** Who may protect their account with TOTP: `manage:second-factor:own` (permissions.ts); admins must (decision 002). */
export function secondFactorRequired(role: string): boolean {
  return role === "admin";
}

/** The login asks for a code: the user has TOTP set up. */
export function needsSecondFactor(user: { role: Role; totpSecret: string | null }): boolean {
  return !!user.totpSecret && can(user, "manage:second-factor:own");
}

/** Signed in, but must set up a second factor before anything else (an admin without TOTP). */
export function mustSetUpSecondFactor(user: { role: string; totpSecret: string | null }): boolean {
  return secondFactorRequired(user.role) && !user.totpSecret;
}

export async function startSecondFactor(userId: number, redirectTo: string | undefined): Promise<string> {
  return mfaCookie().serialize({ uid: userId, exp: now().getTime() + TTL_S * 1000, to: redirectTo ?? null });
}

export async function pendingSecondFactor(request: Request): Promise<{ uid: number; to: string | null } | null> {
  const v = await mfaCookie().parse(request.headers.get("Cookie"));
  if (!v || typeof v.uid !== "number" || typeof v.exp !== "number" || v.exp < now().getTime()) return null;
  return { uid: v.uid, to: typeof v.to === "string" ? v.to : null };
}

export async function clearSecondFactor(): Promise<string> {
  return mfaCookie().serialize("", { maxAge: 0 });
}

/** A wrong code, or too many tries: one message, beside the code. */
export const MFA_INVALID = "auth.mfa.invalid";

/** Checks a code for the pending user (rate limited: 5 wrong codes per 5 minutes; a right one is not counted). */
export function checkSecondFactor(uid: number, code: string): Result<typeof users.$inferSelect> {
  const key = `mfa:${uid}`;
  if (!hit(key, 5, TTL_S * 1000)) return fail(MFA_INVALID);
  const user = db().select().from(users).where(eq(users.id, uid)).get();
  if (!user?.totpSecret || !user.active || !verifyTotp(user.totpSecret, code, now().getTime()))
    return fail(MFA_INVALID);
  refund(key);
  return ok(user);
}

export function setTotpSecret(userId: number, secret: string | null): void {
  db().update(users).set({ totpSecret: secret }).where(eq(users.id, userId)).run();
}
