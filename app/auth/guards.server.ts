/**
 * The guards every loader and action starts with. They throw: a redirect to /login for anonymous users, a 403 for a
 * missing role. `scopeOf` turns a user into the data scope every staff query takes: a caseworker is bound to one
 * municipality, coordinators and admins see all.
 */
import { redirect } from "@remix-run/node";
import type { Role } from "../domain/enums";
import { getSessionUser, type SessionUser } from "./session.server";
import { mustSetUpSecondFactor, SECOND_FACTOR_SETUP_PATH } from "./mfa.server";

import type { Scope } from "../services/kernel.server";
export type { Scope };

/**
 * The signed-in user, or a redirect to /login. A user who must have a second factor and has none yet (an admin without
 * TOTP) is sent to set it up first, from every page and action; only that page itself passes `setUp: true`.
 */
export async function requireUser(request: Request, opts: { setUp?: boolean } = {}): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  if (!opts.setUp && mustSetUpSecondFactor(user)) throw redirect(SECOND_FACTOR_SETUP_PATH);
  return user;
}

export async function requireRole(request: Request, ...allowed: Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!allowed.includes(user.role)) throw forbidden();
  return user;
}

export function scopeOf(user: SessionUser): Scope {
  if (user.role === "admin" || user.role === "coordinator") return { kind: "all" };
  if (user.role === "caseworker" && user.municipalityCode != null)
    return { kind: "municipality", code: user.municipalityCode };
  throw forbidden();
}

/** For staff pages about mentees: the user and the scope in one call. */
export async function requireStaff(request: Request, ...allowed: ("admin" | "coordinator" | "caseworker")[]) {
  const roles = allowed.length ? allowed : (["admin", "coordinator", "caseworker"] as const);
  const user = await requireRole(request, ...roles);
  return { user, scope: scopeOf(user) };
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}
export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}
export function badRequest(): Response {
  return new Response("Bad Request", { status: 400 });
}

/** Where each role starts. */
export function startPath(role: Role): string {
  switch (role) {
    case "admin":
      return "/admin";
    case "coordinator":
      return "/koordinator";
    case "caseworker":
      return "/kommune";
    case "mentor":
      return "/mentor";
  }
}

/** Only same-site relative paths are followed after login. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
