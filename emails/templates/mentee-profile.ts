/**
 * The mentee's minimal profile as a mentor reads it, in the request to say yes (match-request.ts) and in the match
 * (matching.ts): languages, Danish level, wished industries and goals, each a sentence in the mentor's language.
 */
import daEnum from "../../app/i18n/locales/da/enum";
import enEnum from "../../app/i18n/locales/en/enum";
import { industryLabel } from "../../app/domain/industries";
import { sentence } from "../format";

export type MenteeProfile = {
  languages: string[];
  danishLevel: string;
  wishedIndustryCodes: string[];
  goals: string[];
};

const WORDS = {
  da: { enums: daEnum, languages: "Sprog", danish: "Dansk", industries: "Ønskede brancher", goals: "Mål med forløbet" },
  en: { enums: enEnum, languages: "Languages", danish: "Danish", industries: "Wished industries", goals: "Goals" },
};
const list = (xs: string[]) => (xs.length ? xs.join(", ") : "–");
const lookup = (table: Record<string, string>, key: string) => table[key] ?? key;

export function menteeProfile(lang: "da" | "en", d: MenteeProfile): string[] {
  const { enums, ...w } = WORDS[lang];
  return [
    `${sentence(`${w.languages}: ${list(d.languages.map((l) => lookup(enums.messageLanguage, l)))}`)} ${sentence(`${w.danish}: ${lookup(enums.danishLevel, d.danishLevel)}`)}`,
    sentence(`${w.industries}: ${list(d.wishedIndustryCodes.map((c) => industryLabel(c, lang)))}`),
    sentence(`${w.goals}: ${list(d.goals.map((g) => lookup(enums.goal, g)))}`),
  ];
}
