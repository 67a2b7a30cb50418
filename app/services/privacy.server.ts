/**
 * Data protection (decision 021 and docs/privacy.md), the shared part: which person a request names, whether the caller
 * may see them (a caseworker: their own municipality's citizens; mentors only with the whole scope), and the logged
 * summary the data-protection page shows. The acts live beside it: `privacy-export.server.ts` (access on request),
 * `privacy-erasure.server.ts` (erasure), `privacy-consents.server.ts` (consent given and withdrawn) and
 * `retention.server.ts` (the daily retention).
 */
import { and, eq } from "drizzle-orm";
import { consents, mentees, mentors } from "../../db/schema";
import { db, type Db } from "../db.server";
import { notFound } from "../auth/guards.server";
import { audit } from "./audit.server";
import { about } from "./person-records.server";
import { scopedMunicipality, scopeWhere, type AuditActor, type Scope } from "./kernel.server";

export type PersonType = "mentee" | "mentor";

/** Route params → a person reference; anything else is a 404. */
export function parsePerson(params: { type?: string; id?: string }): { type: PersonType; id: number } {
  const id = Number(params.id);
  if ((params.type !== "mentee" && params.type !== "mentor") || !Number.isInteger(id) || id <= 0) throw notFound();
  return { type: params.type, id };
}

export const ANONYMISED = "Anonymiseret";

/** One citizen within the caller's scope, or undefined (another municipality's citizen "does not exist"). */
export function menteeInScope(d: Db, id: number, scope: Scope) {
  return d
    .select()
    .from(mentees)
    .where(and(eq(mentees.id, id), scopeWhere(scope, mentees.municipalityCode)))
    .get();
}

/** Mentors belong to no municipality: only a caller who sees every municipality (not a caseworker) sees them. */
export function seesMentors(scope: Scope): boolean {
  return scopedMunicipality(scope, null) == null;
}

/** One mentor if the caller may see mentors, or undefined. */
export function mentorInScope(d: Db, id: number, scope: Scope) {
  return seesMentors(scope) ? d.select().from(mentors).where(eq(mentors.id, id)).get() : undefined;
}

/** The person's record if it is within the caller's scope, or undefined. */
function personRecord(d: Db, type: PersonType, id: number, scope: Scope) {
  return type === "mentee" ? menteeInScope(d, id, scope) : mentorInScope(d, id, scope);
}

export function listConsents(type: PersonType, id: number) {
  return db()
    .select()
    .from(consents)
    .where(about(consents, type, id))
    .orderBy(consents.givenAt)
    .all();
}

/** Name and status of a person for the data-protection page (a logged read). Null if not found or out of scope. */
export function personSummary(type: PersonType, id: number, scope: Scope, actor: AuditActor) {
  const m = personRecord(db(), type, id, scope);
  if (!m) return null;
  audit(actor, "view", type, id);
  return {
    name: `${m.firstName} ${m.lastName}`,
    status: m.status,
    anonymisedAt: m.anonymisedAt,
    consents: listConsents(type, id),
  };
}

/** Whether the person exists within the caller's scope (a caseworker: own municipality's citizens only). */
export function personInScope(type: PersonType, id: number, scope: Scope, d: Db = db()): boolean {
  return !!personRecord(d, type, id, scope);
}
