/**
 * A whole course with a simulated clock: match (arranged) → coordinator starts it → the mentor logs and edits a meeting
 * on a phone → the scheduler (test clock) sends the monthly reminder and the day-30 survey → the citizen answers
 * through the personal link without logging in → the coordinator logs a follow-up call with escalation, registers the
 * outcome "job" and completes the course → the mentor is free again → the caseworker sees the outcome. Axe on every page.
 */
import { and, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { test, expect, login, visit, expectAccessible, expectFitsScreen, received, linkIn } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import type { Db } from "../../db/client";
import { courses, mentees, mentors, messages, surveys } from "../../db/schema";

function arrangeMatch(db: Db) {
  const mentor = db.select().from(mentors).where(eq(mentors.email, DEMO_USERS.mentor)).get()!;
  // The demo mentor's current course ends, so they can take the new citizen (capacity 1).
  db.update(courses).set({ status: "completed", endedOn: "2026-01-01" }).where(eq(courses.mentorId, mentor.id)).run();
  const mentee = db
    .select()
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, 751), eq(mentees.status, "waiting")))
    .get()!;
  db.update(mentees)
    .set({ status: "matched", language: "ar", preferredChannel: "sms", phone: "+4520304050", smsOptOutAt: null })
    .where(eq(mentees.id, mentee.id))
    .run();
  const course = db
    .insert(courses)
    .values({ menteeId: mentee.id, mentorId: mentor.id, status: "approved", matchScore: 80 })
    .returning()
    .get();
  return { mentor, mentee, course };
}

const sent = (db: Db, template: string) => db.select().from(messages).where(eq(messages.template, template)).all();

async function moveClock(page: Page, days: number) {
  const res = await page.request.post("/__test/clock", { form: { days: String(days), run: "1" } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { today: string; ran: string[] };
}

test("a whole course: meetings, reminder, survey link, follow-up, outcome, completion, caseworker view", async ({
  page,
  browser,
  baseURL,
  db,
  app,
}) => {
  test.setTimeout(300_000);
  const { mentor, mentee, course } = arrangeMatch(db);

  // Coordinator starts the course (the start meeting has been held).
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/forloeb/${course.id}`);
  await page.getByRole("form", { name: "Start forløbet" }).getByRole("button", { name: "Start forløbet" }).click();
  await expect(page.getByText("Forløbet er opdateret.")).toBeVisible();
  await expectAccessible(page);
  expect(db.select().from(courses).where(eq(courses.id, course.id)).get()!.status).toBe("active");
  expect(sent(db, "course_started_mentee").filter((m) => m.subjectId === mentee.id)).toHaveLength(1);

  // The mentor logs a meeting on a phone.
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mp = await phone.newPage();
  await login(mp, DEMO_USERS.mentor);
  await visit(mp, `/mentor/forloeb/${course.id}`);
  await expect(mp.getByRole("heading", { level: 1 })).toContainText(mentee.firstName);
  await expectFitsScreen(mp);
  await mp.getByLabel("Varighed").selectOption("90");
  await mp.getByLabel("Fysisk møde").check();
  await mp.getByLabel("CV", { exact: true }).check();
  await mp.getByLabel("Jobsamtaletræning").check();
  await mp.getByLabel(/^Næste skridt/).fill("Sende to ansøgninger inden næste møde");
  await mp.getByRole("button", { name: "Gem mødet" }).click();
  await expect(mp.getByText("Mødet er registreret.")).toBeVisible();
  await expectAccessible(mp);
  await expect(mp.getByRole("cell", { name: "Sende to ansøgninger inden næste møde" })).toBeVisible();
  // Bad input: a date in the future is refused on the field, nothing stored.
  await mp.getByRole("region", { name: "Registrér et møde" }).getByLabel("Dato").fill("2099-01-01");
  await mp.getByRole("button", { name: "Gem mødet" }).click();
  await expect(mp.getByText("Datoen må ikke ligge i fremtiden").first()).toBeVisible();
  // Edit own entry within the window.
  await mp.getByRole("link", { name: /^Ret mødet/ }).click();
  // Wait for the edit form: until the navigation is done, the log form's fields carry the same labels.
  const edit = mp.getByRole("region", { name: "Ret mødet" });
  await edit.getByLabel("Varighed").selectOption("120");
  await edit.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(mp.getByText("Mødet er rettet.")).toBeVisible();
  await expect(mp.getByText("2 af 24 timer")).toBeVisible();
  await expectAccessible(mp);
  // The start page shows the hours at a glance and leads straight to the meeting form.
  await visit(mp, "/mentor");
  await expect(mp.getByText("Timer i alt: 2 af 24 timer")).toBeVisible();
  await expect(mp.getByText(/Forløbsmåned 1: 2 af 4 timer/)).toBeVisible();
  await expect(mp.getByText(/Registrér 2 timer mere inden/)).toBeVisible();
  await expect(mp.getByText(/Vi foreslår dig ikke til en ny/)).toBeVisible();
  await expectFitsScreen(mp);
  await mp.getByRole("link", { name: `Registrér et møde med ${mentee.firstName}` }).click();
  await expect(mp.getByRole("heading", { name: "Registrér et møde" })).toBeVisible();
  await phone.close();

  // 31 days later the scheduler runs: month 2 began, the day-30 surveys go out, the mentor is nudged.
  const day31 = await moveClock(page, 31);
  expect(day31.ran).toContain("courses");
  await expect.poll(() => sent(db, "course_monthly_reminder").filter((m) => m.subjectId === mentor.id).length).toBe(1);
  const invite = sent(db, "survey_mentee").find((m) => m.subjectId === mentee.id)!;
  expect(invite.channel).toBe("sms");
  expect(invite.locale).toBe("ar");
  // Running the same day again sends nothing twice.
  const before = db.select().from(messages).all().length;
  await moveClock(page, 31);
  expect(db.select().from(messages).all().length).toBe(before);

  // The citizen answers through the personal link: no login, Arabic, right to left.
  const link = linkIn(await received(app, { id: invite.id }), "/s/");
  const anon = await browser.newContext({ baseURL });
  const ap = await anon.newPage();
  await visit(ap, link);
  await expect(ap.locator("[dir=rtl]").first()).toBeVisible();
  await ap.getByRole("button", { name: "إرسال الإجابات" }).click();
  await expect(ap.getByText("اختر إجابة").first()).toBeVisible();
  await expectAccessible(ap);
  await ap.getByLabel(/^4$/).check();
  await ap.getByLabel("نعم").check();
  await ap.getByLabel(/اختياري/).fill("مفيد جداً");
  await ap.getByRole("button", { name: "إرسال الإجابات" }).click();
  await expect(ap.getByText("شكراً لإجاباتك!")).toBeVisible();
  await ap.goto(link);
  await expect(ap.getByText("لقد أجبت بالفعل. شكراً!")).toBeVisible();
  await anon.close();
  const answer = db
    .select()
    .from(surveys)
    .where(and(eq(surveys.courseId, course.id), eq(surveys.respondent, "mentee"), eq(surveys.kind, "day30")))
    .get()!;
  expect([answer.satisfaction, answer.closerToJob]).toEqual([4, "yes"]);

  // The coordinator (session expired with the clock) sees the answer, logs a follow-up call and escalates a concern.
  await login(page, DEMO_USERS.coordinator);
  // The start page counts the calls due and leads to them.
  await expect(page.getByRole("link", { name: "Opfølgningsopkald at ringe" })).toBeVisible();
  await page.getByRole("link", { name: "Opfølgningsopkald at ringe" }).click();
  await expect(page).toHaveURL(/\/koordinator\/opfoelgning$/);
  await expectAccessible(page);
  await expect(page.getByRole("link", { name: `Åbn forløbet ${course.id}` })).toBeVisible();
  await visit(page, "/koordinator/forloeb?filter=no_contact");
  await expect(page.getByRole("link", { name: `#${course.id}`, exact: true })).toBeVisible();
  await visit(page, `/koordinator/forloeb/${course.id}`);
  await expect(page.getByRole("cell", { name: "مفيد جداً" })).toBeVisible();
  const followUp = page.getByRole("form", { name: "Registrér en opfølgning" });
  await followUp.getByRole("radio", { name: "Borger", exact: true }).check();
  await followUp.getByRole("radio", { name: "Bekymring" }).check();
  await followUp.getByLabel(/^Noter/).fill("Har svært ved at finde tid til møder.");
  // DKFDS draws the checkbox on the label (the input itself is visually hidden): click the label, as a person does.
  await followUp.getByText(/Send en bekymring til sagsbehandleren/).click();
  await expect(followUp.getByLabel(/Send en bekymring til sagsbehandleren/)).toBeChecked();
  await followUp.getByRole("button", { name: "Gem opfølgning" }).click();
  await expect(page.getByText("Opfølgningen er gemt.")).toBeVisible();
  await expect(page.getByText("Sendt til sagsbehandler")).toBeVisible();
  await expectAccessible(page);
  expect(sent(db, "course_concern_caseworker")).toHaveLength(1);

  // Outcome "job" through the mentor's network, then completion.
  const outcome = page.getByRole("form", { name: "Registrér et resultat" });
  await outcome.getByLabel("Resultat", { exact: true }).selectOption("job_full_time");
  await outcome.getByLabel(/Arbejdsgiverens branche/).selectOption("41");
  await outcome.getByText("Kom gennem mentorens netværk").click();
  await expect(outcome.getByLabel("Kom gennem mentorens netværk")).toBeChecked();
  await outcome.getByRole("button", { name: "Registrér resultat" }).click();
  await expect(page.getByText("Resultatet er registreret.")).toBeVisible();
  await page.getByRole("form", { name: "Afslut forløbet" }).getByRole("button", { name: "Afslut forløbet" }).click();
  await expect(page.getByText("Forløbet er opdateret.")).toBeVisible();
  await expectAccessible(page);
  expect(db.select().from(courses).where(eq(courses.id, course.id)).get()!.status).toBe("completed");
  expect(db.select().from(mentors).where(eq(mentors.id, mentor.id)).get()!.status).toBe("approved");
  expect(db.select().from(mentees).where(eq(mentees.id, mentee.id)).get()!.status).toBe("completed");
  expect(sent(db, "course_closed_caseworker")).toHaveLength(1);
  expect(sent(db, "course_ended_mentee").filter((m) => m.subjectId === mentee.id)).toHaveLength(1);
  // The closure surveys went out; the closure link expires after 30 days.
  const closure = sent(db, "survey_mentee")
    .filter((m) => m.subjectId === mentee.id)
    .find((m) => m.idempotencyKey !== invite.idempotencyKey)!;
  expect(closure).toBeTruthy();

  // The caseworker sees the outcome on the citizen's page.
  const cw = await browser.newContext({ baseURL });
  const cp = await cw.newPage();
  await login(cp, DEMO_USERS.caseworker);
  await visit(cp, `/kommune/borgere/${mentee.id}`);
  await expect(cp.getByText(/Ordinært job \(fuld tid\)/).first()).toBeVisible();
  await expect(cp.getByText("Afsluttet").first()).toBeVisible();
  await cw.close();

  await moveClock(page, 62);
  const late = await page.request.get(linkIn(await received(app, { id: closure.id }), "/s/"));
  expect(late.status()).toBe(410);
  const bad = await page.request.post("/__test/clock", { form: { days: "x" } });
  expect(bad.status()).toBe(400);
});

test.describe("without ALLOW_TEST_CLOCK", () => {
  test.use({ appEnv: { ALLOW_TEST_CLOCK: "false" } });
  test("the test clock does not exist", async ({ page }) => {
    expect((await page.request.post("/__test/clock", { form: { days: "40", run: "1" } })).status()).toBe(404);
    expect((await page.request.get("/__test/clock")).status()).toBe(404);
  });
});
