/**
 * Accounts: login, password reset by email, invitations. Login answers generically (no account enumeration) and is
 * rate limited per IP and per email.
 */
import { and, eq, gt, isNull } from "drizzle-orm";
import { users, verificationTokens } from "../../db/schema";
import { db } from "../db.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { hit } from "../auth/rate-limit.server";
import { newToken, sha256 } from "../auth/tokens.server";
import { destroyAllSessions } from "../auth/session.server";
import { enqueue } from "../messaging/outbox.server";
import { config } from "../config.server";
import { audit } from "./audit.server";
import { now } from "../utils/clock";

export type LoginResult = { ok: true; user: typeof users.$inferSelect } | { ok: false; reason: "invalid" | "rate_limited" };

export async function login(email: string, password: string, ip: string): Promise<LoginResult> {
  const okIp = hit(`login:ip:${ip}`, 30, 15 * 60_000);
  const okEmail = hit(`login:email:${sha256(email)}`, 8, 15 * 60_000);
  if (!okIp || !okEmail) return { ok: false, reason: "rate_limited" };
  const user = db().select().from(users).where(eq(users.email, email)).get();
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) return { ok: false, reason: "invalid" };
  audit({ id: user.id, role: user.role }, "login", "user", user.id);
  return { ok: true, user };
}

const RESET_TTL_MS = 60 * 60_000;

/** Always behaves the same whether the email exists or not. */
export function requestPasswordReset(email: string, ip: string): void {
  if (!hit(`reset:ip:${ip}`, 10, 60 * 60_000) || !hit(`reset:email:${sha256(email)}`, 3, 60 * 60_000)) return;
  const user = db().select().from(users).where(and(eq(users.email, email), eq(users.active, true))).get();
  if (!user) return;
  const token = newToken();
  db().transaction((tx) => {
    tx.insert(verificationTokens).values({
      purpose: "password_reset", tokenHash: sha256(token), subjectType: "user", subjectId: user.id, email,
      expiresAt: new Date(now().getTime() + RESET_TTL_MS).toISOString(),
    }).run();
    enqueue({
      channel: "email", recipient: email, template: "password_reset", locale: user.locale,
      data: { name: user.name, url: `${config().APP_URL}/nulstil-adgangskode/${token}` },
      subjectType: "user", subjectId: user.id,
    }, tx);
  });
}

function findValidToken(token: string, purpose: "password_reset" | "invitation") {
  return db().select().from(verificationTokens).where(and(
    eq(verificationTokens.tokenHash, sha256(token)), eq(verificationTokens.purpose, purpose),
    isNull(verificationTokens.usedAt), gt(verificationTokens.expiresAt, now().toISOString()),
  )).get();
}

export function isResetTokenValid(token: string, purpose: "password_reset" | "invitation" = "password_reset"): boolean {
  return !!findValidToken(token, purpose);
}

/** Sets a new password from a reset or invitation link; the token is used once; all other sessions end. */
export async function setPasswordWithToken(token: string, password: string, purpose: "password_reset" | "invitation" = "password_reset"): Promise<number | null> {
  const row = findValidToken(token, purpose);
  if (!row || row.subjectId == null) return null;
  const hash = await hashPassword(password);
  const userId = row.subjectId;
  const ok = db().transaction((tx) => {
    const used = tx.update(verificationTokens).set({ usedAt: now().toISOString() })
      .where(and(eq(verificationTokens.id, row.id), isNull(verificationTokens.usedAt))).run().changes;
    if (used !== 1) return false;
    tx.update(users).set({ passwordHash: hash, emailVerifiedAt: now().toISOString() }).where(eq(users.id, userId)).run();
    return true;
  });
  if (!ok) return null;
  destroyAllSessions(userId);
  return userId;
}
