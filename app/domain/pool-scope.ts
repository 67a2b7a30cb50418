/**
 * The scope of a whole-pool run (issue 17): the whole country, one region or one municipality, optionally narrowed to
 * one DB07 section (mentees who wish a division of it, mentors whose industry or network is in it). The scope key is
 * what "one run at a time per scope" compares: the same scope always gives the same key.
 */
export type PoolArea =
  { area: "country" } | { area: "region"; region: number } | { area: "municipality"; municipality: number };
export type PoolScope = PoolArea & { section: string | null };

export const poolAreas = ["country", "region", "municipality"] as const;
const SECTION = /^[A-U]$/;

export function scopeKey(s: PoolScope): string {
  const area =
    s.area === "country" ? "country" : s.area === "region" ? `region:${s.region}` : `municipality:${s.municipality}`;
  return s.section ? `${area}/section:${s.section}` : area;
}

/** The scope a key names, or null for anything else. */
export function parseScopeKey(key: string): PoolScope | null {
  const m = /^(country|region:(\d{4})|municipality:(\d{1,3}))(?:\/section:([A-U]))?$/.exec(key);
  if (!m) return null;
  const section = m[4] ?? null;
  if (m[2]) return { area: "region", region: Number(m[2]), section };
  if (m[3]) return { area: "municipality", municipality: Number(m[3]), section };
  return { area: "country", section };
}

export const isSection = (s: unknown): s is string => typeof s === "string" && SECTION.test(s);
