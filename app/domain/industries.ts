/**
 * The shared industry vocabulary (DB07, the Danish NACE Rev. 2): sections A-U and two-digit divisions, with short
 * Danish and English labels. One home for the lists and labels that forms, schemas, pages and matching derive from the
 * reference data (db/reference/db07.ts holds the data and is seeded from it); nothing else reads the data directly.
 */
import { DB07, sectionOf as sectionOfCode, type IndustryRef } from "../../db/reference/db07";

export type { IndustryRef };

export const industries: readonly IndustryRef[] = DB07;
export const industrySections: readonly IndustryRef[] = DB07.filter((i) => i.level === "section");
export const industryDivisions: readonly IndustryRef[] = DB07.filter((i) => i.level === "division");
export const sectionCodes: readonly string[] = industrySections.map((i) => i.code);
export const divisionCodes: readonly string[] = industryDivisions.map((i) => i.code);

/**
 * Every section and division in the order of the waiting queue's industry filter: grouped by section (its divisions,
 * then the section), in code order. Static, so pages take it from here instead of sending it with their data.
 */
const rank = (i: IndustryRef) => `${i.section}${i.level === "section" ? 1 : 0}${i.code}`;
export const industriesInFilterOrder: readonly IndustryRef[] = [...DB07].sort((a, b) =>
  rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0,
);

const byCode = new Map(DB07.map((i) => [i.code, i]));
const divisionSet = new Set(divisionCodes);
const sectionByDivision = new Map(industryDivisions.map((i) => [i.code, i.section]));

export function industryByCode(code: string): IndustryRef | undefined {
  return byCode.get(code);
}

export function isDivisionCode(code: string): boolean {
  return divisionSet.has(code);
}

/**
 * The section letter of a section ("Q", "q") or division ("41") code; a finer DB07 code ("47.11", "471100") resolves
 * through its two-digit division. Unknown codes give undefined.
 */
export function sectionOf(code: string): string | undefined {
  return sectionOfCode(code);
}

/** The section of an exact two-digit division (the fast path the matching pool uses). */
export function sectionOfDivision(division: string): string | undefined {
  return sectionByDivision.get(division);
}

/** A division or section code with its label in the reader's language ("41 Opførelse af bygninger"); unknown: the code. */
export function industryLabel(code: string | null | undefined, lng: string): string {
  if (!code) return "";
  const i = byCode.get(code);
  return i ? `${i.code} ${lng === "en" ? i.labelEn : i.labelDa}` : code;
}

/** DB07 divisions as select options ("41 Opførelse af bygninger"). */
export function divisionOptions(lng: string): { value: string; label: string }[] {
  return industryDivisions.map((i) => ({ value: i.code, label: industryLabel(i.code, lng) }));
}

/** The industries with these codes, in DB07 order (a record's own handful of codes); unknown codes are left out. */
export function industriesByCodes(codes: readonly (string | null | undefined)[]): IndustryRef[] {
  const wanted = new Set(codes);
  return DB07.filter((i) => wanted.has(i.code));
}

/** Every code a section filter matches: the section itself and its divisions (empty for an unknown section). */
export function codesInSection(section: string): string[] {
  return DB07.filter((i) => i.section === section).map((i) => i.code);
}
