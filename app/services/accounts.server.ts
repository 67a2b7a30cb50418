/**
 * Accounts: login, password reset by email, invitations. Login answers generically (no account enumeration) and is
 * rate limited per client address and per account (see `login`).
 */
import { and, eq, inArray, isNull } from "drizzle-orm";
import { users, verificationTokens } from "../../db/schema";
import { db } from "../db.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { hit, refund } from "../auth/rate-limit.server";
import { addressKey } from "../auth/client-address";
import { newToken, openTokenWhere, sha256 } from "../auth/tokens.server";
import { destroyAllSessions } from "../auth/session.server";
import { enqueue } from "../messaging/outbox.server";
import { absoluteUrl, fail, ok, transaction, type Result, type Tx } from "./kernel.server";
import { audit } from "./audit.server";
import { now } from "../utils/clock";

export type LoginResult = Result<typeof users.$inferSelect>;
/** Too many failed logins: the route answers 429. */
export const LOGIN_RATE_LIMITED = "auth.login.rateLimited";
/** Wrong email or password, or an inactive account: one message for all, so no account can be found out. */
export const LOGIN_INVALID = "auth.login.invalid";
/** A reset or invitation link that is unknown, used or expired. */
export const LINK_INVALID = "auth.reset.invalidLink";

const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed logins allowed in 15 minutes: from one address; for one account from one address; for one account in all. */
export const LOGIN_LIMITS = { address: 30, accountFromAddress: 8, account: 50 } as const;

/**
 * Checks a password. Failures are limited per client address (one client cannot try many accounts), per account from
 * that address (one client cannot guess one password; and, being per address, cannot lock the account's owner out)
 * and per account in all (many addresses cannot guess one password either). An attempt is counted before the slow
 * hash check and given back when it succeeds, so only failures add up.
 */
export async function login(email: string, password: string, address: string): Promise<LoginResult> {
  const keys = [
    { key: `login:ip:${addressKey(address)}`, limit: LOGIN_LIMITS.address },
    { key: `login:email-ip:${sha256(`${email}|${addressKey(address)}`)}`, limit: LOGIN_LIMITS.accountFromAddress },
    { key: `login:email:${sha256(email)}`, limit: LOGIN_LIMITS.account },
  ];
  // Stops at the first limit reached: a client over its own limit does not use up the account's.
  const counted: string[] = [];
  for (const k of keys) {
    counted.push(k.key);
    if (!hit(k.key, k.limit, LOGIN_WINDOW_MS)) return fail(LOGIN_RATE_LIMITED);
  }
  const user = db().select().from(users).where(eq(users.email, email)).get();
  const valid = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !valid || !user.active) return fail(LOGIN_INVALID);
  for (const key of counted) refund(key);
  audit({ id: user.id, role: user.role }, "login", "user", user.id);
  return ok(user);
}

const RESET_TTL_MS = 60 * 60_000;

/** The links that set a user's password. */
export const PASSWORD_TOKEN_PURPOSES = ["password_reset", "invitation"] as const;
type PasswordPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];

/**
 * Spends every link of these purposes still open for a user: a new link replaces the old ones, and setting a password
 * spends them all, so a link found later in an old email (or anywhere else) opens nothing.
 */
export function spendOpenTokens(
  tx: Pick<Tx, "update">,
  userId: number,
  purposes: readonly PasswordPurpose[] = PASSWORD_TOKEN_PURPOSES,
): number {
  return tx
    .update(verificationTokens)
    .set({ usedAt: now().toISOString() })
    .where(
      and(
        inArray(verificationTokens.purpose, [...purposes]),
        eq(verificationTokens.subjectType, "user"),
        eq(verificationTokens.subjectId, userId),
        isNull(verificationTokens.usedAt),
      ),
    )
    .run().changes;
}

/** Always behaves the same whether the email exists or not. */
export function requestPasswordReset(email: string, address: string): void {
  if (!hit(`reset:ip:${addressKey(address)}`, 10, 60 * 60_000) || !hit(`reset:email:${sha256(email)}`, 3, 60 * 60_000))
    return;
  const user = db()
    .select()
    .from(users)
    .where(and(eq(users.email, email), eq(users.active, true)))
    .get();
  if (!user) return;
  const token = newToken();
  transaction((tx) => {
    spendOpenTokens(tx, user.id, ["password_reset"]);
    tx.insert(verificationTokens)
      .values({
        purpose: "password_reset",
        tokenHash: sha256(token),
        subjectType: "user",
        subjectId: user.id,
        email,
        expiresAt: new Date(now().getTime() + RESET_TTL_MS).toISOString(),
      })
      .run();
    enqueue(
      {
        channel: "email",
        recipient: email,
        template: "password_reset",
        locale: user.locale,
        data: { name: user.name, url: absoluteUrl(`/nulstil-adgangskode/${token}`) },
        subjectType: "user",
        subjectId: user.id,
      },
      tx,
    );
  });
}

function findValidToken(token: string, purpose: PasswordPurpose) {
  return db()
    .select()
    .from(verificationTokens)
    .where(openTokenWhere(token, purpose, "user", now().toISOString()))
    .get();
}

export function isResetTokenValid(token: string, purpose: PasswordPurpose = "password_reset"): boolean {
  return !!findValidToken(token, purpose);
}

/**
 * Sets a new password from a reset or invitation link. The link is used once, and every other password link of the
 * user is spent with it; all sessions end. Returns the user's id, or `LINK_INVALID`.
 */
export async function setPasswordWithToken(
  token: string,
  password: string,
  purpose: PasswordPurpose = "password_reset",
): Promise<Result<number>> {
  const row = findValidToken(token, purpose);
  if (!row || row.subjectId == null) return fail(LINK_INVALID);
  const hash = await hashPassword(password);
  const userId = row.subjectId;
  const spent = transaction((tx) => {
    const used = tx
      .update(verificationTokens)
      .set({ usedAt: now().toISOString() })
      .where(and(eq(verificationTokens.id, row.id), isNull(verificationTokens.usedAt)))
      .run().changes;
    if (used !== 1) return false;
    spendOpenTokens(tx, userId);
    tx.update(users)
      .set({ passwordHash: hash, emailVerifiedAt: now().toISOString() })
      .where(eq(users.id, userId))
      .run();
    return true;
  });
  if (!spent) return fail(LINK_INVALID);
  destroyAllSessions(userId);
  return ok(userId);
}

/* ------------------------------------------------------------------ the first admin (npm run admin:create) */

export const ADMIN_LINK_TTL_MS = 24 * 60 * 60_000;

export type AdminLinkResult = Result<{ userId: number; url: string; created: boolean; expiresAt: string }>;
/** The refusals of `admin:create` (the command says them in English; no page shows them). */
export const ADMIN_EMAIL_TAKEN = "email_taken";
export const ADMIN_NOT_FOUND = "not_found";

/**
 * Creates an administrator without a password and returns a one-time link to set one (the invitation machinery: used
 * once, expires in 24 hours). Nothing is emailed and no password exists anywhere: whoever runs the command hands the
 * link over. After the password the admin must set up TOTP before any other page opens.
 *
 * With `reset` an existing admin who lost their phone (or password) starts over: second factor and password cleared,
 * every session and open link ended, a fresh link returned.
 */
export function createAdminLink(input: { email: string; name?: string; reset?: boolean }): AdminLinkResult {
  const email = input.email.trim().toLowerCase();
  const token = newToken();
  const expiresAt = new Date(now().getTime() + ADMIN_LINK_TTL_MS).toISOString();
  const result = transaction((tx): AdminLinkResult => {
    const existing = tx.select().from(users).where(eq(users.email, email)).get();
    if (input.reset ? !existing || existing.role !== "admin" : !!existing) {
      return fail(input.reset ? ADMIN_NOT_FOUND : ADMIN_EMAIL_TAKEN);
    }
    const user = existing
      ? tx
          .update(users)
          .set({ passwordHash: null, totpSecret: null, active: true, ...(input.name ? { name: input.name } : {}) })
          .where(eq(users.id, existing.id))
          .returning()
          .get()
      : tx
          .insert(users)
          .values({ email, name: input.name ?? email.split("@")[0], role: "admin", passwordHash: null })
          .returning()
          .get();
    spendOpenTokens(tx, user.id);
    tx.insert(verificationTokens)
      .values({
        purpose: "invitation",
        tokenHash: sha256(token),
        subjectType: "user",
        subjectId: user.id,
        email,
        expiresAt,
      })
      .run();
    audit(null, existing ? "update" : "create", "user", user.id, { via: "admin:create", reset: !!input.reset }, tx);
    return ok({ userId: user.id, url: absoluteUrl(`/invitation/${token}`), created: !existing, expiresAt });
  });
  if (result.ok && !result.value.created) destroyAllSessions(result.value.userId);
  return result;
}
