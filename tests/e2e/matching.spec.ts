import { and, desc, eq, inArray } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible, switchToEnglish } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { createRng, insertMentor } from "../../db/factories";
import {
  backgroundJobs,
  courses,
  matchRequests,
  matchingWeights,
  mentees,
  mentors,
  messages,
  poolRunPairs,
  users,
} from "../../db/schema";
import { answerAsMentor } from "../support/match-requests";

test("coordinator approves a candidate: course, three messages, the mentor sees the mentee, the caseworker sees 'matched'", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(150_000);
  const caseworker = db.select().from(users).where(eq(users.email, DEMO_USERS.caseworker)).get()!;
  const mentee = db
    .select()
    .from(mentees)
    .where(
      and(
        eq(mentees.status, "waiting"),
        eq(mentees.municipalityCode, 751),
        eq(mentees.referredBy, caseworker.id),
        eq(mentees.mentorGenderPreference, "none"),
      ),
    )
    .orderBy(mentees.id)
    .get()!;
  expect(mentee, "the demo has a waiting citizen in Aarhus").toBeTruthy();

  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/mentees/${mentee.id}/kandidater`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(mentee.firstName);
  // Ranked candidates with their score and reasons in words.
  const first = page.locator(".mb-candidate").first();
  await expect(first.getByRole("heading", { level: 3 })).toContainText("Nr. 1:");
  await expect(first.getByText(/^Score \d+([,.]\d)? af 100$/)).toBeVisible();
  await expect(first.getByText(/^Har ventet \d+ dage$/)).toBeVisible();
  await expect(first.getByText(/^(Samme kommune: .+|\d+ km imellem)$/)).toBeVisible();
  // Excluded mentors are counted under the first rule that excludes them; a count opens a page of those mentors (the
  // demo mentor is at capacity). The candidates stay on the page.
  const counts = page.getByTestId("excluded-counts");
  await expect(
    counts.getByRole("cell", { name: "Udelukket: mentor har ikke flere pladser", exact: true }),
  ).toBeVisible();
  await counts.getByRole("link", { name: /^Vis \d+ mentorer?: Udelukket: mentor har ikke flere pladser$/ }).click();
  await expect(page).toHaveURL(/udelukket=mentor_at_capacity/);
  await expect(
    page
      .getByTestId("excluded")
      .getByRole("cell", { name: /Udelukket: mentor har ikke flere pladser/ })
      .first(),
  ).toBeVisible();
  await expect(page.locator(".mb-candidate").first()).toBeVisible();
  await expectAccessible(page);

  // A bad start date is refused with a message next to the field; nothing is stored.
  const firstForm = first.locator("form");
  await firstForm.getByLabel("Startdato").fill("");
  await firstForm.getByLabel("Startdato").evaluate((el: HTMLInputElement) => {
    el.removeAttribute("required");
    el.type = "text";
    el.value = "2026-02-30";
  });
  // The server's check, not the browser's (a pair without a shared industry also requires a reason, issue 19).
  await firstForm.evaluate((f: HTMLFormElement) => {
    f.noValidate = true;
  });
  await firstForm.getByRole("button", { name: /^Godkend match med / }).click();
  await expect(page.locator(".mb-candidate").first().getByText("Skriv en gyldig dato (åååå-mm-dd)")).toBeVisible();
  await expectAccessible(page);
  expect(db.select().from(courses).where(eq(courses.menteeId, mentee.id)).all()).toHaveLength(0);

  // Approve the top candidate.
  const button = page
    .locator(".mb-candidate")
    .first()
    .getByRole("button", { name: /^Godkend match med / });
  const mentorName = (await button.textContent())!.replace("Godkend match med ", "").trim();
  await page.locator(".mb-candidate").first().getByLabel("Startdato").fill("2026-12-01");
  await page
    .locator(".mb-candidate")
    .first()
    .getByLabel(/^Begrundelse for valget/)
    .fill("Passer godt til borgerens ønsker og mål");
  await button.click();
  // Issue 19: the mentor is asked first; the course comes when they say yes.
  await expect(page.getByText(/Mentoren er spurgt/)).toBeVisible();
  await expectAccessible(page);
  expect(db.select().from(courses).where(eq(courses.menteeId, mentee.id)).all()).toHaveLength(0);
  await answerAsMentor(browser, baseURL!, db, mentee.id, { accept: true });
  await page.reload();
  await expect(page.getByText(/Borgeren venter ikke længere/)).toBeVisible();

  const course = db.select().from(courses).where(eq(courses.menteeId, mentee.id)).get()!;
  expect(course).toMatchObject({
    status: "approved",
    startDate: "2026-12-01",
    plannedEndDate: "2027-06-01",
    targetHoursPerMonth: 4,
  });
  expect(course.matchScore).toBeGreaterThan(0);
  expect(course.weightsVersion).toBe(1);
  expect(Array.isArray(course.matchReasons) && course.matchReasons.length).toBeGreaterThan(0);
  const mentor = db.select().from(mentors).where(eq(mentors.id, course.mentorId)).get()!;
  expect(`${mentor.firstName} ${mentor.lastName}`).toBe(mentorName);
  expect(mentor.status).toBe("active");
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.status).toBe("matched");

  // The three messages are in the outbox.
  const sent = db
    .select()
    .from(messages)
    .where(
      inArray(messages.idempotencyKey, [
        `match_mentor:${course.id}`,
        `match_mentee:${course.id}`,
        `match_caseworker:${course.id}`,
      ]),
    )
    .all();
  expect(sent.map((m) => m.template).sort()).toEqual(["match_caseworker", "match_mentee", "match_mentor"]);
  expect(sent.find((m) => m.template === "match_mentor")!.recipient).toBe(mentor.email);
  expect(sent.find((m) => m.template === "match_caseworker")!.recipient).toBe(caseworker.email);
  const toMentee = sent.find((m) => m.template === "match_mentee")!;
  expect(toMentee.locale).toBe(mentee.language);
  expect([mentee.phone, mentee.email]).toContain(toMentee.recipient);

  // The mentor sees the mentee (first name and municipality) on their start page.
  const mentorCtx = await browser.newContext({ baseURL });
  const mentorPage = await mentorCtx.newPage();
  await login(mentorPage, mentor.email);
  await visit(mentorPage, "/mentor");
  await expect(mentorPage.getByRole("heading", { name: "Din mentee" })).toBeVisible();
  await expect(mentorPage.getByText(`${mentee.firstName} fra Aarhus`)).toBeVisible();
  await expect(mentorPage.getByText(mentee.lastName)).toHaveCount(0);
  await mentorCtx.close();

  // The referring caseworker sees the citizen as matched.
  const cwCtx = await browser.newContext({ baseURL });
  const cw = await cwCtx.newPage();
  await login(cw, DEMO_USERS.caseworker);
  await visit(cw, `/kommune/borgere/${mentee.id}`);
  await expect(cw.getByText("Matchet", { exact: true })).toBeVisible();
  await cwCtx.close();
});

test("whole-pool run as a job: start it for a municipality, follow it, page through the result, approve one pair; in English too", async ({
  page,
  db,
}) => {
  test.setTimeout(150_000);
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/koordinator/matching");
  // A region without its region is refused next to the field; nothing starts.
  await page.getByLabel("En region").check();
  await page.getByRole("button", { name: "Start kørsel" }).click();
  await expect(page.locator("#pool-run-region-error, [id$='region-error']").first()).toHaveText("Vælg en region");
  await expectAccessible(page);
  // No run starts (the daily jobs' own background job may already have run since the server started).
  expect(db.select().from(backgroundJobs).where(eq(backgroundJobs.kind, "matching_pool")).all()).toHaveLength(0);

  await page.getByLabel("En kommune").check();
  await page.getByRole("combobox", { name: /^Kommune/ }).selectOption({ label: "Aarhus" });
  await page.getByLabel("Flest mulige matchet").check();
  await page.getByRole("button", { name: "Start kørsel" }).click();
  await expect(page).toHaveURL(/\/koordinator\/matching\/\d+/);
  const jobId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Matchingkørsel ${jobId}`);
  // The page follows the run by itself until it is done.
  await expect(page.getByTestId("run-status")).toHaveText("Færdig", { timeout: 30_000 });
  const job = db.select().from(backgroundJobs).where(eq(backgroundJobs.id, jobId)).get()!;
  expect(job).toMatchObject({ kind: "matching_pool", scopeKey: "municipality:751", status: "done", weightsVersion: 1 });
  await expect(page.getByRole("heading", { name: "Resultat" })).toBeVisible();
  await expect(page.getByText(/^Gennemsnitlig score: \d+/)).toBeVisible();
  const industry = page.locator("section", { has: page.getByRole("heading", { name: "Par med fælles branche" }) });
  await expect(industry.getByTestId("page-summary")).toContainText(/\d/);
  await expectAccessible(page);

  // Sorted by score: highest first, then lowest first.
  const scores = async () =>
    (await industry.locator("tbody tr td:nth-child(3)").allTextContents()).map((x) => Number(x.replace(",", ".")));
  const desc = await scores();
  expect(desc.length).toBeGreaterThan(0);
  expect([...desc].sort((x, y) => y - x)).toEqual(desc);
  await page.getByRole("link", { name: "Laveste score først" }).click();
  await expect(page).toHaveURL(/sort=score_asc/);
  const asc = await scores();
  expect([...asc].sort((x, y) => x - y)).toEqual(asc);

  // Approve one pair from the result: as every approval, it asks the mentor (issue 19); the course comes with the yes.
  const button = industry.getByRole("button", { name: /^Godkend .+ med .+$/ }).first();
  const row = db
    .select()
    .from(poolRunPairs)
    .where(and(eq(poolRunPairs.jobId, jobId), eq(poolRunPairs.sharedIndustry, true)))
    .orderBy(poolRunPairs.score, poolRunPairs.menteeId)
    .get()!;
  await button.click();
  await expect(
    page.getByText(
      "1 par godkendt, og mentorerne er spurgt. 0 kunne ikke godkendes (fx fordi situationen har ændret sig).",
    ),
  ).toBeVisible();
  await expect(industry.getByText("Mentoren er spurgt").first()).toBeVisible();
  const approved = db
    .select()
    .from(poolRunPairs)
    .where(and(eq(poolRunPairs.jobId, jobId), eq(poolRunPairs.menteeId, row.menteeId)))
    .get()!;
  expect(approved.requestId).not.toBeNull();
  const request = db.select().from(matchRequests).where(eq(matchRequests.id, approved.requestId!)).get()!;
  expect(request).toMatchObject({ menteeId: row.menteeId, mentorId: row.mentorId, status: "requested" });
  expect(
    db
      .select()
      .from(courses)
      .where(eq(courses.menteeId, row.menteeId))
      .all()
      .filter((c) => c.status === "approved"),
  ).toHaveLength(0);
  await expectAccessible(page);

  // A second run for the same scope is refused while one is going (a run another process holds, here).
  db.insert(backgroundJobs)
    .values({
      kind: "matching_pool",
      scopeKey: "region:1082",
      params: { scope: "region:1082", mode: "best_score" },
      status: "running",
      owner: "another-host:1",
      heartbeatAt: new Date().toISOString(),
    })
    .run();
  await page.goto("/koordinator/matching");
  await page.getByLabel("En region").check();
  await page.getByRole("combobox", { name: /^Region/ }).selectOption({ label: "Region Midtjylland" });
  await page.getByRole("button", { name: "Start kørsel" }).click();
  await expect(page.getByText("Der kører allerede en kørsel for det område.")).toBeVisible();

  await switchToEnglish(page);
  await page.goto(`/koordinator/matching/${jobId}`);
  await expect(page.getByRole("heading", { name: `Matching run ${jobId}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pairs sharing an industry" })).toBeVisible();
  await expectAccessible(page);
});

test("a run's progress: stage and component, live with JavaScript, by refreshing without it; cancel", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(120_000);
  // A run another (live) process is working on: this server shows it and leaves it alone.
  const job = db
    .insert(backgroundJobs)
    .values({
      kind: "matching_pool",
      scopeKey: "country",
      params: { scope: "country", mode: "best_score" },
      status: "running",
      owner: "another-host:1",
      heartbeatAt: new Date().toISOString(),
      startedAt: new Date().toISOString(),
      progress: { stage: "solving", done: 40, total: 100, component: 2, components: 3 },
    })
    .returning()
    .get();
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/matching/${job.id}`);
  await expect(page.getByTestId("run-status")).toHaveText("Kører");
  await expect(page.getByTestId("run-stage")).toHaveText("Trin: finder bedste fordeling (gruppe 2 af 3) · 40 %");
  await expect(page.locator("progress")).toHaveAttribute("value", "40");
  await expectAccessible(page);
  // Live: the page follows the row.
  db.update(backgroundJobs)
    .set({ progress: { stage: "saving", done: 10, total: 20 }, heartbeatAt: new Date().toISOString() })
    .where(eq(backgroundJobs.id, job.id))
    .run();
  await expect(page.getByTestId("run-stage")).toHaveText("Trin: gemmer · 50 %");

  // Without JavaScript the page refreshes itself while the run works.
  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const plain = await ctx.newPage();
  await login(plain, DEMO_USERS.coordinator);
  await plain.goto(`/koordinator/matching/${job.id}`);
  await expect(plain.getByTestId("run-stage")).toHaveText("Trin: gemmer · 50 %");
  db.update(backgroundJobs)
    .set({ progress: { stage: "saving", done: 15, total: 20 }, heartbeatAt: new Date().toISOString() })
    .where(eq(backgroundJobs.id, job.id))
    .run();
  await expect(plain.getByTestId("run-stage")).toHaveText("Trin: gemmer · 75 %", { timeout: 15_000 });

  // Cancel (without JavaScript too): asked of the process that runs it, which stops it at its next heartbeat.
  await plain.getByRole("button", { name: "Annullér kørslen" }).click();
  await expect(plain.getByText("Annulleringen er bestilt.")).toBeVisible();
  await expect(plain.getByRole("button", { name: "Annullér kørslen" })).toHaveCount(0);
  expect(db.select().from(backgroundJobs).where(eq(backgroundJobs.id, job.id)).get()!.cancelRequestedAt).not.toBeNull();
  await ctx.close();
});

test("replacing the proposal by hand stores the coordinator's reason", async ({ page, db }) => {
  test.setTimeout(90_000);
  await login(page, DEMO_USERS.coordinator);
  const mentee = db
    .select()
    .from(mentees)
    .where(and(eq(mentees.status, "waiting"), eq(mentees.mentorGenderPreference, "none")))
    .orderBy(mentees.id)
    .get()!;
  // Two fresh mentors nearby, so there is a no. 1 and a no. 2 to choose between.
  const rng = createRng(3);
  for (let i = 0; i < 2; i++) {
    insertMentor(db, rng, [mentee.municipalityCode], {
      status: "approved",
      municipalityCode: mentee.municipalityCode,
      menteeGenderPreference: "none",
      employer: null,
      capacity: 1,
      industryCode: mentee.wishedIndustryCodes[0] ?? "41",
    });
  }
  await page.goto(`/koordinator/mentees/${mentee.id}/kandidater`);
  const second = page.locator(".mb-candidate").nth(1);
  await second.getByLabel(/^Begrundelse for valget/).fill("Kender borgerens drømmevirksomhed");
  await second.getByRole("button", { name: /^Godkend match med / }).click();
  await expect(page.getByText(/Mentoren er spurgt/)).toBeVisible();
  // Kept with the request to the mentor, and on the course when the mentor says yes (unit-tested).
  const r = db.select().from(matchRequests).where(eq(matchRequests.menteeId, mentee.id)).get()!;
  expect(r.reason).toBe("Kender borgerens drømmevirksomhed");
});

test("admin saves a new version of the matching weights; bad values are refused", async ({ page, db }) => {
  test.setTimeout(90_000);
  await login(page, DEMO_USERS.admin);
  await visit(page, "/admin/matchvaegte");
  await expect(page.getByText("Aktuel version: 1")).toBeVisible();
  await page.getByLabel("Branche", { exact: true }).fill("500");
  await page.getByRole("button", { name: "Gem ny version" }).click();
  await expect(page.getByText("Skriv et tal fra 0 til 100").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Branche", { exact: true }).fill("50");
  await page.getByRole("button", { name: "Gem ny version" }).click();
  await expect(page.getByText("Version 2 er gemt.")).toBeVisible();
  await expectAccessible(page);
  const latest = db.select().from(matchingWeights).orderBy(desc(matchingWeights.version)).get()!;
  expect(latest.version).toBe(2);
  expect(latest.weights.industry).toBe(50);
});
