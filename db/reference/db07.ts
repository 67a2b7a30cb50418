/** DB07 (the Danish version of NACE rev. 2): 21 sections and 88 two-digit divisions, with short labels. */
import data from "./db07.json";

export type IndustryRef = {
  code: string;
  level: "section" | "division";
  section: string;
  labelDa: string;
  labelEn: string;
};

export const DB07_VERSION = 1;

/** The data (db07.json): one entry per section, then per division, in code order. */
export const DB07: readonly IndustryRef[] = data as IndustryRef[];

const bySection = new Map(DB07.map((i) => [i.code, i.section]));
/**
 * The section letter of a section ("Q", "q") or division ("41") code; a finer DB07 code ("47.11", "471100")
 * resolves through its two-digit division. Unknown codes give undefined.
 */
export function sectionOf(code: string): string | undefined {
  const c = code.trim().toUpperCase();
  if (/^[A-Z]$/.test(c)) return bySection.get(c);
  const m = /^(\d{2})(?:\.?\d{1,4})?$/.exec(c);
  return m ? bySection.get(m[1]) : undefined;
}
