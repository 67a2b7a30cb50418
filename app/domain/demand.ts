/**
 * Supply and demand (issue 19, `/koordinator/behov`): waiting citizens against free approved mentors by DB07 section
 * and municipality. The database counts (SQL aggregates, at most 21 sections × 98 municipalities rows each); this
 * module joins the counts into cells, finds the shortages and sums regions. Pure.
 *
 * A citizen who wishes industries in two sections is waiting in both cells (either mentor would do), so the cells of a
 * municipality can add up to more than its waiting citizens; the page's totals count citizens once.
 */
export type DemandCount = { section: string; municipalityCode: number; waiting: number; oldestReferredAt: string };
export type SupplyCount = { section: string; municipalityCode: number; freeMentors: number };
export type PlacesCount = { section: string; municipalityCode: number; openPlaces: number };
export type Place = { code: number; regionCode: number };

export type Cell = {
  section: string;
  municipalityCode: number;
  regionCode: number;
  waiting: number;
  freeMentors: number;
  openPlaces: number;
  /** Waiting citizens more than free mentors (0 when supply covers demand). */
  gap: number;
  oldestReferredAt: string | null;
};

const key = (section: string, code: number) => `${section}:${code}`;

/** One cell per section × municipality that has any waiting citizen, free mentor or open company place. */
export function demandCells(
  demand: DemandCount[],
  supply: SupplyCount[],
  places: PlacesCount[],
  municipalities: Place[],
): Cell[] {
  const region = new Map(municipalities.map((m) => [m.code, m.regionCode]));
  const cells = new Map<string, Cell>();
  const cell = (section: string, code: number): Cell => {
    const k = key(section, code);
    let c = cells.get(k);
    if (!c) {
      c = {
        section,
        municipalityCode: code,
        regionCode: region.get(code) ?? 0,
        waiting: 0,
        freeMentors: 0,
        openPlaces: 0,
        gap: 0,
        oldestReferredAt: null,
      };
      cells.set(k, c);
    }
    return c;
  };
  for (const d of demand)
    Object.assign(cell(d.section, d.municipalityCode), { waiting: d.waiting, oldestReferredAt: d.oldestReferredAt });
  for (const s of supply) cell(s.section, s.municipalityCode).freeMentors += s.freeMentors;
  for (const p of places) cell(p.section, p.municipalityCode).openPlaces += p.openPlaces;
  const out = [...cells.values()];
  for (const c of out) c.gap = Math.max(0, c.waiting - c.freeMentors);
  return out.sort((a, b) => a.section.localeCompare(b.section) || a.municipalityCode - b.municipalityCode);
}

/** Cells where more citizens wait than there are free mentors: biggest gap first, then the longest wait. */
export function shortages(cells: Cell[]): Cell[] {
  return cells
    .filter((c) => c.gap > 0)
    .sort(
      (a, b) =>
        b.gap - a.gap ||
        (a.oldestReferredAt ?? "").localeCompare(b.oldestReferredAt ?? "") ||
        a.section.localeCompare(b.section) ||
        a.municipalityCode - b.municipalityCode,
    );
}

export type Total = { key: string; waiting: number; freeMentors: number; openPlaces: number; gap: number };

/**
 * Cells summed by region or by section. The gap of a region is the sum of its cells' gaps (a free mentor in Aarhus does
 * not help a citizen in Randers wait less), not waiting minus free.
 */
export function totalsBy(cells: Cell[], by: "region" | "section"): Total[] {
  const m = new Map<string, Total>();
  for (const c of cells) {
    const k = by === "region" ? String(c.regionCode) : c.section;
    const t = m.get(k) ?? { key: k, waiting: 0, freeMentors: 0, openPlaces: 0, gap: 0 };
    t.waiting += c.waiting;
    t.freeMentors += c.freeMentors;
    t.openPlaces += c.openPlaces;
    t.gap += c.gap;
    m.set(k, t);
  }
  return [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/* ------------------------------------------------------------------ recruitment links */

const SOURCE = /^([A-U])-(\d{3})$/;

/** What a sign-up from a recruitment link stores on the mentor: the section and the municipality ("Q-751"). */
export function recruitmentSource(section: string, municipalityCode: number): string {
  return `${section}-${String(municipalityCode).padStart(3, "0")}`;
}

export function parseRecruitmentSource(
  v: string | null | undefined,
): { section: string; municipalityCode: number } | null {
  const m = v ? SOURCE.exec(v) : null;
  return m ? { section: m[1], municipalityCode: Number(m[2]) } : null;
}

/** The public link a coordinator shares: the sign-up form with industry and municipality chosen. */
export function recruitmentPath(section: string, municipalityCode: number): string {
  return `/bliv-mentor?branche=${encodeURIComponent(section)}&kommune=${municipalityCode}`;
}

/** The last `n` calendar months up to and including `today`'s ("2026-01" … "2026-11"), oldest first. */
export function lastMonths(today: string, n: number): string[] {
  const [y, m] = today.slice(0, 7).split("-").map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  });
}

/** The last day of a month key ("2026-02" → "2026-02-28"). */
export function monthEnd(month: string): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m, 0));
  return d.toISOString().slice(0, 10);
}

type PresetOptions = {
  municipalities: { code: number; name: string }[];
  sections: { code: string; labelDa: string; labelEn: string }[];
  divisions: { code: string; section: string }[];
};
export type RecruitmentPreset = {
  section: string;
  sectionLabelDa: string;
  sectionLabelEn: string;
  industryCode: string;
  municipalityCode: number;
  municipalityName: string;
  source: string;
};

/**
 * What a recruitment link chooses on the sign-up form: the municipality, and the first division of the section (the
 * volunteer changes it to their own within the section). Null when the link names no known section or municipality.
 */
export function recruitmentPreset(
  o: PresetOptions,
  branche: string | null,
  kommune: string | null,
): RecruitmentPreset | null {
  const section = o.sections.find((s) => s.code === branche);
  const municipality =
    kommune && /^\d{3}$/.test(kommune) ? o.municipalities.find((m) => m.code === Number(kommune)) : undefined;
  const division = section ? o.divisions.find((d) => d.section === section.code) : undefined;
  if (!section || !municipality || !division) return null;
  return {
    section: section.code,
    sectionLabelDa: section.labelDa,
    sectionLabelEn: section.labelEn,
    industryCode: division.code,
    municipalityCode: municipality.code,
    municipalityName: municipality.name,
    source: recruitmentSource(section.code, municipality.code),
  };
}
