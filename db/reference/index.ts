/**
 * Reference data as versioned, idempotent upserts. Running it twice changes nothing; a higher version re-applies.
 * Partner status is data an admin owns: the initial 13 partners are set only when a municipality row is first created.
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { guidancePages, industries, municipalities, referenceVersions } from "../schema";
import { MUNICIPALITIES, MUNICIPALITIES_VERSION } from "./municipalities";
import { DB07, DB07_VERSION } from "./db07";
import { DEFAULT_GUIDANCE, GUIDANCE_VERSION } from "./guidance";

/** The 13 partner municipalities of the demo: the first 13 of the 15 named in public material about the model. */
export const INITIAL_PARTNER_CODES = [751, 430, 707, 540, 580, 510, 550, 621, 575, 530, 390, 657, 101] as const;
const PARTNER_SINCE = "2024-01-01";

function applied(d: Db, name: string): number {
  return d.select().from(referenceVersions).where(eq(referenceVersions.name, name)).get()?.version ?? 0;
}

function markApplied(d: Db, name: string, version: number) {
  d.insert(referenceVersions)
    .values({ name, version })
    .onConflictDoUpdate({ target: referenceVersions.name, set: { version, appliedAt: new Date().toISOString() } })
    .run();
}

export function applyReferenceData(d: Db): { municipalities: boolean; industries: boolean } {
  const result = { municipalities: false, industries: false };
  d.transaction((tx) => {
    const txd = tx as unknown as Db;
    if (applied(txd, "municipalities") < MUNICIPALITIES_VERSION) {
      for (const m of MUNICIPALITIES) {
        const partner = (INITIAL_PARTNER_CODES as readonly number[]).includes(m.code);
        tx.insert(municipalities)
          .values({
            code: m.code,
            name: m.name,
            regionCode: m.regionCode,
            lat: m.lat,
            lng: m.lng,
            isPartner: partner,
            partnerSince: partner ? PARTNER_SINCE : null,
            agreementDate: partner ? PARTNER_SINCE : null,
            dpaDate: partner ? PARTNER_SINCE : null,
          })
          .onConflictDoUpdate({
            target: municipalities.code,
            set: { name: m.name, regionCode: m.regionCode, lat: m.lat, lng: m.lng },
          })
          .run();
      }
      markApplied(txd, "municipalities", MUNICIPALITIES_VERSION);
      result.municipalities = true;
    }
    if (applied(txd, "db07") < DB07_VERSION) {
      for (const i of DB07) {
        tx.insert(industries)
          .values(i)
          .onConflictDoUpdate({
            target: industries.code,
            set: { level: i.level, section: i.section, labelDa: i.labelDa, labelEn: i.labelEn },
          })
          .run();
      }
      markApplied(txd, "db07", DB07_VERSION);
      result.industries = true;
    }
    // The first mentor guidance, only into an empty table: after that it is the coordinators' content.
    if (applied(txd, "guidance") < GUIDANCE_VERSION) {
      const has = tx
        .select({ n: sql<number>`count(*)` })
        .from(guidancePages)
        .get()!.n;
      if (!has)
        tx.insert(guidancePages)
          .values(DEFAULT_GUIDANCE.map((p, i) => ({ ...p, sort: i })))
          .run();
      markApplied(txd, "guidance", GUIDANCE_VERSION);
    }
  });
  return result;
}

export function countReference(d: Db) {
  return {
    municipalities: d
      .select({ n: sql<number>`count(*)` })
      .from(municipalities)
      .get()!.n,
    industries: d
      .select({ n: sql<number>`count(*)` })
      .from(industries)
      .get()!.n,
  };
}
