/**
 * What matching scores with (issue 5): the weights (versioned data, a new version per change) and the context every
 * scoring reads (today, the weights, distances between municipalities, DB07 sections, the admin's industry setting).
 */
import { desc, eq, sql } from "drizzle-orm";
import { matchingWeights, municipalities, users } from "../../db/schema";
import { sectionOfDivision } from "../domain/industries";
import { db, type Db } from "../db.server";
import { distanceTable, normaliseWeights, type MatchContext, type Weights } from "../domain/matching";
import { sharesIndustry } from "../domain/industry";
import { today } from "../utils/clock";
import { audit } from "./audit.server";
import { getMatchSettings } from "./match-settings.server";
import { transaction, type Actor } from "./kernel.server";

/* ------------------------------------------------------------------ weights */

/** The newest weights version; seeds version 1 (the defaults) when the table is empty. Idempotent. */
export function currentWeights(d: Db = db()): { version: number; weights: Weights; createdAt: string | null } {
  let row = d.select().from(matchingWeights).orderBy(desc(matchingWeights.version)).limit(1).get();
  if (!row) {
    d.insert(matchingWeights)
      .values({ version: 1, weights: { ...normaliseWeights(null) } })
      .onConflictDoNothing()
      .run();
    row = d.select().from(matchingWeights).orderBy(desc(matchingWeights.version)).limit(1).get()!;
  }
  return { version: row.version, weights: normaliseWeights(row.weights), createdAt: row.createdAt };
}

export function weightsHistory(d: Db = db()) {
  currentWeights(d);
  return d
    .select({
      version: matchingWeights.version,
      weights: matchingWeights.weights,
      createdAt: matchingWeights.createdAt,
      createdBy: users.name,
    })
    .from(matchingWeights)
    .leftJoin(users, eq(users.id, matchingWeights.createdBy))
    .orderBy(desc(matchingWeights.version))
    .limit(20)
    .all();
}

/** Saves a new version (old versions stay: courses point to the version they were matched with). */
export function saveWeights(weights: Weights, actor: Actor, d: Db = db()): number {
  return transaction((tx) => {
    const { version } = currentWeights(tx);
    const next = version + 1;
    tx.insert(matchingWeights)
      .values({ version: next, weights: normaliseWeights(weights), createdBy: actor.id })
      .run();
    audit(actor, "create", "setting", next, { setting: "matching_weights", version: next }, tx);
    return next;
  }, d);
}

/* ------------------------------------------------------------------ the scoring context */

let distanceCache: { key: string; fn: MatchContext["distanceKm"] } | undefined;

export function matchContext(d: Db = db(), weights?: Weights): MatchContext {
  // The centroids as one string made by SQLite: the distance table is made again only when they changed.
  const key =
    d
      .select({
        k: sql<string>`group_concat(${municipalities.code} || ':' || ${municipalities.lat} || ':' || ${municipalities.lng}, '|')`,
      })
      .from(municipalities)
      .get()?.k ?? "";
  if (distanceCache?.key !== key) {
    const rows = d
      .select({ code: municipalities.code, lat: municipalities.lat, lng: municipalities.lng })
      .from(municipalities)
      .all();
    distanceCache = { key, fn: distanceTable(rows) };
  }
  return {
    today: today(),
    weights: weights ?? currentWeights(d).weights,
    distanceKm: distanceCache.fn,
    sectionOf,
    requireSharedIndustry: !getMatchSettings(d).proposeNoIndustryPairs,
  };
}

/** DB07 section of a two-digit division (the reference data). */
export const sectionOf = sectionOfDivision;

/** Whether a mentee's wished industries and a mentor share an industry (app/domain/industry.ts with the reference data). */
export const pairSharesIndustry = (
  wishedIndustryCodes: readonly string[],
  mentor: { industryCode: string; networkIndustryCodes: readonly string[] },
) => sharesIndustry(wishedIndustryCodes, mentor, sectionOf);
