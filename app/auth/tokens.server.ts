import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, type SQL } from "drizzle-orm";
import { verificationTokens } from "../../db/schema";

/** An opaque, URL-safe random token (256 bits). */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

type TokenRow = typeof verificationTokens.$inferSelect;

/** The row of `token` (stored only as its hash) for one purpose and kind of subject: the lookup of every link. */
export function tokenWhere(token: string, purpose: TokenRow["purpose"], subjectType: string): SQL {
  return and(
    eq(verificationTokens.tokenHash, sha256(token)),
    eq(verificationTokens.purpose, purpose),
    eq(verificationTokens.subjectType, subjectType),
  )!;
}

/** The same, only while the link is unused and unexpired (`at`, an ISO time, is now). */
export function openTokenWhere(token: string, purpose: TokenRow["purpose"], subjectType: string, at: string): SQL {
  return and(
    tokenWhere(token, purpose, subjectType),
    isNull(verificationTokens.usedAt),
    gt(verificationTokens.expiresAt, at),
  )!;
}
