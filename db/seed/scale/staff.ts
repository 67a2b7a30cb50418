/** The scale seed's staff: the demo admin and coordinators, and caseworkers per partner by its share of the volume. */
import { eq } from "drizzle-orm";
import { municipalities } from "../../schema";
import { DANISH_FIRST, DANISH_LAST, pick } from "../../factories";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_DOMAIN, DEMO_USERS } from "../demo-accounts";
import type { Role } from "../../../app/domain/enums";
import { MUNICIPALITY_WEIGHTS, at } from "./plan";
import { type Actor, type ScaleCtx } from "./context";

/** Staff accounts; `coordinator()` and `caseworkerOf(code)` pick who acts. */
export function seedStaff(s: ScaleCtx) {
  const { d, N, rng, progStart, passwordHash, partners, shares, progress, finish, put, bump, tx } = s;

  /* ---------------------------------------------------------------- staff */
  const coordinators: Actor[] = [];
  const caseworkers = new Map<number, Actor[]>();
  let admin!: Actor;
  tx(() => {
    // The partners' history starts with the data set's.
    d.update(municipalities)
      .set({ partnerSince: progStart, agreementDate: progStart, dpaDate: progStart })
      .where(eq(municipalities.isPartner, true))
      .run();
    const person = (i: number) =>
      `${DANISH_FIRST[i % DANISH_FIRST.length]} ${DANISH_LAST[(i * 7) % DANISH_LAST.length]}`;
    const staff = (email: string, name: string, role: Role, municipalityCode: number | null = null): Actor => {
      // Admins must have a second factor (issue 15): the demo admin's published one, as in the demo.
      const totpSecret = email === DEMO_USERS.admin ? DEMO_ADMIN_TOTP_SECRET : null;
      const id = put.user({
        email,
        name,
        role,
        municipalityCode,
        passwordHash,
        totpSecret,
        emailVerifiedAt: at(progStart),
        createdAt: at(progStart),
        updatedAt: at(progStart),
      });
      bump("users");
      return { id, role };
    };
    admin = staff(DEMO_USERS.admin, "Astrid Admin", "admin");
    coordinators.push(staff(DEMO_USERS.coordinator, "Katrine Koordinator", "coordinator"));
    coordinators.push(staff(`koordinator2@${DEMO_DOMAIN}`, "Ali Koordinator", "coordinator"));
    for (let i = 3; i <= 2 + Math.floor(N / 25_000); i++)
      coordinators.push(staff(`koordinator${i}@${DEMO_DOMAIN}`, person(i), "coordinator"));
    const total = shares.reduce((s, [, w]) => s + w, 0);
    partners.forEach((p, k) => {
      const email =
        p.code === 751
          ? DEMO_USERS.caseworker
          : p.code === 621
            ? DEMO_USERS.caseworker2
            : `sagsbehandler.${p.code}@${DEMO_DOMAIN}`;
      const list = [staff(email, person(k + 20), "caseworker", p.code)];
      const extra = Math.round((N * (MUNICIPALITY_WEIGHTS[p.code] ?? 2)) / total / 4000) - 1;
      for (let i = 2; i <= 1 + extra; i++)
        list.push(staff(`sagsbehandler.${p.code}.${i}@${DEMO_DOMAIN}`, person(k * 5 + i + 40), "caseworker", p.code));
      caseworkers.set(p.code, list);
    });
  });
  progress("setup", 1, 1);
  finish("setup");
  const coordinator = () => pick(rng, coordinators);
  const caseworkerOf = (code: number) => {
    const l = caseworkers.get(code);
    return l ? pick(rng, l) : null;
  };
  return { admin, coordinators, caseworkers, coordinator, caseworkerOf };
}

export type Staff = ReturnType<typeof seedStaff>;
