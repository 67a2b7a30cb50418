/**
 * Form fuzzing: every public and staff form gets ≥ 1 000 generated bad inputs. No answer may be a 5xx, and nothing may
 * be stored (the row counts of the tables that hold people and their courses stay the same).
 */
import { and, eq, sql } from "drizzle-orm";
import { createHash, randomBytes } from "node:crypto";
import { test, expect, login } from "../support/fixtures";
import { badInputs, toBody } from "../support/fuzz";
import { DEMO_USERS } from "../../db/seed/demo";
import type { Db } from "../../db/client";
import * as schema from "../../db/schema";

const PER_FORM = 1000;
type Form = { path: string | ((db: Db) => string); as?: keyof typeof DEMO_USERS; fields: string[] };

/** The forms. Add each new form here with its field names (a form missing here is not fuzzed). */
export const forms: Form[] = [
  { path: "/login", fields: ["email", "password", "redirectTo"] },
  { path: "/glemt-adgangskode", fields: ["email"] },
  { path: "/nulstil-adgangskode/not-a-real-token", fields: ["password", "confirm"] },
  { path: "/login/kode", fields: ["code"] },
  { path: "/admin/opbevaring", as: "admin", fields: ["months"] },
  { path: "/konto/sikkerhed", as: "coordinator", fields: ["code", "secret"] },
  {
    path: (db) => `/persondata/mentee/${db.select().from(schema.mentees).get()!.id}`,
    as: "coordinator",
    fields: ["intent", "purpose", "confirm", "channel"],
  },
  {
    path: "/bliv-mentor",
    fields: [
      "firstName",
      "lastName",
      "email",
      "phone",
      "postcode",
      "municipalityCode",
      "travelKm",
      "employer",
      "jobTitle",
      "industryCode",
      "networkIndustryCodes",
      "yearsExperience",
      "isManager",
      "languages",
      "gender",
      "menteeGenderPreference",
      "offers",
      "earliestStart",
      "capacity",
      "motivation",
      "consentData",
      "consentConfidentiality",
      "website",
    ],
  },
  { path: "/bliv-mentor/bekraeft/not-a-real-token", fields: ["password", "confirm"] },
  {
    path: (db) => `/koordinator/mentorer/${db.select().from(schema.mentors).get()!.id}`,
    as: "coordinator",
    fields: ["intent", "step", "doneOn", "form", "notes", "reason"],
  },
  { path: "/mentor/tilgaengelighed", as: "mentor", fields: ["intent", "pausedFrom", "pausedTo"] },
  {
    path: "/kommune/borgere/ny",
    as: "caseworker",
    fields: [
      "firstName",
      "lastName",
      "birthYear",
      "gender",
      "phone",
      "email",
      "preferredChannel",
      "language",
      "group",
      "jobReady",
      "danishLevel",
      "danishModule",
      "englishLevel",
      "educationLevel",
      "educationField",
      "educationCountry",
      "experience[0].title",
      "experience[0].years",
      "experience[0].industryCode",
      "wishedIndustryCodes[0]",
      "wishedIndustryCodes",
      "wishedOccupation",
      "goals",
      "availability",
      "drivingLicence",
      "mentorGenderPreference",
      "needsConsideration",
      "consentPurposes",
      "consentVersion",
      "consentDate",
      "confirmDuplicate",
    ],
  },
  {
    path: (db) =>
      `/kommune/borgere/${
        db
          .select()
          .from(schema.mentees)
          .where(and(eq(schema.mentees.municipalityCode, 751), eq(schema.mentees.status, "waiting")))
          .get()!.id
      }`,
    as: "caseworker",
    fields: ["intent", "reason"],
  },
  {
    path: "/admin/kommuner/751",
    as: "admin",
    fields: [
      "intent",
      "isPartner",
      "partnerSince",
      "agreementDate",
      "dpaDate",
      "yearlyQuota",
      "name",
      "email",
      "userId",
    ],
  },
  { path: "/invitation/not-a-real-token", fields: ["password", "confirm"] },
  {
    path: (db) => {
      const mentor = db.select().from(schema.mentors).where(eq(schema.mentors.email, DEMO_USERS.mentor)).get()!;
      return `/mentor/forloeb/${db.select().from(schema.courses).where(eq(schema.courses.mentorId, mentor.id)).get()!.id}`;
    },
    as: "mentor",
    fields: [
      "intent",
      "meetingId",
      "date",
      "minutes",
      "form",
      "topics",
      "nextStep",
      "type",
      "outcomeDate",
      "employerIndustryCode",
      "viaMentorNetwork",
      "satisfaction",
      "closerToJob",
      "comment",
      "surveyId",
    ],
  },
  {
    path: (db) =>
      `/koordinator/forloeb/${db.select().from(schema.courses).where(eq(schema.courses.status, "active")).get()!.id}`,
    as: "coordinator",
    fields: [
      "intent",
      "startDate",
      "fromDate",
      "reason",
      "toDate",
      "plannedEndDate",
      "endedOn",
      "note",
      "type",
      "phase",
      "outcomeDate",
      "employerIndustryCode",
      "viaMentorNetwork",
      "outcomeId",
      "calledOn",
      "target",
      "status",
      "notes",
      "escalate",
    ],
  },
  { path: "/s/not-a-real-token", fields: ["satisfaction", "closerToJob", "comment"] },
  {
    path: "/admin/matchvaegte",
    as: "admin",
    fields: ["industry", "geography", "language", "goals", "waiting", "lowDanishLanguageFactor", "geoRangeKm"],
  },
  // Issue 19: the matching settings (a second form on the page), the mentor's answer to a request, the citizen back in the queue.
  {
    path: "/admin/matchvaegte#indstillinger",
    as: "admin",
    fields: ["intent", "proposeNoIndustryPairs", "requestDays"],
  },
  // The demo mentor's answered request: every post is refused (already answered) or invalid; nothing changes.
  {
    path: (db) =>
      `/mentor/forespoergsel/${db.select({ id: schema.matchRequests.id }).from(schema.matchRequests).innerJoin(schema.mentors, eq(schema.mentors.id, schema.matchRequests.mentorId)).where(eq(schema.mentors.email, DEMO_USERS.mentor)).get()!.id}`,
    as: "mentor",
    fields: ["answer", "reason"],
  },
  { path: "/koordinator/matching", as: "coordinator", fields: ["area", "region", "municipality", "section", "mode"] },
  { path: (db) => `/koordinator/matching/${finishedPoolRun(db)}`, as: "coordinator", fields: ["intent", "menteeId"] },
  {
    path: (db) =>
      `/koordinator/mentees/${db.select().from(schema.mentees).where(eq(schema.mentees.status, "waiting")).get()!.id}/kandidater`,
    as: "coordinator",
    fields: ["mentorId", "startDate", "manualReason", "noIndustry"],
  },
  {
    path: "/admin/skabeloner/password_reset",
    as: "admin",
    fields: ["intent", "language", "subject", "heading", "body", "actionLabel", "sms"],
  },
  { path: "/afmeld/not-a-real-token", fields: ["channels"] },
  { path: (db) => `/admin/outbox/${failedMessage(db)}`, as: "coordinator", fields: ["intent"] },
  // The company side (issue 20).
  {
    path: "/virksomheder/ny",
    as: "coordinator",
    fields: ["name", "cvr", "industryCode", "municipalityCode", "street", "postcode", "city", "size", "programmes"],
  },
  {
    path: (db) => `/virksomheder/${db.select().from(schema.companies).get()!.id}`,
    as: "coordinator",
    fields: ["intent", "name", "role", "phone", "email", "contactId", "date", "note", "mentorEmail", "mentorId"],
  },
  {
    path: (db) => `/virksomheder/${db.select().from(schema.companies).get()!.id}/rediger`,
    as: "caseworker",
    fields: ["name", "cvr", "industryCode", "municipalityCode", "street", "postcode", "city", "size", "programmes"],
  },
  {
    path: (db) => `/opslag/ny?virksomhed=${db.select().from(schema.companies).get()!.id}`,
    as: "caseworker",
    fields: [
      "type",
      "industryCode",
      "occupation",
      "municipalityCode",
      "startDate",
      "durationWeeks",
      "weeklyHours",
      "danishLevel",
      "places",
      "deadline",
      "description",
    ],
  },
  {
    path: (db) => `/opslag/${db.select().from(schema.openings).where(eq(schema.openings.status, "open")).get()!.id}`,
    as: "coordinator",
    fields: [
      "intent",
      "menteeId",
      "openingId",
      "proposalId",
      "startDate",
      "plannedEndDate",
      "workplaceMentorName",
      "workplaceMentorPhone",
      "completionAdviserName",
      "completionAdviserPhone",
      "reason",
      "note",
    ],
  },
  {
    path: (db) =>
      `/placeringer/${db.select().from(schema.placements).where(eq(schema.placements.type, "igu")).get()!.id}`,
    as: "coordinator",
    fields: [
      "intent",
      "startDate",
      "endedOn",
      "outcomeType",
      "reason",
      "date",
      "onTrack",
      "note",
      "kind",
      "title",
      "fromDate",
      "weeks",
      "plannedEndDate",
      "workplaceMentorName",
      "workplaceMentorPhone",
      "completionAdviserName",
      "completionAdviserPhone",
    ],
  },
  {
    path: (db) =>
      `/borgere/${db.select().from(schema.mentees).where(eq(schema.mentees.municipalityCode, 751)).get()!.id}/kompetencer`,
    as: "caseworker",
    fields: [
      "educations[0].level",
      "educations[0].field",
      "educations[0].country",
      "educations[0].year",
      "educations[0].recognised",
      "experience[0].occupation",
      "experience[0].industryCode",
      "experience[0].years",
      "experience[0].country",
      "danishLevel",
      "danishModule",
      "englishLevel",
      "drivingLicence",
      "certificates",
      "hoursPerWeek",
      "availableFrom",
      "wishedIndustryCodes[0]",
      "wishedOccupations[0]",
      "summary",
    ],
  },
  {
    path: (db) =>
      `/borgere/${db.select().from(schema.mentees).where(eq(schema.mentees.municipalityCode, 751)).get()!.id}/opslag`,
    as: "caseworker",
    fields: ["intent", "menteeId", "openingId"],
  },
  {
    path: "/mentor/virksomhed",
    as: "mentor",
    fields: [
      "name",
      "cvr",
      "industryCode",
      "municipalityCode",
      "street",
      "postcode",
      "city",
      "size",
      "contactName",
      "contactRole",
      "contactPhone",
      "contactEmail",
      "worksHere",
      "withOpening",
      "openingType",
      "openingOccupation",
      "openingPlaces",
      "openingNote",
    ],
  },
  // Issue 21: planning, the goal plan, the introduction, guidance pages, the citizen's page and its staff side.
  {
    path: (db) => `/mentor/forloeb/${demoCourse(db)}/moede`,
    as: "mentor",
    fields: ["intent", "plannedId", "date", "time", "minutes", "form", "place", "agenda", "topics"],
  },
  {
    path: (db) => `/koordinator/forloeb/${demoCourse(db)}/moede`,
    as: "coordinator",
    fields: ["intent", "plannedId", "date", "time", "minutes", "form", "place", "agenda"],
  },
  {
    path: (db) => `/mentor/forloeb/${demoCourse(db)}/maal`,
    as: "mentor",
    fields: ["intent", "goalId", "kind", "text", "targetDate", "status"],
  },
  {
    path: (db) => `/koordinator/forloeb/${demoCourse(db)}/maal`,
    as: "coordinator",
    fields: ["intent", "goalId", "kind", "text", "targetDate", "status"],
  },
  { path: "/mentor/introduktion", as: "mentor", fields: ["confirm"] },
  {
    path: "/koordinator/vejledning/ny",
    as: "coordinator",
    fields: ["kind", "courseMonth", "sort", "titleDa", "bodyDa", "titleEn", "bodyEn", "active"],
  },
  {
    path: (db) => `/koordinator/mentees/${db.select().from(schema.mentees).get()!.id}`,
    as: "coordinator",
    fields: ["intent", "replace", "callId"],
  },
  { path: (db) => `/mig/${citizenToken(db)}`, fields: ["intent", "phone", "language", "changeId", "code"] },
  // Issue 19: the start page's outcome queue.
  { path: "/koordinator", as: "coordinator", fields: ["intent", "courseId", "outcomeId"] },
  {
    path: (db) =>
      `/koordinator/mentees/${db.select().from(schema.mentees).where(eq(schema.mentees.status, "waiting")).get()!.id}/ret`,
    as: "coordinator",
    fields: [
      "intent",
      "phone",
      "email",
      "preferredChannel",
      "language",
      "danishLevel",
      "danishModule",
      "wishedIndustryCodes[0]",
      "goals",
      "calledOn",
      "note",
    ],
  },
  {
    path: (db) =>
      `/kommune/borgere/${db.select().from(schema.mentees).where(eq(schema.mentees.municipalityCode, 751)).get()!.id}/ret`,
    as: "caseworker",
    fields: [
      "intent",
      "phone",
      "email",
      "preferredChannel",
      "language",
      "danishLevel",
      "danishModule",
      "wishedIndustryCodes[0]",
      "goals",
    ],
  },
];

/** The demo mentor's course. */
function demoCourse(db: Db): number {
  const mentor = db.select().from(schema.mentors).where(eq(schema.mentors.email, DEMO_USERS.mentor)).get()!;
  return db.select().from(schema.courses).where(eq(schema.courses.mentorId, mentor.id)).get()!.id;
}

/** A live link to a citizen's own page (as the welcome message would carry it). */
function citizenToken(db: Db): string {
  const token = randomBytes(16).toString("base64url");
  const mentee = db.select().from(schema.mentees).where(eq(schema.mentees.status, "in_course")).get()!;
  db.insert(schema.verificationTokens)
    .values({
      purpose: "citizen_page",
      tokenHash: createHash("sha256").update(token).digest("hex"),
      subjectType: "mentee",
      subjectId: mentee.id,
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    })
    .run();
  return token;
}

/** A failed message to retry or confirm (the demo seed sends none). */
function failedMessage(db: Db): number {
  return db
    .insert(schema.messages)
    .values({
      channel: "email",
      recipient: "fuzz@eksempel.dk",
      template: "mentor_approved",
      locale: "da",
      data: { name: "A", url: "https://mentorbro.dk/mentor" },
      status: "failed",
      attempts: 6,
      lastError: "refused: 422 validation_error",
      idempotencyKey: `fuzz:${Date.now()}`,
      nextAttemptAt: new Date().toISOString(),
    })
    .returning({ id: schema.messages.id })
    .get().id;
}

/** A finished whole-pool run without pairs (approving from it can then store nothing). */
function finishedPoolRun(db: Db): number {
  return db
    .insert(schema.backgroundJobs)
    .values({
      kind: "matching_pool",
      scopeKey: "country",
      params: { scope: "country", mode: "best_score" },
      status: "done",
      finishedAt: new Date().toISOString(),
      summary: {
        waiting: 0,
        mentorsAvailable: 0,
        pairs: 0,
        industryPairs: 0,
        otherPairs: 0,
        unmatched: 0,
        unmatchedByReason: {},
        meanScore: null,
        totalScore: 0,
        allowedPairs: 0,
        components: 0,
        largest: [0, 0],
        ms: { loading: 0, scoring: 0, solving: 0, saving: 0 },
      },
    })
    .returning({ id: schema.backgroundJobs.id })
    .get().id;
}

const counted = [
  schema.users,
  schema.mentors,
  schema.mentees,
  schema.courses,
  schema.meetings,
  schema.followUps,
  schema.outcomes,
  schema.surveys,
  schema.mentorScreenings,
  schema.competenceProfiles,
  schema.companies,
  schema.companyContacts,
  schema.companyNotes,
  schema.openings,
  schema.openingProposals,
  schema.placements,
  schema.placementFollowUps,
  schema.placementSchoolPeriods,
] as const;
const counts = (db: Db) =>
  counted.map(
    (t) =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(t)
        .get()!.n,
  );

/**
 * Posts the inputs with Node's own fetch, sixteen at a time, carrying the logged-in page's cookies: the same requests a
 * browser without JavaScript (or a script) can send, without a round trip through the browser driver for each.
 */
async function fuzz(baseURL: string, cookie: string, path: string, fields: string[], seed: number) {
  const errors: string[] = [];
  const batch: Promise<void>[] = [];
  let i = 0;
  // Nine in ten inputs go to the action alone (Remix's single-fetch `.data` URL: no page render), one in ten to the
  // page as a browser without JavaScript posts it, so the error rendering is fuzzed too at a tenth of the cost.
  const [pathname, query] = path.split("?");
  const dataPath = `${pathname}.data${query ? `?${query}` : ""}`;
  for (const pairs of badInputs(fields, PER_FORM, seed)) {
    const body = toBody(pairs);
    const target = new URL(i % 10 === 0 ? path : dataPath, baseURL);
    batch.push(
      fetch(target, {
        method: "POST",
        body,
        headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
        redirect: "manual",
      }).then(async (res) => {
        await res.arrayBuffer();
        if (res.status >= 500) errors.push(`${res.status} for ${body.slice(0, 200)}`);
      }),
    );
    if (++i % 16 === 0) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return { sent: i, errors };
}

for (const [n, form] of forms.entries()) {
  test(`fuzz ${typeof form.path === "string" ? form.path : `form ${n}`}`, async ({ page, db, baseURL }) => {
    test.setTimeout(180_000);
    if (form.as) await login(page, DEMO_USERS[form.as]);
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const path = typeof form.path === "string" ? form.path : form.path(db);
    if (form.as) {
      // The cookie carries the login: the form's page answers 200, not a redirect to the login page.
      const res = await fetch(new URL(path, baseURL), { headers: { cookie }, redirect: "manual" });
      expect(res.status).toBe(200);
    }
    const before = counts(db);
    const { sent, errors } = await fuzz(baseURL!, cookie, path, form.fields, 1000 + n);
    expect(sent).toBeGreaterThanOrEqual(1000);
    expect(errors.slice(0, 5)).toEqual([]);
    expect(counts(db)).toEqual(before);
  });
}
