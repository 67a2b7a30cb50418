/**
 * A mentor's tips from their network: a company (new ones wait for staff to verify them), perhaps a contact, the
 * mentor's own employer, and an opening they heard of ("proposed" until staff confirm it); and the tips they gave.
 */
import { desc, eq } from "drizzle-orm";
import { companies, companyContacts, mentors, openings } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { companyByCvr, companyValues, companyVerified, contactValues, type CompanyFields } from "./companies.server";
import { mentorOfUser } from "./match-request-reads.server";
import { withOpeningJoins } from "./openings.server";
import { transaction } from "./kernel.server";
import { mustChangeStatus } from "./status.server";
import type { OpeningType } from "../domain/enums";

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
  return transaction((t) => {
    const mentor = mentorOfUser(t, userId);
    if (!mentor) return null;
    const actor = { id: userId, role: "mentor" };
    const known = companyByCvr(tip.cvr, t);
    const companyId =
      known?.id ??
      t
        .insert(companies)
        .values({ ...companyValues(tip), suggestedByMentorId: mentor.id, createdBy: userId })
        .returning({ id: companies.id })
        .get().id;
    if (!known) audit(actor, "create", "company", companyId, { suggestedByMentorId: mentor.id }, t);
    if (tip.contactName) {
      const contact = {
        name: tip.contactName,
        role: tip.contactRole,
        phone: tip.contactPhone,
        email: tip.contactEmail,
      };
      t.insert(companyContacts).values(contactValues(companyId, contact)).run();
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
      mustChangeStatus(t, {
        entity: "opening",
        id: openingId,
        from: null,
        to: "proposed",
        actor,
        reason: "mentor_tip",
        audit: false,
      });
      audit(actor, "create", "opening", openingId, { companyId, suggestedByMentorId: mentor.id }, t);
    }
    return { companyId, known: !!known, openingId };
  }, d);
}

/** The tips a mentor has given: the companies they registered and the openings they heard of, newest first. */
export function mentorTips(userId: number, d: Db = db()) {
  const mentor = d
    .select({ id: mentors.id, employer: companies.name })
    .from(mentors)
    .leftJoin(companies, eq(companies.id, mentors.companyId))
    .where(eq(mentors.userId, userId))
    .get();
  if (!mentor) return null;
  const tipOpenings = withOpeningJoins(
    d
      .select({
        id: openings.id,
        type: openings.type,
        occupation: openings.occupation,
        status: openings.status,
        companyName: companies.name,
        createdAt: openings.createdAt,
      })
      .from(openings)
      .$dynamic(),
  )
    .where(eq(openings.suggestedByMentorId, mentor.id))
    .orderBy(desc(openings.id))
    .limit(50)
    .all();
  const tipCompanies = d
    .select({ id: companies.id, name: companies.name, verified: companyVerified })
    .from(companies)
    .where(eq(companies.suggestedByMentorId, mentor.id))
    .orderBy(desc(companies.id))
    .limit(50)
    .all();
  return { openings: tipOpenings, companies: tipCompanies, employer: mentor.employer };
}
