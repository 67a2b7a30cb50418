/**
 * The competence assessment (kompetenceafklaring) of a citizen: its shape, how it is compared between versions, what a
 * matched mentor may see of it (the minimal profile), and how it feeds the citizen's matching fields. Pure: no
 * database, no Remix. The form's rules live in app/schemas/competence.ts.
 */
import type { DanishLevel, EducationLevel, EnglishLevel, IscedLevel } from "./enums";

export const MAX_EDUCATIONS = 4;
export const MAX_EXPERIENCE = 6;
export const MAX_CERTIFICATES = 8;
export const MAX_WISHED_INDUSTRIES = 3;
export const MAX_WISHED_OCCUPATIONS = 3;
export const MAX_SUMMARY = 600;
export const MAX_HOURS_PER_WEEK = 48;

export type Education = {
  level: IscedLevel;
  field: string | null;
  country: string | null;
  year: number | null;
  recognised: boolean;
};
export type Experience = { occupation: string; industryCode: string | null; years: number; country: string | null };

export type Profile = {
  educations: Education[];
  experience: Experience[];
  danishLevel: DanishLevel;
  danishModule: number | null;
  englishLevel: EnglishLevel;
  drivingLicence: boolean;
  certificates: string[];
  hoursPerWeek: number | null;
  availableFrom: string | null;
  wishedIndustryCodes: string[];
  wishedOccupations: string[];
  summary: string | null;
};

export const profileFields = [
  "educations",
  "experience",
  "danishLevel",
  "danishModule",
  "englishLevel",
  "drivingLicence",
  "certificates",
  "hoursPerWeek",
  "availableFrom",
  "wishedIndustryCodes",
  "wishedOccupations",
  "summary",
] as const satisfies readonly (keyof Profile)[];
export type ProfileField = (typeof profileFields)[number];

/* ------------------------------------------------------------------ Danish level */

/**
 * Danish levels on one scale: a DU course leads to the matching exam (DU1 → PD1, DU2 → PD2, DU3 → PD3), and having
 * passed an exam counts as being at the next course's level. Studieprøven is the top.
 */
const DANISH_RANK: Record<DanishLevel, number> = {
  none: 0,
  du1: 1,
  pd1: 2,
  du2: 2,
  pd2: 3,
  du3: 3,
  pd3: 4,
  studieproeven: 5,
};
export function danishRank(level: DanishLevel): number {
  return DANISH_RANK[level];
}
/** Does `level` meet a requirement of `needed` ("none" needs nothing)? */
export function meetsDanish(level: DanishLevel, needed: DanishLevel): boolean {
  return DANISH_RANK[level] >= DANISH_RANK[needed];
}
export const DU_LEVELS: readonly DanishLevel[] = ["du1", "du2", "du3"];

/* ------------------------------------------------------------------ education */

/** The referral's coarse education level for an ISCED level (the matching and the referral view keep using it). */
export function educationLevelOf(isced: IscedLevel): EducationLevel {
  switch (isced) {
    case "0":
      return "none";
    case "1":
    case "2":
      return "primary";
    case "3":
      return "secondary";
    case "4":
    case "5":
      return "vocational";
    case "6":
      return "bachelor";
    case "7":
      return "master";
    case "8":
      return "phd";
  }
}
/** An ISCED level for the referral's coarse level (to prefill a first assessment from the referral). */
export function iscedOf(level: EducationLevel): IscedLevel | null {
  const map: Record<EducationLevel, IscedLevel | null> = {
    none: null,
    primary: "1",
    secondary: "3",
    vocational: "4",
    bachelor: "6",
    master: "7",
    phd: "8",
  };
  return map[level];
}

/** The highest education (highest ISCED level; the most recent on a tie), or null. */
export function highestEducation(educations: readonly Education[]): Education | null {
  let best: Education | null = null;
  for (const e of educations) {
    if (!best || e.level > best.level || (e.level === best.level && (e.year ?? 0) > (best.year ?? 0))) best = e;
  }
  return best;
}

/* ------------------------------------------------------------------ what others see */

/**
 * What a matched mentor sees (share_with_mentor): education, experience and wishes, nothing else. No summary, no
 * availability, no certificates, no country of experience: those stay with staff.
 */
export type MinimalProfile = {
  educations: { level: IscedLevel; field: string | null; recognised: boolean }[];
  experience: { occupation: string; industryCode: string | null; years: number }[];
  wishedIndustryCodes: string[];
  wishedOccupations: string[];
};
export function minimalProfile(p: Profile): MinimalProfile {
  return {
    educations: p.educations.map((e) => ({ level: e.level, field: e.field, recognised: e.recognised })),
    experience: p.experience.map((e) => ({ occupation: e.occupation, industryCode: e.industryCode, years: e.years })),
    wishedIndustryCodes: [...p.wishedIndustryCodes],
    wishedOccupations: [...p.wishedOccupations],
  };
}

/* ------------------------------------------------------------------ versions */

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between two versions (all of them against no previous version). */
export function changedFields(prev: Profile | null, next: Profile): ProfileField[] {
  if (!prev)
    return profileFields.filter((f) => {
      const v = next[f];
      return Array.isArray(v) ? v.length > 0 : v !== null && v !== false && v !== "none";
    });
  return profileFields.filter((f) => !same(prev[f], next[f]));
}

/* ------------------------------------------------------------------ the citizen's matching fields */

export type MenteeMatchingFields = {
  danishLevel: DanishLevel;
  danishModule: number | null;
  englishLevel: EnglishLevel;
  drivingLicence: boolean;
  educationLevel: EducationLevel;
  educationField: string | null;
  educationCountry: string | null;
  experience: { title: string; years: number; industryCode: string | null }[];
  wishedOccupation: string | null;
  wishedIndustryCodes?: string[];
};

/**
 * The citizen's own fields that mentor matching and the referral view read, brought in line with the newest
 * assessment. Wished industries are only replaced when the assessment names some (a referral always has one).
 */
export function menteeFieldsFromProfile(p: Profile): MenteeMatchingFields {
  const top = highestEducation(p.educations);
  return {
    danishLevel: p.danishLevel,
    danishModule: p.danishModule,
    englishLevel: p.englishLevel,
    drivingLicence: p.drivingLicence,
    educationLevel: top ? educationLevelOf(top.level) : "none",
    educationField: top?.field ?? null,
    educationCountry: top?.country ?? null,
    experience: p.experience.map((e) => ({ title: e.occupation, years: e.years, industryCode: e.industryCode })),
    wishedOccupation: p.wishedOccupations[0] ?? null,
    ...(p.wishedIndustryCodes.length ? { wishedIndustryCodes: p.wishedIndustryCodes } : {}),
  };
}

export type ReferralFields = {
  danishLevel: DanishLevel;
  danishModule: number | null;
  englishLevel: EnglishLevel;
  drivingLicence: boolean;
  educationLevel: EducationLevel;
  educationField: string | null;
  educationCountry: string | null;
  experience: { title: string; years: number; industryCode: string | null }[];
  wishedIndustryCodes: string[];
  wishedOccupation: string | null;
};

/** A first assessment prefilled from what the referral already says (the caseworker then completes it). */
export function profileFromReferral(m: ReferralFields): Profile {
  const isced = iscedOf(m.educationLevel);
  return {
    educations: isced
      ? [{ level: isced, field: m.educationField, country: m.educationCountry, year: null, recognised: false }]
      : [],
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
    certificates: [],
    hoursPerWeek: null,
    availableFrom: null,
    wishedIndustryCodes: [...m.wishedIndustryCodes],
    wishedOccupations: m.wishedOccupation ? [m.wishedOccupation] : [],
    summary: null,
  };
}

/* ------------------------------------------------------------------ mentor matching */

export type ProfileReason = {
  key: "profile_experience" | "profile_experience_section";
  params: { code: string; years: number; occupation: string };
};

/**
 * What the assessment adds to a mentor candidate's reasons: the citizen has worked in the mentor's own division (or,
 * failing that, its section) — the longest such experience. The engine's score is unchanged; this is the evidence.
 */
export function experienceReason(
  p: Pick<Profile, "experience">,
  mentorIndustryCode: string,
  sectionOf: (code: string) => string | undefined,
): ProfileReason | null {
  const longest = (rows: Experience[]) => [...rows].sort((a, b) => b.years - a.years)[0];
  const same = longest(p.experience.filter((e) => e.industryCode === mentorIndustryCode));
  if (same)
    return {
      key: "profile_experience",
      params: { code: mentorIndustryCode, years: same.years, occupation: same.occupation },
    };
  const section = sectionOf(mentorIndustryCode);
  const near = section
    ? longest(p.experience.filter((e) => e.industryCode && sectionOf(e.industryCode) === section))
    : undefined;
  return near && section
    ? { key: "profile_experience_section", params: { code: section, years: near.years, occupation: near.occupation } }
    : null;
}
