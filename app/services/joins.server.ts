/**
 * Joins that lists across the services share, as data for `innerJoined`/`countJoined` (app/utils/sql.ts) or added to a
 * query with its types (`withCitizen`, `withCitizenAndMentor`, on `joined`): the same relation is written once, so a
 * list's count and its page, and two lists of the same things, cannot drift apart.
 */
import { eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteSelect } from "drizzle-orm/sqlite-core";
import { mentees, mentors, municipalities } from "../../db/schema";
import { joined, type Join } from "../utils/sql";

/**
 * The citizen a row points at (`menteeId`, e.g. `placements.menteeId`) and the citizen's municipality. The citizen comes
 * first: a count within a caseworker's scope needs only that one (`citizenJoins(…).slice(0, 1)`).
 */
export function citizenJoins(menteeId: SQLiteColumn): Join[] {
  return [
    [mentees, eq(mentees.id, menteeId)],
    [municipalities, eq(municipalities.code, mentees.municipalityCode)],
  ];
}

/**
 * `query` (a dynamic select from a table that points at a citizen) joined to the citizen (`menteeId`) and the citizen's
 * municipality, as the written-out `.innerJoin(mentees, …).innerJoin(municipalities, …)`: typed, so more joins follow.
 */
export function withCitizen<T extends SQLiteSelect>(query: T, menteeId: SQLiteColumn) {
  const citizen = joined(query, mentees, eq(mentees.id, menteeId));
  return joined(citizen, municipalities, eq(municipalities.code, mentees.municipalityCode));
}

/** `query` (a dynamic select) joined to a course's two people: the citizen (`menteeId`) and the mentor (`mentorId`). */
export function withCitizenAndMentor<T extends SQLiteSelect>(query: T, menteeId: SQLiteColumn, mentorId: SQLiteColumn) {
  return joined(joined(query, mentees, eq(mentees.id, menteeId)), mentors, eq(mentors.id, mentorId));
}
