/**
 * The second step of login for users with TOTP: after the password, a short-lived signed cookie remembers who is
 * half-way in (5 minutes); only a valid code turns it into a session.
 */
import { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { config } from "../config.server";
import { db } from "../db.server";
import { now } from "../utils/clock";
import { hit } from "./rate-limit.server";
import { verifyTotp } from "./totp";

const TTL_S = 300;
let cookie: ReturnType<typeof createCookie> | undefined;
function mfaCookie() {
  cookie ??= createCookie("mb_mfa", {
    httpOnly: true, sameSite: "lax", path: "/", secure: config().NODE_ENV === "production",
    secrets: [config().SESSION_SECRET], maxAge: TTL_S,
  });
  return cookie;
}

export function needsSecondFactor(user: { role: string; totpSecret: string | null }): boolean {
  return !!user.totpSecret && (user.role === "admin" || user.role === "coordinator");
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

/** Checks a code for the pending user (rate limited: 5 tries per 5 minutes). */
export function checkSecondFactor(uid: number, code: string): typeof users.$inferSelect | null {
  if (!hit(`mfa:${uid}`, 5, TTL_S * 1000)) return null;
  const user = db().select().from(users).where(eq(users.id, uid)).get();
  if (!user?.totpSecret || !user.active) return null;
  return verifyTotp(user.totpSecret, code, now().getTime()) ? user : null;
}

export function setTotpSecret(userId: number, secret: string | null): void {
  db().update(users).set({ totpSecret: secret }).where(eq(users.id, userId)).run();
}
