/**
 * The competence assessment (kompetenceafklaring) of a citizen: read it (a logged read), save a new version (the
 * previous one stops being current, the citizen's matching fields follow), list the versions. The caseworker's scope
 * is their municipality: another municipality's citizen does not exist here. A matched mentor gets the minimal
 * profile only (`minimalProfileFor`).
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { competenceProfiles, courses, mentees, mentors, users } from "../../db/schema";
import { db, type Db } from "../db.server";
import { audit } from "./audit.server";
import { fail, ok, scopeWhere, transaction, type Actor, type Result, type Scope, type ScopeOf } from "./kernel.server";
import { builtOnce } from "../utils/sql";
import {
  changedFields,
  experienceReason,
  menteeFieldsFromProfile,
  minimalProfile,
  profileFromReferral,
  type MinimalProfile,
  type Profile,
  type ProfileReason,
} from "../domain/competence";
import { sectionOf } from "../domain/industries";

/** The assessment itself: the fields of a `Profile`. */
export const assessmentColumns = {
  educations: competenceProfiles.educations,
  experience: competenceProfiles.experience,
  danishLevel: competenceProfiles.danishLevel,
  danishModule: competenceProfiles.danishModule,
  englishLevel: competenceProfiles.englishLevel,
  drivingLicence: competenceProfiles.drivingLicence,
  certificates: competenceProfiles.certificates,
  hoursPerWeek: competenceProfiles.hoursPerWeek,
  availableFrom: competenceProfiles.availableFrom,
  wishedIndustryCodes: competenceProfiles.wishedIndustryCodes,
  wishedOccupations: competenceProfiles.wishedOccupations,
  summary: competenceProfiles.summary,
};

/** One version of an assessment with who wrote it (`users` joined on `createdBy`). */
export const profileColumns = {
  id: competenceProfiles.id,
  version: competenceProfiles.version,
  ...assessmentColumns,
  createdAt: competenceProfiles.createdAt,
  createdByName: users.name,
};

/** What the referral says of a citizen that a first assessment starts from (`profileFromReferral`). */
export const referralProfileColumns = {
  danishLevel: mentees.danishLevel,
  danishModule: mentees.danishModule,
  englishLevel: mentees.englishLevel,
  drivingLicence: mentees.drivingLicence,
  educationLevel: mentees.educationLevel,
  educationField: mentees.educationField,
  educationCountry: mentees.educationCountry,
  experience: mentees.experience,
  wishedIndustryCodes: mentees.wishedIndustryCodes,
  wishedOccupation: mentees.wishedOccupation,
};
type ProfileRow = Profile & { id: number; version: number; createdAt: string; createdByName: string | null };

export function toProfile(r: Profile): Profile {
  return {
    educations: r.educations,
    experience: r.experience,
    danishLevel: r.danishLevel,
    danishModule: r.danishModule,
    englishLevel: r.englishLevel,
    drivingLicence: r.drivingLicence,
    certificates: r.certificates,
    hoursPerWeek: r.hoursPerWeek,
    availableFrom: r.availableFrom,
    wishedIndustryCodes: r.wishedIndustryCodes,
    wishedOccupations: r.wishedOccupations,
    summary: r.summary,
  };
}

export const HISTORY_LIMIT = 50;

const menteeParam = sql.placeholder("menteeId");

/**
 * The citizen within scope (not anonymised), with the referral fields a first assessment starts from: for either kind
 * of scope (a caseworker's binds `municipalityCode`). The page's reads are built once per connection (`builtOnce`).
 */
const citizenIn = (d: Db, scope: ScopeOf) =>
  d
    .select({
      id: mentees.id,
      firstName: mentees.firstName,
      lastName: mentees.lastName,
      municipalityCode: mentees.municipalityCode,
      status: mentees.status,
      ...referralProfileColumns,
    })
    .from(mentees)
    .where(and(eq(mentees.id, menteeParam), isNull(mentees.anonymisedAt), scopeWhere(scope, mentees.municipalityCode)))
    .prepare();
const reads = builtOnce((d: Db) => ({
  anyCitizen: citizenIn(d, { kind: "all" }),
  citizenInMunicipality: citizenIn(d, { kind: "municipality", code: sql.placeholder("municipalityCode") }),
  current: d
    .select(profileColumns)
    .from(competenceProfiles)
    .leftJoin(users, eq(users.id, competenceProfiles.createdBy))
    .where(and(eq(competenceProfiles.menteeId, menteeParam), eq(competenceProfiles.isCurrent, true)))
    .prepare(),
  versions: d
    .select(profileColumns)
    .from(competenceProfiles)
    .leftJoin(users, eq(users.id, competenceProfiles.createdBy))
    .where(eq(competenceProfiles.menteeId, menteeParam))
    .orderBy(desc(competenceProfiles.version))
    .limit(HISTORY_LIMIT + 1)
    .prepare(),
}));

function citizen(d: Db, scope: Scope, menteeId: number) {
  return scope.kind === "all"
    ? reads(d).anyCitizen.get({ menteeId })
    : reads(d).citizenInMunicipality.get({ menteeId, municipalityCode: scope.code });
}

function current(d: Db, menteeId: number): ProfileRow | undefined {
  return reads(d).current.get({ menteeId });
}

/**
 * The citizen's current assessment (or a draft from the referral when there is none), its versions newest first
 * with what each changed, and who wrote them. A logged read of the citizen. Null when not in scope.
 */
export function getCompetence(scope: Scope, menteeId: number, actor: Actor, d: Db = db()) {
  const c = citizen(d, scope, menteeId);
  if (!c) return null;
  audit(actor, "view", "mentee", menteeId, { view: "competence_profile" }, d);
  const cur = current(d, menteeId);
  const versions = reads(d).versions.all({ menteeId });
  const history = versions.slice(0, HISTORY_LIMIT).map((v, i) => ({
    version: v.version,
    createdAt: v.createdAt,
    createdByName: v.createdByName,
    changed: changedFields(versions[i + 1] ? toProfile(versions[i + 1]) : null, toProfile(v)),
  }));
  return {
    citizen: {
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      municipalityCode: c.municipalityCode,
      status: c.status,
    },
    profile: cur ? toProfile(cur) : profileFromReferral(c),
    assessed: !!cur,
    version: cur?.version ?? 0,
    updatedAt: cur?.createdAt ?? null,
    updatedByName: cur?.createdByName ?? null,
    history,
  };
}

/**
 * Saves a new version: the previous one stops being current, the citizen's matching fields (Danish and English level,
 * education, experience, wishes, driving licence) follow the assessment, and the change is in the access log with the
 * names of the fields that changed (never their values). One transaction; saving the same profile again is refused
 * (`competence.form.unchanged`). Null when the citizen is not in scope.
 */
export function saveCompetence(
  scope: Scope,
  menteeId: number,
  profile: Profile,
  actor: Actor,
  d: Db = db(),
): Result<{ version: number; changed: string[] }> | null {
  return transaction((t) => {
    if (!citizen(t, scope, menteeId)) return null;
    const cur = current(t, menteeId);
    const changed = changedFields(cur ? toProfile(cur) : null, profile);
    if (cur && changed.length === 0) return fail("competence.form.unchanged");
    const version = (cur?.version ?? 0) + 1;
    if (cur) t.update(competenceProfiles).set({ isCurrent: false }).where(eq(competenceProfiles.id, cur.id)).run();
    t.insert(competenceProfiles)
      .values({ menteeId, version, isCurrent: true, ...profile, createdBy: actor.id })
      .run();
    t.update(mentees).set(menteeFieldsFromProfile(profile)).where(eq(mentees.id, menteeId)).run();
    audit(
      actor,
      cur ? "update" : "create",
      "mentee",
      menteeId,
      { competenceProfileVersion: version, fields: changed },
      t,
    );
    return ok({ version, changed });
  }, d);
}

/**
 * The minimal profile a mentor sees of their own mentee (education, experience, wishes), or null when the mentor has
 * no course with this citizen or the citizen has no assessment.
 */
export function minimalProfileForMentor(userId: number, courseId: number, d: Db = db()): MinimalProfile | null {
  const row = d
    .select({ menteeId: courses.menteeId })
    .from(courses)
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .where(and(eq(courses.id, courseId), eq(mentors.userId, userId)))
    .get();
  if (!row) return null;
  const cur = current(d, row.menteeId);
  return cur ? minimalProfile(toProfile(cur)) : null;
}

/**
 * For the mentor candidates page: the reason the citizen's current assessment adds for a mentor of each industry
 * (the caller has already logged the read of this citizen). Empty when there is no assessment.
 */
export function profileReasonsForMentors(
  menteeId: number,
  mentorIndustryCodes: readonly string[],
  d: Db = db(),
): Map<string, ProfileReason> {
  const cur = current(d, menteeId);
  const out = new Map<string, ProfileReason>();
  if (!cur) return out;
  for (const code of new Set(mentorIndustryCodes)) {
    const r = experienceReason(cur, code, sectionOf);
    if (r) out.set(code, r);
  }
  return out;
}
