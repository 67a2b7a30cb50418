/**
 * The guards every loader and action starts with. They throw: a redirect to /login for anonymous users, a 403 for a
 * missing permission (`requirePermission` and the others in permissions.server.ts: routes name permissions, never
 * roles). `scopeOf` turns a user into the data scope every staff query takes: how far their reading of citizens reaches
 * (a caseworker's is their municipality, a coordinator's and an admin's every one).
 */
import { redirect } from "@remix-run/node";
import type { Role } from "../domain/enums";
import { can, reachOf } from "./permissions";
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

/** The citizens a user may read (`read:mentee:*`): every municipality's, or one's; anyone else gets a 403. */
export function scopeOf(user: SessionUser): Scope {
  const reach = reachOf(user, "read:mentee:own-municipality");
  if (reach === "any") return { kind: "all" };
  if (reach === "own-municipality" && user.municipalityCode != null)
    return { kind: "municipality", code: user.municipalityCode };
  throw forbidden();
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

/** Where a member of staff opens a citizen (`id`) or their list: the coordinator's pages, or the caseworker's area. */
export function citizenPath(user: Pick<SessionUser, "role">, id?: number): string {
  const base = can(user, "read:mentee:any") ? "/koordinator/mentees" : "/kommune/borgere";
  return id == null ? base : `${base}/${id}`;
}

/** Only same-site relative paths are followed after login. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
