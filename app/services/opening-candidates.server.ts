/**
 * Citizens and openings that fit each other: the ranked citizens for an opening and the openings that fit a citizen.
 * Citizens are read within the caller's scope only (another municipality's citizen "does not exist" here); scoring is
 * the pure app/domain/opening-match.ts, and every citizen shown is a logged read.
 */
import { and, asc, eq, inArray, isNull, ne, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  companies,
  competenceProfiles,
  mentees,
  municipalities,
  openingProposals,
  openings,
  placements,
} from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { scopeWhere, transaction, type Actor, type Scope } from "./kernel.server";
import { matchContext } from "./match-context.server";
import { openingRow, takenSql, withOpeningJoins } from "./openings.server";
import {
  OPENING_WEIGHTS,
  rankCitizensForOpening,
  rankOpeningsForCitizen,
  type MatchCitizen,
  type MatchOpening,
  type OpeningMatchContext,
} from "../domain/opening-match";
import { profileFromReferral } from "../domain/competence";
import { assessmentColumns, referralProfileColumns, toProfile } from "./competence.server";

const menteeScope = (scope: Scope): SQL | undefined => scopeWhere(scope, mentees.municipalityCode);

/** The opening's municipality and every municipality within commuting distance of it (at most the 98). */
function municipalitiesWithin(d: Db, ctx: OpeningMatchContext, code: number): number[] {
  return d
    .select({ code: municipalities.code })
    .from(municipalities)
    .all()
    .map((m) => m.code)
    .filter((c) => c === code || (ctx.distanceKm(c, code) ?? Infinity) <= ctx.weights.maxKm);
}

export function openingContext(d: Db): OpeningMatchContext {
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
  ...referralProfileColumns,
  /** The current assessment; null when there is none. */
  assessment: { id: competenceProfiles.id, ...assessmentColumns },
  placed: sql<number>`exists (select 1 from ${placements} where ${placements.menteeId} = ${mentees.id} and ${placements.status} in ('planned', 'active'))`,
};
type CitizenRow = ReturnType<ReturnType<typeof citizenQuery>["all"]>[number];

/** The citizen as matching sees them: the current assessment, or the draft the referral gives when there is none. */
export function citizenOf(r: CitizenRow): MatchCitizen & { firstName: string; lastName: string } {
  return {
    id: r.id,
    firstName: r.firstName,
    lastName: r.lastName,
    municipalityCode: r.municipalityCode,
    municipalityName: r.municipalityName,
    profile: r.assessment ? toProfile(r.assessment) : profileFromReferral(r),
    assessed: r.assessment != null,
    placed: !!r.placed,
  };
}

export function citizenQuery(d: Db, where: SQL | undefined) {
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

export function matchOpening(o: typeof openings.$inferSelect, municipalityName: string): MatchOpening {
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

/** What the candidate lists show of a citizen. */
function shownCitizen(c: ReturnType<typeof citizenOf>) {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    municipalityName: c.municipalityName ?? "",
    assessed: c.assessed,
  };
}

/** No live proposal (proposed or accepted) of the citizen to the opening; either side a value or the outer row's id. */
function notProposedTo(openingId: number | SQLiteColumn, menteeId: number | SQLiteColumn): SQL {
  return sql`not exists (select 1 from ${openingProposals} where ${openingProposals.openingId} = ${openingId} and ${openingProposals.menteeId} = ${menteeId} and ${openingProposals.status} in ('proposed', 'accepted'))`;
}

/**
 * The ranked citizens for an opening, within scope: everyone in commuting distance who is not withdrawn, not already
 * proposed to this opening; the top 25 with reasons and the true total. Each citizen shown is a logged read.
 */
export function candidatesForOpening(scope: Scope, openingId: number, actor: Actor, d: Db = db()) {
  const row = openingRow(d, openingId);
  if (!row) return null;
  const ctx = openingContext(d);
  const near = municipalitiesWithin(d, ctx, row.opening.municipalityCode);
  const notProposed = notProposedTo(openingId, mentees.id);
  const citizens = citizenQuery(d, and(inArray(mentees.municipalityCode, near), menteeScope(scope), notProposed))
    .orderBy(asc(mentees.id))
    .all()
    .map(citizenOf);
  const ranked = rankCitizensForOpening(matchOpening(row.opening, row.municipalityName), citizens, ctx, {
    limit: CANDIDATES_SHOWN,
  });
  const byId = new Map(citizens.map((c) => [c.id, c]));
  transaction((t) => {
    for (const c of ranked.candidates)
      audit(actor, "view", "mentee", c.citizenId, { view: "opening_candidates", openingId }, t);
  }, d);
  return {
    total: ranked.total,
    candidates: ranked.candidates.map((c) => ({ ...c, ...shownCitizen(byId.get(c.citizenId)!) })),
  };
}

/** The open openings a citizen within scope fits, best first (top 25 and the true total); a logged read. Null if not in scope. */
export function openingsForCitizen(scope: Scope, menteeId: number, actor: Actor, d: Db = db()) {
  const r = citizenQuery(d, and(eq(mentees.id, menteeId), menteeScope(scope))).get();
  if (!r) return null;
  const citizen = citizenOf(r);
  audit(actor, "view", "mentee", menteeId, { view: "fitting_openings" }, d);
  const ctx = openingContext(d);
  const near = municipalitiesWithin(d, ctx, citizen.municipalityCode);
  const rows = withOpeningJoins(
    d
      .select({
        opening: openings,
        municipalityName: municipalities.name,
        companyName: companies.name,
        taken: takenSql,
      })
      .from(openings)
      .$dynamic(),
  )
    .where(
      and(eq(openings.status, "open"), inArray(openings.municipalityCode, near), notProposedTo(openings.id, menteeId)),
    )
    .orderBy(asc(openings.id))
    .all();
  const ranked = rankOpeningsForCitizen(
    citizen,
    rows.map((x) => matchOpening(x.opening, x.municipalityName)),
    ctx,
    { limit: CANDIDATES_SHOWN },
  );
  const byId = new Map(rows.map((x) => [x.opening.id, x]));
  return {
    citizen: { id: citizen.id, ...shownCitizen(citizen), placed: citizen.placed },
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

/** The citizen is within scope (for routes that show a citizen's openings). */
export function citizenInScope(scope: Scope, menteeId: number, d: Db = db()): boolean {
  return !!d
    .select({ id: mentees.id })
    .from(mentees)
    .where(and(eq(mentees.id, menteeId), isNull(mentees.anonymisedAt), menteeScope(scope)))
    .get();
}
