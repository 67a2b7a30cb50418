/**
 * The guards that read the permission table (app/auth/permissions.ts). Like the other guards they throw: a redirect
 * to /login for anonymous users, a 403 for a user whose role lacks the permission.
 */
import { can, type Permission } from "./permissions";
import { forbidden, requireUser, scopeOf } from "./guards.server";
import type { SessionUser } from "./session.server";

export { can, type Permission } from "./permissions";

export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, permission)) throw forbidden();
  return user;
}

/** For staff pages about citizens: the user, if they have `permission`, and the scope of their reading of citizens. */
export async function requireScopedPermission(request: Request, permission: Permission) {
  const user = await requirePermission(request, permission);
  return { user, scope: scopeOf(user) };
}

/**
 * A caseworker and their municipality: the scope every query of theirs takes. Anyone else, or a caseworker without a
 * municipality, gets a 403.
 */
export async function requireCaseworker(request: Request) {
  const user = await requirePermission(request, "refer:mentee:own-municipality");
  const municipalityCode = user.municipalityCode;
  if (municipalityCode == null) throw forbidden();
  return { user, municipalityCode, scope: { kind: "municipality" as const, code: municipalityCode } };
}
