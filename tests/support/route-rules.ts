/**
 * Who may open what: one rule per URL pattern. The role × route matrix test (tests/e2e/access-matrix.spec.ts) turns
 * every file in app/routes into a URL and checks it against these rules, so a route without a rule fails the test.
 * `public`: anyone; otherwise the roles allowed (anonymous users are sent to /login, other roles get 403), read from the
 * permission table (app/auth/permissions.ts) that the guards read too: the permission each area asks for at its door.
 * Each route's guard names its own permission (what it does: `export:report:any`, `update:mentor:own`);
 * tests/unit/route-conventions.test.ts checks that it lets in exactly the roles of the route's rule here.
 */
import { areaPermissions, rolesWith } from "../../app/auth/permissions";

export type Who = "anonymous" | "admin" | "coordinator" | "caseworker" | "mentor";
export type Rule = { pattern: RegExp; allow: "public" | "signed-in" | Exclude<Who, "anonymous">[]; skip?: string };

export const routeRules: Rule[] = [
  { pattern: /^\/$/, allow: "public" },
  { pattern: /^\/(login|logout|sprog|glemt-adgangskode)(\/.*)?$/, allow: "public" },
  { pattern: /^\/nulstil-adgangskode\//, allow: "public" },
  { pattern: /^\/healthz$/, allow: "public" },
  { pattern: /^\/(privatliv|tilgaengelighed)$/, allow: "public" },
  { pattern: /^\/bliv-mentor(\/.*)?$/, allow: "public" },
  { pattern: /^\/invitation\//, allow: "public" },
  { pattern: /^\/(s|afmeld|survey)\//, allow: "public" },
  // The citizen's own page (issue 21): public, but the token decides everything (an unknown one is a 404).
  { pattern: /^\/mig\//, allow: "public" },
  { pattern: /^\/webhooks\//, allow: "public" },
  { pattern: /^\/__test\//, allow: "public" },
  { pattern: /^\/\*$/, allow: "public" },
  { pattern: /^\/start$/, allow: "signed-in" },
  { pattern: /^\/admin\/outbox(\/.*)?$/, allow: rolesWith(areaPermissions.outbox) },
  { pattern: /^\/admin(\/.*)?$/, allow: rolesWith(areaPermissions.admin) },
  // Includes the report exports made as jobs (issue 17: /koordinator/rapporter/eksporter/:id and its /fil, and the
  // caseworker's /kommune/rapport/eksporter/:id): the role's rule, then only the requester (others get a 404).
  { pattern: /^\/koordinator(\/.*)?$/, allow: rolesWith(areaPermissions.coordinator) },
  { pattern: /^\/kommune(\/.*)?$/, allow: rolesWith(areaPermissions.caseworker) },
  // Includes a mentor's match request (issue 19: /mentor/forespoergsel/:id, only the mentor asked; others get a 404).
  { pattern: /^\/mentor\/forespoergsel\//, allow: rolesWith(areaPermissions.matchRequest) },
  { pattern: /^\/mentor(\/.*)?$/, allow: rolesWith(areaPermissions.mentor) },
  { pattern: /^\/persondata\//, allow: rolesWith(areaPermissions.personalData) },
  { pattern: /^\/(virksomheder|opslag|placeringer)(\/.*)?$/, allow: rolesWith(areaPermissions.companySide) },
  { pattern: /^\/borgere\//, allow: rolesWith(areaPermissions.citizen) },
  { pattern: /^\/konto\//, allow: rolesWith(areaPermissions.secondFactor) },
];

/** `app/routes` file name (flat routes) → a URL with sample params. */
export function routeFileToPath(file: string): string {
  const base = file.replace(/\.(tsx|ts|jsx|js)$/, "");
  const segments = base.split(".").filter((s) => (s !== "_index" && !s.startsWith("_")) || s.startsWith("__"));
  const path = segments
    .map((s) => {
      const clean = s.replace(/^\[(.*)\]$/, "$1").replace(/_$/, "");
      if (clean === "$") return "*";
      if (clean.startsWith("$")) return clean === "$type" ? "mentee" : "1";
      return clean;
    })
    .join("/");
  return `/${path}`.replace(/\/+$/, "") || "/";
}

export function ruleFor(path: string): Rule | undefined {
  return routeRules.find((r) => r.pattern.test(path));
}
