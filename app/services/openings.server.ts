/**
 * Openings (opslag): the list, one opening with its proposals and history, creating and editing them, their status
 * (confirm, close, reopen; filled and open again as places are taken and freed) and labour demand. Every staff role
 * sees every opening (labour demand is not personal data); the proposals shown are of citizens within the caller's
 * scope only. Ranking citizens is in opening-candidates.server.ts, proposals and their answers in
 * opening-proposals.server.ts.
 */
import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import {
  companies,
  industries,
  mentees,
  municipalities,
  openingProposals,
  openings,
  placements,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import {
  ok,
  fail,
  scopedMunicipality,
  scopeWhere,
  transaction,
  type Actor,
  type Result,
  type Scope,
  type Tx,
} from "./kernel.server";
import { changeStatus, mustChangeStatus } from "./status.server";
import { PAGE_SIZE } from "../domain/paging";
import { contains, countJoined, innerJoined, orNull, pagedQuery, pick, type Join } from "../utils/sql";
import { statusHistory } from "./status-history.server";
import { citizenJoins, withCitizen } from "./joins.server";
import type { Reason } from "../domain/opening-match";
import {
  occupyingPlacementStatuses,
  openingMachine,
  openingStatusForPlaces,
  type OpeningEvent,
} from "../domain/placement-status";
import type { DanishLevel, OpeningStatus, OpeningType } from "../domain/enums";
import { nowIso } from "../utils/clock";

export const OCCUPYING = [...occupyingPlacementStatuses];

/** Places taken in an opening: its planned and running placements. */
export const takenSql = sql<number>`(select count(*) from ${placements} where ${placements.openingId} = ${openings.id} and ${placements.status} in ('planned', 'active'))`;
/* ------------------------------------------------------------------ list */

/** An opening in a list: its company, type, occupation, industry, municipality, dates, places and places taken. */
export const openingListColumns = {
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
};

/** An opening's company and industry (what the list's filter reads), and its municipality. */
const openingJoins: Join[] = [
  [companies, eq(companies.id, openings.companyId)],
  [industries, eq(industries.code, openings.industryCode)],
  [municipalities, eq(municipalities.code, openings.municipalityCode)],
];

/** An opening's company, industry and municipality, joined to a select from openings. */
export function withOpeningJoins<T extends SQLiteSelect>(query: T): T {
  return innerJoined(query, openingJoins);
}

/**
 * One page of the openings that `where` (on the opening, its company and industry) keeps, in `order` (ending with
 * something unique), with the true total: the openings list and a company's openings.
 */
export function openingPage(d: Db, where: SQL | undefined, order: SQL[], page: number, pageSize = PAGE_SIZE) {
  return pagedQuery(
    page,
    () => countJoined(d, openings, openingJoins.slice(0, 2), where),
    withOpeningJoins(d.select(openingListColumns).from(openings).$dynamic())
      .where(where)
      .orderBy(...order),
    pageSize,
  );
}

export type OpeningFilter = {
  q?: string;
  status?: OpeningStatus | "all";
  type?: OpeningType;
  municipality?: number;
  section?: string;
};

/** Openings (open ones by default), soonest deadline first (none last), then newest; 50 a page with the true total. */
export function listOpenings(filter: OpeningFilter, page: number, d: Db = db()) {
  const q = filter.q?.trim();
  const status = filter.status ?? "open";
  const where = and(
    status === "all" ? undefined : eq(openings.status, status),
    filter.type ? eq(openings.type, filter.type) : undefined,
    filter.municipality ? eq(openings.municipalityCode, filter.municipality) : undefined,
    filter.section ? eq(industries.section, filter.section) : undefined,
    q ? or(contains(openings.occupation, q), contains(companies.name, q)) : undefined,
  );
  return openingPage(d, where, [sql`${openings.deadline} is null`, asc(openings.deadline), desc(openings.id)], page);
}

/* ------------------------------------------------------------------ one opening */

/** An opening with its company, municipality and places taken; the proposals and placements modules read it too. */
export function openingRow(d: Db, id: number) {
  return withOpeningJoins(
    d
      .select({
        opening: openings,
        companyName: companies.name,
        companyCvr: companies.cvr,
        municipalityName: municipalities.name,
        taken: takenSql,
      })
      .from(openings)
      .$dynamic(),
  )
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
  const proposalWhere = and(eq(openingProposals.openingId, id), scopeWhere(scope, mentees.municipalityCode));
  const proposals = pagedQuery(
    1,
    () => countJoined(d, openingProposals, citizenJoins(openingProposals.menteeId).slice(0, 1), proposalWhere),
    withCitizen(
      d
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
        .$dynamic(),
      openingProposals.menteeId,
    )
      .leftJoin(users, eq(users.id, openingProposals.proposedBy))
      .leftJoin(placements, eq(placements.proposalId, openingProposals.id))
      .where(proposalWhere)
      .orderBy(desc(openingProposals.proposedAt), desc(openingProposals.id)),
    PROPOSALS_SHOWN,
  );
  const history = statusHistory(d, "opening", id);
  return {
    ...row.opening,
    companyName: row.companyName,
    companyCvr: row.companyCvr,
    municipalityName: row.municipalityName,
    taken: row.taken,
    events: openingMachine.allowed(row.opening.status),
    proposals: proposals.rows.map((p) => ({ ...p, reasons: (p.reasons ?? []) as Reason[] })),
    proposalsTotal: proposals.total,
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
    ...pick(v, ["type", "industryCode", "occupation", "municipalityCode", "danishLevel", "places"]),
    ...orNull(v, ["startDate", "durationWeeks", "weeklyHours", "deadline"]),
    description: v.description || null,
  };
}

/** A new open opening of a company; null when there is no such company. */
export function createOpening(
  companyId: number,
  input: OpeningFields,
  actor: Actor,
  d: Db = db(),
): { id: number } | null {
  return transaction((t) => {
    if (!t.select({ id: companies.id }).from(companies).where(eq(companies.id, companyId)).get()) return null;
    const row = t
      .insert(openings)
      .values({ companyId, ...openingValues(input), status: "open", createdBy: actor.id })
      .returning({ id: openings.id })
      .get();
    mustChangeStatus(t, { entity: "opening", id: row.id, from: null, to: "open", actor, audit: false });
    audit(actor, "create", "opening", row.id, { companyId }, t);
    return { id: row.id };
  }, d);
}

/**
 * After a placement is made or ends, or the places change: an open opening whose places are all taken becomes filled,
 * a filled one with a place free again opens (reason "places"). The caller's own entry logs the act.
 */
export function openingFollowsPlaces(t: Tx, openingId: number, actor: Actor): void {
  const o = t
    .select({ status: openings.status, places: openings.places })
    .from(openings)
    .where(eq(openings.id, openingId))
    .get()!;
  const taken = t
    .select({ n: count() })
    .from(placements)
    .where(and(eq(placements.openingId, openingId), inArray(placements.status, OCCUPYING)))
    .get()!.n;
  const to = openingStatusForPlaces(o.status, o.places, taken);
  mustChangeStatus(t, { entity: "opening", id: openingId, from: o.status, to, actor, reason: "places", audit: false });
}

/** Edits an opening; fewer places than are taken is refused; the status follows the places (filled ⇄ open). Null: no such opening. */
export function updateOpening(id: number, input: OpeningFields, actor: Actor, d: Db = db()): Result | null {
  return transaction((t) => {
    const row = openingRow(t, id);
    if (!row) return null;
    if (input.places < row.taken)
      return fail(`companies.opening.placesTaken|${JSON.stringify({ count: row.taken })}`, "places");
    t.update(openings).set(openingValues(input)).where(eq(openings.id, id)).run();
    openingFollowsPlaces(t, id, actor);
    audit(actor, "update", "opening", id, undefined, t);
    return ok();
  }, d);
}

/**
 * Confirm (a mentor's tip; the company counts as verified then), close or reopen. Reopening an opening whose places
 * are all taken fills it again at once (two steps in the history: reopened, then filled). Null: no such opening.
 */
export function changeOpeningStatus(
  id: number,
  event: Exclude<OpeningEvent, "fill">,
  actor: Actor,
  d: Db = db(),
): Result | null {
  return transaction((t) => {
    const row = openingRow(t, id);
    if (!row) return null;
    if (!openingMachine.can(row.opening.status, event)) return fail("companies.errors.notAllowed");
    const r = changeStatus(t, {
      entity: "opening",
      id,
      from: row.opening.status,
      to: openingMachine.next(row.opening.status, event),
      actor,
      reason: event,
    });
    if (!r.ok) return r;
    openingFollowsPlaces(t, id, actor);
    if (event === "confirm")
      t.update(companies)
        .set({ verifiedAt: nowIso() })
        .where(and(eq(companies.id, row.opening.companyId), isNull(companies.verifiedAt)))
        .run();
    return ok();
  }, d);
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

/** The places each opening's placements occupy, as a subquery to join to openings. */
function takenPlaces(d: Db) {
  return d
    .select({ openingId: placements.openingId, n: count().as("taken_n") })
    .from(placements)
    .where(inArray(placements.status, OCCUPYING))
    .groupBy(placements.openingId)
    .as("taken");
}

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
  const municipality = scopedMunicipality(scope, filter.municipality);
  const taken = takenPlaces(d);
  // An opening's taken places count up to its places (a place taken twice is still one place).
  const measures = {
    openings: sql<number>`count(*)`,
    places: sql<number>`sum(${openings.places})`,
    taken: sql<number>`sum(min(coalesce(${taken.n}, 0), ${openings.places}))`,
  };
  const rows = d
    .select({ section: industries.section, municipalityCode: openings.municipalityCode, ...measures })
    .from(openings)
    .innerJoin(industries, eq(industries.code, openings.industryCode))
    .leftJoin(taken, eq(taken.openingId, openings.id))
    .where(and(eq(openings.status, "open"), municipality ? eq(openings.municipalityCode, municipality) : undefined))
    .groupBy(industries.section, openings.municipalityCode)
    .orderBy(asc(industries.section), asc(openings.municipalityCode))
    .all();
  return rows.map((r) => ({ ...r, openPlaces: r.places - r.taken }));
}
