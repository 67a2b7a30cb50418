/**
 * Companies (virksomheder) and what staff know of them: contacts, notes of contact, the mentors who work there, the
 * openings and the citizens they took. Companies are not personal data of citizens, so every staff role sees every
 * company; the citizens placed there are shown within the caller's scope only (a caseworker sees their own
 * municipality's). Lists page in SQL with the true total.
 */
import { and, asc, count, desc, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
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
  statusChanges,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import { audit } from "./audit.server";
import { paged, type Page } from "../domain/paging";
import type { CompanyProgramme, CompanySize, OpeningType } from "../domain/enums";
import { nowIso } from "../utils/clock";

type Actor = { id: number; role: string };

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

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** A case-insensitive "contains" (LIKE with the user's % and _ taken literally). */
export function contains(column: Parameters<typeof like>[0], q: string): SQL {
  return sql`${column} like ${`%${escapeLike(q)}%`} escape '\\'`;
}

/* ------------------------------------------------------------------ list */

export type CompanyFilter = {
  q?: string;
  municipality?: number;
  section?: string;
  programme?: CompanyProgramme;
  unverified?: "1";
};

/** Companies, by name (stable: then id), 50 a page, with the true total and each company's open openings. */
export function listCompanies(
  filter: CompanyFilter,
  page: number,
  d: Db = db(),
): Page<{
  id: number;
  name: string;
  cvr: string;
  municipalityName: string;
  industryCode: string;
  verified: boolean;
  openOpenings: number;
}> {
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
  const total = () =>
    d
      .select({ n: count() })
      .from(companies)
      .innerJoin(industries, eq(industries.code, companies.industryCode))
      .where(where)
      .get()!.n;
  const openCount = d
    .select({ companyId: openings.companyId, n: count().as("n") })
    .from(openings)
    .where(eq(openings.status, "open"))
    .groupBy(openings.companyId)
    .as("open_count");
  return paged(page, total, (limit, offset) =>
    d
      .select({
        id: companies.id,
        name: companies.name,
        cvr: companies.cvr,
        municipalityName: municipalities.name,
        industryCode: companies.industryCode,
        verifiedAt: companies.verifiedAt,
        openOpenings: sql<number>`coalesce(${openCount.n}, 0)`,
      })
      .from(companies)
      .innerJoin(industries, eq(industries.code, companies.industryCode))
      .innerJoin(municipalities, eq(municipalities.code, companies.municipalityCode))
      .leftJoin(openCount, eq(openCount.companyId, companies.id))
      .where(where)
      .orderBy(asc(companies.name), asc(companies.id))
      .limit(limit)
      .offset(offset)
      .all()
      .map(({ verifiedAt, ...r }) => ({ ...r, verified: !!verifiedAt })),
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
export function getCompany(scope: Scope, id: number, d: Db = db()) {
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
  const contacts = d
    .select()
    .from(companyContacts)
    .where(eq(companyContacts.companyId, id))
    .orderBy(asc(companyContacts.id))
    .limit(100)
    .all();
  const notesTotal = d.select({ n: count() }).from(companyNotes).where(eq(companyNotes.companyId, id)).get()!.n;
  const notes = d
    .select({ id: companyNotes.id, date: companyNotes.date, note: companyNotes.note, byName: users.name })
    .from(companyNotes)
    .leftJoin(users, eq(users.id, companyNotes.createdBy))
    .where(eq(companyNotes.companyId, id))
    .orderBy(desc(companyNotes.date), desc(companyNotes.id))
    .limit(NOTES_SHOWN)
    .all();
  const openingsTotal = d.select({ n: count() }).from(openings).where(eq(openings.companyId, id)).get()!.n;
  const openingRows = d
    .select({
      id: openings.id,
      type: openings.type,
      occupation: openings.occupation,
      status: openings.status,
      places: openings.places,
      startDate: openings.startDate,
      deadline: openings.deadline,
      municipalityName: municipalities.name,
    })
    .from(openings)
    .innerJoin(municipalities, eq(municipalities.code, openings.municipalityCode))
    .where(eq(openings.companyId, id))
    .orderBy(desc(openings.id))
    .limit(OPENINGS_SHOWN)
    .all();
  const placementScope = and(
    eq(placements.companyId, id),
    scope.kind === "municipality" ? eq(mentees.municipalityCode, scope.code) : undefined,
  );
  const placementsTotal = d
    .select({ n: count() })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(placementScope)
    .get()!.n;
  const placementRows = d
    .select({
      id: placements.id,
      type: placements.type,
      status: placements.status,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      outcomeType: placements.outcomeType,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
    })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(placementScope)
    .orderBy(desc(placements.startDate), desc(placements.id))
    .limit(PLACEMENTS_SHOWN)
    .all();
  const linkedMentors =
    scope.kind === "all"
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
    suggestedBy: scope.kind === "all" ? company.suggestedBy : null,
    contacts,
    notes,
    notesTotal,
    openings: openingRows,
    openingsTotal,
    placements: placementRows,
    placementsTotal,
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

export type CompanyResult =
  | { ok: true; id: number }
  | { ok: false; reason: "cvr_taken"; existing: { id: number; name: string } }
  | { ok: false; reason: "not_found" };

function values(input: CompanyFields) {
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
export function createCompany(input: CompanyFields, actor: Actor, d: Db = db()): CompanyResult {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const existing = companyByCvr(input.cvr, t);
      if (existing) return { ok: false as const, reason: "cvr_taken" as const, existing };
      const row = t
        .insert(companies)
        .values({ ...values(input), verifiedAt: nowIso(), createdBy: actor.id })
        .returning({ id: companies.id })
        .get();
      audit(actor, "create", "company", row.id, undefined, t);
      return { ok: true as const, id: row.id };
    },
    { behavior: "immediate" },
  );
}

export function updateCompany(id: number, input: CompanyFields, actor: Actor, d: Db = db()): CompanyResult {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      if (!companyExists(id, t)) return { ok: false as const, reason: "not_found" as const };
      const existing = companyByCvr(input.cvr, t);
      if (existing && existing.id !== id) return { ok: false as const, reason: "cvr_taken" as const, existing };
      t.update(companies).set(values(input)).where(eq(companies.id, id)).run();
      audit(actor, "update", "company", id, undefined, t);
      return { ok: true as const, id };
    },
    { behavior: "immediate" },
  );
}

export type CompanyChange =
  | { intent: "contact"; name: string; role?: string; phone?: string; email?: string }
  | { intent: "remove_contact"; contactId: number }
  | { intent: "note"; date: string; note: string }
  | { intent: "link_mentor"; mentorEmail: string }
  | { intent: "unlink_mentor"; mentorId: number }
  | { intent: "verify" };

export type ChangeResult = { ok: true } | { ok: false; message: string; field?: string };

/** One change on the company page, in one transaction with its access-log entry. Mentor links are for coordinators and admins. */
export function changeCompany(
  scope: Scope,
  id: number,
  change: CompanyChange,
  actor: Actor,
  d: Db = db(),
): ChangeResult | null {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      if (!companyExists(id, t)) return null;
      switch (change.intent) {
        case "contact": {
          const n = t.select({ n: count() }).from(companyContacts).where(eq(companyContacts.companyId, id)).get()!.n;
          if (n >= 100) return { ok: false, message: "companies.errors.tooManyContacts" };
          const row = t
            .insert(companyContacts)
            .values({
              companyId: id,
              name: change.name,
              role: change.role || null,
              phone: change.phone ?? null,
              email: change.email ?? null,
            })
            .returning({ id: companyContacts.id })
            .get();
          audit(actor, "create", "company_contact", row.id, { companyId: id }, t);
          return { ok: true };
        }
        case "remove_contact": {
          const r = t
            .delete(companyContacts)
            .where(and(eq(companyContacts.id, change.contactId), eq(companyContacts.companyId, id)))
            .run();
          if (!r.changes) return { ok: false, message: "companies.errors.contactNotFound" };
          audit(actor, "delete", "company_contact", change.contactId, { companyId: id }, t);
          return { ok: true };
        }
        case "note": {
          const row = t
            .insert(companyNotes)
            .values({ companyId: id, date: change.date, note: change.note, createdBy: actor.id })
            .returning({ id: companyNotes.id })
            .get();
          audit(actor, "create", "company_note", row.id, { companyId: id }, t);
          return { ok: true };
        }
        case "link_mentor": {
          if (scope.kind !== "all") return { ok: false, message: "companies.errors.notAllowed" };
          const m = t
            .select({ id: mentors.id })
            .from(mentors)
            .where(and(eq(mentors.email, change.mentorEmail), isNull(mentors.anonymisedAt)))
            .get();
          if (!m) return { ok: false, message: "companies.errors.mentorNotFound", field: "mentorEmail" };
          t.update(mentors).set({ companyId: id }).where(eq(mentors.id, m.id)).run();
          audit(actor, "update", "mentor", m.id, { companyId: id }, t);
          return { ok: true };
        }
        case "unlink_mentor": {
          if (scope.kind !== "all") return { ok: false, message: "companies.errors.notAllowed" };
          const r = t
            .update(mentors)
            .set({ companyId: null })
            .where(and(eq(mentors.id, change.mentorId), eq(mentors.companyId, id)))
            .run();
          if (!r.changes) return { ok: false, message: "companies.errors.mentorNotFound" };
          audit(actor, "update", "mentor", change.mentorId, { companyId: null }, t);
          return { ok: true };
        }
        case "verify": {
          t.update(companies)
            .set({ verifiedAt: nowIso() })
            .where(and(eq(companies.id, id), isNull(companies.verifiedAt)))
            .run();
          audit(actor, "update", "company", id, { verified: true }, t);
          return { ok: true };
        }
      }
    },
    { behavior: "immediate" },
  );
}

/** The company's page data for the edit form. */
export function companyForEdit(id: number, d: Db = db()) {
  return d.select().from(companies).where(eq(companies.id, id)).get() ?? null;
}

/* ------------------------------------------------------------------ a mentor's tip */

export type MentorTip = CompanyFields & {
  contactName?: string;
  contactRole?: string;
  contactPhone?: string;
  contactEmail?: string;
  worksHere: boolean;
  withOpening: boolean;
  openingType?: OpeningType;
  openingOccupation?: string;
  openingPlaces?: number;
  openingNote?: string;
};

/**
 * A mentor registers a company from their network (or adds to one already known by its CVR number: the known
 * company's details are left as staff wrote them), perhaps with a contact and an opening they heard of. A new company
 * waits for staff to verify it; the opening is "proposed" until staff confirm it. Null when the user is no mentor.
 */
export function registerMentorTip(
  userId: number,
  tip: MentorTip,
  d: Db = db(),
): { companyId: number; known: boolean; openingId: number | null } | null {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const mentor = t
        .select({ id: mentors.id })
        .from(mentors)
        .where(and(eq(mentors.userId, userId), isNull(mentors.anonymisedAt)))
        .get();
      if (!mentor) return null;
      const actor = { id: userId, role: "mentor" };
      const known = companyByCvr(tip.cvr, t);
      const companyId =
        known?.id ??
        t
          .insert(companies)
          .values({ ...values(tip), suggestedByMentorId: mentor.id, createdBy: userId })
          .returning({ id: companies.id })
          .get().id;
      if (!known) audit(actor, "create", "company", companyId, { suggestedByMentorId: mentor.id }, t);
      if (tip.contactName) {
        t.insert(companyContacts)
          .values({
            companyId,
            name: tip.contactName,
            role: tip.contactRole || null,
            phone: tip.contactPhone ?? null,
            email: tip.contactEmail ?? null,
          })
          .run();
      }
      if (tip.worksHere) t.update(mentors).set({ companyId }).where(eq(mentors.id, mentor.id)).run();
      let openingId: number | null = null;
      if (tip.withOpening && tip.openingType && tip.openingOccupation) {
        openingId = t
          .insert(openings)
          .values({
            companyId,
            type: tip.openingType,
            industryCode: tip.industryCode,
            occupation: tip.openingOccupation,
            municipalityCode: tip.municipalityCode,
            places: tip.openingPlaces ?? 1,
            description: tip.openingNote || null,
            status: "proposed",
            suggestedByMentorId: mentor.id,
            createdBy: userId,
          })
          .returning({ id: openings.id })
          .get().id;
        t.insert(statusChanges)
          .values({
            entityType: "opening",
            entityId: openingId,
            toStatus: "proposed",
            byUserId: userId,
            reason: "mentor_tip",
          })
          .run();
        audit(actor, "create", "opening", openingId, { companyId, suggestedByMentorId: mentor.id }, t);
      }
      return { companyId, known: !!known, openingId };
    },
    { behavior: "immediate" },
  );
}

/** The tips a mentor has given: the companies they registered and the openings they heard of, newest first. */
export function mentorTips(userId: number, d: Db = db()) {
  const mentor = d
    .select({ id: mentors.id, companyId: mentors.companyId })
    .from(mentors)
    .where(eq(mentors.userId, userId))
    .get();
  if (!mentor) return null;
  const tipOpenings = d
    .select({
      id: openings.id,
      type: openings.type,
      occupation: openings.occupation,
      status: openings.status,
      companyName: companies.name,
      createdAt: openings.createdAt,
    })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(eq(openings.suggestedByMentorId, mentor.id))
    .orderBy(desc(openings.id))
    .limit(50)
    .all();
  const tipCompanies = d
    .select({ id: companies.id, name: companies.name, verified: sql<number>`${companies.verifiedAt} is not null` })
    .from(companies)
    .where(eq(companies.suggestedByMentorId, mentor.id))
    .orderBy(desc(companies.id))
    .limit(50)
    .all();
  const employer = mentor.companyId
    ? (d.select({ name: companies.name }).from(companies).where(eq(companies.id, mentor.companyId)).get()?.name ?? null)
    : null;
  return { openings: tipOpenings, companies: tipCompanies.map((c) => ({ ...c, verified: !!c.verified })), employer };
}
