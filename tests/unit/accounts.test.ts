/**
 * Accounts: the login limits (per address and per account), the bounded rate-limit table, single-use password links
 * (reset, invitation, the first admin's), volunteer verification links, and the admin's forced second factor.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { testDb } from "../support/test-db";
import { fail, ok } from "../../app/services/kernel.server";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as accounts from "../../app/services/accounts.server";
import * as munis from "../../app/services/municipalities.server";
import * as volunteers from "../../app/services/volunteers.server";
import { hit, purgeExpiredLimits } from "../../app/auth/rate-limit.server";
import { hashPassword } from "../../app/auth/password.server";
import { newToken, sha256 } from "../../app/auth/tokens.server";
import { mustSetUpSecondFactor, needsSecondFactor } from "../../app/auth/mfa.server";
import { setClockOffset, getClockOffset } from "../../app/utils/clock";

process.env.APP_URL = "https://mentorbro.example";

const PASSWORD = "en lang og god sætning";
let passwordHash = "";

beforeAll(async () => {
  testDb();
  passwordHash = await hashPassword(PASSWORD);
});

const user = (o: Partial<Parameters<typeof f.insertUser>[1]> = {}) =>
  f.insertUser(db(), { role: "coordinator", passwordHash, ...o });
const rateRows = () =>
  db()
    .select({ n: sql<number>`count(*)` })
    .from(schema.rateLimits)
    .get()!.n;

/** A password link as the services make them, with the raw token kept for the test (the outbox is not read). */
function link(
  userId: number,
  purpose: "password_reset" | "invitation",
  email: string,
  expiresInMs = 3_600_000,
): string {
  const token = newToken();
  db()
    .insert(schema.verificationTokens)
    .values({
      purpose,
      tokenHash: sha256(token),
      subjectType: "user",
      subjectId: userId,
      email,
      expiresAt: new Date(Date.now() + getClockOffset() + expiresInMs).toISOString(),
    })
    .run();
  return token;
}
const isOpen = (token: string) =>
  !!db()
    .select()
    .from(schema.verificationTokens)
    .where(and(eq(schema.verificationTokens.tokenHash, sha256(token)), isNull(schema.verificationTokens.usedAt)))
    .get();

describe("login limits", () => {
  it("limit failures per address: one client cannot try many accounts, and another client is not affected", async () => {
    for (let i = 0; i < accounts.LOGIN_LIMITS.address; i++) {
      expect((await accounts.login(`nobody${i}@example.dk`, "wrong", "198.51.100.1")).ok).toBe(false);
    }
    expect(await accounts.login("nobody-else@example.dk", "wrong", "198.51.100.1")).toEqual(
      fail(accounts.LOGIN_RATE_LIMITED),
    );
    const u = user();
    expect((await accounts.login(u.email, PASSWORD, "198.51.100.2")).ok).toBe(true);
  }, 60_000);

  it("limit one account per address, so an attacker cannot lock the owner out; and per account in all", async () => {
    const u = user();
    for (let i = 0; i < accounts.LOGIN_LIMITS.accountFromAddress; i++) {
      expect(await accounts.login(u.email, "wrong", "203.0.113.9")).toEqual(fail(accounts.LOGIN_INVALID));
    }
    // The attacker's address is now limited for this account, even with the right password...
    expect(await accounts.login(u.email, PASSWORD, "203.0.113.9")).toEqual(fail(accounts.LOGIN_RATE_LIMITED));
    // ...but the owner, elsewhere, still gets in.
    expect((await accounts.login(u.email, PASSWORD, "192.0.2.50")).ok).toBe(true);

    // Many addresses guessing one password are stopped by the account's own limit.
    const v = user();
    let limited = false;
    for (let i = 0; i < accounts.LOGIN_LIMITS.account + 1 && !limited; i++) {
      const r = await accounts.login(v.email, "wrong", `10.1.${Math.floor(i / 200)}.${i % 200}`);
      limited = !r.ok && r.formErrors.includes(accounts.LOGIN_RATE_LIMITED);
    }
    expect(limited).toBe(true);
  }, 60_000);

  it("count only failures: an office behind one address can log in all morning", async () => {
    const u = user();
    for (let i = 0; i < accounts.LOGIN_LIMITS.address + 5; i++) {
      expect((await accounts.login(u.email, PASSWORD, "192.0.2.77")).ok).toBe(true);
    }
  }, 60_000);

  it("share one limit across an IPv6 /64: walking through one's own addresses buys nothing", async () => {
    for (let i = 0; i < accounts.LOGIN_LIMITS.address; i++) {
      await accounts.login(`v6-${i}@example.dk`, "wrong", `2001:db8:7:7::${(i + 1).toString(16)}`);
    }
    expect(await accounts.login("v6-last@example.dk", "wrong", "2001:db8:7:7:ffff::1")).toEqual(
      fail(accounts.LOGIN_RATE_LIMITED),
    );
  }, 60_000);
});

describe("the rate-limit table", () => {
  it("stays bounded: each new window deletes expired rows, without chance", () => {
    const start = rateRows();
    for (let i = 0; i < 300; i++) hit(`bound:a:${i}`, 1, 60_000);
    expect(rateRows()).toBe(start + 300);
    setClockOffset(2 * 60_000);
    try {
      // A second wave of 300 new keys: every expired row of the first wave is gone by the end of it.
      for (let i = 0; i < 300; i++) hit(`bound:b:${i}`, 1, 60_000);
      const expired = db()
        .select({ n: sql<number>`count(*)` })
        .from(schema.rateLimits)
        .where(sql`${schema.rateLimits.key} like 'bound:a:%'`)
        .get()!.n;
      expect(expired).toBe(0);
    } finally {
      setClockOffset(0);
    }
  });
  it("is emptied of expired windows by the daily purge", () => {
    hit("purge:x", 1, 1);
    setClockOffset(10_000);
    try {
      expect(purgeExpiredLimits()).toBeGreaterThanOrEqual(1);
      expect(db().select().from(schema.rateLimits).where(eq(schema.rateLimits.key, "purge:x")).get()).toBeUndefined();
    } finally {
      setClockOffset(0);
    }
  });
});

describe("password links are single-use", () => {
  it("a reset link works once, and spends the user's other open links with it", async () => {
    const u = user({ role: "caseworker", municipalityCode: 751 });
    const first = link(u.id, "password_reset", u.email);
    const second = link(u.id, "password_reset", u.email);
    const invitation = link(u.id, "invitation", u.email);
    expect(await accounts.setPasswordWithToken(first, "et nyt og langt kodeord")).toEqual(ok(u.id));
    expect(await accounts.setPasswordWithToken(first, "endnu et nyt kodeord")).toEqual(fail(accounts.LINK_INVALID));
    expect(isOpen(second)).toBe(false);
    expect(isOpen(invitation)).toBe(false);
    expect(await accounts.setPasswordWithToken(second, "endnu et nyt kodeord")).toEqual(fail(accounts.LINK_INVALID));
    expect(await munis.acceptInvitation(invitation, "endnu et nyt kodeord")).toBeNull();
  });

  it("a new reset request replaces the open one", () => {
    const u = user();
    const old = link(u.id, "password_reset", u.email);
    accounts.requestPasswordReset(u.email, "192.0.2.10");
    expect(isOpen(old)).toBe(false);
    expect(
      db()
        .select()
        .from(schema.verificationTokens)
        .where(
          and(
            eq(schema.verificationTokens.subjectId, u.id),
            eq(schema.verificationTokens.purpose, "password_reset"),
            isNull(schema.verificationTokens.usedAt),
          ),
        )
        .all(),
    ).toHaveLength(1);
  });

  it("an accepted invitation cannot be used again, nor can an earlier one set the password later", async () => {
    const admin = { id: user({ role: "admin" }).id, role: "admin" };
    const r1 = munis.inviteCaseworker(751, { name: "Lene Lund", email: "lene.lund@aarhus.example" }, admin);
    expect(r1?.ok).toBe(true);
    const caseworkerId = r1?.ok ? r1.value.userId : 0;
    const earlier = link(caseworkerId, "invitation", "lene.lund@aarhus.example");
    // Inviting again sends a fresh link and spends the earlier ones.
    expect(munis.inviteCaseworker(751, { name: "Lene Lund", email: "lene.lund@aarhus.example" }, admin)?.ok).toBe(true);
    expect(isOpen(earlier)).toBe(false);
    const latest = link(caseworkerId, "invitation", "lene.lund@aarhus.example");
    expect(await munis.acceptInvitation(latest, "lenes lange kodeord")).toBe(caseworkerId);
    expect(await munis.acceptInvitation(latest, "en andens kodeord!")).toBeNull();
    expect((await accounts.login("lene.lund@aarhus.example", "lenes lange kodeord", "192.0.2.11")).ok).toBe(true);
  });

  it("an expired link opens nothing", async () => {
    const u = user();
    const expired = link(u.id, "password_reset", u.email, -1000);
    expect(accounts.isResetTokenValid(expired)).toBe(false);
    expect(await accounts.setPasswordWithToken(expired, "et nyt og langt kodeord")).toEqual(
      fail(accounts.LINK_INVALID),
    );
  });

  it("a volunteer's verification link creates the account once", async () => {
    const input = {
      firstName: "Vera",
      lastName: "Frivillig",
      email: "vera@example.dk",
      phone: "+4520304050",
      postcode: "8000",
      municipalityCode: 751,
      travelKm: 15,
      employer: undefined,
      jobTitle: "Leder",
      industryCode: "41",
      networkIndustryCodes: [],
      yearsExperience: 5,
      isManager: false,
      languages: [],
      gender: undefined,
      menteeGenderPreference: "none" as const,
      offers: ["cv" as const],
      earliestStart: undefined,
      capacity: 1,
      motivation: "Hjælpe",
      consentData: true,
      consentConfidentiality: true,
      website: undefined,
    };
    expect(volunteers.signUpVolunteer(input, "da", "192.0.2.12")).toEqual(ok());
    const mentor = db().select().from(schema.mentors).where(eq(schema.mentors.email, "vera@example.dk")).get()!;
    const token = newToken();
    db()
      .update(schema.verificationTokens)
      .set({ tokenHash: sha256(token) })
      .where(
        and(
          eq(schema.verificationTokens.subjectType, "mentor"),
          eq(schema.verificationTokens.subjectId, mentor.id),
          isNull(schema.verificationTokens.usedAt),
        ),
      )
      .run();
    const done = await volunteers.completeVerification(token, "veras lange kodeord");
    expect(done.ok && done.value).toBeTypeOf("number");
    expect(await volunteers.completeVerification(token, "en andens kodeord!")).toEqual(fail(volunteers.VERIFY_INVALID));
    expect(volunteers.verificationInfo(token)).toEqual({ valid: false });
  });
});

describe("the first admin (npm run admin:create)", () => {
  it("gets no password, only a one-time link, and must set up a second factor", async () => {
    const made = accounts.createAdminLink({ email: "Chef@Example.org", name: "Chef" });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const r = made.value;
    const created = db().select().from(schema.users).where(eq(schema.users.id, r.userId)).get()!;
    expect(created).toMatchObject({ email: "chef@example.org", role: "admin", passwordHash: null, totpSecret: null });
    expect(r.url).toMatch(/^https:\/\/mentorbro\.example\/invitation\/[A-Za-z0-9_-]{43}$/);
    const token = r.url.split("/").pop()!;
    expect(munis.invitationFor(token)).toMatchObject({ role: "admin", email: "chef@example.org" });
    expect(await munis.acceptInvitation(token, "chefens lange kodeord")).toBe(r.userId);
    expect(await munis.acceptInvitation(token, "en andens kodeord!")).toBeNull();
    const login = await accounts.login("chef@example.org", "chefens lange kodeord", "192.0.2.13");
    expect(login.ok && mustSetUpSecondFactor(login.value)).toBe(true);
    expect(login.ok && needsSecondFactor(login.value)).toBe(false);
    // A second run for the same email refuses; --reset starts the admin over.
    expect(accounts.createAdminLink({ email: "chef@example.org" })).toEqual(fail(accounts.ADMIN_EMAIL_TAKEN));
    db()
      .update(schema.users)
      .set({ totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" })
      .where(eq(schema.users.id, r.userId))
      .run();
    const reset = accounts.createAdminLink({ email: "chef@example.org", reset: true });
    expect(reset.ok && !reset.value.created).toBe(true);
    expect(db().select().from(schema.users).where(eq(schema.users.id, r.userId)).get()).toMatchObject({
      passwordHash: null,
      totpSecret: null,
    });
    expect(accounts.createAdminLink({ email: "nobody@example.org", reset: true })).toEqual(
      fail(accounts.ADMIN_NOT_FOUND),
    );
  });
  it("is the only role that must have a second factor", () => {
    expect(mustSetUpSecondFactor({ role: "admin", totpSecret: null })).toBe(true);
    expect(mustSetUpSecondFactor({ role: "admin", totpSecret: "X" })).toBe(false);
    expect(mustSetUpSecondFactor({ role: "coordinator", totpSecret: null })).toBe(false);
  });
});
