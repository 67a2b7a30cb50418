/**
 * Issue 19: industry first, the mentor says yes, second chances. As the coordinator, the mentor (on a phone) and the
 * citizen (their SMS, from the local sink) would see it.
 */
import { and, desc, eq } from "drizzle-orm";
import { test, expect, login, visit, received, expectAccessible, expectFitsScreen } from "../support/fixtures";
import { answerAsMentor, mentorWithLogin, PHONE } from "../support/match-requests";
import { DEMO_USERS } from "../../db/seed/demo";
import { createRng, insertMentee } from "../../db/factories";
import { courses, matchRequests, mentees, statusChanges, users } from "../../db/schema";

function citizen(db: Parameters<typeof insertMentee>[0], o: Parameters<typeof insertMentee>[3]) {
  const caseworker = db.select().from(users).where(eq(users.email, DEMO_USERS.caseworker)).get()!;
  return insertMentee(db, createRng(1919), 751, {
    status: "waiting",
    referredBy: caseworker.id,
    mentorGenderPreference: "none",
    currentInternshipEmployer: null,
    ...o,
  });
}

test("coordinator approves, the mentor accepts on a phone, and the citizen's Arabic SMS carries the mentor's name and number", async ({
  page,
  browser,
  baseURL,
  db,
  app,
}) => {
  test.setTimeout(150_000);
  const mentee = citizen(db, {
    firstName: "Amal",
    language: "ar",
    preferredChannel: "sms",
    phone: "+4520191919",
    wishedIndustryCodes: ["41"],
  });
  const { mentor } = mentorWithLogin(db, {
    firstName: "Jesper",
    lastName: "Jasigersen",
    municipalityCode: 751,
    industryCode: "41",
    phone: "+4531415926",
  });

  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/mentees/${mentee.id}/kandidater`);
  const candidate = page.locator(".mb-candidate", { has: page.getByRole("heading", { name: /Jesper Jasigersen/ }) });
  await expect(candidate.getByTestId("no-industry")).toHaveCount(0);
  await candidate.getByRole("button", { name: "Godkend match med Jesper Jasigersen" }).click();
  await expect(
    page.getByText("Mentoren er spurgt. Forløbet oprettes, og borgeren får besked, når mentoren siger ja."),
  ).toBeVisible();
  await expect(page.getByText(/Jesper Jasigersen er spurgt og har frist til/)).toBeVisible();
  await expectAccessible(page);
  expect(
    db.select().from(courses).where(eq(courses.menteeId, mentee.id)).all(),
    "no course before the mentor said yes",
  ).toHaveLength(0);

  // The mentor's request arrives by email and SMS, with a link to their own page and nothing but the minimal profile.
  const sms = await received(app, { to: "+4531415926", template: "match_request_mentor" });
  expect(sms.text).toContain("Amal");
  expect(sms.text).toContain("/mentor/forespoergsel/");
  expect(sms.text).not.toContain("+4520191919");

  await answerAsMentor(browser, baseURL!, db, mentee.id, { accept: true });
  const course = db.select().from(courses).where(eq(courses.menteeId, mentee.id)).get()!;
  expect(course).toMatchObject({ mentorId: mentor.id, status: "approved" });
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.status).toBe("matched");

  // The citizen's SMS, in Arabic: the mentor's first name and phone, and the coordinator to write to.
  const toCitizen = await received(app, { to: "+4520191919", template: "match_mentee" });
  expect(toCitizen.text).toContain("مرشدك");
  expect(toCitizen.text).toContain("Jesper");
  expect(toCitizen.text).toContain("+4531415926");
  expect(toCitizen.text).toContain("koordinator@demo.mentorbro.dk");
  expect(toCitizen.text).not.toContain("Jasigersen");
  // The mentor's email gives the citizen's number.
  expect((await received(app, { to: mentor.email, template: "match_mentor" })).text).toContain("+4520191919");
});

test("a mentor's no puts the citizen first in the queue, tells the coordinator, and the pair is not proposed again", async ({
  page,
  browser,
  baseURL,
  db,
  app,
}) => {
  test.setTimeout(150_000);
  const mentee = citizen(db, { firstName: "Yonas", lastName: "Tesfay", language: "ti", wishedIndustryCodes: ["56"] });
  mentorWithLogin(db, { firstName: "Nanna", lastName: "Nejsiger", municipalityCode: 751, industryCode: "56" });

  await login(page, DEMO_USERS.coordinator);
  await page.goto(`/koordinator/mentees/${mentee.id}/kandidater`);
  await page
    .locator(".mb-candidate", { has: page.getByRole("heading", { name: /Nanna Nejsiger/ }) })
    .getByRole("button", { name: /^Godkend match med / })
    .click();
  await expect(page.getByText(/Mentoren er spurgt/)).toBeVisible();

  await answerAsMentor(browser, baseURL!, db, mentee.id, { accept: false, reason: "Travlt på arbejdet" });
  expect(db.select().from(courses).where(eq(courses.menteeId, mentee.id)).all()).toHaveLength(0);
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.status).toBe("waiting");
  await received(app, { to: DEMO_USERS.coordinator, template: "match_request_closed" });

  // At the top of the waiting queue, with the mentor's reason and a way to a new mentor.
  await visit(page, "/koordinator/ventende");
  const notices = page.getByTestId("request-notices");
  await expect(notices.getByText(/Yonas Tesfay: Nanna Nejsiger sagde nej \(Travlt på arbejdet\)/)).toBeVisible();
  await notices.getByRole("link", { name: "Find ny mentor til Yonas Tesfay" }).click();
  await expect(page.getByTestId("match-requests").getByText(/Nanna Nejsiger: sagde nej/)).toBeVisible();
  await expect(
    page.locator(".mb-candidate", { has: page.getByRole("heading", { name: /Nanna Nejsiger/ }) }),
  ).toHaveCount(0);
  await expect(
    page
      .getByTestId("excluded-counts")
      .getByRole("cell", { name: "Udelukket: mentoren har sagt nej til borgeren eller ikke svaret", exact: true }),
  ).toBeVisible();
  await visit(page, `/koordinator/mentees/${mentee.id}/kandidater`);
});

test("a pair without a shared industry is marked and needs the coordinator's reason, kept with the request", async ({
  page,
  db,
}) => {
  test.setTimeout(120_000);
  const mentee = citizen(db, { firstName: "Farida", lastName: "Rahimi", language: "prs", wishedIndustryCodes: ["86"] });
  mentorWithLogin(db, { firstName: "Bent", lastName: "Brancheløs", municipalityCode: 751, industryCode: "62" });

  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/mentees/${mentee.id}/kandidater`);
  const candidate = page.locator(".mb-candidate", { has: page.getByRole("heading", { name: /Bent Brancheløs/ }) });
  await expect(candidate.getByTestId("no-industry")).toHaveText("Ingen fælles branche");
  await candidate.getByLabel(/^Begrundelse for valget/).fill("Kort");
  await candidate.getByRole("button", { name: /^Godkend match med / }).click();
  const again = page.locator(".mb-candidate", { has: page.getByRole("heading", { name: /Bent Brancheløs/ }) });
  await expect(again.getByText("Skriv en begrundelse på mindst 10 tegn: parret deler ikke branche")).toBeVisible();
  await expect(again.getByLabel(/^Begrundelse for valget/)).toHaveValue("Kort");
  await expectAccessible(page);
  expect(db.select().from(matchRequests).where(eq(matchRequests.menteeId, mentee.id)).all()).toHaveLength(0);

  await again
    .getByLabel(/^Begrundelse for valget/)
    .fill("Har ansat sygeplejersker i sin IT-virksomhed og kender hospitalet");
  await again.getByRole("button", { name: /^Godkend match med / }).click();
  await expect(page.getByText(/Mentoren er spurgt/)).toBeVisible();
  expect(db.select().from(matchRequests).where(eq(matchRequests.menteeId, mentee.id)).get()).toMatchObject({
    noIndustry: true,
    reason: "Har ansat sygeplejersker i sin IT-virksomhed og kender hospitalet",
  });
});

test("a course the pair could not make work: the coordinator puts the citizen back in the queue with the referral date kept", async ({
  page,
  db,
}) => {
  test.setTimeout(120_000);
  const dropped = db
    .select({ id: mentees.id, referredAt: mentees.referredAt, name: mentees.firstName })
    .from(mentees)
    .innerJoin(courses, eq(courses.menteeId, mentees.id))
    .where(and(eq(mentees.status, "ended_early"), eq(courses.endReason, "pair_mismatch")))
    .get()!;
  expect(dropped, "the demo has a citizen whose pair did not work").toBeTruthy();

  await login(page, DEMO_USERS.coordinator);
  await page.setViewportSize(PHONE);
  await visit(page, `/koordinator/mentees/${dropped.id}`);
  await expectFitsScreen(page);
  await page.getByRole("button", { name: "Sæt tilbage i køen" }).click();
  await expect(page.getByText("Borgeren står igen i køen med sin oprindelige henvisningsdato.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sæt tilbage i køen" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Find mentorkandidater" })).toBeVisible();
  await visit(page, `/koordinator/mentees/${dropped.id}`);
  const after = db.select().from(mentees).where(eq(mentees.id, dropped.id)).get()!;
  expect(after).toMatchObject({ status: "waiting", referredAt: dropped.referredAt });
  expect(
    db
      .select()
      .from(statusChanges)
      .where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.entityId, dropped.id)))
      .orderBy(desc(statusChanges.id))
      .get(),
  ).toMatchObject({ fromStatus: "ended_early", toStatus: "waiting" });

  // The demo's citizen who is already back after the mentor stopped is in the waiting queue.
  const back = db
    .select({ id: mentees.id })
    .from(mentees)
    .innerJoin(courses, eq(courses.menteeId, mentees.id))
    .where(and(eq(mentees.status, "waiting"), eq(courses.endReason, "mentor_withdrew")))
    .get();
  expect(back, "the demo has a citizen back in the queue after a dropped course").toBeTruthy();
});
