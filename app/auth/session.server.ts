/**
 * DB-backed sessions. The cookie holds only an opaque random token (signed); the table stores its SHA-256.
 * Logging out deletes the row, so a copied cookie stops working at once. A new session is created at every login
 * (no session fixation).
 */
import { createCookie } from "@remix-run/node";
import { and, eq, gt, lt } from "drizzle-orm";
import { db } from "../db.server";
import { config } from "../config.server";
import { sessions, users } from "../../db/schema";
import { newToken, sha256 } from "./tokens.server";
import { now } from "../utils/clock";

const SESSION_DAYS = 7;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("mb_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().HTTPS,
    path: "/",
    secrets: [config().SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return cookie;
}

export async function createUserSession(userId: number): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now().getTime() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  const d = db();
  d.transaction((tx) => {
    tx.insert(sessions).values({ idHash: sha256(token), userId, expiresAt }).run();
    tx.update(users).set({ lastLoginAt: now().toISOString() }).where(eq(users.id, userId)).run();
    // Housekeeping: expired sessions of anyone go.
    tx.delete(sessions).where(lt(sessions.expiresAt, now().toISOString())).run();
  });
  return sessionCookie().serialize(token);
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

export type SessionUser = typeof users.$inferSelect;

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const row = db()
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, sha256(token)), gt(sessions.expiresAt, now().toISOString()), eq(users.active, true)))
    .get();
  return row?.user ?? null;
}

/** Deletes the session row and returns a Set-Cookie that clears the cookie. */
export async function destroyUserSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) db().delete(sessions).where(eq(sessions.idHash, sha256(token))).run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a user (password change, deactivation). */
export function destroyAllSessions(userId: number): void {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
}
