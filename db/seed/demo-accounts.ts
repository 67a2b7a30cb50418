/**
 * The demo's logins: the published password, the five demo e-mails, the admin's second factor, and the staff (an
 * admin, two coordinators, a caseworker per partner municipality). Imported by the browser tests and scripts, so it
 * stays free of the seed's use cases.
 */
import { inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";
import { insertUser } from "../factories";

export const DEMO_PASSWORD = "Mentorbro-demo-2026";
export const DEMO_DOMAIN = "demo.mentorbro.dk";
export const DEMO_USERS = {
  admin: `admin@${DEMO_DOMAIN}`,
  coordinator: `koordinator@${DEMO_DOMAIN}`,
  caseworker: `sagsbehandler.aarhus@${DEMO_DOMAIN}`,
  caseworker2: `sagsbehandler.kolding@${DEMO_DOMAIN}`,
  mentor: `mentor@${DEMO_DOMAIN}`,
} as const;

/**
 * The demo admin's TOTP secret (admins must have a second factor). Published like the password: add it to an
 * authenticator app, or let `npm run demo:code` print the current code. Browser tests compute the code from it.
 */
export const DEMO_ADMIN_TOTP_SECRET = "MENTORBRODEMOADMINTOTPSECRET2345";

export function isDatabaseEmpty(d: Db): boolean {
  return (
    d
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .get()!.n === 0
  );
}

/** The demo logins to print at start, if this is a demo database (the admin's with its TOTP secret). */
export function demoLogins(d: Db): { role: string; email: string; password: string; totpSecret: string | null }[] {
  const order = Object.values(DEMO_USERS) as string[];
  // The five demo e-mails, looked up by the unique index (a LIKE on the domain would read every user).
  const rows = d
    .select({ email: users.email, role: users.role, totpSecret: users.totpSecret })
    .from(users)
    .where(inArray(users.email, order))
    .all();
  return rows
    .sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email))
    .map((r) => ({
      role: r.role,
      email: r.email,
      password: DEMO_PASSWORD,
      totpSecret: r.totpSecret === DEMO_ADMIN_TOTP_SECRET ? r.totpSecret : null,
    }));
}

const CASEWORKER_NAMES = [
  "Karen Holm",
  "Bo Lauridsen",
  "Signe Bach",
  "Ole Dahl",
  "Lene Kjær",
  "Jonas Friis",
  "Marianne Lund",
  "Allan Vestergaard",
  "Trine Bisgaard",
  "Nikolaj Krogh",
  "Sanne Mikkelsen",
  "Claus Iversen",
  "Dorthe Juhl",
];

/** The staff: the admin, two coordinators and one caseworker per partner municipality (by municipality code). */
export function seedStaff(t: Db, passwordHash: string, partnerCodes: number[]) {
  const admin = insertUser(t, {
    email: DEMO_USERS.admin,
    name: "Astrid Admin",
    role: "admin",
    passwordHash,
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  });
  const coord = insertUser(t, {
    email: DEMO_USERS.coordinator,
    name: "Katrine Koordinator",
    role: "coordinator",
    passwordHash,
  });
  insertUser(t, { email: `koordinator2@${DEMO_DOMAIN}`, name: "Ali Koordinator", role: "coordinator", passwordHash });
  const caseworkers = new Map<number, number>();
  partnerCodes.forEach((code, i) => {
    const email =
      code === 751
        ? DEMO_USERS.caseworker
        : code === 621
          ? DEMO_USERS.caseworker2
          : `sagsbehandler.${code}@${DEMO_DOMAIN}`;
    const u = insertUser(t, {
      email,
      name: CASEWORKER_NAMES[i % CASEWORKER_NAMES.length],
      role: "caseworker",
      municipalityCode: code,
      passwordHash,
    });
    caseworkers.set(code, u.id);
  });
  return { admin, coord, caseworkers };
}
