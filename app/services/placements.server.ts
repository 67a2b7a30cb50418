/**
 * Placements (praktikforløb / placeringer): a citizen in an opening, from the accepted proposal to the outcome. Read
 * and changed within the caller's scope only (a caseworker: their own municipality's citizens); every read is in the
 * access log. Changes are in placement-changes.server.ts.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteSelect } from "drizzle-orm/sqlite-core";
import {
  companies,
  courses,
  mentees,
  municipalities,
  openings,
  outcomes,
  placementFollowUps,
  placementSchoolPeriods,
  placements,
  users,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { scopeWhere, type Actor, type Scope, type ScopeOf } from "./kernel.server";
import { audit } from "./audit.server";
import { PAGE_SIZE } from "../domain/paging";
import { builtOnce, countJoined, innerJoined, pagedQuery, type Join, childRows } from "../utils/sql";
import { statusHistory } from "./status-history.server";
import { citizenJoins } from "./joins.server";
import { placementMachine } from "../domain/placement-status";
import type { OpeningType, OutcomeType, PlacementStatus } from "../domain/enums";
import { mergeHistory } from "../domain/citizen-history";

const menteeScope = (scope: Scope): SQL | undefined => scopeWhere(scope, mentees.municipalityCode);

/* ------------------------------------------------------------------ list */

/** A placement in a list: its dates, status and outcome, the citizen and their municipality, the company, the opening. */
export const placementListColumns = {
  id: placements.id,
  type: placements.type,
  status: placements.status,
  startDate: placements.startDate,
  plannedEndDate: placements.plannedEndDate,
  endedOn: placements.endedOn,
  outcomeType: placements.outcomeType,
  companyName: companies.name,
  occupation: openings.occupation,
  firstName: mentees.firstName,
  lastName: mentees.lastName,
  municipalityName: municipalities.name,
};

/** A placement's citizen (the first: what a count within scope needs), the citizen's municipality, company, opening. */
const placementJoins: Join[] = [
  ...citizenJoins(placements.menteeId),
  [companies, eq(companies.id, placements.companyId)],
  [openings, eq(openings.id, placements.openingId)],
];

/** A placement's citizen, the citizen's municipality, the company and the opening, joined to a select from placements. */
function withPlacementJoins<T extends SQLiteSelect>(query: T): T {
  return innerJoined(query, placementJoins);
}

/** The placements as a list shows them, for a filter and an order to be added. */
function placementList(d: Db) {
  return withPlacementJoins(d.select(placementListColumns).from(placements).$dynamic());
}

/**
 * One page of the placements that `where` (on the placement and its citizen, e.g. `menteeScope`) keeps, newest start
 * first (then id), with the true total: the placements list and a company's placements.
 */
export function placementPage(d: Db, where: SQL | undefined, page: number, pageSize = PAGE_SIZE) {
  return pagedQuery(
    page,
    () => countJoined(d, placements, placementJoins.slice(0, 1), where),
    placementList(d).where(where).orderBy(desc(placements.startDate), desc(placements.id)),
    pageSize,
  );
}

export type PlacementFilter = { status?: PlacementStatus | "running" | "all"; type?: OpeningType };

/** Placements of citizens within scope, newest start first (then id); running ones by default; 50 a page with the true total. */
export function listPlacements(scope: Scope, filter: PlacementFilter, page: number, d: Db = db()) {
  const status = filter.status ?? "running";
  const where = and(
    menteeScope(scope),
    status === "all"
      ? undefined
      : status === "running"
        ? inArray(placements.status, ["planned", "active"])
        : eq(placements.status, status),
    filter.type ? eq(placements.type, filter.type) : undefined,
  );
  return placementPage(d, where, page);
}

/* ------------------------------------------------------------------ one placement */

/** The placement if its citizen is within scope. */
export function placementInScope(d: Db, scope: Scope, id: number) {
  return d
    .select({ placement: placements })
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(and(eq(placements.id, id), menteeScope(scope)))
    .get()?.placement;
}

/** A follow-up as the placement page lists it, with the name of the staff member who wrote it. */
const followUpColumns = {
  id: placementFollowUps.id,
  date: placementFollowUps.date,
  onTrack: placementFollowUps.onTrack,
  note: placementFollowUps.note,
  byName: users.name,
};

/** A placement of a citizen within scope with its opening, company, schooling, follow-ups and history; a logged read. */
export function getPlacement(scope: Scope, id: number, actor: Actor, d: Db = db()) {
  const row = withPlacementJoins(
    d
      .select({
        placement: placements,
        firstName: mentees.firstName,
        lastName: mentees.lastName,
        menteeMunicipality: municipalities.name,
        companyName: companies.name,
        occupation: openings.occupation,
        places: openings.places,
        openingStatus: openings.status,
      })
      .from(placements)
      .$dynamic(),
  )
    .where(and(eq(placements.id, id), menteeScope(scope)))
    .get();
  if (!row) return null;
  audit(actor, "view", "mentee", row.placement.menteeId, { view: "placement", placementId: id }, d);
  const school = childRows(d.select().from(placementSchoolPeriods), placementSchoolPeriods.placementId, id, [
    asc(placementSchoolPeriods.fromDate),
    asc(placementSchoolPeriods.id),
  ]);
  const followUps = childRows(
    d.select(followUpColumns).from(placementFollowUps).leftJoin(users, eq(users.id, placementFollowUps.createdBy)),
    placementFollowUps.placementId,
    id,
    [desc(placementFollowUps.date), desc(placementFollowUps.id)],
  );
  const history = statusHistory(d, "placement", id);
  return {
    ...row.placement,
    citizen: {
      id: row.placement.menteeId,
      firstName: row.firstName,
      lastName: row.lastName,
      municipalityName: row.menteeMunicipality,
    },
    companyName: row.companyName,
    occupation: row.occupation,
    events: placementMachine.allowed(row.placement.status),
    school,
    schoolWeeks: school.reduce((s, p) => s + p.weeks, 0),
    followUps,
    history,
  };
}

/* ------------------------------------------------------------------ a citizen's history */

export const HISTORY_SHOWN = 50;

/** A citizen's history's two reads in either scope, built once per connection (`builtOnce`). */
const historyReads = builtOnce((d: Db) => {
  const menteeId = sql.placeholder("menteeId");
  const inScope = (scope: ScopeOf) => ({
    courses: d
      .select({
        id: courses.id,
        status: courses.status,
        startDate: courses.startDate,
        endedOn: courses.endedOn,
        proposedAt: courses.proposedAt,
        outcome: sql<OutcomeType | null>`(select ${outcomes.type} from ${outcomes} where ${outcomes.courseId} = ${courses.id} and ${outcomes.phase} = 'end' and ${outcomes.confirmed} = 1 order by ${outcomes.id} desc limit 1)`,
      })
      .from(courses)
      .innerJoin(mentees, eq(mentees.id, courses.menteeId))
      .where(and(eq(courses.menteeId, menteeId), scopeWhere(scope, mentees.municipalityCode)))
      .orderBy(desc(courses.id))
      .limit(HISTORY_SHOWN)
      .prepare(),
    placements: placementList(d)
      .where(and(eq(placements.menteeId, menteeId), scopeWhere(scope, mentees.municipalityCode)))
      .orderBy(desc(placements.id))
      .limit(HISTORY_SHOWN)
      .prepare(),
  });
  return {
    all: inScope({ kind: "all" }),
    municipality: inScope({ kind: "municipality", code: sql.placeholder("municipalityCode") }),
  };
});

/** A citizen's courses and placements together, newest first (the citizen must be within scope; the caller checked). */
export function citizenHistory(scope: Scope, menteeId: number, d: Db = db()) {
  const q = historyReads(d)[scope.kind];
  const values = scope.kind === "all" ? { menteeId } : { menteeId, municipalityCode: scope.code };
  const courseRows = q.courses.all(values);
  const placementRows = q.placements.all(values);
  return mergeHistory(
    courseRows.map((c) => ({
      kind: "course" as const,
      id: c.id,
      status: c.status,
      startDate: c.startDate ?? c.proposedAt.slice(0, 10),
      endedOn: c.endedOn,
      outcome: c.outcome,
    })),
    placementRows.map((p) => ({
      kind: "placement" as const,
      id: p.id,
      status: p.status,
      startDate: p.startDate,
      endedOn: p.endedOn,
      outcome: p.outcomeType,
      type: p.type,
      companyName: p.companyName,
      occupation: p.occupation,
    })),
  );
}
