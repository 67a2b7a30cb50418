/**
 * Issue 21, as people click it: the mentor plans a meeting on a phone → both get the invite (the .ics parses and
 * carries Europe/Copenhagen) → the citizen's Arabic page shows the meeting right-to-left → the reminder goes the day
 * before at an allowed hour (test clock) → the mentor confirms the meeting happened and it counts. Goals set at the
 * start and updated at a follow-up appear in the report. A new mentor must mark the introduction read before being
 * matched. Axe on every page visited.
 */
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { APIRequestContext } from "@playwright/test";
import ICAL from "ical.js";
import { test, expect, login, visit, expectAccessible, expectFitsScreen, received, linkIn } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { createRng, insertMentor, insertCourse } from "../../db/factories";
import type { Db } from "../../db/client";
import {
  auditLog,
  courseGoals,
  courses,
  matchRequests,
  mentees,
  mentors,
  meetings,
  messages,
  users,
} from "../../db/schema";
import { AUDIT_DRAIN, drainAll } from "../../db/queue-drain";
import { addDays } from "../../app/domain/dates";
import { instantOf, isAllowedHour, localDateTime } from "../../app/domain/planned-meetings";

const DAY_MS = 86_400_000;

/** Sets the server's clock to a Copenhagen wall-clock time (and runs the daily jobs for that day). */
async function clockTo(request: APIRequestContext, date: string, time: string) {
  const target = instantOf(date, time)!.getTime();
  const res = await request.post("/__test/clock", { form: { days: String((target - Date.now()) / DAY_MS), run: "1" } });
  expect(res.status()).toBe(200);
  return (await res.json()) as { today: string; ran: string[] };
}

async function serverToday(request: APIRequestContext): Promise<string> {
  return ((await (await request.get("/__test/clock")).json()) as { today: string }).today;
}

function demoCourse(db: Db) {
  const mentor = db.select().from(mentors).where(eq(mentors.email, DEMO_USERS.mentor)).get()!;
  const course = db
    .select()
    .from(courses)
    .where(and(eq(courses.mentorId, mentor.id), eq(courses.status, "active")))
    .get()!;
  expect(course, "the demo mentor has a running course").toBeTruthy();
  return { mentor, course };
}

/** The invite as a calendar reads it: its time zone and the instant the event starts. */
function parseInvite(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const event = new ICAL.Event(cal.getFirstSubcomponent("vevent")!);
  return {
    tzid: event.startDate.zone?.tzid,
    start: event.startDate.toJSDate().toISOString(),
    method: cal.getFirstPropertyValue("method"),
  };
}

test("a planned meeting: invites with the right time zone, the citizen's Arabic page, the reminder the day before, confirmed and counted", async ({
  page,
  browser,
  baseURL,
  db,
  app,
}) => {
  test.setTimeout(240_000);
  const { mentor, course } = demoCourse(db);
  db.update(mentees)
    .set({
      language: "ar",
      phone: "+4520304050",
      email: "amal.citizen@eksempel.dk",
      preferredChannel: "sms",
      smsOptOutAt: null,
      emailOptOutAt: null,
    })
    .where(eq(mentees.id, course.menteeId))
    .run();
  const mentee = db.select().from(mentees).where(eq(mentees.id, course.menteeId)).get()!;
  const meetingDay = addDays(await serverToday(page.request), 3);

  // The mentor plans the next meeting on a phone.
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const mp = await phone.newPage();
  await login(mp, DEMO_USERS.mentor);
  await visit(mp, `/mentor/forloeb/${course.id}`);
  await mp.getByRole("link", { name: "Planlæg næste møde" }).click();
  await expect(mp.getByRole("heading", { level: 1 })).toContainText(mentee.firstName);
  await expectAccessible(mp);
  await expectFitsScreen(mp);
  // Bad input first: a time that is not one, told next to its field, nothing stored.
  await mp.getByLabel("Dato").fill(meetingDay);
  await mp.getByLabel(/^Klokkeslæt/).fill("25:00");
  await mp.getByRole("button", { name: "Planlæg og send invitationer" }).click();
  await expect(mp.getByText("Skriv klokkeslættet som tt:mm, fx 14:30").first()).toBeVisible();
  await expect(mp.getByLabel("Dato")).toHaveValue(meetingDay);
  await mp.getByLabel(/^Klokkeslæt/).fill("10:00");
  await mp.getByLabel("Varighed").selectOption("60");
  await mp.getByLabel("Fysisk møde").check();
  await mp.getByLabel(/^Sted, telefon eller link/).fill("Café Havnen, Aarhus");
  await mp.getByLabel(/^Kort dagsorden/).fill("CV og to ansøgninger");
  await mp.getByRole("button", { name: "Planlæg og send invitationer" }).click();
  await expect(mp.getByText("Mødet er planlagt, og invitationerne er sendt.")).toBeVisible();
  await expect(mp.getByRole("cell", { name: "Café Havnen, Aarhus" })).toBeVisible();
  await expectAccessible(mp);
  await expectFitsScreen(mp);

  // Both get the invite; the .ics parses and carries Europe/Copenhagen, 10:00 local.
  const startsAt = instantOf(meetingDay, "10:00")!.toISOString();
  for (const [to, template] of [
    [mentor.email, "meeting_planned_mentor"],
    [mentee.email!, "meeting_planned_mentee"],
  ] as const) {
    const m = await received(app, { to, template });
    const ics = m.attachments?.find((a) => a.filename.endsWith(".ics"));
    expect(ics, `${template} carries an .ics`).toBeTruthy();
    expect(ics!.contentType).toContain("text/calendar");
    expect(parseInvite(ics!.content)).toEqual({ tzid: "Europe/Copenhagen", start: startsAt, method: "REQUEST" });
  }
  const sms = await received(app, { to: mentee.phone!, template: "meeting_planned_mentee" });
  expect(sms.text).toContain("10:00");
  expect(sms.text).toContain(mentor.firstName);

  // The coordinator sends the citizen a link to their page; the citizen opens it without an account: Arabic, right to left.
  const coord = await browser.newContext({ baseURL });
  const cp = await coord.newPage();
  await login(cp, DEMO_USERS.coordinator);
  await visit(cp, `/koordinator/mentees/${mentee.id}`);
  await cp.getByRole("button", { name: "Send et nyt link" }).click();
  await expect(cp.getByText("Et nyt link er sendt til borgeren.")).toBeVisible();
  await expectAccessible(cp);
  const linkSms = await received(app, { to: mentee.phone!, template: "citizen_page_link" });
  const pagePath = linkIn(linkSms, "/mig/");
  // Staff see the link masked in the outbox, never the token.
  const stored = db
    .select()
    .from(messages)
    .where(and(eq(messages.template, "citizen_page_link"), eq(messages.subjectId, mentee.id)))
    .get()!;
  expect(String(stored.data.pageUrl)).toMatch(/\/mig\/•••$/);
  const citizen = await browser.newContext({ baseURL, viewport: { width: 360, height: 640 } });
  const cz = await citizen.newPage();
  await visit(cz, pagePath);
  const root = cz.locator("[lang='ar'][dir='rtl']").first();
  await expect(root).toBeVisible();
  await expect(root.getByRole("heading", { level: 1 })).toHaveText("صفحتي في Mentorbro");
  await expect(root.getByTestId("next-meeting")).toContainText("10:00");
  await expect(root.getByTestId("next-meeting")).toContainText("لقاء حضوري");
  await expect(root.getByText(`اسم مرشدك ${mentor.firstName}.`)).toBeVisible();
  await expectFitsScreen(cz);
  // Every view is in the access log as the citizen's (moved there from its queue first).
  const views = () => {
    drainAll(db.$client, AUDIT_DRAIN);
    return db
      .select({ n: sql<number>`count(*)` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.entityType, "mentee"),
          eq(auditLog.entityId, mentee.id),
          eq(auditLog.actorRole, "citizen"),
          eq(auditLog.action, "view"),
        ),
      )
      .get()!.n;
  };
  expect(views()).toBeGreaterThanOrEqual(1);
  // Read in Danish, for a helper.
  await cz.getByRole("link", { name: "Dansk" }).click();
  await expect(cz.getByRole("heading", { level: 1 })).toHaveText("Min side i Mentorbro");
  await expectAccessible(cz);

  // The day before at 09:00: the daily job queues the reminder for 17:00, an allowed hour.
  const dayBefore = addDays(meetingDay, -1);
  await clockTo(page.request, dayBefore, "09:00");
  const reminderRow = () =>
    db
      .select()
      .from(messages)
      .where(and(eq(messages.template, "meeting_reminder_mentee"), eq(messages.subjectId, mentee.id)))
      .get();
  await expect.poll(() => reminderRow()?.status).toBe("queued");
  expect(reminderRow()!.channel).toBe("sms");
  expect(localDateTime(reminderRow()!.nextAttemptAt)).toEqual({ date: dayBefore, time: "17:00" });
  // At 17:05 it goes out, in Arabic, at an allowed hour the day before.
  await clockTo(page.request, dayBefore, "17:05");
  const reminder = await received(app, { to: mentee.phone!, template: "meeting_reminder_mentee" });
  expect(reminder.text).toContain("تذكّر لقاءك");
  const sentAt = db.select().from(messages).where(eq(messages.id, reminder.id)).get()!.sentAt!;
  expect(localDateTime(sentAt).date).toBe(dayBefore);
  expect(isAllowedHour(new Date(sentAt))).toBe(true);

  // After the meeting the mentor confirms it with one tap on the course page; it is logged and counts.
  await clockTo(page.request, meetingDay, "12:00");
  const hoursCard = () => mp.locator(".mb-card__value").first().textContent();
  await mp.goto(`/mentor/forloeb/${course.id}`);
  const before = Number((await hoursCard())!.replace(/[^\d,]/g, "").replace(",", "."));
  const ask = mp.getByRole("form", { name: /^Blev mødet .* holdt\?$/ });
  await expect(ask).toBeVisible();
  await expectAccessible(mp);
  await ask.getByLabel("CV", { exact: true }).check();
  await ask.getByRole("button", { name: "Ja, mødet blev holdt" }).click();
  await expect(mp.getByText("Mødet er registreret og tæller med i jeres timer.")).toBeVisible();
  const after = Number((await hoursCard())!.replace(/[^\d,]/g, "").replace(",", "."));
  expect(after - before).toBeCloseTo(1, 5);
  const logged = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.courseId, course.id), eq(meetings.date, meetingDay)))
    .all();
  expect(logged.map((m) => [m.minutes, m.topics])).toEqual([[60, ["cv"]]]);
  await expectAccessible(mp);
  await phone.close();
  await coord.close();
  await citizen.close();
});

test("goals set at the start and updated at a follow-up appear in the report", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(180_000);
  const { course } = demoCourse(db);
  const today = await serverToday(page.request);
  // Four other courses in the same industry section (F) completed today with goal plans, so the section is large enough to show.
  const rng = createRng(2121);
  const coordinator = db.select().from(users).where(eq(users.email, DEMO_USERS.coordinator)).get()!;
  const code = db.select({ code: mentees.municipalityCode }).from(mentees).where(eq(mentees.id, course.menteeId)).get()!
    .code;
  const others = db.select({ id: mentees.id }).from(mentees).where(eq(mentees.status, "waiting")).limit(4).all();
  db.update(mentees)
    .set({ municipalityCode: code })
    .where(
      inArray(
        mentees.id,
        others.map((o) => o.id),
      ),
    )
    .run();
  for (const m of others) {
    const mentor = insertMentor(db, rng, [751], { industryCode: "43", status: "approved" });
    const c = insertCourse(db, {
      menteeId: m.id,
      mentorId: mentor.id,
      status: "completed",
      approvedBy: coordinator.id,
      startDate: addDays(today, -180),
      plannedEndDate: today,
      endedOn: today,
    });
    db.insert(courseGoals)
      .values([
        { courseId: c.id, kind: "cv_danish", status: "reached", statusOn: today },
        { courseId: c.id, kind: "applications", status: "in_progress", statusOn: today },
      ])
      .run();
  }

  // At the start meeting the mentor sets two goals.
  const mentorCtx = await browser.newContext({ baseURL });
  const mp = await mentorCtx.newPage();
  await login(mp, DEMO_USERS.mentor);
  await visit(mp, `/mentor/forloeb/${course.id}/maal`);
  await mp.getByRole("button", { name: "Tilføj et mål" }).click();
  await expect(mp.getByText("Udfyld feltet").first()).toBeVisible();
  await expectAccessible(mp);
  await mp.getByLabel("Mål", { exact: true }).selectOption("cv_danish");
  await mp.getByRole("button", { name: "Tilføj et mål" }).click();
  await expect(mp.getByText("Målet er tilføjet.")).toBeVisible();
  await mp.getByLabel("Mål", { exact: true }).selectOption("own");
  await mp.getByLabel(/^Eget mål/).fill("Truckcertifikat");
  await mp.getByRole("button", { name: "Tilføj et mål" }).click();
  await expect(mp.getByRole("heading", { name: "Truckcertifikat" })).toBeVisible();
  await expectAccessible(mp);
  await mentorCtx.close();

  // At the follow-up call the coordinator logs the call and marks the CV goal reached; then completes the course.
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/forloeb/${course.id}`);
  await expect(page.getByRole("region", { name: "Målplan" }).getByText("CV på dansk")).toBeVisible();
  await page.getByRole("form", { name: "Registrér en opfølgning" }).getByRole("button").click();
  await expect(page.getByText("Opfølgningen er gemt.")).toBeVisible();
  await page.getByRole("link", { name: "Redigér målplanen" }).click();
  const cvGoal = page.getByRole("form", { name: "CV på dansk" });
  await cvGoal.getByLabel("Status", { exact: true }).selectOption("reached");
  await cvGoal.getByRole("button", { name: "Gem status for CV på dansk" }).click();
  await expect(page.getByText("Målet er opdateret.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Tilbage" }).click();
  await page.getByRole("form", { name: "Afslut forløbet" }).getByRole("button").click();
  await expect(page.getByText("Forløbet er opdateret.")).toBeVisible();

  // The report: goals reached per completed course in section F, from the same courses the database holds.
  // Courses completed today in the citizen's municipality: the five with goal plans.
  const from = today;
  await visit(page, `/koordinator/rapporter?from=${from}&to=${today}&municipality=${code}`);
  const section = page.locator("section[aria-labelledby='report-goals']");
  await expect(section).toBeVisible();
  const fCourses = db
    .select({ id: courses.id })
    .from(courses)
    .innerJoin(mentors, eq(mentors.id, courses.mentorId))
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(
      and(
        eq(courses.status, "completed"),
        gte(courses.endedOn, from),
        lte(courses.endedOn, today),
        eq(mentees.municipalityCode, code),
        inArray(mentors.industryCode, ["41", "42", "43"]),
      ),
    )
    .all()
    .map((c) => c.id);
  const reached = db
    .select({ n: sql<number>`count(*)` })
    .from(courseGoals)
    .where(and(inArray(courseGoals.courseId, fCourses), eq(courseGoals.status, "reached")))
    .get()!.n;
  expect(fCourses).toHaveLength(5);
  expect(reached).toBe(5);
  const row = section.locator("tr[data-key='F']");
  await expect(row.locator("td").nth(0)).toHaveText(String(fCourses.length));
  await expect(row.locator("td").nth(3)).toHaveText(
    new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
      reached / fCourses.length,
    ),
  );
  await expectAccessible(page);
});

test("a new mentor must mark the introduction as read before being matched", async ({ page, browser, baseURL, db }) => {
  test.setTimeout(180_000);
  const mentee = db
    .select()
    .from(mentees)
    .where(
      and(eq(mentees.status, "waiting"), eq(mentees.municipalityCode, 751), eq(mentees.mentorGenderPreference, "none")),
    )
    .orderBy(mentees.id)
    .get()!;
  const demoUser = db.select().from(users).where(eq(users.email, DEMO_USERS.mentor)).get()!;
  const user = db
    .insert(users)
    .values({
      email: "ny.mentor@eksempel.dk",
      name: "Nina Nymentor",
      role: "mentor",
      passwordHash: demoUser.passwordHash,
      emailVerifiedAt: new Date().toISOString(),
    })
    .returning()
    .get();
  const mentor = insertMentor(db, createRng(7), [751], {
    firstName: "Nina",
    lastName: "Nymentor",
    email: "ny.mentor@eksempel.dk",
    userId: user.id,
    status: "approved",
    introductionReadAt: null,
    municipalityCode: 751,
    industryCode: mentee.wishedIndustryCodes[0] ?? "41",
    languages: ["da", "en", ...mentee.languages],
    gender: "female",
    menteeGenderPreference: "none",
    offers: mentee.goals,
    capacity: 1,
    employer: "Nymentor ApS",
    travelKm: 40,
  });

  // The coordinator sees her excluded, with the rule in words, and an approval is refused.
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/koordinator/mentees/${mentee.id}/kandidater`);
  await page
    .getByRole("link", { name: /^Vis \d+ mentor(er)?: Udelukket: mentor har ikke læst introduktionen$/ })
    .click();
  await expect(
    page
      .getByRole("row", { name: /Nina Nymentor/ })
      .getByRole("cell", { name: "Udelukket: mentor har ikke læst introduktionen" }),
  ).toBeVisible();
  const refused = await page.request.post(`/koordinator/mentees/${mentee.id}/kandidater`, {
    form: { mentorId: String(mentor.id), startDate: await serverToday(page.request) },
  });
  expect(refused.status()).toBeGreaterThanOrEqual(400);
  expect(db.select().from(courses).where(eq(courses.mentorId, mentor.id)).all()).toHaveLength(0);

  // She logs in, is told to read the introduction, and marks it read (the box must be ticked).
  const ctx = await browser.newContext({ baseURL });
  const np = await ctx.newPage();
  await login(np, "ny.mentor@eksempel.dk");
  await visit(np, "/mentor");
  await np.getByRole("link", { name: "Læs introduktionen" }).click();
  await expect(np.getByRole("heading", { name: "Tavshedspligt og personoplysninger" })).toBeVisible();
  await expect(np.getByRole("heading", { name: "Sådan virker beskæftigelsessystemet" })).toBeVisible();
  await expectAccessible(np);
  await np.getByRole("button", { name: "Markér som læst" }).click();
  await expect(np.getByText("Sæt kryds for at bekræfte, at du har læst introduktionen").first()).toBeVisible();
  await np.getByLabel("Jeg har læst introduktionen og kender mentorrollen").check();
  await np.getByRole("button", { name: "Markér som læst" }).click();
  await expect(np.getByText("Tak. Nu kan du blive matchet med en borger.")).toBeVisible();
  await expectAccessible(np);
  await ctx.close();

  // Now she is a candidate, and the coordinator approves the match.
  await visit(page, `/koordinator/mentees/${mentee.id}/kandidater`);
  const candidate = page.locator(".mb-candidate", { has: page.getByRole("heading", { name: /Nina Nymentor/ }) });
  await candidate.getByRole("button", { name: "Godkend match med Nina Nymentor" }).click();
  // Issue 19: she is asked first (the course comes with her yes).
  await expect(page.getByText(/Mentoren er spurgt/)).toBeVisible();
  expect(db.select().from(matchRequests).where(eq(matchRequests.mentorId, mentor.id)).all()).toHaveLength(1);
  // The record of what she read, on her page for the coordinator.
  await visit(page, `/koordinator/mentorer/${mentor.id}`);
  await expect(
    page.getByRole("region", { name: "Læst vejledning" }).getByText(/Introduktionen markeret som læst/),
  ).toBeVisible();

  // The coordinator rewords an introduction page: a new version, shown as updated to a mentor who read the old one.
  await visit(page, "/koordinator/vejledning");
  await page.getByRole("link", { name: "Din rolle som erhvervsmentor" }).click();
  await page
    .getByLabel("Tekst (dansk)")
    .fill(
      "Som frivillig erhvervsmentor hjælper du én borger et skridt tættere på et job.\n\n- Ring til koordinatoren, når du er i tvivl.",
    );
  await page.getByRole("button", { name: "Gem siden" }).click();
  await expect(page.getByText("Siden er gemt.")).toBeVisible();
  await expectAccessible(page);
});
