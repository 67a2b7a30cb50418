/**
 * Companies (virksomheder) and what staff know of them: contacts, notes of contact, the mentors who work there, the
 * openings and the citizens they took. Companies are not personal data of citizens, so every staff role sees every
 * company; the citizens placed there are shown within the caller's scope only (a caseworker sees their own
 * municipality's). Lists page in SQL with the true total.
 */
import { and, asc, count, desc, eq, isNull, or, sql } from "drizzle-orm";
import {
  companies,
  companyContacts,
  companyNotes,
  industries,
  mentees,
  mentors,
  municipalities,
  openings,
  placements,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { roleCan } from "../auth/permissions";
import { audit } from "./audit.server";
import { fail, ok, scopeWhere, transaction, type Actor, type Result, type Scope } from "./kernel.server";
import { openingPage } from "./openings.server";
import { placementPage } from "./placements.server";
import type { CompanyProgramme, CompanySize, Role } from "../domain/enums";
import { nowIso } from "../utils/clock";
import { contains, countJoined, pagedQuery, childRows } from "../utils/sql";

/** The mentors who work at a company (and who suggested it) are shown to, and linked by, those who read mentors. */
const readsMentors = (actor: Actor) => roleCan(actor.role as Role, "read:mentor:any");

export type CompanyFields = {
  name: string;
  cvr: string;
  industryCode: string;
  municipalityCode: number;
  street?: string;
  postcode?: string;
  city?: string;
  size?: CompanySize;
  programmes?: CompanyProgramme[];
};

/* ------------------------------------------------------------------ list */

export type CompanyFilter = {
  q?: string;
  municipality?: number;
  section?: string;
  programme?: CompanyProgramme;
  unverified?: "1";
};

/** A company's industry (the list's filter reads its section). */
const industryJoin = [industries, eq(industries.code, companies.industryCode)] as const;

/** Whether staff have verified the company (a mentor's tip is not, until then). */
export const companyVerified = sql<boolean>`${companies.verifiedAt} is not null`.mapWith(Boolean);

/** Companies, by name (stable: then id), 50 a page, with the true total and each company's open openings. */
export function listCompanies(filter: CompanyFilter, page: number, d: Db = db()) {
  const q = filter.q?.trim();
  const where = and(
    q ? or(contains(companies.name, q), eq(companies.cvr, q.replace(/\s/g, ""))) : undefined,
    filter.municipality ? eq(companies.municipalityCode, filter.municipality) : undefined,
    filter.section ? eq(industries.section, filter.section) : undefined,
    filter.programme
      ? sql`exists (select 1 from json_each(${companies.programmes}) where value = ${filter.programme})`
      : undefined,
    filter.unverified ? isNull(companies.verifiedAt) : undefined,
  );
  const openCount = d
    .select({ companyId: openings.companyId, n: count().as("n") })
    .from(openings)
    .where(eq(openings.status, "open"))
    .groupBy(openings.companyId)
    .as("open_count");
  return pagedQuery(
    page,
    () => countJoined(d, companies, [industryJoin], where),
    d
      .select({
        id: companies.id,
        name: companies.name,
        cvr: companies.cvr,
        municipalityName: municipalities.name,
        industryCode: companies.industryCode,
        verified: companyVerified,
        openOpenings: sql<number>`coalesce(${openCount.n}, 0)`,
      })
      .from(companies)
      .innerJoin(...industryJoin)
      .innerJoin(municipalities, eq(municipalities.code, companies.municipalityCode))
      .leftJoin(openCount, eq(openCount.companyId, companies.id))
      .where(where)
      .orderBy(asc(companies.name), asc(companies.id)),
  );
}

/* ------------------------------------------------------------------ one company */

export const NOTES_SHOWN = 20;
export const OPENINGS_SHOWN = 50;
export const PLACEMENTS_SHOWN = 50;

/**
 * A company with its contacts, latest notes, openings and the placements there (citizens within scope only), and —
 * for coordinators and admins — the mentors who work there. Null when there is no such company.
 */
export function getCompany(scope: Scope, id: number, actor: Actor, d: Db = db()) {
  const company = d
    .select({
      company: companies,
      municipalityName: municipalities.name,
      suggestedBy: sql<string | null>`${mentors.firstName} || ' ' || ${mentors.lastName}`,
    })
    .from(companies)
    .innerJoin(municipalities, eq(municipalities.code, companies.municipalityCode))
    .leftJoin(mentors, eq(mentors.id, companies.suggestedByMentorId))
    .where(eq(companies.id, id))
    .get();
  if (!company) return null;
  const contacts = childRows(d.select().from(companyContacts), companyContacts.companyId, id, [
    asc(companyContacts.id),
  ]);
  const notesTotal = d.select({ n: count() }).from(companyNotes).where(eq(companyNotes.companyId, id)).get()!.n;
  const notes = d
    .select({ id: companyNotes.id, date: companyNotes.date, note: companyNotes.note, byName: users.name })
    .from(companyNotes)
    .leftJoin(users, eq(users.id, companyNotes.createdBy))
    .where(eq(companyNotes.companyId, id))
    .orderBy(desc(companyNotes.date), desc(companyNotes.id))
    .limit(NOTES_SHOWN)
    .all();
  const openingList = openingPage(d, eq(openings.companyId, id), [desc(openings.id)], 1, OPENINGS_SHOWN);
  const placementList = placementPage(
    d,
    and(eq(placements.companyId, id), scopeWhere(scope, mentees.municipalityCode)),
    1,
    PLACEMENTS_SHOWN,
  );
  const linkedMentors = readsMentors(actor)
    ? d
        .select({
          id: mentors.id,
          firstName: mentors.firstName,
          lastName: mentors.lastName,
          jobTitle: mentors.jobTitle,
          status: mentors.status,
        })
        .from(mentors)
        .where(and(eq(mentors.companyId, id), isNull(mentors.anonymisedAt)))
        .orderBy(asc(mentors.lastName), asc(mentors.id))
        .limit(100)
        .all()
    : null;
  return {
    ...company.company,
    municipalityName: company.municipalityName,
    suggestedBy: readsMentors(actor) ? company.suggestedBy : null,
    contacts,
    notes,
    notesTotal,
    openings: openingList.rows,
    openingsTotal: openingList.total,
    placements: placementList.rows,
    placementsTotal: placementList.total,
    mentors: linkedMentors,
  };
}

export function companyExists(id: number, d: Db = db()): boolean {
  return !!d.select({ id: companies.id }).from(companies).where(eq(companies.id, id)).get();
}

export function companyByCvr(cvr: string, d: Db = db()) {
  return (
    d.select({ id: companies.id, name: companies.name }).from(companies).where(eq(companies.cvr, cvr)).get() ?? null
  );
}

/* ------------------------------------------------------------------ changes */

/** A CVR number already registered: the form shows which company has it (`companyByCvr`). */
const cvrTaken = () => fail("companies.form.cvrTaken", "cvr");

export function companyValues(input: CompanyFields) {
  return {
    name: input.name,
    cvr: input.cvr,
    industryCode: input.industryCode,
    municipalityCode: input.municipalityCode,
    street: input.street || null,
    postcode: input.postcode || null,
    city: input.city || null,
    size: input.size ?? null,
    programmes: input.programmes ?? [],
  };
}

/** Registers a company by staff (verified at once). A CVR number already registered is refused with the company it belongs to. */
export function createCompany(input: CompanyFields, actor: Actor, d: Db = db()): Result<{ id: number }> {
  return transaction((t) => {
    if (companyByCvr(input.cvr, t)) return cvrTaken();
    const row = t
      .insert(companies)
      .values({ ...companyValues(input), verifiedAt: nowIso(), createdBy: actor.id })
      .returning({ id: companies.id })
      .get();
    audit(actor, "create", "company", row.id, undefined, t);
    return ok({ id: row.id });
  }, d);
}

/** Edits a company; a CVR number of another company is refused. Null: no such company. */
export function updateCompany(id: number, input: CompanyFields, actor: Actor, d: Db = db()): Result | null {
  return transaction((t) => {
    if (!companyExists(id, t)) return null;
    const existing = companyByCvr(input.cvr, t);
    if (existing && existing.id !== id) return cvrTaken();
    t.update(companies).set(companyValues(input)).where(eq(companies.id, id)).run();
    audit(actor, "update", "company", id, undefined, t);
    return ok();
  }, d);
}

export type ContactFields = { name: string; role?: string; phone?: string; email?: string };

/** A contact person at a company, as stored (a field left empty is null). */
export function contactValues(companyId: number, c: ContactFields) {
  return { companyId, name: c.name, role: c.role || null, phone: c.phone ?? null, email: c.email ?? null };
}

export type CompanyChange =
  | ({ intent: "contact" } & ContactFields)
  | { intent: "remove_contact"; contactId: number }
  | { intent: "note"; date: string; note: string }
  | { intent: "link_mentor"; mentorEmail: string }
  | { intent: "unlink_mentor"; mentorId: number }
  | { intent: "verify" };

/** A change that removed or unlinked a row of the company is logged (`log`); one that found no such row is refused. */
function touched(changes: number, notFound: string, log: () => void): Result {
  if (!changes) return fail(notFound);
  log();
  return ok();
}

/** One change on the company page, in one transaction with its access-log entry. Mentor links are for coordinators and admins. */
export function changeCompany(id: number, change: CompanyChange, actor: Actor, d: Db = db()): Result | null {
  return transaction((t) => {
    if (!companyExists(id, t)) return null;
    switch (change.intent) {
      case "contact": {
        const n = t.select({ n: count() }).from(companyContacts).where(eq(companyContacts.companyId, id)).get()!.n;
        if (n >= 100) return fail("companies.errors.tooManyContacts");
        const row = t
          .insert(companyContacts)
          .values(contactValues(id, change))
          .returning({ id: companyContacts.id })
          .get();
        audit(actor, "create", "company_contact", row.id, { companyId: id }, t);
        return ok();
      }
      case "remove_contact": {
        const r = t
          .delete(companyContacts)
          .where(and(eq(companyContacts.id, change.contactId), eq(companyContacts.companyId, id)))
          .run();
        return touched(r.changes, "companies.errors.contactNotFound", () =>
          audit(actor, "delete", "company_contact", change.contactId, { companyId: id }, t),
        );
      }
      case "note": {
        const row = t
          .insert(companyNotes)
          .values({ companyId: id, date: change.date, note: change.note, createdBy: actor.id })
          .returning({ id: companyNotes.id })
          .get();
        audit(actor, "create", "company_note", row.id, { companyId: id }, t);
        return ok();
      }
      case "link_mentor": {
        if (!readsMentors(actor)) return fail("companies.errors.notAllowed");
        const m = t
          .select({ id: mentors.id })
          .from(mentors)
          .where(and(eq(mentors.email, change.mentorEmail), isNull(mentors.anonymisedAt)))
          .get();
        if (!m) return fail("companies.errors.mentorNotFound", "mentorEmail");
        t.update(mentors).set({ companyId: id }).where(eq(mentors.id, m.id)).run();
        audit(actor, "update", "mentor", m.id, { companyId: id }, t);
        return ok();
      }
      case "unlink_mentor": {
        if (!readsMentors(actor)) return fail("companies.errors.notAllowed");
        const r = t
          .update(mentors)
          .set({ companyId: null })
          .where(and(eq(mentors.id, change.mentorId), eq(mentors.companyId, id)))
          .run();
        return touched(r.changes, "companies.errors.mentorNotFound", () =>
          audit(actor, "update", "mentor", change.mentorId, { companyId: null }, t),
        );
      }
      case "verify": {
        t.update(companies)
          .set({ verifiedAt: nowIso() })
          .where(and(eq(companies.id, id), isNull(companies.verifiedAt)))
          .run();
        audit(actor, "update", "company", id, { verified: true }, t);
        return ok();
      }
    }
  }, d);
}

/** The company's page data for the edit form. */
export function companyForEdit(id: number, d: Db = db()) {
  return d.select().from(companies).where(eq(companies.id, id)).get() ?? null;
}
