import { and, eq, ne } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { auditLog, consents, mentees, users } from "../../db/schema";
import { AUDIT_DRAIN, drainAll } from "../../db/queue-drain";

test("a caseworker's read of a citizen shows up in the admin's access log", async ({ page, browser, baseURL, db }) => {
  const own = db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).get()!;
  const caseworker = db.select().from(users).where(eq(users.email, DEMO_USERS.caseworker)).get()!;
  await login(page, DEMO_USERS.caseworker);
  await page.goto(`/kommune/borgere/${own.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(own.firstName);

  const ctx = await browser.newContext({ baseURL });
  const admin = await ctx.newPage();
  await login(admin, DEMO_USERS.admin);
  await visit(admin, `/admin/adgangslog?entityType=mentee&entityId=${own.id}`);
  const row = admin
    .getByRole("row")
    .filter({ hasText: `#${caseworker.id}` })
    .filter({ hasText: "Visning" });
  await expect(row.first()).toBeVisible();
  // Junk in the filter is ignored, not an error.
  const res = await admin.goto("/admin/adgangslog?entityId=abc&from=not-a-date&action=hack");
  expect(res?.status()).toBe(200);
  await ctx.close();
  drainAll(db.$client, AUDIT_DRAIN);
  expect(
    db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityType, "mentee"), eq(auditLog.entityId, own.id), eq(auditLog.actorUserId, caseworker.id)),
      )
      .all().length,
  ).toBeGreaterThan(0);
});

test("coordinator: consent withdrawal, export on request and erasure of a citizen", async ({ page, db }) => {
  const m = db.select().from(mentees).where(eq(mentees.status, "waiting")).get()!;
  await login(page, DEMO_USERS.coordinator);
  await visit(page, `/persondata/mentee/${m.id}`);
  await expect(page.getByText(`${m.firstName} ${m.lastName}`)).toBeVisible();

  // Withdraw SMS consent: as easy as giving it.
  await page.getByRole("button", { name: /Træk samtykke tilbage: Beskeder på sms/ }).click();
  await expect(page.getByText("Samtykket er trukket tilbage.")).toBeVisible();
  await expectAccessible(page);
  const sms = db
    .select()
    .from(consents)
    .where(and(eq(consents.subjectType, "mentee"), eq(consents.subjectId, m.id), eq(consents.purpose, "sms")))
    .get()!;
  expect(sms.withdrawnAt).toBeTruthy();

  // Export: JSON download and a readable page.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent alle oplysninger (JSON)" }).click();
  const file = await download;
  const json = JSON.parse(
    await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString("utf8")),
  );
  expect(json.person.id).toBe(m.id);
  expect(json.consents.length).toBeGreaterThanOrEqual(3);
  await visit(page, `/persondata/mentee/${m.id}/udskrift`);
  await expect(page.getByRole("heading", { name: /^consents/ })).toBeVisible();

  // Erasure needs an explicit confirmation.
  await page.goto(`/persondata/mentee/${m.id}`);
  await page.getByRole("button", { name: "Slet personens oplysninger" }).click();
  await expect(page.getByText("Bekræft sletningen").first()).toBeVisible();
  expect(db.select().from(mentees).where(eq(mentees.id, m.id)).get()!.firstName).toBe(m.firstName);
  await page.getByLabel("Jeg bekræfter, at personen skal slettes").check();
  await page.getByRole("button", { name: "Slet personens oplysninger" }).click();
  await expect(page.getByText("Personens oplysninger er slettet (anonymiseret).")).toBeVisible();
  await expectAccessible(page);
  const after = db.select().from(mentees).where(eq(mentees.id, m.id)).get()!;
  expect(after.firstName).toBe("Anonymiseret");
  expect(after.phone).toBeNull();
});

test("a caseworker cannot reach another municipality's person data, nor erase anyone", async ({ page, db }) => {
  const other = db.select().from(mentees).where(ne(mentees.municipalityCode, 751)).get()!;
  const own = db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).get()!;
  await login(page, DEMO_USERS.caseworker);
  for (const path of [
    `/persondata/mentee/${other.id}`,
    `/persondata/mentee/${other.id}/eksport`,
    `/persondata/mentee/${other.id}/udskrift`,
    "/persondata/mentor/1",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  const post = await page.request.post(`/persondata/mentee/${other.id}`, {
    form: { intent: "withdraw", purpose: "sms" },
  });
  expect(post.status()).toBe(404);
  await visit(page, `/persondata/mentee/${own.id}`);
  await expect(page.getByRole("button", { name: "Slet personens oplysninger" })).toHaveCount(0);
  const erase = await page.request.post(`/persondata/mentee/${own.id}`, { form: { intent: "erase", confirm: "on" } });
  expect(erase.status()).toBe(403);
  expect(db.select().from(mentees).where(eq(mentees.id, own.id)).get()!.firstName).toBe(own.firstName);
});

test("admin sets the retention period; bad input is a field error", async ({ page, db }) => {
  await login(page, DEMO_USERS.admin);
  await visit(page, "/admin/opbevaring");
  await page.getByLabel("Måneder efter afslutning").fill("0");
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByText("Skriv et helt tal mellem 1 og 120").first()).toBeVisible();
  await page.getByLabel("Måneder efter afslutning").fill("18");
  await page.getByRole("button", { name: "Gem" }).click();
  await expect(page.getByText("Opbevaringsperioden er gemt.")).toBeVisible();
  await expect(page.getByLabel("Måneder efter afslutning")).toHaveValue("18");
  await expectAccessible(page);
  void db;
});
