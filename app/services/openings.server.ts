/**
 * Openings (opslag) and proposing citizens to them. Every staff role sees every opening (labour demand is not personal
 * data); citizens are read within the caller's scope only: a caseworker ranks, proposes and sees proposals and
 * placements of their own municipality's citizens, and another municipality's citizen "does not exist" here.
 * Scoring is the pure app/domain/opening-match.ts; every list of citizens it shows is in the access log.
 */
import { and, asc, count, desc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import {
  companies,
  competenceProfiles,
  industries,
  mentees,
  municipalities,
  openingProposals,
  openings,
  placements,
  statusChanges,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import type { Scope } from "../auth/guards.server";
import { audit } from "./audit.server";
import { matchContext } from "./match-context.server";
import { contains } from "./companies.server";
import { paged, type Page } from "../domain/paging";
import {
  evaluateOpening,
  OPENING_WEIGHTS,
  rankCitizensForOpening,
  rankOpeningsForCitizen,
  type MatchCitizen,
  type MatchOpening,
  type OpeningMatchContext,
  type Reason,
} from "../domain/opening-match";
import { profileFromReferral, type Profile } from "../domain/competence";
import {
  acceptsProposals,
  initialPlacementStatus,
  occupyingPlacementStatuses,
  openingMachine,
  openingStatusForPlaces,
  proposalMachine,
  type OpeningEvent,
} from "../domain/placement-status";
import type { DanishLevel, DeclineReason, OpeningStatus, OpeningType } from "../domain/enums";
import { addDays } from "../domain/dates";
import { nowIso, today } from "../utils/clock";

type Actor = { id: number; role: string };

const menteeScope = (scope: Scope): SQL | undefined =>
  scope.kind === "municipality" ? eq(mentees.municipalityCode, scope.code) : undefined;
const OCCUPYING = [...occupyingPlacementStatuses];

/** Places taken in an opening: its planned and running placements. */
const takenSql = sql<number>`(select count(*) from ${placements} where ${placements.openingId} = ${openings.id} and ${placements.status} in ('planned', 'active'))`;

/* ------------------------------------------------------------------ list */

export type OpeningFilter = {
  q?: string;
  status?: OpeningStatus | "all";
  type?: OpeningType;
  municipality?: number;
  section?: string;
};

/** Openings (open ones by default), soonest deadline first (none last), then newest; 50 a page with the true total. */
export function listOpenings(
  filter: OpeningFilter,
  page: number,
  d: Db = db(),
): Page<{
  id: number;
  companyId: number;
  companyName: string;
  type: OpeningType;
  occupation: string;
  industryCode: string;
  municipalityName: string;
  startDate: string | null;
  deadline: string | null;
  places: number;
  taken: number;
  status: OpeningStatus;
}> {
  const q = filter.q?.trim();
  const status = filter.status ?? "open";
  const where = and(
    status === "all" ? undefined : eq(openings.status, status),
    filter.type ? eq(openings.type, filter.type) : undefined,
    filter.municipality ? eq(openings.municipalityCode, filter.municipality) : undefined,
    filter.section ? eq(industries.section, filter.section) : undefined,
    q ? or(contains(openings.occupation, q), contains(companies.name, q)) : undefined,
  );
  const total = () =>
    d
      .select({ n: count() })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .innerJoin(industries, eq(industries.code, openings.industryCode))
      .where(where)
      .get()!.n;
  return paged(page, total, (limit, offset) =>
    d
      .select({
        id: openings.id,
        companyId: openings.companyId,
        companyName: companies.name,
        type: openings.type,
        occupation: openings.occupation,
        industryCode: openings.industryCode,
        municipalityName: municipalities.name,
        startDate: openings.startDate,
        deadline: openings.deadline,
        places: openings.places,
        taken: takenSql,
        status: openings.status,
      })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .innerJoin(industries, eq(industries.code, openings.industryCode))
      .innerJoin(municipalities, eq(municipalities.code, openings.municipalityCode))
      .where(where)
      .orderBy(sql`${openings.deadline} is null`, asc(openings.deadline), desc(openings.id))
      .limit(limit)
      .offset(offset)
      .all(),
  );
}

/* ------------------------------------------------------------------ one opening */

function openingRow(d: Db, id: number) {
  return d
    .select({
      opening: openings,
      companyName: companies.name,
      companyCvr: companies.cvr,
      municipalityName: municipalities.name,
      taken: takenSql,
    })
    .from(openings)
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .innerJoin(municipalities, eq(municipalities.code, openings.municipalityCode))
    .where(eq(openings.id, id))
    .get();
}

export const PROPOSALS_SHOWN = 100;

/**
 * An opening with its company, the proposals and placements of citizens within scope (names only for those), and
 * its status history. Null when there is no such opening.
 */
export function getOpening(scope: Scope, id: number, d: Db = db()) {
  const row = openingRow(d, id);
  if (!row) return null;
  const proposalWhere = and(eq(openingProposals.openingId, id), menteeScope(scope));
  const proposalsTotal = d
    .select({ n: count() })
    .from(openingProposals)
    .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
    .where(proposalWhere)
    .get()!.n;
  const proposals = d
    .select({
      id: openingProposals.id,
      menteeId: openingProposals.menteeId,
      status: openingProposals.status,
      score: openingProposals.score,
      reasons: openingProposals.reasons,
      proposedAt: openingProposals.proposedAt,
      answeredAt: openingProposals.answeredAt,
      declineReason: openingProposals.declineReason,
      declineNote: openingProposals.declineNote,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
      municipalityName: municipalities.name,
      proposedByName: users.name,
      placementId: placements.id,
    })
    .from(openingProposals)
    .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .leftJoin(users, eq(users.id, openingProposals.proposedBy))
    .leftJoin(placements, eq(placements.proposalId, openingProposals.id))
    .where(proposalWhere)
    .orderBy(desc(openingProposals.proposedAt), desc(openingProposals.id))
    .limit(PROPOSALS_SHOWN)
    .all();
  const history = d
    .select({
      fromStatus: statusChanges.fromStatus,
      toStatus: statusChanges.toStatus,
      at: statusChanges.at,
      byName: users.name,
    })
    .from(statusChanges)
    .leftJoin(users, eq(users.id, statusChanges.byUserId))
    .where(and(eq(statusChanges.entityType, "opening"), eq(statusChanges.entityId, id)))
    .orderBy(asc(statusChanges.at), asc(statusChanges.id))
    .limit(100)
    .all();
  return {
    ...row.opening,
    companyName: row.companyName,
    companyCvr: row.companyCvr,
    municipalityName: row.municipalityName,
    taken: row.taken,
    events: openingMachine.allowed(row.opening.status),
    proposals: proposals.map((p) => ({ ...p, reasons: (p.reasons ?? []) as Reason[] })),
    proposalsTotal,
    history,
  };
}

export function openingForEdit(id: number, d: Db = db()) {
  return (
    d
      .select({ opening: openings, companyName: companies.name })
      .from(openings)
      .innerJoin(companies, eq(companies.id, openings.companyId))
      .where(eq(openings.id, id))
      .get() ?? null
  );
}

/* ------------------------------------------------------------------ create, change */

export type OpeningFields = {
  type: OpeningType;
  industryCode: string;
  occupation: string;
  municipalityCode: number;
  startDate?: string;
  durationWeeks?: number;
  weeklyHours?: number;
  danishLevel: DanishLevel;
  places: number;
  deadline?: string;
  description?: string;
};

function openingValues(v: OpeningFields) {
  return {
    type: v.type,
    industryCode: v.industryCode,
    occupation: v.occupation,
    municipalityCode: v.municipalityCode,
    startDate: v.startDate ?? null,
    durationWeeks: v.durationWeeks ?? null,
    weeklyHours: v.weeklyHours ?? null,
    danishLevel: v.danishLevel,
    places: v.places,
    deadline: v.deadline ?? null,
    description: v.description || null,
  };
}

export function createOpening(
  companyId: number,
  input: OpeningFields,
  actor: Actor,
  d: Db = db(),
): { ok: true; id: number } | { ok: false } {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      if (!t.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).get())
        return { ok: false as const };
      const row = t
        .insert(openings)
        .values({ companyId, ...openingValues(input), status: "open", createdBy: actor.id })
        .returning({ id: openings.id })
        .get();
      t.insert(statusChanges)
        .values({ entityType: "opening", entityId: row.id, toStatus: "open", byUserId: actor.id })
        .run();
      audit(actor, "create", "opening", row.id, { companyId }, t);
      return { ok: true as const, id: row.id };
    },
    { behavior: "immediate" },
  );
}

/** Edits an opening; fewer places than are taken is refused; the status follows the places (filled ⇄ open). */
export function updateOpening(
  id: number,
  input: OpeningFields,
  actor: Actor,
  d: Db = db(),
): { ok: true } | { ok: false; reason: "not_found" | "places_taken"; taken?: number } {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const row = openingRow(t, id);
      if (!row) return { ok: false as const, reason: "not_found" as const };
      if (input.places < row.taken) return { ok: false as const, reason: "places_taken" as const, taken: row.taken };
      const status = openingStatusForPlaces(row.opening.status, input.places, row.taken);
      t.update(openings)
        .set({ ...openingValues(input), status })
        .where(eq(openings.id, id))
        .run();
      if (status !== row.opening.status)
        t.insert(statusChanges)
          .values({
            entityType: "opening",
            entityId: id,
            fromStatus: row.opening.status,
            toStatus: status,
            byUserId: actor.id,
            reason: "places",
          })
          .run();
      audit(actor, "update", "opening", id, undefined, t);
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

/** Confirm (a mentor's tip), close or reopen. Reopening a full opening makes it filled again. */
export function changeOpeningStatus(
  id: number,
  event: Exclude<OpeningEvent, "fill">,
  actor: Actor,
  d: Db = db(),
): { ok: true } | { ok: false; reason: "not_found" | "not_allowed" } {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const row = openingRow(t, id);
      if (!row) return { ok: false as const, reason: "not_found" as const };
      if (!openingMachine.can(row.opening.status, event)) return { ok: false as const, reason: "not_allowed" as const };
      const next = openingStatusForPlaces(
        openingMachine.next(row.opening.status, event),
        row.opening.places,
        row.taken,
      );
      t.update(openings).set({ status: next }).where(eq(openings.id, id)).run();
      if (event === "confirm")
        t.update(companies)
          .set({ verifiedAt: nowIso() })
          .where(and(eq(companies.id, row.opening.companyId), isNull(companies.verifiedAt)))
          .run();
      t.insert(statusChanges)
        .values({
          entityType: "opening",
          entityId: id,
          fromStatus: row.opening.status,
          toStatus: next,
          byUserId: actor.id,
          reason: event,
        })
        .run();
      audit(actor, "update", "opening", id, { status: next }, t);
      return { ok: true as const };
    },
    { behavior: "immediate" },
  );
}

/* ------------------------------------------------------------------ matching citizens and openings */

/** The opening's municipality and every municipality within commuting distance of it (at most the 98). */
function municipalitiesWithin(d: Db, ctx: OpeningMatchContext, code: number): number[] {
  return d
    .select({ code: municipalities.code })
    .from(municipalities)
    .all()
    .map((m) => m.code)
    .filter((c) => c === code || (ctx.distanceKm(c, code) ?? Infinity) <= ctx.weights.maxKm);
}

function openingContext(d: Db): OpeningMatchContext {
  const m = matchContext(d);
  return { today: m.today, weights: OPENING_WEIGHTS, distanceKm: m.distanceKm, sectionOf: m.sectionOf };
}

const citizenColumns = {
  id: mentees.id,
  firstName: mentees.firstName,
  lastName: mentees.lastName,
  municipalityCode: mentees.municipalityCode,
  municipalityName: municipalities.name,
  status: mentees.status,
  danishLevel: mentees.danishLevel,
  danishModule: mentees.danishModule,
  englishLevel: mentees.englishLevel,
  drivingLicence: mentees.drivingLicence,
  educationLevel: mentees.educationLevel,
  educationField: mentees.educationField,
  educationCountry: mentees.educationCountry,
  experience: mentees.experience,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
  wishedOccupation: mentees.wishedOccupation,
  profileId: competenceProfiles.id,
  pEducations: competenceProfiles.educations,
  pExperience: competenceProfiles.experience,
  pDanishLevel: competenceProfiles.danishLevel,
  pDanishModule: competenceProfiles.danishModule,
  pEnglishLevel: competenceProfiles.englishLevel,
  pDrivingLicence: competenceProfiles.drivingLicence,
  pCertificates: competenceProfiles.certificates,
  pHoursPerWeek: competenceProfiles.hoursPerWeek,
  pAvailableFrom: competenceProfiles.availableFrom,
  pWishedIndustryCodes: competenceProfiles.wishedIndustryCodes,
  pWishedOccupations: competenceProfiles.wishedOccupations,
  placed: sql<number>`exists (select 1 from ${placements} where ${placements.menteeId} = ${mentees.id} and ${placements.status} in ('planned', 'active'))`,
};
type CitizenRow = ReturnType<ReturnType<typeof citizenQuery>["all"]>[number];

function citizenOf(r: CitizenRow): MatchCitizen & { firstName: string; lastName: string } {
  const profile: Profile =
    r.profileId != null
      ? {
          educations: r.pEducations!,
          experience: r.pExperience!,
          danishLevel: r.pDanishLevel!,
          danishModule: r.pDanishModule,
          englishLevel: r.pEnglishLevel!,
          drivingLicence: !!r.pDrivingLicence,
          certificates: r.pCertificates ?? [],
          hoursPerWeek: r.pHoursPerWeek,
          availableFrom: r.pAvailableFrom,
          wishedIndustryCodes: r.pWishedIndustryCodes ?? [],
          wishedOccupations: r.pWishedOccupations ?? [],
          summary: null,
        }
      : profileFromReferral(r);
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    municipalityCode: r.municipalityCode,
    municipalityName: r.municipalityName,
    profile,
    assessed: r.profileId != null,
    placed: !!r.placed,
  };
}

function citizenQuery(d: Db, where: SQL | undefined) {
  return d
    .select(citizenColumns)
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .leftJoin(
      competenceProfiles,
      and(eq(competenceProfiles.menteeId, mentees.id), eq(competenceProfiles.isCurrent, true)),
    )
    .where(and(ne(mentees.status, "withdrawn"), isNull(mentees.anonymisedAt), where));
}

function matchOpening(o: typeof openings.$inferSelect, municipalityName: string): MatchOpening {
  return {
    id: o.id,
    type: o.type,
    industryCode: o.industryCode,
    occupation: o.occupation,
    municipalityCode: o.municipalityCode,
    municipalityName,
    startDate: o.startDate,
    weeklyHours: o.weeklyHours,
    danishLevel: o.danishLevel,
  };
}

export const CANDIDATES_SHOWN = 25;

/**
 * The ranked citizens for an opening, within scope: everyone in commuting distance who is not withdrawn, not already
 * proposed to this opening; the top 25 with reasons and the true total. Each citizen shown is a logged read.
 */
export function candidatesForOpening(
  scope: Scope,
  openingId: number,
  actor: Actor,
  d: Db = db(),
  limit = CANDIDATES_SHOWN,
) {
  const row = openingRow(d, openingId);
  if (!row) return null;
  const ctx = openingContext(d);
  const near = municipalitiesWithin(d, ctx, row.opening.municipalityCode);
  const notProposed = sql`not exists (select 1 from ${openingProposals} where ${openingProposals.openingId} = ${openingId} and ${openingProposals.menteeId} = ${mentees.id} and ${openingProposals.status} in ('proposed', 'accepted'))`;
  const citizens = citizenQuery(d, and(inArray(mentees.municipalityCode, near), menteeScope(scope), notProposed))
    .orderBy(asc(mentees.id))
    .all()
    .map(citizenOf);
  const ranked = rankCitizensForOpening(matchOpening(row.opening, row.municipalityName), citizens, ctx, { limit });
  const byId = new Map(citizens.map((c) => [c.id, c]));
  d.transaction((tx) => {
    for (const c of ranked.candidates)
      audit(actor, "view", "mentee", c.citizenId, { view: "opening_candidates", openingId }, tx as unknown as Db);
  });
  return {
    total: ranked.total,
    candidates: ranked.candidates.map((c) => {
      const x = byId.get(c.citizenId)!;
      return {
        ...c,
        firstName: x.firstName,
        lastName: x.lastName,
        municipalityName: x.municipalityName ?? "",
        assessed: x.assessed,
      };
    }),
  };
}

/** The open openings a citizen within scope fits, best first (top 25 and the true total); a logged read. Null if not in scope. */
export function openingsForCitizen(
  scope: Scope,
  menteeId: number,
  actor: Actor,
  d: Db = db(),
  limit = CANDIDATES_SHOWN,
) {
  const r = citizenQuery(d, and(eq(mentees.id, menteeId), menteeScope(scope))).get();
  if (!r) return null;
  const citizen = citizenOf(r);
  audit(actor, "view", "mentee", menteeId, { view: "fitting_openings" }, d);
  const ctx = openingContext(d);
  const near = municipalitiesWithin(d, ctx, citizen.municipalityCode);
  const proposedTo = sql`not exists (select 1 from ${openingProposals} where ${openingProposals.openingId} = ${openings.id} and ${openingProposals.menteeId} = ${menteeId} and ${openingProposals.status} in ('proposed', 'accepted'))`;
  const rows = d
    .select({ opening: openings, municipalityName: municipalities.name, companyName: companies.name, taken: takenSql })
    .from(openings)
    .innerJoin(municipalities, eq(municipalities.code, openings.municipalityCode))
    .innerJoin(companies, eq(companies.id, openings.companyId))
    .where(and(eq(openings.status, "open"), inArray(openings.municipalityCode, near), proposedTo))
    .orderBy(asc(openings.id))
    .all();
  const ranked = rankOpeningsForCitizen(
    citizen,
    rows.map((x) => matchOpening(x.opening, x.municipalityName)),
    ctx,
    { limit },
  );
  const byId = new Map(rows.map((x) => [x.opening.id, x]));
  return {
    citizen: {
      id: citizen.id,
      firstName: citizen.firstName,
      lastName: citizen.lastName,
      municipalityName: citizen.municipalityName ?? "",
      assessed: citizen.assessed,
      placed: citizen.placed,
    },
    total: ranked.total,
    openings: ranked.openings.map((o) => {
      const x = byId.get(o.openingId)!;
      return {
        ...o,
        companyName: x.companyName,
        type: x.opening.type,
        occupation: x.opening.occupation,
        municipalityName: x.municipalityName,
        startDate: x.opening.startDate,
        places: x.opening.places,
        taken: x.taken,
      };
    }),
  };
}

/* ------------------------------------------------------------------ proposals and answers */

export type ProposalResult =
  | { ok: true; id: number }
  | { ok: false; reason: "not_found" | "opening_not_open" | "already_proposed" | "rule"; rules?: string[] };

/**
 * Proposes a citizen (within scope) to an open opening: the score and reasons are kept with the proposal. A citizen
 * the hard rules exclude (placed already, too far, Danish below the requirement) is refused with the rule.
 */
export function proposeCitizen(
  scope: Scope,
  openingId: number,
  menteeId: number,
  actor: Actor,
  d: Db = db(),
): ProposalResult {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const row = openingRow(t, openingId);
      const r = citizenQuery(t, and(eq(mentees.id, menteeId), menteeScope(scope))).get();
      if (!row || !r) return { ok: false as const, reason: "not_found" as const };
      if (!acceptsProposals(row.opening.status)) return { ok: false as const, reason: "opening_not_open" as const };
      const live = t
        .select({ id: openingProposals.id })
        .from(openingProposals)
        .where(
          and(
            eq(openingProposals.openingId, openingId),
            eq(openingProposals.menteeId, menteeId),
            inArray(openingProposals.status, ["proposed", "accepted"]),
          ),
        )
        .get();
      if (live) return { ok: false as const, reason: "already_proposed" as const };
      const ev = evaluateOpening(citizenOf(r), matchOpening(row.opening, row.municipalityName), openingContext(t));
      if (!ev.allowed) return { ok: false as const, reason: "rule" as const, rules: ev.rules };
      const p = t
        .insert(openingProposals)
        .values({ openingId, menteeId, status: "proposed", score: ev.score, reasons: ev.reasons, proposedBy: actor.id })
        .returning({ id: openingProposals.id })
        .get();
      t.insert(statusChanges)
        .values({ entityType: "proposal", entityId: p.id, toStatus: "proposed", byUserId: actor.id })
        .run();
      audit(actor, "create", "opening_proposal", p.id, { openingId, menteeId, score: ev.score }, t);
      return { ok: true as const, id: p.id };
    },
    { behavior: "immediate" },
  );
}

export type Answer =
  | {
      intent: "accept";
      startDate: string;
      plannedEndDate?: string;
      workplaceMentorName: string;
      workplaceMentorPhone: string;
      completionAdviserName?: string;
      completionAdviserPhone?: string;
    }
  | { intent: "decline"; reason: DeclineReason; note?: string }
  | { intent: "withdraw" };
export type AnswerResult =
  | { ok: true; placementId?: number }
  | { ok: false; reason: "not_found" | "not_allowed" | "no_place" | "placed_elsewhere" };

/**
 * Records the company's answer to a proposal of a citizen within scope. Accepting makes the placement (planned, or
 * running when it starts today or earlier) with the workplace mentor, and fills the opening when its places are
 * taken; there must be a free place, and the citizen must not be in another placement. One transaction.
 */
export function answerProposal(
  scope: Scope,
  openingId: number,
  proposalId: number,
  answer: Answer,
  actor: Actor,
  d: Db = db(),
): AnswerResult {
  return d.transaction(
    (tx) => {
      const t = tx as unknown as Db;
      const p = t
        .select({ proposal: openingProposals })
        .from(openingProposals)
        .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
        .where(and(eq(openingProposals.id, proposalId), eq(openingProposals.openingId, openingId), menteeScope(scope)))
        .get()?.proposal;
      if (!p) return { ok: false as const, reason: "not_found" as const };
      if (!proposalMachine.can(p.status, answer.intent === "accept" ? "accept" : answer.intent))
        return { ok: false as const, reason: "not_allowed" as const };
      const at = nowIso();
      if (answer.intent === "withdraw" || answer.intent === "decline") {
        const status = proposalMachine.next(p.status, answer.intent);
        t.update(openingProposals)
          .set({
            status,
            answeredAt: at,
            answeredBy: actor.id,
            declineReason: answer.intent === "decline" ? answer.reason : null,
            declineNote: answer.intent === "decline" ? answer.note || null : null,
          })
          .where(eq(openingProposals.id, p.id))
          .run();
        t.insert(statusChanges)
          .values({
            entityType: "proposal",
            entityId: p.id,
            fromStatus: p.status,
            toStatus: status,
            byUserId: actor.id,
            reason: answer.intent === "decline" ? answer.reason : null,
          })
          .run();
        audit(actor, "update", "opening_proposal", p.id, { status }, t);
        return { ok: true as const };
      }
      const row = openingRow(t, openingId)!;
      if (row.taken >= row.opening.places) return { ok: false as const, reason: "no_place" as const };
      const elsewhere = t
        .select({ id: placements.id })
        .from(placements)
        .where(and(eq(placements.menteeId, p.menteeId), inArray(placements.status, OCCUPYING)))
        .get();
      if (elsewhere) return { ok: false as const, reason: "placed_elsewhere" as const };
      t.update(openingProposals)
        .set({ status: "accepted", answeredAt: at, answeredBy: actor.id })
        .where(eq(openingProposals.id, p.id))
        .run();
      t.insert(statusChanges)
        .values({
          entityType: "proposal",
          entityId: p.id,
          fromStatus: p.status,
          toStatus: "accepted",
          byUserId: actor.id,
        })
        .run();
      const plannedEnd =
        answer.plannedEndDate ??
        (row.opening.durationWeeks ? addDays(answer.startDate, row.opening.durationWeeks * 7 - 1) : null);
      const status = initialPlacementStatus(answer.startDate, today());
      const placement = t
        .insert(placements)
        .values({
          proposalId: p.id,
          openingId,
          companyId: row.opening.companyId,
          menteeId: p.menteeId,
          type: row.opening.type,
          status,
          startDate: answer.startDate,
          plannedEndDate: plannedEnd,
          workplaceMentorName: answer.workplaceMentorName,
          workplaceMentorPhone: answer.workplaceMentorPhone,
          completionAdviserName: answer.completionAdviserName || null,
          completionAdviserPhone: answer.completionAdviserPhone ?? null,
          createdBy: actor.id,
        })
        .returning({ id: placements.id })
        .get();
      t.insert(statusChanges)
        .values({ entityType: "placement", entityId: placement.id, toStatus: status, byUserId: actor.id })
        .run();
      const next = openingStatusForPlaces(row.opening.status, row.opening.places, row.taken + 1);
      if (next !== row.opening.status) {
        t.update(openings).set({ status: next }).where(eq(openings.id, openingId)).run();
        t.insert(statusChanges)
          .values({
            entityType: "opening",
            entityId: openingId,
            fromStatus: row.opening.status,
            toStatus: next,
            byUserId: actor.id,
            reason: "places",
          })
          .run();
      }
      audit(actor, "create", "placement", placement.id, { proposalId: p.id, openingId, menteeId: p.menteeId }, t);
      return { ok: true as const, placementId: placement.id };
    },
    { behavior: "immediate" },
  );
}

/* ------------------------------------------------------------------ labour demand */

export type DemandRow = {
  section: string;
  municipalityCode: number;
  openings: number;
  places: number;
  taken: number;
  openPlaces: number;
};

/**
 * Labour demand beside supply (issue 19's /koordinator/behov shows these): the open places of open openings by DB07
 * section and municipality, as one SQL aggregate. Scope-aware: a caseworker's demand is their own municipality's;
 * a coordinator may narrow to one municipality.
 */
export function openPlacesBySectionAndMunicipality(
  scope: Scope,
  filter: { municipality?: number } = {},
  d: Db = db(),
): DemandRow[] {
  const municipality = scope.kind === "municipality" ? scope.code : filter.municipality;
  const taken = d
    .select({ openingId: placements.openingId, n: count().as("taken_n") })
    .from(placements)
    .where(inArray(placements.status, OCCUPYING))
    .groupBy(placements.openingId)
    .as("taken");
  const rows = d
    .select({
      section: industries.section,
      municipalityCode: openings.municipalityCode,
      openings: sql<number>`count(*)`,
      places: sql<number>`sum(${openings.places})`,
      taken: sql<number>`sum(min(coalesce(${taken.n}, 0), ${openings.places}))`,
    })
    .from(openings)
    .innerJoin(industries, eq(industries.code, openings.industryCode))
    .leftJoin(taken, eq(taken.openingId, openings.id))
    .where(and(eq(openings.status, "open"), municipality ? eq(openings.municipalityCode, municipality) : undefined))
    .groupBy(industries.section, openings.municipalityCode)
    .orderBy(asc(industries.section), asc(openings.municipalityCode))
    .all();
  return rows.map((r) => ({ ...r, openPlaces: r.places - r.taken }));
}

/** The citizen is within scope (for routes that show a citizen's openings). */
export function citizenInScope(scope: Scope, menteeId: number, d: Db = db()): boolean {
  return !!d
    .select({ id: mentees.id })
    .from(mentees)
    .where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt), menteeScope(scope)))
    .get();
}
