/**
 * Municipalities as tenants (admin): partner status with agreement and data-processor-agreement dates, a yearly
 * quota of courses, and the caseworkers who work for each (invited by email to set a password; deactivated, not deleted).
 */
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { courseStarts, municipalities, users, verificationTokens } from "../../db/schema";
import { industryDivisions } from "../domain/industries";
import { db, type Db } from "../db.server";
import { paged } from "../domain/paging";
import { builtOnce, qualified } from "../utils/sql";
import { invalidatePublicPages } from "../public-pages.server";
import { newToken, sha256 } from "../auth/tokens.server";
import { destroyAllSessions } from "../auth/session.server";
import { enqueue } from "../messaging/outbox.server";
import { audit } from "./audit.server";
import { absoluteUrl, fail, ok, transaction, type Actor, type Result } from "./kernel.server";
import { isResetTokenValid, setPasswordWithToken, spendOpenTokens } from "./accounts.server";
import { now, today } from "../utils/clock";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;
export const INVITATION_TEMPLATE = "caseworker_invitation";

/** The municipalities are reference data (the 98 of Denmark): one page holds them all, paged all the same. */
export const MUNICIPALITY_PAGE_SIZE = 100;

/**
 * The municipalities with partner data, number of active caseworkers, and courses started this year (against the
 * quota); partners only when asked. One page and the true total, counted in SQL.
 */
export function listMunicipalities(filter: { partnersOnly?: boolean } = {}, page = 1) {
  const d = db();
  const q = municipalityReads(d);
  const list = filter.partnersOnly ? q.partners : q.all;
  const result = paged(
    page,
    () => list.count.get()?.n ?? 0,
    (limit, offset) => list.rows.all({ limit, offset }),
    MUNICIPALITY_PAGE_SIZE,
  );
  // Courses started this year per municipality, as the triggers keep them (course_starts).
  const started = new Map(q.started.all({ year: today().slice(0, 4) }).map((r) => [r.code, r.n]));
  const partners = filter.partnersOnly ? result.total : (q.partners.count.get()?.n ?? 0);
  return {
    ...result,
    partners,
    rows: result.rows.map((r) => ({ ...r, coursesThisYear: started.get(r.code) ?? 0 })),
  };
}

/** The list's reads, all municipalities or the partners, built once per connection (`builtOnce`). */
const municipalityReads = builtOnce((d: Db) => {
  const caseworkers = sql<number>`(select count(*) from ${users} where ${qualified(users.role)} = 'caseworker' and ${qualified(users.municipalityCode)} = ${qualified(municipalities.code)} and ${qualified(users.active)} = 1)`;
  const listOf = (where: SQL | undefined) => ({
    count: d
      .select({ n: sql<number>`count(*)` })
      .from(municipalities)
      .where(where)
      .prepare(),
    // What the list shows, not the whole row (coordinates and region go to no page): the page carries its data.
    rows: d
      .select({
        code: municipalities.code,
        name: municipalities.name,
        isPartner: municipalities.isPartner,
        partnerSince: municipalities.partnerSince,
        agreementDate: municipalities.agreementDate,
        dpaDate: municipalities.dpaDate,
        yearlyQuota: municipalities.yearlyQuota,
        caseworkers,
      })
      .from(municipalities)
      .where(where)
      .orderBy(asc(municipalities.name), asc(municipalities.code))
      .limit(sql.placeholder("limit"))
      .offset(sql.placeholder("offset"))
      .prepare(),
  });
  return {
    all: listOf(undefined),
    partners: listOf(eq(municipalities.isPartner, true)),
    started: d
      .select({ code: courseStarts.municipalityCode, n: courseStarts.courses })
      .from(courseStarts)
      .where(eq(courseStarts.year, sql.placeholder("year")))
      .prepare(),
  };
});

/** Name and partner status of one municipality (the caseworker's own, for the referral form). */
export function municipalityInfo(code: number) {
  return (
    db()
      .select({ code: municipalities.code, name: municipalities.name, isPartner: municipalities.isPartner })
      .from(municipalities)
      .where(eq(municipalities.code, code))
      .get() ?? null
  );
}

/** DB07 divisions for the industry pickers (the shared vocabulary, app/domain/industries.ts). */
export function divisionOptions() {
  return industryDivisions.map(({ code, section, labelDa, labelEn }) => ({ code, section, labelDa, labelEn }));
}

export function getMunicipality(code: number) {
  const d = db();
  const m = d.select().from(municipalities).where(eq(municipalities.code, code)).get();
  if (!m) return null;
  const staff = d
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(and(eq(users.role, "caseworker"), eq(users.municipalityCode, code)))
    .orderBy(asc(users.name))
    .all();
  return { municipality: m, caseworkers: staff.map((s) => ({ ...s, hasPassword: !!s.hasPassword })) };
}

export type PartnerInput = {
  isPartner: boolean;
  partnerSince?: string;
  agreementDate?: string;
  dpaDate?: string;
  yearlyQuota?: number;
};

export function updatePartner(code: number, input: PartnerInput, actor: Actor): boolean {
  const ok = transaction((tx) => {
    const before = tx.select().from(municipalities).where(eq(municipalities.code, code)).get();
    if (!before) return false;
    tx.update(municipalities)
      .set({
        isPartner: input.isPartner,
        partnerSince: input.partnerSince ?? (input.isPartner ? (before.partnerSince ?? today()) : before.partnerSince),
        agreementDate: input.agreementDate ?? null,
        dpaDate: input.dpaDate ?? null,
        yearlyQuota: input.yearlyQuota ?? null,
      })
      .where(eq(municipalities.code, code))
      .run();
    audit(
      actor,
      "update",
      "municipality",
      code,
      { fields: ["isPartner", "partnerSince", "agreementDate", "dpaDate", "yearlyQuota"] },
      tx,
    );
    return true;
  });
  // The landing page names the partners.
  if (ok) invalidatePublicPages();
  return ok;
}

/**
 * Invites a caseworker: creates the account without a password and emails a link to set one (valid 7 days).
 * Inviting again someone who never set a password sends a fresh link. An email of another user is refused beside its
 * field; null when the municipality does not exist.
 */
export function inviteCaseworker(
  code: number,
  input: { name: string; email: string },
  actor: Actor,
): Result<{ userId: number }> | null {
  const d = db();
  const muni = d.select().from(municipalities).where(eq(municipalities.code, code)).get();
  if (!muni) return null;
  const existing = d.select().from(users).where(eq(users.email, input.email)).get();
  if (existing && !(existing.role === "caseworker" && existing.municipalityCode === code && !existing.passwordHash)) {
    return fail("municipalities.edit.emailTaken", "email");
  }
  const token = newToken();
  const userId = transaction((tx) => {
    const u = existing
      ? tx.update(users).set({ name: input.name, active: true }).where(eq(users.id, existing.id)).returning().get()
      : tx
          .insert(users)
          .values({
            email: input.email,
            name: input.name,
            role: "caseworker",
            municipalityCode: code,
            passwordHash: null,
          })
          .returning()
          .get();
    // A fresh invitation replaces the earlier ones: only the newest link sets the password.
    spendOpenTokens(tx, u.id, ["invitation"]);
    tx.insert(verificationTokens)
      .values({
        purpose: "invitation",
        tokenHash: sha256(token),
        subjectType: "user",
        subjectId: u.id,
        email: input.email,
        expiresAt: new Date(now().getTime() + INVITATION_TTL_MS).toISOString(),
      })
      .run();
    enqueue(
      {
        channel: "email",
        recipient: input.email,
        template: INVITATION_TEMPLATE,
        locale: u.locale,
        data: { name: u.name, municipality: muni.name, url: absoluteUrl(`/invitation/${token}`) },
        subjectType: "user",
        subjectId: u.id,
      },
      tx,
    );
    audit(actor, existing ? "update" : "create", "user", u.id, { invitation: true, municipalityCode: code }, tx);
    return u.id;
  }, d);
  return ok({ userId });
}

/** Deactivates (or reactivates) a caseworker of this municipality; a deactivated user is signed out everywhere. */
export function setCaseworkerActive(code: number, userId: number, active: boolean, actor: Actor): boolean {
  const changed = transaction((tx) => {
    const n = tx
      .update(users)
      .set({ active })
      .where(and(eq(users.id, userId), eq(users.role, "caseworker"), eq(users.municipalityCode, code)))
      .run().changes;
    if (n === 1) audit(actor, "update", "user", userId, { active }, tx);
    return n === 1;
  });
  if (changed && !active) destroyAllSessions(userId);
  return changed;
}

/** The invitation behind a link, if it is still valid (for the page's greeting). */
export function invitationFor(token: string) {
  if (!isResetTokenValid(token, "invitation")) return null;
  const row = db()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      municipality: municipalities.name,
    })
    .from(verificationTokens)
    .innerJoin(users, eq(users.id, verificationTokens.subjectId))
    .leftJoin(municipalities, eq(municipalities.code, users.municipalityCode))
    .where(eq(verificationTokens.tokenHash, sha256(token)))
    .get();
  return row && row.active ? row : null;
}

/** Sets the invited user's password (a caseworker, or an admin from `npm run admin:create`); the token is used once. */
export async function acceptInvitation(token: string, password: string): Promise<number | null> {
  const invited = invitationFor(token);
  if (!invited) return null;
  const set = await setPasswordWithToken(token, password, "invitation");
  if (!set.ok) return null;
  audit({ id: set.value, role: invited.role }, "update", "user", set.value, { invitationAccepted: true });
  return set.value;
}
