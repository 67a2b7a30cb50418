/**
 * Factories for people and courses: the demo seed and the tests build data the same way. Deterministic given a seed.
 */
import type { Db } from "./client";
import { consents, courses, followUps, meetings, mentees, mentors, outcomes, surveys, users } from "./schema";
import type { Goal, MeetingTopic, MessageLanguage, OutcomeType, Role } from "../app/domain/enums";
import { goals as allGoals } from "../app/domain/enums";
import { addDays } from "../app/domain/dates";

import { createRng, type Rng } from "../app/domain/random";
import { postcodeIn } from "./reference/postcodes";
export { createRng, type Rng };
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export function sample<T>(rng: Rng, xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length) out.push(copy.splice(Math.floor(rng() * copy.length), 1)[0]);
  return out;
}

export const DANISH_FIRST = [
  "Mette",
  "Lars",
  "Anne",
  "Jens",
  "Hanne",
  "Peter",
  "Susanne",
  "Søren",
  "Camilla",
  "Henrik",
  "Louise",
  "Morten",
  "Line",
  "Thomas",
  "Charlotte",
  "Rasmus",
  "Pernille",
  "Mads",
  "Tina",
  "Jesper",
  "Kirsten",
  "Anders",
  "Maria",
  "Niels",
  "Birgitte",
  "Kasper",
  "Helle",
  "Martin",
  "Ida",
  "Frederik",
] as const;
export const DANISH_LAST = [
  "Nielsen",
  "Jensen",
  "Hansen",
  "Pedersen",
  "Andersen",
  "Christensen",
  "Larsen",
  "Sørensen",
  "Rasmussen",
  "Jørgensen",
  "Petersen",
  "Madsen",
  "Kristensen",
  "Olsen",
  "Thomsen",
  "Poulsen",
  "Johansen",
  "Møller",
  "Mortensen",
  "Knudsen",
] as const;

/** Mentee names by the language they read best, with a typical gender split. */
export const MENTEE_NAMES: Record<string, { female: string[]; male: string[]; last: string[] }> = {
  ar: {
    female: ["Rania", "Hiba", "Yasmin", "Nour", "Lama", "Reem"],
    male: ["Mohammad", "Ahmad", "Omar", "Khaled", "Bashar", "Yousef"],
    last: ["Al-Hassan", "Haddad", "Khalil", "Darwish", "Najjar", "Sabbagh", "Mansour"],
  },
  ti: {
    female: ["Senait", "Helen", "Selam", "Rahwa", "Luwam"],
    male: ["Yonas", "Filmon", "Mehari", "Tesfay", "Biniam"],
    last: ["Tesfaye", "Ghebremedhin", "Habte", "Kidane", "Berhane", "Woldu", "Tekle"],
  },
  prs: {
    female: ["Mariam", "Zahra", "Nargis", "Shabnam"],
    male: ["Farid", "Hamid", "Sohrab", "Javid", "Mustafa"],
    last: ["Ahmadi", "Rahimi", "Hosseini", "Sultani", "Karimi", "Noori", "Azizi"],
  },
  fa: {
    female: ["Parisa", "Shirin", "Leila"],
    male: ["Reza", "Dariush", "Babak"],
    last: ["Mohammadi", "Rezaei", "Jafari"],
  },
  uk: {
    female: ["Olena", "Iryna", "Oksana", "Kateryna", "Natalia", "Yulia"],
    male: ["Andrii", "Dmytro", "Serhii", "Oleksandr"],
    last: ["Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk", "Kravchenko", "Boyko"],
  },
  so: {
    female: ["Hodan", "Fartun", "Asha", "Ayaan"],
    male: ["Abdi", "Mohamed", "Abdirahman"],
    last: ["Warsame", "Farah", "Abdullahi", "Osman"],
  },
  kmr: { female: ["Rojin", "Berivan", "Dilan"], male: ["Azad", "Rezan", "Baran"], last: ["Xelil", "Ehmed", "Silêman"] },
  ps: { female: ["Gulalai", "Malalai"], male: ["Nasir", "Gul", "Ajmal"], last: ["Safi", "Wardak", "Popal"] },
};
/** How often each language appears among referred citizens in the demo. */
export const MENTEE_LANGUAGE_WEIGHTS: [string, number][] = [
  ["ar", 30],
  ["ti", 18],
  ["prs", 12],
  ["uk", 20],
  ["so", 7],
  ["fa", 5],
  ["kmr", 5],
  ["ps", 3],
];

export function weighted<T>(rng: Rng, pairs: [T, number][]): T {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}

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

export function insertCourse(d: Db, o: typeof courses.$inferInsert) {
  return d.insert(courses).values(o).returning().get();
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

/* ------------------------------------------------------------------ what happens in a course (values only) */

const NEXT_STEPS = [
  "Vi mødes igen og ser på ansøgninger.",
  "Borgeren sender sit CV inden næste møde.",
  "Jeg tager hende med på et virksomhedsbesøg.",
  "Vi øver jobsamtale næste gang.",
  "Jeg ringer til en kontakt i branchen.",
];

/** One logged meeting of a course on a given day. */
export function meetingValues(
  rng: Rng,
  courseId: number,
  date: string,
  o: Partial<typeof meetings.$inferInsert> = {},
): typeof meetings.$inferInsert {
  const topics = sample(rng, allGoals, int(rng, 1, 2)) as MeetingTopic[];
  const at = `${date}T18:30:00.000Z`;
  return {
    courseId,
    date,
    minutes: pick(rng, [60, 90, 120, 150]),
    form: pick(rng, ["in_person", "in_person", "phone", "video", "company_visit"] as const),
    topics,
    nextStep: pick(rng, NEXT_STEPS),
    createdAt: at,
    updatedAt: at,
    ...o,
  };
}

/** One follow-up call by a coordinator; most courses are on track. */
export function followUpValues(
  rng: Rng,
  courseId: number,
  calledOn: string,
  createdBy: number | null,
  o: Partial<typeof followUps.$inferInsert> = {},
): typeof followUps.$inferInsert {
  const status = rng() < 0.8 ? "on_track" : rng() < 0.7 ? "concern" : "needs_action";
  return {
    courseId,
    calledOn,
    target: pick(rng, ["mentor", "mentor", "mentee"] as const),
    status,
    notes: status === "on_track" ? "Godt samarbejde." : "Aftalt nyt møde snarest.",
    createdBy,
    createdAt: `${calledOn}T10:00:00.000Z`,
    ...o,
  };
}

/** A survey sent on `sentOn`; answered (or not) by `asOf`. */
export function surveyValues(
  rng: Rng,
  courseId: number,
  kind: "day30" | "closure",
  respondent: "mentee" | "mentor",
  sentOn: string,
  asOf: string,
): typeof surveys.$inferInsert {
  const answeredOn = addDays(sentOn, int(rng, 0, 6));
  const answered = rng() < (respondent === "mentor" ? 0.8 : 0.65) && answeredOn <= asOf;
  return {
    courseId,
    kind,
    respondent,
    sentAt: `${sentOn}T08:00:00.000Z`,
    createdAt: `${sentOn}T08:00:00.000Z`,
    answeredAt: answered ? `${answeredOn}T19:30:00.000Z` : null,
    satisfaction: answered ? pick(rng, [5, 5, 4, 4, 4, 3, 3, 2]) : null,
    closerToJob: answered ? pick(rng, ["yes", "yes", "unsure", "no"] as const) : null,
  };
}

/**
 * The outcomes of a completed course: the one at the end (65 % moved on to job, education, wage subsidy or
 * internship) and, once three months have passed by `asOf`, the follow-up outcome.
 */
export function completedOutcomes(
  rng: Rng,
  courseId: number,
  endedOn: string,
  followUpOn: string,
  asOf: string,
  recordedBy: number | null,
): (typeof outcomes.$inferInsert)[] {
  const positive = rng() < 0.65;
  const type: OutcomeType = positive
    ? pick(rng, [
        "job_full_time",
        "job_full_time",
        "job_part_time",
        "education",
        "wage_subsidy",
        "internship_unpaid",
        "igu",
        "internship_paid",
      ] as const)
    : "closer_to_job";
  const rows: (typeof outcomes.$inferInsert)[] = [
    {
      courseId,
      type,
      phase: "end",
      outcomeDate: endedOn,
      recordedBy,
      createdAt: `${endedOn}T12:00:00.000Z`,
      employerIndustryCode: positive && type !== "education" ? pick(rng, ["41", "47", "56", "49", "86", "87"]) : null,
      viaMentorNetwork: positive && rng() < 0.4,
    },
  ];
  if (followUpOn <= asOf) {
    const keep = positive ? rng() < 0.85 : rng() < 0.3;
    const later: OutcomeType = keep
      ? positive
        ? type
        : pick(rng, ["job_part_time", "internship_unpaid", "education"] as const)
      : "closer_to_job";
    rows.push({
      courseId,
      type: later,
      phase: "followup_3m",
      outcomeDate: followUpOn,
      recordedBy,
      createdAt: `${followUpOn}T12:00:00.000Z`,
    });
  }
  return rows;
}
