/**
 * Users, mentors and citizens (values and inserts), with coherent work histories and consents.
 */
import type { Db } from "../client";
import { consents, mentees, mentors, users } from "../schema";
import type { Goal, MessageLanguage, Role } from "../../app/domain/enums";
import { goals as allGoals } from "../../app/domain/enums";
import type { Rng } from "../../app/domain/random";
import { postcodeIn } from "../reference/postcodes";
import { DANISH_FIRST, DANISH_LAST, MENTEE_LANGUAGE_WEIGHTS, MENTEE_NAMES } from "./names";
import { int, pick, sample, weighted } from "./random";

const COMMON_DIVISIONS = [
  "41",
  "43",
  "47",
  "46",
  "49",
  "56",
  "55",
  "62",
  "86",
  "87",
  "88",
  "10",
  "25",
  "68",
  "69",
  "71",
  "81",
  "85",
  "64",
  "52",
] as const;
const JOB_TITLES: Record<string, string> = {
  "41": "Byggeleder",
  "43": "Tømrermester",
  "47": "Butikschef",
  "46": "Salgschef",
  "49": "Vognmand",
  "56": "Restauratør",
  "55": "Hotelchef",
  "62": "Udviklingschef",
  "86": "Afdelingssygeplejerske",
  "87": "Plejehjemsleder",
  "88": "Pædagogisk leder",
  "10": "Produktionschef",
  "25": "Værkfører",
  "68": "Ejendomsadministrator",
  "69": "Revisor",
  "71": "Ingeniør",
  "81": "Serviceleder",
  "85": "Skoleleder",
  "64": "Bankrådgiver",
  "52": "Lagerchef",
};
const EMPLOYERS = [
  "Jysk Byg A/S",
  "Fynsk Handel ApS",
  "Nordisk Logistik",
  "Café Havnen",
  "Sønderjysk Maskinfabrik",
  "Kolding Kommune",
  "Bryggen Hotel",
  "DataFolk ApS",
  "Norddjurs Vognmandsforretning",
  "Region Midtjylland",
  "Herning Stål",
  "Lokalbanken",
  "Vordingborg Service",
  "Aabenraa El",
  "Billund Catering",
];

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export type UserInput = {
  email?: string;
  name?: string;
  role: Role;
  municipalityCode?: number | null;
  passwordHash?: string | null;
  totpSecret?: string | null;
  locale?: "da" | "en";
};
export function insertUser(d: Db, u: UserInput) {
  return d
    .insert(users)
    .values({
      email: u.email ?? `user-${uniq()}@eksempel.dk`,
      name: u.name ?? "Test Bruger",
      role: u.role,
      municipalityCode: u.municipalityCode ?? null,
      passwordHash: u.passwordHash ?? null,
      totpSecret: u.totpSecret ?? null,
      locale: u.locale ?? "da",
      emailVerifiedAt: new Date().toISOString(),
    })
    .returning()
    .get();
}

export type MentorInput = Partial<typeof mentors.$inferInsert>;
export function mentorValues(
  rng: Rng,
  municipalityCodes: readonly number[],
  o: MentorInput = {},
): typeof mentors.$inferInsert {
  const first = pick(rng, DANISH_FIRST);
  const last = pick(rng, DANISH_LAST);
  const division = pick(rng, COMMON_DIVISIONS);
  const femaleNames = new Set([
    "Mette",
    "Anne",
    "Hanne",
    "Susanne",
    "Camilla",
    "Louise",
    "Line",
    "Charlotte",
    "Pernille",
    "Tina",
    "Kirsten",
    "Maria",
    "Birgitte",
    "Helle",
    "Ida",
  ]);
  const extraLang = rng() < 0.15 ? [pick(rng, ["ar", "uk", "fa", "de", "es"])] : [];
  // Drawn in the order they always were, so the rest of the seeded demo stays the same; the postcode then lies in
  // the municipality (the demo's Aarhus mentor lives in 8xxx, not 5418).
  const phone = `+45${int(rng, 20, 61)}${String(int(rng, 0, 999999)).padStart(6, "0")}`;
  const postRoll = int(rng, 1000, 9990);
  const picked = pick(rng, municipalityCodes);
  const municipalityCode = o.municipalityCode ?? picked;
  return {
    firstName: first,
    lastName: last,
    email: `${first}.${last}.${uniq()}@eksempel.dk`
      .toLowerCase()
      .replace(/[æ]/g, "ae")
      .replace(/[ø]/g, "oe")
      .replace(/[å]/g, "aa"),
    phone,
    postcode: postcodeIn(municipalityCode, postRoll) ?? String(postRoll),
    municipalityCode,
    travelKm: pick(rng, [10, 15, 25, 40]),
    employer: rng() < 0.85 ? pick(rng, EMPLOYERS) : null,
    jobTitle: JOB_TITLES[division] ?? "Leder",
    industryCode: division,
    networkIndustryCodes: sample(
      rng,
      COMMON_DIVISIONS.filter((c) => c !== division),
      int(rng, 0, 2),
    ),
    yearsExperience: int(rng, 4, 35),
    isManager: rng() < 0.6,
    languages: ["da", "en", ...extraLang],
    gender: femaleNames.has(first) ? "female" : "male",
    menteeGenderPreference: rng() < 0.1 ? (femaleNames.has(first) ? "female" : "male") : "none",
    offers: sample(rng, allGoals, int(rng, 3, 6)) as Goal[],
    capacity: rng() < 0.1 ? 2 : 1,
    motivation: "Jeg vil gerne bruge mit netværk til at hjælpe en ny kollega ind på arbejdsmarkedet.",
    status: "approved",
    emailVerifiedAt: new Date().toISOString(),
    // A mentor past screening has read the introduction (a hard rule of matching); one still applying has not.
    introductionReadAt:
      o.status === "applied" || o.status === "screening" || o.status === "rejected" ? null : new Date().toISOString(),
    ...o,
  };
}
export function insertMentor(d: Db, rng: Rng, municipalityCodes: readonly number[], o: MentorInput = {}) {
  return d
    .insert(mentors)
    .values(mentorValues(rng, municipalityCodes, o))
    .returning()
    .get();
}

export type MenteeInput = Partial<typeof mentees.$inferInsert>;
export function menteeValues(rng: Rng, municipalityCode: number, o: MenteeInput = {}): typeof mentees.$inferInsert {
  const lang = weighted(rng, MENTEE_LANGUAGE_WEIGHTS);
  const names = MENTEE_NAMES[lang];
  const gender = rng() < 0.45 ? "female" : "male";
  const first = pick(rng, gender === "female" ? names.female : names.male);
  const last = pick(rng, names.last);
  const channel = rng() < 0.7 ? "sms" : "email";
  const danish = weighted(rng, [
    ["du1", 2],
    ["du2", 4],
    ["du3", 3],
    ["pd2", 2],
    ["pd3", 1],
  ] as [string, number][]);
  return {
    municipalityCode,
    firstName: first,
    lastName: last,
    birthYear: int(rng, 1970, 2003),
    gender,
    phone: `+45${int(rng, 20, 61)}${String(int(rng, 0, 999999)).padStart(6, "0")}`,
    email: rng() < 0.6 ? `${first}.${last}.${uniq()}@eksempel.dk`.toLowerCase().replace(/[^a-z0-9.@-]/g, "") : null,
    preferredChannel: channel,
    language: (rng() < 0.85 ? lang : pick(rng, ["da", "en"])) as MessageLanguage,
    group: rng() < 0.8 ? "refugee" : "family_reunified",
    jobReady: true,
    danishLevel: danish as typeof mentees.$inferInsert.danishLevel,
    danishModule: int(rng, 2, 6),
    englishLevel: pick(rng, ["none", "basic", "intermediate", "fluent"] as const),
    languages: lang === "uk" ? ["uk", "ru"] : [lang],
    ...coherentWork(rng, lang),
    goals: sample(rng, allGoals, int(rng, 2, 4)) as Goal[],
    availability: pick(rng, ["Hverdage efter kl. 15", "Formiddage", "Tirsdag og torsdag", "Efter aftale"]),
    drivingLicence: rng() < 0.4,
    mentorGenderPreference: rng() < 0.12 ? gender : "none",
    needsConsideration: rng() < 0.08,
    status: "waiting",
    ...o,
  };
}
/**
 * A citizen's education, experience and wishes that hang together (a nurse wishes health and care work, a cook a
 * kitchen). The draws are the same as they always were, so the rest of a seeded demo stays as it was.
 */
export const OCCUPATIONS: Record<
  string,
  { industry: string; field: string | null; wish: string; wishIndustry: string }
> = {
  Kok: { industry: "56", field: "Gastronomi", wish: "Kok", wishIndustry: "56" },
  Tømrer: { industry: "43", field: "Byggeri", wish: "Tømrer", wishIndustry: "43" },
  Chauffør: { industry: "49", field: null, wish: "Buschauffør", wishIndustry: "49" },
  Sygeplejerske: { industry: "86", field: "Sygepleje", wish: "Social- og sundhedsassistent", wishIndustry: "87" },
  Sælger: { industry: "47", field: "Handel", wish: "Butiksassistent", wishIndustry: "47" },
  Lagermedarbejder: { industry: "52", field: null, wish: "Lagermedarbejder", wishIndustry: "52" },
  Elektriker: { industry: "43", field: "Elektriker", wish: "Elektriker", wishIndustry: "43" },
  Lærer: { industry: "85", field: "Undervisning", wish: "Pædagogmedhjælper", wishIndustry: "88" },
  Programmør: { industry: "62", field: "IT", wish: "Udvikler", wishIndustry: "62" },
};
/** Where a speaker of each language most likely went to school (issue 19: languages fit countries in the demo). */
const COUNTRIES_BY_LANGUAGE: Record<string, string[]> = {
  ar: ["Syrien", "Irak"],
  ti: ["Eritrea"],
  prs: ["Afghanistan"],
  ps: ["Afghanistan"],
  fa: ["Iran"],
  uk: ["Ukraine"],
  so: ["Somalia"],
  kmr: ["Syrien", "Irak"],
};
function coherentWork(rng: Rng, lang: string) {
  const educationLevel = pick(rng, ["primary", "secondary", "vocational", "bachelor", "master"] as const);
  const fieldDraw = pick(rng, ["Byggeri", "Handel", "Sygepleje", "IT", "Regnskab", "Landbrug", "Undervisning", null]);
  const countryDraw = pick(rng, ["Syrien", "Eritrea", "Afghanistan", "Ukraine", "Somalia", "Iran", "Irak"]);
  const countries = COUNTRIES_BY_LANGUAGE[lang];
  // The draw stays (the rest of a seeded demo stays as it was); the country is one where the language is spoken.
  const educationCountry =
    !countries || countries.includes(countryDraw) ? countryDraw : countries[countryDraw.length % countries.length];
  const title = pick(rng, Object.keys(OCCUPATIONS));
  const job = OCCUPATIONS[title];
  const years = int(rng, 1, 12);
  void pick(rng, COMMON_DIVISIONS); // the experience's industry, now the occupation's own
  const n = int(rng, 1, 3);
  void sample(rng, COMMON_DIVISIONS, n); // other wished industries, now the occupation's own
  void pick(rng, [0, 1, 2, 3, 4, 5, 6, 7, 8]); // the wished occupation, now the one the experience leads to
  return {
    educationLevel,
    // Primary school has no field; otherwise the field of the occupation (or what was drawn, for work without one).
    educationField: educationLevel === "primary" ? null : (job.field ?? fieldDraw),
    educationCountry,
    experience: [{ title, years, industryCode: job.industry }],
    // The wishes are the occupation's own industries (a nurse wishes health and care, not construction).
    wishedIndustryCodes: [...new Set([job.wishIndustry, job.industry])].slice(0, Math.max(1, Math.min(n, 2))),
    wishedOccupation: job.wish,
  };
}

export function insertMentee(d: Db, rng: Rng, municipalityCode: number, o: MenteeInput = {}) {
  return d
    .insert(mentees)
    .values(menteeValues(rng, municipalityCode, o))
    .returning()
    .get();
}

export function giveConsents(
  d: Db,
  subjectType: "mentor" | "mentee",
  subjectId: number,
  purposes: (typeof consents.$inferInsert)["purpose"][],
  givenAt: string,
  recordedBy: number | null,
) {
  for (const purpose of purposes) {
    d.insert(consents).values({ subjectType, subjectId, purpose, textVersion: "2026-01", givenAt, recordedBy }).run();
  }
}
