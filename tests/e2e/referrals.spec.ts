/**
 * Issue 4: municipality referrals. A caseworker of Aarhus (A) refers a citizen, who appears in A's list and in the
 * coordinator's queue; Kolding's caseworker (B) sees neither the list entry nor the detail page, and cannot post to it.
 * The welcome message is in the outbox in the chosen language (Danish, English, Arabic with RTL markup). Bad input is a
 * 400 with field errors and stores nothing; consent is required; a possible duplicate needs "save anyway". Axe runs on
 * every page visited.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { test, expect, login, visit, expectAccessible, received, linkIn } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import type { Db } from "../../db/client";
import {
  auditLog,
  consents,
  mentees,
  messages,
  municipalities,
  statusChanges,
  users,
  verificationTokens,
} from "../../db/schema";
import { AUDIT_DRAIN, drainAll } from "../../db/queue-drain";

const YEAR = new Date().getFullYear();
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(new Date());

/** A complete, valid referral as a form post. */
function referralForm(over: Record<string, string | string[]> = {}): string {
  const base: Record<string, string | string[]> = {
    firstName: "Testa",
    lastName: "Henvist",
    birthYear: String(YEAR - 31),
    phone: "+45 31 41 59 26",
    email: "testa.henvist@eksempel.dk",
    preferredChannel: "email",
    language: "da",
    group: "refugee",
    jobReady: "on",
    danishLevel: "du3",
    danishModule: "4",
    englishLevel: "intermediate",
    educationLevel: "vocational",
    educationField: "Elektriker",
    educationCountry: "Syrien",
    "experience[0].title": "Elektriker",
    "experience[0].years": "6",
    "experience[0].industryCode": "43",
    "wishedIndustryCodes[0]": "43",
    "wishedIndustryCodes[1]": "41",
    wishedOccupation: "Elektriker",
    goals: ["cv", "network"],
    availability: "Formiddage",
    mentorGenderPreference: "none",
    consentPurposes: ["participation", "share_with_mentor", "sms"],
    consentVersion: "2026-01",
    consentDate: today(),
  };
  const all = { ...base, ...over };
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(all)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}
const post = (page: Page, path: string, body: string) =>
  page.request.post(path, {
    data: body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });

const counts = (db: Db) => ({
  mentees: db
    .select({ n: sql<number>`count(*)` })
    .from(mentees)
    .get()!.n,
  consents: db
    .select({ n: sql<number>`count(*)` })
    .from(consents)
    .get()!.n,
  messages: db
    .select({ n: sql<number>`count(*)` })
    .from(messages)
    .get()!.n,
  statusChanges: db
    .select({ n: sql<number>`count(*)` })
    .from(statusChanges)
    .get()!.n,
});

test("A refers a citizen in the browser: in A's list and in the coordinator's queue", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(240_000);
  await login(page, DEMO_USERS.caseworker);
  await visit(page, "/kommune");
  await page.getByRole("link", { name: "Henvis en borger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Henvis borger" })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel(/CPR/i)).toHaveCount(0);

  await page.getByLabel("Fornavn").fill("Leyla");
  await page.getByLabel("Efternavn").fill("Aziz-Testesen");
  await page.getByLabel("Fødselsår").fill(String(YEAR - 29));
  await page.getByLabel("Borgeren er vurderet jobparat").check();
  await page.getByLabel(/^Mobilnummer/).fill("+45 60 70 80 90");
  await page.getByRole("textbox", { name: /^E-mail/ }).fill("leyla.test@eksempel.dk");
  await page.getByRole("group", { name: "Foretrukken kanal for beskeder" }).getByLabel("E-mail").check();
  await page.getByLabel("Sprog for beskeder").selectOption("ar");
  await page.getByLabel("Danskniveau").selectOption("du2");
  await page.getByLabel(/^Modul \(DU1-3\)/).selectOption("3");
  await page.getByLabel("Stillingsbetegnelse").first().fill("Kok");
  await page.getByLabel("År", { exact: true }).first().fill("5");
  await page.getByLabel("Branche 1", { exact: true }).selectOption("56");
  await page.getByLabel("Branche 2", { exact: true }).selectOption("47");
  await page.getByRole("group", { name: "Mål for forløbet" }).getByLabel("CV").check();
  await page.getByRole("group", { name: "Mål for forløbet" }).getByLabel("Netværk").check();
  await page.getByLabel("Borgeren kræver særlig hensyn").check();
  const consent = page.getByRole("group", { name: "Borgeren har givet samtykke til" });
  await consent.getByLabel("Deltagelse i mentorprogrammet").check();
  await consent.getByLabel("Deling af minimal profil med mentor").check();
  await page.getByRole("button", { name: "Henvis borger" }).click();

  await page.waitForURL(/\/kommune\/borgere\/\d+\?created=1$/);
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leyla Aziz-Testesen");
  await expect(page.getByText("Borgeren er henvist. Velkomstbeskeden er lagt i kø.")).toBeVisible();
  await expect(page.getByTestId("welcome-status")).toContainText("E-mail på Arabisk");
  await expectAccessible(page);

  const saved = db.select().from(mentees).where(eq(mentees.id, id)).get()!;
  expect(saved).toMatchObject({
    phone: "+4560708090",
    municipalityCode: 751,
    status: "waiting",
    language: "ar",
    preferredChannel: "email",
    needsConsideration: true,
    danishModule: 3,
    wishedIndustryCodes: ["56", "47"],
  });
  const given = db
    .select()
    .from(consents)
    .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, id)))
    .all();
  const caseworker = db.select().from(users).where(eq(users.email, DEMO_USERS.caseworker)).get()!;
  expect(given.map((c) => c.purpose).sort()).toEqual(["participation", "share_with_mentor"]);
  expect(
    // Given "today" means the instant of the referral: a UTC timestamp, whose date is yesterday's between midnight in
    // Copenhagen and midnight UTC, so the check is on the instant, not the date's text.
    given.every(
      (c) =>
        c.textVersion === "2026-01" &&
        c.recordedBy === caseworker.id &&
        Date.now() - Date.parse(c.givenAt) < 10 * 60_000 &&
        Date.parse(c.givenAt) <= Date.now(),
    ),
  ).toBe(true);

  // The welcome message goes out; the caseworker sees it was sent.
  await expect
    .poll(
      () =>
        db
          .select()
          .from(messages)
          .where(and(eq(messages.subjectType, "mentee"), eq(messages.subjectId, id)))
          .get()?.status,
    )
    .toBe("sent");
  await page.reload();
  await expect(page.getByTestId("welcome-status")).toContainText("Sendt");

  // A's list.
  await visit(page, "/kommune/borgere");
  await expect(page.getByTestId("referrals").getByRole("link", { name: "Leyla Aziz-Testesen" })).toBeVisible();
  await visit(page, "/kommune/borgere?status=waiting&q=Aziz");
  await expect(page.getByTestId("referrals").getByRole("row")).toHaveCount(2);

  // The coordinator's queue: oldest first, with waiting time; filters by municipality and industry.
  const coordCtx = await browser.newContext({ baseURL });
  const coord = await coordCtx.newPage();
  await login(coord, DEMO_USERS.coordinator);
  await visit(coord, "/koordinator/ventende");
  const days = await coord
    .getByTestId("queue")
    .locator("td[data-days]")
    .evaluateAll((tds) => tds.map((td) => Number(td.getAttribute("data-days"))));
  expect(days.length).toBeGreaterThan(10);
  expect([...days].sort((a, b) => b - a)).toEqual(days);
  await coord.getByLabel("Kommune").selectOption("751");
  await coord.getByLabel("Branche").selectOption("I");
  await coord.getByRole("button", { name: "Filtrer" }).click();
  await expect(coord).toHaveURL(/municipality=751/);
  await expectAccessible(coord);
  const row = coord.getByTestId("queue").getByRole("row").filter({ hasText: "Leyla Aziz-Testesen" });
  await expect(row).toContainText("0 dage");
  await expect(row).toContainText("Aarhus");
  await coord.goto("/koordinator/ventende?industry=Q&municipality=751");
  await expect(coord.getByTestId("queue").getByText("Leyla Aziz-Testesen")).toHaveCount(0);
  await coord.goto("/koordinator/ventende?municipality=751");
  await coord.getByRole("link", { name: "Leyla Aziz-Testesen" }).click();
  await expect(coord).toHaveURL(`/koordinator/mentees/${id}`);
  await expect(coord.getByRole("heading", { level: 1 })).toHaveText("Leyla Aziz-Testesen");
  await expect(coord.getByRole("link", { name: "Find mentorkandidater" })).toHaveAttribute(
    "href",
    `/koordinator/mentees/${id}/kandidater`,
  );
  await expectAccessible(coord);
  const coordinator = db.select().from(users).where(eq(users.email, DEMO_USERS.coordinator)).get()!;
  drainAll(db.$client, AUDIT_DRAIN);
  await expect
    .poll(
      () =>
        db
          .select()
          .from(auditLog)
          .where(
            and(eq(auditLog.actorUserId, coordinator.id), eq(auditLog.entityType, "mentee"), eq(auditLog.entityId, id)),
          )
          .all().length,
    )
    .toBeGreaterThan(0);
  await coordCtx.close();
});

test("B (another municipality) sees neither A's new referral in the list nor its page (404), and cannot post to it", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(200_000);
  await login(page, DEMO_USERS.caseworker);
  const res = await post(
    page,
    "/kommune/borgere/ny",
    referralForm({ firstName: "Leyla", lastName: "Aziz-Testesen", phone: "+45 60 70 80 90" }),
  );
  expect(res.status()).toBe(302);
  const id = Number(res.headers()["location"].match(/\/kommune\/borgere\/(\d+)/)![1]);
  await visit(page, "/kommune/borgere");
  await expect(page.getByTestId("referrals").getByRole("link", { name: "Leyla Aziz-Testesen" })).toBeVisible();

  const bCtx = await browser.newContext({ baseURL });
  const b = await bCtx.newPage();
  await login(b, DEMO_USERS.caseworker2);
  await visit(b, "/kommune/borgere");
  await expect(b.getByText("Leyla Aziz-Testesen")).toHaveCount(0);
  const detail = await b.goto(`/kommune/borgere/${id}`);
  expect(detail?.status()).toBe(404);
  await expect(b.getByText("Leyla")).toHaveCount(0);
  await expectAccessible(b);
  const withdraw = await b.request.post(`/kommune/borgere/${id}`, {
    form: { intent: "withdraw", reason: "Forsøg fra anden kommune" },
    maxRedirects: 0,
  });
  expect(withdraw.status()).toBe(404);
  const coordPage = await b.request.get(`/koordinator/mentees/${id}`, { maxRedirects: 0 });
  expect(coordPage.status()).toBe(403);
  expect(db.select().from(mentees).where(eq(mentees.id, id)).get()!.status).toBe("waiting");
  await bCtx.close();
});

test("the welcome message is in the outbox in the chosen language: Danish, English and Arabic (RTL)", async ({
  page,
  db,
  app,
}) => {
  test.setTimeout(90_000);
  await login(page, DEMO_USERS.caseworker);
  const ids: Record<string, number> = {};
  for (const [language, firstName, phone] of [
    ["da", "Dansk", "+45 30 00 00 01"],
    ["en", "English", "+45 30 00 00 02"],
    ["ar", "Arabi", "+45 30 00 00 03"],
  ] as const) {
    const res = await post(
      page,
      "/kommune/borgere/ny",
      referralForm({ language, firstName, phone, email: `${firstName.toLowerCase()}@eksempel.dk` }),
    );
    expect(res.status(), language).toBe(302);
    ids[language] = Number(res.headers()["location"].match(/\/kommune\/borgere\/(\d+)/)![1]);
  }
  // And one by SMS: the short form, without links.
  const sms = await post(
    page,
    "/kommune/borgere/ny",
    referralForm({ language: "ar", firstName: "Sms", phone: "+45 30 00 00 04", preferredChannel: "sms" }),
  );
  expect(sms.status()).toBe(302);
  const smsId = Number(sms.headers()["location"].match(/(\d+)/)![1]);

  const welcome = (menteeId: number) =>
    db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.subjectType, "mentee"),
          eq(messages.subjectId, menteeId),
          eq(messages.template, "mentee_welcome"),
        ),
      )
      .get();
  for (const id of [...Object.values(ids), smsId]) await expect.poll(() => welcome(id)?.status).toBe("sent");
  // What each citizen got (the local sink stands in for their inbox and phone).
  const got = (menteeId: number) => received(app, { id: welcome(menteeId)!.id });

  const da = await got(ids.da);
  expect(welcome(ids.da)).toMatchObject({ locale: "da", channel: "email", recipient: "dansk@eksempel.dk" });
  expect(da.subject).toBe("Velkommen til Mentorbro");
  expect(da.text).toContain("Hej Dansk");
  expect(da.html).toContain('lang="da"');
  expect(da.html).not.toContain('dir="rtl"');

  const en = await got(ids.en);
  expect(welcome(ids.en)!.locale).toBe("en");
  expect(en.subject).toBe("Welcome to Mentorbro");
  expect(en.text).toContain("A coordinator from the association will contact you soon");

  const ar = await got(ids.ar);
  expect(welcome(ids.ar)!.locale).toBe("ar");
  expect(ar.text).toContain("سيتواصل معك منسق");
  expect(ar.html).toMatch(/<html[^>]*dir="rtl"/);
  expect(ar.html).toMatch(/<html[^>]*lang="ar"/);

  const s = await got(smsId);
  expect(s).toMatchObject({ channel: "sms", to: "+4530000004", html: null });
  expect(s.text).toContain("Mentorbro");
  // The one link an SMS carries is the citizen's own page (issue 21): a secret, expiring link, no personal data.
  expect(s.text.match(/https?:\/\/\S+/g)?.map((u) => new URL(u).pathname.replace(/[^/]+$/, ""))).toEqual(["/mig/"]);
  // How to object to more SMS, in Arabic, with the number that receives STOP (the test servers configure one).
  expect(s.text).toContain("للتوقف عن الرسائل النصية أرسل STOP إلى \u200E1204 1204\u200E.");
  // No sensitive details: neither the municipality, the group nor the Danish level.
  // (Links are left out: the opt-out token is random letters and may spell "CPR" by chance.)
  for (const m of [da, en, ar, s])
    expect(`${m.subject} ${m.text}`.replace(/https?:\/\/\S+/g, "")).not.toMatch(/Aarhus|flygtning|refugee|DU3|CPR/i);

  // The coordinator's outbox view shows the Arabic message right-to-left.
  await page.context().clearCookies();
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/admin/outbox/${welcome(ids.ar)!.id}`);
  await expect(page.getByTestId("message-text")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("message-text")).toHaveAttribute("lang", "ar");
});

test("bad input is a 400 with field errors and stores nothing; consent is required; a duplicate needs 'save anyway'", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(120_000);
  await login(page, DEMO_USERS.caseworker);
  const before = counts(db);

  // Without consent.
  const noConsent = await post(page, "/kommune/borgere/ny", referralForm({ consentPurposes: [] }));
  expect(noConsent.status()).toBe(400);
  // SMS without SMS consent; junk in every kind of field; a CPR number sneaked in is not stored anywhere.
  const noSms = await post(
    page,
    "/kommune/borgere/ny",
    referralForm({ preferredChannel: "sms", consentPurposes: ["participation", "share_with_mentor"] }),
  );
  expect(noSms.status()).toBe(400);
  const junk = await post(
    page,
    "/kommune/borgere/ny",
    referralForm({
      birthYear: "1800",
      language: "xx",
      "wishedIndustryCodes[0]": "ZZ",
      goals: [],
      phone: "abc",
      "experience[0].years": "-1",
      consentDate: "2099-01-01",
      cpr: "010190-1234",
    }),
  );
  expect(junk.status()).toBe(400);
  expect(counts(db)).toEqual(before);

  // Without JavaScript: the server's answer is a page with the errors beside the fields, and what was typed is kept.
  const ctx = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const nojs = await ctx.newPage();
  await login(nojs, DEMO_USERS.caseworker);
  await nojs.goto("/kommune/borgere/ny");
  await nojs.getByLabel("Fornavn").fill("Halv");
  await nojs.getByLabel("Fødselsår").fill("17");
  const [res] = await Promise.all([
    nojs.waitForResponse((r) => r.request().method() === "POST"),
    nojs.getByRole("button", { name: "Henvis borger" }).click(),
  ]);
  expect(res.status()).toBe(400);
  await expect(nojs.getByText("Der er fejl i formularen")).toBeVisible();
  await expect(nojs.getByLabel("Fornavn")).toHaveValue("Halv");
  await expect(nojs.getByText("Udfyld feltet").first()).toBeVisible();
  await expect(nojs.getByText("Skriv et fødselsår for en person mellem 16 og 80 år").first()).toBeVisible();
  await expect(
    nojs.getByText("Borgeren skal have givet samtykke til deltagelse og deling af minimal profil med mentor").first(),
  ).toBeVisible();
  await expect(nojs.getByText("Kun jobparate borgere kan henvises").first()).toBeVisible();
  await ctx.close();
  // The same server-rendered error page, checked with axe (a native submit skips the browser-side validation).
  await visit(page, "/kommune/borgere/ny");
  await page.getByLabel("Fornavn").fill("Halv");
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.status() === 400),
    page.evaluate(() => HTMLFormElement.prototype.submit.call(document.getElementById("referral"))),
  ]);
  await expect(page.getByText("Der er fejl i formularen")).toBeVisible();
  await expect(page.getByLabel("Fornavn")).toHaveValue("Halv");
  await expectAccessible(page);
  expect(counts(db)).toEqual(before);

  // A possible duplicate (same name, birth year and phone in the same municipality) is flagged before saving.
  const existing = db
    .select()
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, 751), sql`${mentees.phone} is not null`))
    .get()!;
  const dup = {
    firstName: existing.firstName.toUpperCase(),
    lastName: existing.lastName,
    birthYear: String(existing.birthYear),
    phone: existing.phone!.replace(/^\+45/, ""),
  };
  const flagged = await post(page, "/kommune/borgere/ny", referralForm(dup));
  expect(flagged.status()).toBe(409);
  expect(await flagged.text()).toContain("Mulig dobbelt henvisning");
  expect(counts(db)).toEqual(before);
  // The same citizen in another municipality is not a duplicate for Aarhus: Kolding's referral check is separate.
  const saved = await post(page, "/kommune/borgere/ny", referralForm({ ...dup, confirmDuplicate: "on" }));
  expect(saved.status()).toBe(302);
  expect(counts(db).mentees).toBe(before.mentees + 1);

  // In the browser: the warning, then an explicit "save anyway".
  await visit(page, "/kommune/borgere/ny");
  await page.getByLabel("Fornavn").fill(existing.firstName);
  await page.getByLabel("Efternavn").fill(existing.lastName);
  await page.getByLabel("Fødselsår").fill(String(existing.birthYear));
  await page.getByLabel("Borgeren er vurderet jobparat").check();
  await page.getByLabel(/^Mobilnummer/).fill(existing.phone!);
  await page.getByLabel("Branche 1", { exact: true }).selectOption("41");
  await page.getByRole("group", { name: "Mål for forløbet" }).getByLabel("CV").check();
  const consent = page.getByRole("group", { name: "Borgeren har givet samtykke til" });
  for (const l of ["Deltagelse i mentorprogrammet", "Deling af minimal profil med mentor", "Beskeder på sms"])
    await consent.getByLabel(l).check();
  await page.getByRole("button", { name: "Henvis borger" }).click();
  await expect(page.getByText("Mulig dobbelt henvisning")).toBeVisible();
  await expect(page.getByRole("link", { name: /Se den eksisterende henvisning/ }).first()).toBeVisible();
  await expectAccessible(page);
  expect(counts(db).mentees).toBe(before.mentees + 1);
  await page.getByLabel("Det er en anden person: gem alligevel").check();
  await page.getByRole("button", { name: "Henvis borger" }).click();
  await page.waitForURL(/\?created=1$/);
  expect(counts(db).mentees).toBe(before.mentees + 2);
});

test("a caseworker withdraws a waiting referral with a reason; a started course cannot be withdrawn", async ({
  page,
  db,
}) => {
  test.setTimeout(90_000);
  await login(page, DEMO_USERS.caseworker);
  const res = await post(page, "/kommune/borgere/ny", referralForm({ firstName: "Trække", phone: "+45 30 00 00 09" }));
  const id = Number(res.headers()["location"].match(/(\d+)/)![1]);
  await visit(page, `/kommune/borgere/${id}`);
  await page.getByRole("button", { name: "Træk henvisningen tilbage" }).click();
  await expect(page.getByText("Udfyld feltet").first()).toBeVisible();
  expect(db.select().from(mentees).where(eq(mentees.id, id)).get()!.status).toBe("waiting");
  await page.getByLabel("Begrundelse").fill("Borgeren er flyttet");
  await page.getByRole("button", { name: "Træk henvisningen tilbage" }).click();
  await expect(page.getByText("Henvisningen er trukket tilbage.")).toBeVisible();
  await expect(page.getByTestId("mentee-status")).toHaveText("Trukket tilbage");
  await expectAccessible(page);
  const m = db.select().from(mentees).where(eq(mentees.id, id)).get()!;
  expect(m).toMatchObject({ status: "withdrawn", withdrawnReason: "Borgeren er flyttet" });
  const history = db
    .select()
    .from(statusChanges)
    .where(and(eq(statusChanges.entityType, "mentee"), eq(statusChanges.entityId, id)))
    .orderBy(desc(statusChanges.id))
    .get()!;
  expect(history).toMatchObject({ fromStatus: "waiting", toStatus: "withdrawn" });
  // A course in progress cannot be withdrawn.
  const inCourse = db
    .select()
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, 751), eq(mentees.status, "in_course")))
    .get()!;
  await visit(page, `/kommune/borgere/${inCourse.id}`);
  await expect(page.getByRole("button", { name: "Træk henvisningen tilbage" })).toHaveCount(0);
  const refused = await page.request.post(`/kommune/borgere/${inCourse.id}`, {
    form: { intent: "withdraw", reason: "x" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(409);
  expect(db.select().from(mentees).where(eq(mentees.id, inCourse.id)).get()!.status).toBe("in_course");
});

test("admin: the 98 municipalities, partner dates and quota, invite a caseworker who sets a password, deactivate", async ({
  page,
  browser,
  baseURL,
  db,
  app,
}) => {
  test.setTimeout(120_000);
  await login(page, DEMO_USERS.admin);
  await visit(page, "/admin/kommuner");
  await expect(page.getByTestId("municipalities").locator("tbody tr")).toHaveCount(98);
  await page.getByRole("link", { name: "Vejle", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vejle Kommune");
  await expectAccessible(page);

  // A partner needs both agreements.
  await page.getByLabel("Samarbejdskommune", { exact: true }).check();
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByText("En samarbejdskommune skal have en samarbejdsaftale").first()).toBeVisible();
  await page.getByLabel(/^Samarbejdsaftale indgået/).fill("2026-03-01");
  await page.getByLabel(/^Databehandleraftale indgået/).fill("2026-03-15");
  await page.getByLabel(/^Kvote: forløb pr. år/).fill("12");
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByText("Kommunen er gemt.")).toBeVisible();
  expect(db.select().from(municipalities).where(eq(municipalities.code, 630)).get()).toMatchObject({
    isPartner: true,
    agreementDate: "2026-03-01",
    dpaDate: "2026-03-15",
    yearlyQuota: 12,
  });
  const bad = await page.request.post("/admin/kommuner/630", {
    form: { intent: "partner", isPartner: "on", yearlyQuota: "-3" },
    maxRedirects: 0,
  });
  expect(bad.status()).toBe(400);

  // Invite a caseworker.
  await page.getByLabel("Navn", { exact: true }).fill("Vera Vejle");
  await page.getByLabel("E-mail", { exact: true }).fill("vera@vejle.example");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Invitationen er sendt.")).toBeVisible();
  await expect(page.getByTestId("caseworkers")).toContainText("Inviteret");
  await expectAccessible(page);
  const vera = db.select().from(users).where(eq(users.email, "vera@vejle.example")).get()!;
  expect(vera).toMatchObject({ role: "caseworker", municipalityCode: 630, passwordHash: null });
  expect(
    db
      .select()
      .from(verificationTokens)
      .where(and(eq(verificationTokens.subjectId, vera.id), eq(verificationTokens.purpose, "invitation")))
      .all(),
  ).toHaveLength(1);
  // Vera follows the link in the invitation she got (the local sink stands in for her inbox).
  const invitationPath = linkIn(
    await received(app, { to: "vera@vejle.example", template: "caseworker_invitation" }),
    "/invitation/",
  );
  // The same email again is refused for an account that exists elsewhere.
  const taken = await page.request.post("/admin/kommuner/630", {
    form: { intent: "invite", name: "X", email: DEMO_USERS.caseworker2 },
    maxRedirects: 0,
  });
  expect(taken.status()).toBe(400);

  // The invited caseworker sets a password and signs in to their own municipality.
  const ctx = await browser.newContext({ baseURL });
  const v = await ctx.newPage();
  await visit(v, invitationPath);
  await expect(v.getByText(/Vera Vejle/)).toBeVisible();
  await v.getByLabel("Ny adgangskode").fill("Vejle-kommune-2026!");
  await v.getByLabel("Gentag adgangskoden").fill("Vejle-kommune-2026!");
  await v.getByRole("button", { name: "Gem adgangskode" }).click();
  await v.waitForURL(/\/login/);
  await login(v, "vera@vejle.example", "Vejle-kommune-2026!");
  await expect(v).toHaveURL(/\/kommune$/);
  await visit(v, "/kommune/borgere");
  await expect(v.getByRole("heading", { level: 1 })).toContainText("Vejle");
  // The link works once.
  await visit(v, invitationPath);
  await expect(v.getByText("Invitationen er udløbet eller allerede brugt")).toBeVisible();

  // Deactivate: signed out, cannot sign in again.
  await page.reload();
  await page.getByRole("button", { name: "Deaktiver: Vera Vejle" }).click();
  await expect(page.getByText("Sagsbehandleren er deaktiveret og logget ud.")).toBeVisible();
  const after = await v.goto("/kommune/borgere");
  expect(after?.url()).toContain("/login");
  expect(db.select().from(users).where(eq(users.id, vera.id)).get()!.active).toBe(false);
  await ctx.close();
});

test("the caseworker referral pages pass axe in English too", async ({ page, db }) => {
  test.setTimeout(120_000);
  await login(page, DEMO_USERS.caseworker);
  await page.request.post("/sprog", { form: { lng: "en", redirectTo: "/" } });
  await visit(page, "/kommune/borgere/ny");
  await expect(page.getByRole("heading", { level: 1, name: "Refer a citizen" })).toBeVisible();
  await visit(page, "/kommune/borgere");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Citizens referred by");
  const own = db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).get()!;
  await visit(page, `/kommune/borgere/${own.id}`);
  await expect(page.getByRole("heading", { name: "Welcome message" })).toBeVisible();

  // An invitation link that does not exist is a friendly page, not an error.
  await visit(page, "/invitation/not-a-token");
  await expect(page.getByText("The invitation has expired or has already been used.")).toBeVisible();
});

test("the admin and coordinator referral pages pass axe in English too", async ({ page, db }) => {
  test.setTimeout(150_000);
  const own = db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).get()!;
  await login(page, DEMO_USERS.admin);
  await page.request.post("/sprog", { form: { lng: "en", redirectTo: "/" } });
  await visit(page, "/admin/kommuner?partnere=1");
  await expect(page.getByTestId("municipalities").locator("tbody tr")).toHaveCount(13);
  await visit(page, "/admin/kommuner/751");
  await expect(page.getByRole("heading", { level: 1, name: "Aarhus Municipality" })).toBeVisible();
  await visit(page, "/koordinator/ventende");
  await expect(page.getByRole("heading", { level: 1, name: "Waiting citizens" })).toBeVisible();
  await visit(page, `/koordinator/mentees/${own.id}`);
  await expect(page.getByRole("heading", { name: "Consents" })).toBeVisible();
});
