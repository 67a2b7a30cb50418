/**
 * The demo's competence assessments: a profile for most citizens, built from what their referral says, some with a
 * second version.
 */
import { and, asc, isNull, ne } from "drizzle-orm";
import type { Db } from "../../client";
import { competenceProfiles, mentees } from "../../schema";
import { int, pick, type Rng } from "../../factories";
import { addDays } from "../../../app/domain/dates";
import { iscedOf, type Education, type Profile } from "../../../app/domain/competence";

export type CompanySideCtx = {
  now: string;
  coordinatorId: number;
  caseworkers: Map<number, number>;
  demoMentorId: number;
};

const CERTIFICATES: Record<string, string[]> = {
  Kok: ["Hygiejnebevis"],
  Chauffør: ["Kørekort C", "Kørekort D"],
  Lagermedarbejder: ["Truckcertifikat B"],
  Sygeplejerske: ["Førstehjælp"],
  Elektriker: ["Autorisation fra hjemlandet"],
  Tømrer: ["Stilladskursus"],
  Sælger: [],
  Lærer: [],
  Programmør: [],
};
const SUMMARIES = [
  "Mødestabil og motiveret. Vil gerne i gang med praktik så hurtigt som muligt.",
  "Har god erfaring fra hjemlandet og vil bruge den i Danmark. Dansk går fremad.",
  "Praktisk anlagt og hurtig til at lære. Ønsker en arbejdsplads med kolleger at tale dansk med.",
  "Har brug for at lære danske arbejdspladsnormer at kende. Stærk faglighed.",
];

/* ------------------------------------------------------------------ competence assessments */

function profileFor(rng: Rng, m: typeof mentees.$inferSelect, now: string): Profile {
  const isced = iscedOf(m.educationLevel);
  const educations: Education[] = isced
    ? [
        {
          level: isced,
          field: m.educationField,
          country: m.educationCountry,
          year: Math.min(Number(now.slice(0, 4)) - 1, m.birthYear + (isced >= "6" ? 24 : 19)),
          recognised: isced >= "4" && rng() < 0.35,
        },
      ]
    : [];
  const title = m.experience[0]?.title ?? "";
  return {
    educations,
    experience: m.experience.map((e) => ({
      occupation: e.title,
      industryCode: e.industryCode,
      years: e.years,
      country: m.educationCountry,
    })),
    danishLevel: m.danishLevel,
    danishModule: m.danishModule,
    englishLevel: m.englishLevel,
    drivingLicence: m.drivingLicence,
    certificates: CERTIFICATES[title] ?? [],
    hoursPerWeek: pick(rng, [37, 37, 30, 25]),
    availableFrom: rng() < 0.2 ? addDays(now, int(rng, 7, 45)) : null,
    wishedIndustryCodes: [...m.wishedIndustryCodes],
    wishedOccupations: m.wishedOccupation ? [m.wishedOccupation] : [],
    summary: pick(rng, SUMMARIES),
  };
}

export function seedProfiles(t: Db, rng: Rng, ctx: CompanySideCtx): Map<number, Profile> {
  const out = new Map<number, Profile>();
  const all = t
    .select()
    .from(mentees)
    .where(and(ne(mentees.status, "withdrawn"), isNull(mentees.anonymisedAt)))
    .orderBy(asc(mentees.id))
    .all();
  for (const m of all) {
    const assessed = rng() < 0.85;
    const p = profileFor(rng, m, ctx.now);
    if (!assessed) continue;
    const by = ctx.caseworkers.get(m.municipalityCode) ?? ctx.coordinatorId;
    const at = `${addDays(m.referredAt.slice(0, 10), int(rng, 1, 10))}T10:00:00.000Z`;
    const second = rng() < 0.25;
    if (second) {
      // A first version from the referral interview; the coordinator added hours and a certificate later.
      t.insert(competenceProfiles)
        .values({
          menteeId: m.id,
          version: 1,
          isCurrent: false,
          ...p,
          hoursPerWeek: null,
          certificates: [],
          createdBy: by,
          createdAt: at,
        })
        .run();
      t.insert(competenceProfiles)
        .values({
          menteeId: m.id,
          version: 2,
          isCurrent: true,
          ...p,
          createdBy: ctx.coordinatorId,
          createdAt: `${addDays(at.slice(0, 10), int(rng, 5, 30))}T13:00:00.000Z`,
        })
        .run();
    } else {
      t.insert(competenceProfiles)
        .values({ menteeId: m.id, version: 1, isCurrent: true, ...p, createdBy: by, createdAt: at })
        .run();
    }
    out.set(m.id, p);
  }
  return out;
}
