/**
 * Reading mentees (integrationsborgere) for staff. Every function takes the caller's scope, and every query filters by
 * it: a caseworker only ever sees their own municipality. Every read of a record is written to the access log.
 */
import { and, eq, type SQL } from "drizzle-orm";
import { mentees, municipalities } from "../../db/schema";
import { db } from "../db.server";
import { scopeWhere, type Actor, type Scope, type ScopeOf } from "./kernel.server";
import { audit } from "./audit.server";

/** The caller's municipality filter on mentees (the kernel's `scopeWhere` on the citizen's municipality). */
export function scopeFilter(scope: ScopeOf): SQL | undefined {
  return scopeWhere(scope, mentees.municipalityCode);
}

/** One mentee within scope, or null (the route answers 404: another municipality's citizen "does not exist"). */
export function getMentee(scope: Scope, id: number, actor: Actor) {
  const row = db()
    .select({ mentee: mentees, municipalityName: municipalities.name })
    .from(mentees)
    .innerJoin(municipalities, eq(municipalities.code, mentees.municipalityCode))
    .where(and(eq(mentees.id, id), scopeFilter(scope)))
    .get();
  if (!row) return null;
  audit(actor, "view", "mentee", id);
  return row;
}
