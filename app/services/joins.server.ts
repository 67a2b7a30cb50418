/**
 * Joins that lists across the services share, as data for `innerJoined`/`countJoined` (app/utils/sql.ts): the same
 * relation is written once, so a list's count and its page, and two lists of the same things, cannot drift apart.
 */
import { eq } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { mentees, municipalities } from "../../db/schema";
import type { Join } from "../utils/sql";

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
