/**
 * The admin's matching settings of issue 19 (decision 017), in the `settings` table: whether pairs without a shared
 * industry are proposed at all, and how many days a mentor has to answer a request. Exported for every page that
 * proposes pairs (the candidates page, the whole-pool run).
 */
import { inArray } from "drizzle-orm";
import { settings } from "../../db/schema";
import { db, type Db } from "../db.server";
import { nowIso } from "../utils/clock";
import { audit } from "./audit.server";
import { transaction, type Actor } from "./kernel.server";
import { DEFAULT_REQUEST_DAYS, REQUEST_DAYS_LIMITS } from "../domain/match-request";

export type MatchSettings = {
  /** Pairs without a shared industry are proposed (marked, never in bulk, a reason to approve). False: never proposed. */
  proposeNoIndustryPairs: boolean;
  /** Days a mentor has to answer a match request. */
  requestDays: number;
};

const KEYS = {
  proposeNoIndustryPairs: "matching_propose_no_industry_pairs",
  requestDays: "match_request_days",
} as const;
export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  proposeNoIndustryPairs: true,
  requestDays: DEFAULT_REQUEST_DAYS,
};

export function getMatchSettings(d: Db = db()): MatchSettings {
  const rows = d
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(KEYS)))
    .all();
  const value = (k: string) => rows.find((r) => r.key === k)?.value;
  const propose = value(KEYS.proposeNoIndustryPairs);
  const days = Number(value(KEYS.requestDays));
  return {
    proposeNoIndustryPairs: typeof propose === "boolean" ? propose : DEFAULT_MATCH_SETTINGS.proposeNoIndustryPairs,
    requestDays:
      Number.isInteger(days) && days >= REQUEST_DAYS_LIMITS[0] && days <= REQUEST_DAYS_LIMITS[1]
        ? days
        : DEFAULT_MATCH_SETTINGS.requestDays,
  };
}

/** Whether pairs without a shared industry are proposed (the whole-pool run reads this too). */
export const proposeNoIndustryPairs = (d: Db = db()) => getMatchSettings(d).proposeNoIndustryPairs;

export function saveMatchSettings(next: MatchSettings, actor: Actor, d: Db = db()): void {
  transaction((tx) => {
    for (const [field, key] of Object.entries(KEYS) as [keyof MatchSettings, string][]) {
      const value = next[field];
      tx.insert(settings)
        .values({ key, value, updatedBy: actor.id })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy: actor.id, updatedAt: nowIso() } })
        .run();
    }
    audit(actor, "update", "setting", null, { setting: "match_settings", ...next }, tx);
  }, d);
}
