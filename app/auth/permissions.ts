/**
 * Who may do what, in one table (decision 021). A permission is `action:entity:access`, in the Epic Stack's style:
 * `read:mentee:own-municipality` (a caseworker's citizens), `approve:match:any` (a coordinator's), `log:meeting:own`
 * (a mentor's own course). `any` includes `own-municipality`, which includes `own`: whoever may read every citizen may
 * read those of one municipality.
 *
 * Pure, so the route × role test (tests/support/route-rules.ts) reads the same table the guards
 * (`requirePermission`, `requireCaseworker` in permissions.server.ts) and the services use.
 */
import type { Role } from "../domain/enums";

export const accessLevels = ["own", "own-municipality", "any"] as const;
export type Access = (typeof accessLevels)[number];
export type Permission = `${string}:${string}:${Access}`;

/** What every member of staff who works with citizens may do; `access` is their reach. */
function citizenWork(access: Exclude<Access, "own">) {
  return [
    `read:mentee:${access}`,
    `update:mentee:${access}`,
    `read:competence:${access}`,
    `update:competence:${access}`,
    `read:personal-data:${access}`,
    `export:personal-data:${access}`,
    // Consent and the other answers to a person's request about their data (the erasure itself is coordination's).
    `manage:personal-data:${access}`,
    `read:placement:${access}`,
    `manage:placement:${access}`,
    // The company side is shared: every municipality's companies and openings (decision 012).
    "read:company:any",
    "manage:company:any",
    "read:opening:any",
    "manage:opening:any",
  ] as const satisfies readonly Permission[];
}

const coordination = [
  ...citizenWork("any"),
  "screen:mentor:any",
  "read:mentor:any",
  // A mentor's link to the company they work at, from the company's page.
  "link:mentor:any",
  "approve:match:any",
  "run:matching:any",
  "manage:course:any",
  "call:follow-up:any",
  "read:report:any",
  "export:report:any",
  "read:demand:any",
  "manage:guidance:any",
  "read:outbox:any",
  // Retry a failed message, or confirm that a held one went out.
  "manage:outbox:any",
  "erase:personal-data:any",
  // Messages again to a citizen who opted out and asked to be written to after all.
  "restore:consent:any",
  "manage:second-factor:own",
] as const satisfies readonly Permission[];

/** The one table: role → permissions. */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    ...coordination,
    "manage:municipality:any",
    "manage:user:any",
    "manage:match-weights:any",
    "manage:template:any",
    "manage:retention:any",
    "read:audit-log:any",
    "manage:settings:any",
  ],
  coordinator: coordination,
  caseworker: [
    ...citizenWork("own-municipality"),
    "refer:mentee:own-municipality",
    "withdraw:mentee:own-municipality",
    "read:report:own-municipality",
    "export:report:own-municipality",
  ],
  mentor: [
    "read:mentor:own",
    "update:mentor:own",
    "answer:match-request:own",
    "read:course:own",
    "log:meeting:own",
    "update:goal-plan:own",
    "suggest:company:own",
    "read:guidance:own",
  ],
};

function parse(p: Permission): [string, string, Access] {
  const [action, entity, access] = p.split(":") as [string, string, Access];
  return [action, entity, access];
}

/** May a user with `role` do `permission`? A wider access of the same action and entity also grants it. */
export function roleCan(role: Role, permission: Permission): boolean {
  const [action, entity, access] = parse(permission);
  const need = accessLevels.indexOf(access);
  return rolePermissions[role].some((p) => {
    const [a, e, x] = parse(p);
    return a === action && e === entity && accessLevels.indexOf(x) >= need;
  });
}

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && roleCan(user.role, permission);
}

/**
 * How far `user`'s `permission` reaches: the widest access of its action and entity their role holds, or null if
 * it does not hold even the one asked for. A staff guard turns it into the data scope (`any` → every municipality).
 */
export function reachOf(user: { role: Role } | null | undefined, permission: Permission): Access | null {
  if (!user || !roleCan(user.role, permission)) return null;
  const [action, entity] = parse(permission);
  return [...accessLevels].reverse().find((x) => roleCan(user.role, `${action}:${entity}:${x}`)) ?? null;
}

/** The roles that have `permission`: what the route × role test expects of a route guarded by it. */
export function rolesWith(permission: Permission): Role[] {
  return (Object.keys(rolePermissions) as Role[]).filter((r) => roleCan(r, permission));
}

/**
 * The permission each area of the site asks for at its door: the route × role rules read this, and a unit test
 * (tests/unit/route-conventions.test.ts) checks that each route's own guard lets in exactly the roles of its area.
 */
export const areaPermissions = {
  admin: "manage:settings:any",
  outbox: "read:outbox:any",
  coordinator: "approve:match:any",
  caseworker: "refer:mentee:own-municipality",
  mentor: "log:meeting:own",
  matchRequest: "answer:match-request:own",
  personalData: "read:personal-data:own-municipality",
  companySide: "read:company:any",
  citizen: "read:competence:own-municipality",
  secondFactor: "manage:second-factor:own",
} as const satisfies Record<string, Permission>;
