/**
 * Issue 20, the company side, as people click it: a caseworker fills a citizen's competence assessment; a coordinator
 * creates a company and an internship; the opening's ranked citizens show reasons from the assessment; the citizen is
 * proposed, the company says yes, the placement gets a workplace mentor, ends with wage subsidy, and the report counts
 * it. A caseworker of another municipality sees the opening but none of its citizens. A mentor registers a company
 * from their network and sees only the minimal part of their mentee's assessment. Axe runs on every page visited.
 */
import { and, desc, eq, inArray, isNull, ne, notInArray, sql } from "drizzle-orm";
import { test, expect, login, logout, visit, expectAccessible, switchToEnglish } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import {
  auditLog,
  companies,
  competenceProfiles,
  courses,
  mentees,
  mentors,
  openingProposals,
  openings,
  placements,
} from "../../db/schema";
import { AUDIT_DRAIN, drainAll } from "../../db/queue-drain";
import { completeCvr } from "../../app/domain/cvr";
import type { Db } from "../../db/client";

test.describe.configure({ timeout: 240_000 });

/** A waiting citizen of Aarhus with no placement: the journey's citizen. */
function waitingAarhusCitizen(db: Db) {
  const placed = db.select({ id: placements.menteeId }).from(placements);
  return db
    .select()
    .from(mentees)
    .where(
      and(
        eq(mentees.municipalityCode, 751),
        eq(mentees.status, "waiting"),
        isNull(mentees.anonymisedAt),
        notInArray(mentees.id, placed),
      ),
    )
    .orderBy(mentees.id)
    .get()!;
}

test("from competence assessment to a placement ended with wage subsidy, counted in the report", async ({
  page,
  db,
}) => {
  const citizen = waitingAarhusCitizen(db);
  const name = `${citizen.firstName} ${citizen.lastName}`;

  // ---- the caseworker fills the competence assessment
  await login(page, DEMO_USERS.caseworker);
  await visit(page, `/kommune/borgere/${citizen.id}`);
  await page.getByRole("link", { name: "Kompetenceafklaring" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kompetenceafklaring: ${name}`);
  await expectAccessible(page);
  const edu = page.getByRole("group", { name: "Uddannelse 1" });
  await edu.getByLabel("Niveau (ISCED)").selectOption("6");
  await edu.getByLabel(/^Fagområde/).fill("Sygepleje");
  await edu.getByLabel(/^Land/).fill("Syrien");
  await edu.getByLabel(/^Afsluttet år/).fill("2012");
  const job = page.getByRole("group", { name: "Job 1" });
  await job.getByLabel("Stilling", { exact: true }).fill("Sygeplejerske");
  await job.getByLabel(/^Branche \(DB07\)/).selectOption("86");
  await job.getByLabel("År", { exact: true }).fill("6");
  await page.getByLabel("Danskniveau").selectOption("pd2");
  await page.getByLabel(/^Modul \(DU1-3\)/).selectOption("");
  await page.getByLabel(/^Timer om ugen/).fill("37");
  await page.getByLabel(/^Certifikater og kurser/).fill("Hygiejnebevis");
  const wishes = page.getByRole("group", { name: "Ønskede brancher" });
  await wishes.getByLabel(/^Branche 1/).selectOption("87");
  await wishes.getByLabel(/^Branche 2/).selectOption("");
  await wishes.getByLabel(/^Branche 3/).selectOption("");
  await page
    .getByRole("group", { name: "Ønskede stillinger" })
    .getByLabel(/^Stilling 1/)
    .fill("Social- og sundhedshjælper");
  // Health details are refused, next to the field, and nothing is saved.
  const versionsBefore = db
    .select({ n: sql<number>`count(*)` })
    .from(competenceProfiles)
    .where(eq(competenceProfiles.menteeId, citizen.id))
    .get()!.n;
  await page.getByLabel(/^Kort sammenfatning/).fill("Har PTSD efter flugten");
  await page.getByRole("button", { name: "Gem kompetenceafklaring" }).click();
  await expect(page.getByText(/Skriv ikke helbredsoplysninger/).first()).toBeVisible();
  await expectAccessible(page);
  expect(
    db
      .select({ n: sql<number>`count(*)` })
      .from(competenceProfiles)
      .where(eq(competenceProfiles.menteeId, citizen.id))
      .get()!.n,
  ).toBe(versionsBefore);
  await page.getByLabel(/^Kort sammenfatning/).fill("Rolig og erfaren, vil gerne arbejde med ældre.");
  await page.getByRole("button", { name: "Gem kompetenceafklaring" }).click();
  await expect(page.getByText(/Kompetenceafklaringen er gemt som version \d+\./)).toBeVisible();
  await expect(page.getByRole("region", { name: "Versioner" }).getByRole("row")).toHaveCount(versionsBefore + 2);
  await expectAccessible(page);
  const saved = db
    .select()
    .from(competenceProfiles)
    .where(and(eq(competenceProfiles.menteeId, citizen.id), eq(competenceProfiles.isCurrent, true)))
    .get()!;
  expect(saved).toMatchObject({
    danishLevel: "pd2",
    hoursPerWeek: 37,
    wishedIndustryCodes: ["87"],
    wishedOccupations: ["Social- og sundhedshjælper"],
    certificates: ["Hygiejnebevis"],
  });
  // Every staff read of the assessment is in the access log (moved there from its queue first).
  drainAll(db.$client, AUDIT_DRAIN);
  const reads = db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "mentee"), eq(auditLog.entityId, citizen.id), eq(auditLog.action, "view")))
    .all();
  expect(
    reads.some(
      (r) => (r.details as { view?: string } | null)?.view === "competence_profile" && r.actorRole === "caseworker",
    ),
  ).toBe(true);
  await logout(page);

  // ---- the coordinator creates a company and an internship
  await login(page, DEMO_USERS.coordinator);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Virksomheder" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Virksomheder" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Opret virksomhed" }).click();
  await page.getByLabel("Navn", { exact: true }).fill("Testpleje Aarhus ApS");
  await page.getByLabel(/^CVR-nummer/).fill("12345678");
  await page.getByLabel(/^Branche \(DB07\)/).selectOption("87");
  await page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Aarhus" });
  await page.getByRole("group", { name: "Deltager i" }).getByLabel("IGU").check();
  await page.getByRole("button", { name: "Opret virksomhed" }).click();
  await expect(page.getByText(/Det er ikke et gyldigt CVR-nummer/).first()).toBeVisible();
  await expectAccessible(page);
  const cvr = completeCvr("4455667") ?? completeCvr("4455668")!;
  await page.getByLabel(/^CVR-nummer/).fill(`DK ${cvr.slice(0, 4)} ${cvr.slice(4)}`);
  await page.getByRole("button", { name: "Opret virksomhed" }).click();
  await page.waitForURL(/\/virksomheder\/\d+\?oprettet=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Testpleje Aarhus ApS");
  await expect(page.getByTestId("company-cvr")).toHaveText(cvr);
  await expectAccessible(page);
  const contact = page.getByRole("form", { name: "Tilføj kontaktperson" });
  await contact.getByLabel("Navn", { exact: true }).fill("Jette Hansen");
  await contact.getByLabel(/^Telefon/).fill("20 30 40 50");
  await contact.getByRole("button", { name: "Tilføj kontaktperson" }).click();
  await expect(page.getByText("Kontaktpersonen er tilføjet.")).toBeVisible();

  await page.getByRole("link", { name: "Opret opslag" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nyt opslag hos Testpleje Aarhus ApS");
  await page.getByLabel(/^Type/).selectOption("internship");
  await page.getByLabel(/^Stilling/).fill("Social- og sundhedshjælper");
  await page.getByLabel(/^Varighed i uger/).fill("13");
  await page.getByLabel(/^Timer om ugen/).fill("30");
  await page.getByLabel(/^Krævet danskniveau/).selectOption("du2");
  await page.getByLabel(/^Antal pladser/).fill("1");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Opret opslag" }).click();
  await page.waitForURL(/\/opslag\/\d+\?oprettet=1$/);
  const openingId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByTestId("opening-status")).toHaveText("Åben");

  // ---- the ranked citizens show reasons from the assessment
  const ranked = page.getByTestId("opening-candidates");
  const candidate = ranked
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^\\d+\\. ${name}$`) }) });
  await expect(candidate).toHaveCount(1);
  await expect(candidate.getByText("Ønsker branchen 87 Plejehjem mv.")).toBeVisible();
  await expect(candidate.getByText("Ønsker netop stillingen: Social- og sundhedshjælper")).toBeVisible();
  await expect(candidate.getByText("Dansk: Prøve i Dansk 2 opfylder kravet Danskuddannelse 2")).toBeVisible();
  await expect(candidate.getByText("Timer om ugen: kan 37, opslaget kræver 30")).toBeVisible();
  await expectAccessible(page);

  // ---- proposed, and the company says yes: a placement with a workplace mentor
  await candidate.getByRole("button", { name: `Foreslå ${name}` }).click();
  await expect(page.getByText("Borgeren er foreslået.", { exact: false })).toBeVisible();
  const proposal = page.getByTestId(`proposal-${citizen.id}`);
  await expect(proposal.getByText("Foreslået", { exact: true })).toBeVisible();
  const yes = proposal.getByRole("form", { name: "Virksomheden siger ja" });
  await yes.getByLabel("Virksomhedsmentorens navn").fill("Jette Hansen");
  await yes.getByLabel("Virksomhedsmentorens telefon").fill("abc");
  await yes.getByRole("button", { name: "Registrér ja og opret placering" }).click();
  await expect(page.getByText(/Skriv et gyldigt telefonnummer/).first()).toBeVisible();
  await page
    .getByTestId(`proposal-${citizen.id}`)
    .getByRole("form", { name: "Virksomheden siger ja" })
    .getByLabel("Virksomhedsmentorens telefon")
    .fill("20 30 40 50");
  await page
    .getByTestId(`proposal-${citizen.id}`)
    .getByRole("button", { name: "Registrér ja og opret placering" })
    .click();
  await page.waitForURL(/\/placeringer\/\d+\?oprettet=1$/);
  const placementId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByTestId("placement-status")).toHaveText("I gang");
  await expect(page.getByText("Jette Hansen · +4520304050")).toBeVisible();
  await expectAccessible(page);
  expect(db.select().from(openings).where(eq(openings.id, openingId)).get()!.status).toBe("filled");

  const follow = page.getByRole("form", { name: "Registrér opfølgning" });
  await follow.getByLabel(/^Notat/).fill("Godt i gang i dagvagten.");
  await follow.getByRole("button", { name: "Registrér opfølgning" }).click();
  await expect(page.getByText("Opfølgningen er gemt.")).toBeVisible();

  // ---- the report before and after the placement ends with wage subsidy
  await visit(page, "/koordinator/rapporter/virksomheder");
  const endedBefore = Number(
    (await page.locator('[data-figure="ended"] .mb-card__value').innerText()).replace(/\D/g, ""),
  );
  expect(endedBefore).toBeGreaterThanOrEqual(5);

  await page.goto(`/placeringer/${placementId}`);
  const end = page.getByRole("form", { name: "Afslut placeringen" });
  await end.getByLabel("Resultat").selectOption({ label: "Løntilskud" });
  await end.getByRole("button", { name: "Afslut placeringen" }).click();
  await expect(page.getByText("Placeringen er afsluttet, og resultatet er registreret.")).toBeVisible();
  await expect(page.getByTestId("placement-status")).toHaveText("Afsluttet");
  await expect(page.getByTestId("placement-outcome")).toHaveText("Løntilskud");
  expect(db.select().from(placements).where(eq(placements.id, placementId)).get()).toMatchObject({
    status: "completed",
    outcomeType: "wage_subsidy",
  });

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Rapporter" }).click();
  await page.getByRole("link", { name: "Virksomheder og praktik (rapport)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Virksomheder og praktik" })).toBeVisible();
  await expect(page.locator('[data-figure="ended"] .mb-card__value')).toHaveText(String(endedBefore + 1));
  await expect(page.locator('[data-table="cr-outcomes"] tr[data-key="wage_subsidy"]')).toBeVisible();
  await expectAccessible(page);
  const csv = await page.request.get("/koordinator/rapporter/virksomheder/eksport/csv?table=placements");
  expect(csv.status()).toBe(200);
  const row = (await csv.text()).split("\r\n").find((l) => l.startsWith(`${placementId},`))!;
  expect(row).toContain(",completed,");
  expect(row).toContain(",wage_subsidy,yes");
  expect(await csv.text()).not.toContain(citizen.lastName);

  // The citizen's page shows the placement beside the courses.
  await visit(page, `/koordinator/mentees/${citizen.id}`);
  await expect(page.getByTestId("citizen-history")).toContainText("Virksomhedspraktik hos Testpleje Aarhus ApS");
  await expect(page.getByTestId("citizen-history")).toContainText("Løntilskud");

  await switchToEnglish(page);
  await page.goto("/koordinator/rapporter/virksomheder");
  await expect(page.getByRole("heading", { level: 1, name: "Companies and internships" })).toBeVisible();
  await expectAccessible(page);
  // Places are held at the same time: the placement has ended, so the opening's one place is open again.
  await page.goto(`/opslag/${openingId}`);
  await expect(page.getByTestId("opening-status")).toHaveText("Open");
  await expectAccessible(page);
});

test("a caseworker sees every opening but no other municipality's citizens through them", async ({ page, db }) => {
  // An Aarhus opening with Aarhus citizens proposed and placed (the demo's care internship at Solgården).
  const aarhusProposals = db
    .select({ proposal: openingProposals, opening: openings, mentee: mentees })
    .from(openingProposals)
    .innerJoin(openings, eq(openings.id, openingProposals.openingId))
    .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
    .where(eq(mentees.municipalityCode, 751))
    .all();
  expect(aarhusProposals.length).toBeGreaterThan(0);
  const opening = aarhusProposals[0].opening;
  const aarhusPlacement = db
    .select()
    .from(placements)
    .innerJoin(mentees, eq(mentees.id, placements.menteeId))
    .where(eq(mentees.municipalityCode, 751))
    .get()!.placements;
  const aarhusCitizen = aarhusProposals[0].mentee;
  // Names that belong to Aarhus citizens only (the demo's name lists are short; Kolding may have namesakes).
  const koldingNames = new Set(
    db
      .select()
      .from(mentees)
      .where(ne(mentees.municipalityCode, 751))
      .all()
      .map((m) => `${m.firstName} ${m.lastName}`),
  );
  const aarhusNames = [
    ...new Set(
      db
        .select()
        .from(mentees)
        .where(eq(mentees.municipalityCode, 751))
        .all()
        .map((m) => `${m.firstName} ${m.lastName}`),
    ),
  ].filter((n) => !koldingNames.has(n));
  const counts = () => ({
    proposals: db
      .select({ n: sql<number>`count(*)` })
      .from(openingProposals)
      .get()!.n,
    placements: JSON.stringify(db.select().from(placements).orderBy(placements.id).all()),
  });
  const before = counts();

  await login(page, DEMO_USERS.caseworker2);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Opslag" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Opslag" })).toBeVisible();
  await expectAccessible(page);
  await visit(page, `/opslag/${opening.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(opening.occupation);
  const body = await page.content();
  for (const n of aarhusNames) expect(body, n).not.toContain(n);
  // The ranked citizens are Kolding's own.
  const candidates = page.getByTestId("opening-candidates").locator(":scope > li");
  for (const text of await candidates.allInnerTexts()) expect(text).toContain("Kolding");

  // Nothing about Aarhus's citizens through any door.
  for (const path of [
    `/placeringer/${aarhusPlacement.id}`,
    `/borgere/${aarhusCitizen.id}/kompetencer`,
    `/borgere/${aarhusCitizen.id}/opslag`,
  ]) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
  }
  const propose = await page.request.post(`/opslag/${opening.id}`, {
    form: { intent: "propose", menteeId: String(aarhusCitizen.id), openingId: String(opening.id) },
    maxRedirects: 0,
  });
  expect(propose.status()).toBe(404);
  const pending = db
    .select()
    .from(openingProposals)
    .innerJoin(mentees, eq(mentees.id, openingProposals.menteeId))
    .where(and(ne(mentees.municipalityCode, 621), eq(openingProposals.status, "proposed")))
    .get()!.opening_proposals;
  const accept = await page.request.post(`/opslag/${pending.openingId}`, {
    form: {
      intent: "accept",
      proposalId: String(pending.id),
      startDate: "2026-01-05",
      workplaceMentorName: "X Y",
      workplaceMentorPhone: "20304050",
    },
    maxRedirects: 0,
  });
  expect(accept.status()).toBe(404);
  const end = await page.request.post(`/placeringer/${aarhusPlacement.id}`, {
    form: { intent: "cancel" },
    maxRedirects: 0,
  });
  expect(end.status()).toBe(404);
  expect(counts()).toEqual(before);

  // The placement list and the company report are Kolding's, whatever the query asks.
  await visit(page, "/placeringer?status=all");
  for (const text of await page.getByTestId("placements").locator("tbody tr").allInnerTexts())
    expect(text).toContain("(Kolding)");
  const csv = await page.request.get(
    "/kommune/rapport/virksomheder/eksport/csv?table=placements&municipality=751&from=2000-01-01",
  );
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.split(",")[7] === "621")).toBe(true);
  await visit(page, "/kommune/rapport/virksomheder");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Virksomheder og praktik: Kolding");
  // The company page lists the company's openings, not Aarhus's citizens.
  await visit(page, `/virksomheder/${opening.companyId}`);
  const companyBody = await page.content();
  for (const n of aarhusNames) expect(companyBody, n).not.toContain(n);
});

test("a mentor registers a company from their network, and sees only the minimal part of their mentee's assessment", async ({
  page,
  db,
}) => {
  const mentor = db.select().from(mentors).where(eq(mentors.email, DEMO_USERS.mentor)).get()!;
  const course = db
    .select()
    .from(courses)
    .where(and(eq(courses.mentorId, mentor.id), inArray(courses.status, ["active", "approved", "paused"])))
    .get()!;
  // Give the mentee a current assessment with a summary the mentor must not see.
  db.update(competenceProfiles).set({ isCurrent: false }).where(eq(competenceProfiles.menteeId, course.menteeId)).run();
  const version =
    db
      .select({ v: sql<number>`coalesce(max(version), 0)` })
      .from(competenceProfiles)
      .where(eq(competenceProfiles.menteeId, course.menteeId))
      .get()!.v + 1;
  db.insert(competenceProfiles)
    .values({
      menteeId: course.menteeId,
      version,
      isCurrent: true,
      educations: [{ level: "4", field: "Byggeri", country: "Eritrea", year: 2015, recognised: true }],
      experience: [{ occupation: "Murer", industryCode: "43", years: 5, country: "Eritrea" }],
      danishLevel: "du2",
      englishLevel: "basic",
      wishedIndustryCodes: ["41"],
      wishedOccupations: ["Murerarbejdsmand"],
      summary: "Kun til sagsbehandleren",
      hoursPerWeek: 29,
      certificates: ["Stilladskursus"],
    })
    .run();

  await login(page, DEMO_USERS.mentor);
  await visit(page, `/mentor/forloeb/${course.id}`);
  const mentee = page.locator('section[aria-labelledby="mentee-title"]');
  await expect(mentee.getByText(/Murer \(5 år, 43/)).toBeVisible();
  await expect(mentee.getByText(/ISCED 4.*Byggeri, anerkendt i Danmark/)).toBeVisible();
  await expect(mentee.getByText("Murerarbejdsmand")).toBeVisible();
  for (const hidden of ["Kun til sagsbehandleren", "Stilladskursus", "Eritrea"])
    await expect(page.getByText(hidden)).toHaveCount(0);

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Virksomhedstip" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Virksomhedstip" })).toBeVisible();
  await expectAccessible(page);
  const cvr = completeCvr("4433221") ?? completeCvr("4433222")!;
  await page.getByLabel("Navn", { exact: true }).first().fill("Murermester Jensen ApS");
  await page.getByLabel(/^CVR-nummer/).fill(cvr);
  await page.getByLabel(/^Branche \(DB07\)/).selectOption("43");
  await page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Aarhus" });
  await page.getByLabel("Virksomheden har en plads").check();
  await page.getByRole("button", { name: "Send tip" }).click();
  await expect(page.locator(".form-error-message", { hasText: "Skriv stillingen" })).toBeVisible();
  await page.getByLabel(/^Type/).selectOption("internship");
  await page.getByLabel(/^Stilling/).fill("Murerarbejdsmand");
  await page.getByLabel(/^Hvad du ved om pladsen/).fill("Kunden hos mig har brug for en mand på pladsen fra marts.");
  await page.getByRole("button", { name: "Send tip" }).click();
  await expect(page.getByText("Tak! Koordinatoren tjekker virksomheden og bekræfter den.")).toBeVisible();
  await expect(page.getByText("Murermester Jensen ApS · venter på bekræftelse")).toBeVisible();
  await expectAccessible(page);
  const tip = db.select().from(companies).where(eq(companies.cvr, cvr)).get()!;
  expect(tip).toMatchObject({ suggestedByMentorId: mentor.id, verifiedAt: null });
  const tipOpening = db.select().from(openings).where(eq(openings.companyId, tip.id)).get()!;
  expect(tipOpening).toMatchObject({
    status: "proposed",
    occupation: "Murerarbejdsmand",
    suggestedByMentorId: mentor.id,
  });
  await logout(page);

  // The coordinator confirms the tip: the company and its opening.
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/virksomheder?unverified=1");
  await page.getByRole("link", { name: "Murermester Jensen ApS" }).click();
  await expect(page.getByText(/Foreslået af mentor Mads Mentorsen/)).toBeVisible();
  await page.getByRole("link", { name: /Virksomhedspraktik: Murerarbejdsmand/ }).click();
  await expect(page.getByTestId("opening-status")).toHaveText("Foreslået af mentor");
  await page.getByRole("button", { name: "Bekræft og åbn opslaget" }).click();
  await expect(page.getByTestId("opening-status")).toHaveText("Åben");
  expect(db.select().from(companies).where(eq(companies.id, tip.id)).get()!.verifiedAt).not.toBeNull();
});

test("lists page in SQL with the true total; page links work without JavaScript; in Danish and English", async ({
  page: jsPage,
  browser,
  baseURL,
  db,
}) => {
  // 60 more companies: two pages at 50 a page.
  for (let i = 0; i < 60; i++) {
    const cvr = completeCvr(String(5000000 + i * 3)) ?? completeCvr(String(5000001 + i * 3))!;
    db.insert(companies)
      .values({
        name: `Zeta Test ${String(i).padStart(2, "0")} ApS`,
        cvr,
        industryCode: "47",
        municipalityCode: 621,
        verifiedAt: new Date().toISOString(),
      })
      .run();
  }
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(companies)
    .get()!.n;
  // Without JavaScript: the pager is plain links (axe needs JavaScript, so it runs on the same pages below).
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await login(page, DEMO_USERS.coordinator);
  await page.goto("/virksomheder");
  await expect(page.getByTestId("page-summary")).toHaveText(`1–50 af ${total}`);
  await expect(page.getByTestId("companies").locator("tbody tr")).toHaveCount(50);
  await page.getByRole("link", { name: "Side 2" }).click();
  await expect(page).toHaveURL(/side=2/);
  await expect(page.getByTestId("companies").locator("tbody tr")).toHaveCount(total - 50);
  await expect(page.getByTestId("page-summary")).toHaveText(`51–${total} af ${total}`);
  // The filter keeps working across pages; junk in the URL is ignored.
  await page.goto("/virksomheder?q=Zeta&side=2");
  await expect(page.getByTestId("companies").locator("tbody tr")).toHaveCount(10);
  expect((await page.goto("/virksomheder?side=-4&municipality=x&section=ZZ"))?.status()).toBe(200);
  await context.close();

  await login(jsPage, DEMO_USERS.coordinator);
  await visit(jsPage, "/virksomheder?side=2");
  await visit(jsPage, "/opslag?status=all");
  await visit(jsPage, "/placeringer?status=all");
  await switchToEnglish(jsPage);
  await jsPage.goto("/opslag");
  await expect(jsPage.getByRole("heading", { level: 1, name: "Openings" })).toBeVisible();
  await expectAccessible(jsPage);
  await jsPage.goto("/placeringer");
  await expect(jsPage.getByRole("heading", { level: 1, name: "Internships and jobs" })).toBeVisible();
  await expectAccessible(jsPage);
  const igu = db.select().from(placements).where(eq(placements.type, "igu")).orderBy(desc(placements.id)).get()!;
  await jsPage.goto(`/placeringer/${igu.id}`);
  await expect(jsPage.getByTestId("school-weeks")).toHaveText("15 of 20 school weeks are planned.");
  await expectAccessible(jsPage);
});
