/**
 * DB-backed sessions. The cookie holds only an opaque random token (signed); the table stores its SHA-256.
 * Logging out deletes the row, so a copied cookie stops working at once. A new session is created at every login
 * (no session fixation).
 */
import { createCookie } from "@remix-run/node";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { transaction } from "../services/kernel.server";
import { db, type Db } from "../db.server";
import { config } from "../config.server";
import { sessions, users } from "../../db/schema";
import { newToken, sha256 } from "./tokens.server";
import { now } from "../utils/clock";
import { builtOnce } from "../utils/sql";

const SESSION_DAYS = 7;

let cookie: ReturnType<typeof createCookie> | undefined;
/** A cookie of ours: signed with the session secret, http-only, same-site, secure over HTTPS, for `maxAge` seconds. */
export function signedCookie(name: string, maxAge: number) {
  const { HTTPS, SESSION_SECRET } = config();
  return createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: HTTPS,
    path: "/",
    secrets: [SESSION_SECRET],
    maxAge,
  });
}

function sessionCookie() {
  cookie ??= signedCookie("mb_session", SESSION_DAYS * 24 * 3600);
  return cookie;
}

export async function createUserSession(userId: number): Promise<string> {
  const token = newToken();
  const expiresAt = new Date(now().getTime() + SESSION_DAYS * 24 * 3600 * 1000).toISOString();
  const d = db();
  transaction((tx) => {
    tx.insert(sessions)
      .values({ idHash: sha256(token), userId, expiresAt })
      .run();
    tx.update(users).set({ lastLoginAt: now().toISOString() }).where(eq(users.id, userId)).run();
    // Housekeeping: expired sessions of anyone go.
    tx.delete(sessions).where(lt(sessions.expiresAt, now().toISOString())).run();
  }, d);
  return sessionCookie().serialize(token);
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 20 ? value : null;
}

/**
 * The hash of the request's session token, worked out once per request: a page asks for its user in the root loader
 * and again in each route's guard, and the signature check and the hash are the same every time. Keyed by the Request
 * object itself, so it lives exactly as long as that request; the session row is still looked up on every call.
 */
const tokenHashes = new WeakMap<Request, Promise<string | null>>();
function tokenHashOf(request: Request): Promise<string | null> {
  let hash = tokenHashes.get(request);
  if (!hash) {
    hash = tokenFrom(request).then((token) => (token ? sha256(token) : null));
    tokenHashes.set(request, hash);
  }
  return hash;
}

export type SessionUser = typeof users.$inferSelect;

/** The session lookup, built once per connection (drizzle's query building cost more than the query itself). */
const sessionLookup = builtOnce((d: Db) =>
  d
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, sql.placeholder("idHash")),
        gt(sessions.expiresAt, sql.placeholder("now")),
        eq(users.active, true),
      ),
    )
    .prepare(),
);

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const idHash = await tokenHashOf(request);
  if (!idHash) return null;
  const row = sessionLookup(db()).get({ idHash, now: now().toISOString() });
  return row?.user ?? null;
}

/** Deletes the session row and returns a Set-Cookie that clears the cookie. */
export async function destroyUserSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token)
    db()
      .delete(sessions)
      .where(eq(sessions.idHash, sha256(token)))
      .run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** Ends every session of a user (password change, deactivation). */
export function destroyAllSessions(userId: number): void {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
}
