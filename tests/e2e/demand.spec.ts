/**
 * Issue 19, item 3: the coordinator's supply and demand page shows the demo's shortages (each chart with its table), a
 * short cell's recruitment link opens the volunteer sign-up with industry and municipality chosen, and the sign-up
 * through it is counted on the same page. Axe on every page.
 */
import { eq } from "drizzle-orm";
import { test, expect, login, logout, visit } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import * as schema from "../../db/schema";

test("the demo's shortages, a recruitment link that chooses the form, and its sign-up counted", async ({
  page,
  db,
}) => {
  test.setTimeout(120_000);
  await login(page, DEMO_USERS.coordinator);
  await page.getByRole("navigation").getByRole("link", { name: "Behov og udbud" }).click();
  await expect(page).toHaveURL(/\/koordinator\/behov$/);
  await visit(page, "/koordinator/behov");
  await expect(page.getByRole("heading", { level: 1, name: "Behov og udbud" })).toBeVisible();
  const rows = page.getByTestId("shortages").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  // Each shortage row has more waiting citizens than free mentors.
  const first = rows.first();
  const cells = await first.locator("td").allTextContents();
  expect(Number(cells[1].replace(/\D/g, ""))).toBeGreaterThan(Number(cells[2].replace(/\D/g, "")));
  // Charts come with their tables.
  await expect(page.getByRole("table", { name: "Ventende borgere og ledige mentorer efter region" })).toBeVisible();
  await expect(page.getByTestId("trends").locator("tbody tr")).toHaveCount(12);
  await expect(page.getByRole("img", { name: /største/ })).toBeVisible();

  // The counts table names a link by its cell: "<section>, <municipality>".
  const cellName = `${(await first.locator("th").first().textContent())!.trim()}, ${cells[0].trim()}`;
  const href = (await first.getByRole("link", { name: /^Hvervelink/ }).getAttribute("href"))!;
  const url = new URL(href, "http://x");
  const section = url.searchParams.get("branche")!;
  const kommune = url.searchParams.get("kommune")!;
  expect(section).toMatch(/^[A-U]$/);

  const before = db
    .select()
    .from(schema.mentors)
    .where(eq(schema.mentors.recruitmentSource, `${section}-${kommune.padStart(3, "0")}`))
    .all().length;
  await logout(page);
  await visit(page, href);
  await expect(page.getByRole("status").filter({ hasText: "Vi mangler mentorer inden for" })).toBeVisible();
  await expect(page.getByLabel("Kommune", { exact: true })).toHaveValue(kommune);
  const division = await page.getByLabel("Din branche").inputValue();
  const row = db.select().from(schema.industries).where(eq(schema.industries.code, division)).get()!;
  expect(row.section).toBe(section);

  // Signing up through the link stores its source.
  await page.getByLabel("Fornavn").fill("Hanne");
  await page.getByLabel("Efternavn").fill("Dahl");
  await page.getByLabel("E-mail").fill("hanne.dahl@example.dk");
  await page.getByLabel("Telefonnummer").fill("20 30 40 77");
  await page.getByLabel("Postnummer").fill("8000");
  await page.getByLabel("Stilling", { exact: true }).fill("Afdelingsleder");
  await page.getByLabel("Års erhvervserfaring").fill("12");
  await page.getByRole("group", { name: "Er du leder?" }).getByLabel("Ja").check();
  await page.getByRole("group", { name: "Hvad kan du hjælpe med?" }).getByLabel("Cv").check();
  await page.getByLabel("Hvorfor vil du være mentor?").fill("Vi mangler folk i min branche.");
  await page.getByLabel(/Jeg giver samtykke/).check();
  await page.getByLabel(/Jeg accepterer tavshedspligt/).check();
  await page.getByRole("button", { name: "Send tilmelding" }).click();
  await expect(page.getByRole("heading", { name: "Tjek din e-mail" })).toBeVisible();
  const mentor = db.select().from(schema.mentors).where(eq(schema.mentors.email, "hanne.dahl@example.dk")).get()!;
  expect(mentor.recruitmentSource).toBe(`${section}-${kommune.padStart(3, "0")}`);
  expect(mentor.municipalityCode).toBe(Number(kommune));

  // The coordinator sees the sign-up counted under its link.
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/koordinator/behov");
  const counted = page
    .getByTestId("link-counts")
    .getByRole("row", { name: new RegExp(`^${cellName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) });
  await expect(counted.locator("td").first()).toHaveText(String(before + 1));
});
