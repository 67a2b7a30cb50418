/**
 * Reports: the coordinator's dashboard on the seeded demo, a caseworker's report limited to their municipality (checked
 * against the database), the printable version, and the XLSX export parsed with exceljs. Axe runs on every report page.
 */
import { and, eq, ne, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Download, Page } from "@playwright/test";
import { test, expect, login, visit, expectAccessible, switchToEnglish } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { courses, mentees } from "../../db/schema";
import { today } from "../../app/utils/clock";
import { addMonths } from "../../app/domain/dates";
import { courseColumns, reportTableNames } from "../../app/domain/report-tables";

// The report pages are long (many tables): axe on them takes a while on a busy machine.
test.describe.configure({ timeout: 240_000 });

async function bytes(d: Download): Promise<Buffer> {
  const chunks = await (await d.createReadStream()).toArray();
  return Buffer.concat(chunks);
}

/**
 * Starts an export made as a background job from the report page shown (its button), follows its page until the file
 * is ready and downloads it. Returns the download and the job's page.
 */
async function exportAsJob(page: Page, button: string): Promise<{ file: Download; jobPath: string; id: number }> {
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/eksporter\/\d+\?startet=1$/);
  const jobPath = new URL(page.url()).pathname;
  await expect(page.getByTestId("export-status")).toHaveText("Færdig", { timeout: 120_000 });
  await expectAccessible(page);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /^Hent mentorbro-rapport-/ }).click();
  return { file: await download, jobPath, id: Number(jobPath.split("/").pop()) };
}

test("the coordinator's dashboard shows the demo's figures, charts with tables, in Danish and English", async ({
  page,
  db,
}) => {
  await login(page, DEMO_USERS.coordinator);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Rapporter" }).click();
  await expect(page).toHaveURL(/\/koordinator\/rapporter$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rapporter" })).toBeVisible();
  await expectAccessible(page);

  // Every referred citizen of the demo, over a period that covers them all.
  const all = db
    .select({ n: sql<number>`count(*)` })
    .from(mentees)
    .get()!.n;
  await visit(page, `/koordinator/rapporter?from=2000-01-01&to=${today()}`);
  await expect(page.locator('[data-figure="referred"] .mb-card__value')).toHaveText(String(all));
  // The headline: outcome rate of completed courses, as a percentage.
  await expect(page.locator('[data-figure="outcomeRate"] .mb-card__value')).toHaveText(/^\d{1,3}\s%$/);
  // Charts are images with a name, each with a table beside it.
  await expect(page.getByRole("img", { name: /Fordeling på resultat ved afslutning/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Resultatandel pr. kvartal/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Fordeling på resultat ved afslutning (tabel)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Pr. kommune" }).getByRole("row")).toHaveCount(
    1 + db.selectDistinct({ c: mentees.municipalityCode }).from(mentees).all().length,
  );

  // A quarter and one municipality, then English.
  await page.getByLabel("Kvartal", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Kommune", { exact: true }).selectOption({ label: "Kolding" });
  await page.getByRole("button", { name: "Vis rapport" }).click();
  await expect(page).toHaveURL(/quarter=\d{4}-Q[1-4].*municipality=621/);
  await expect(page.getByRole("status")).toContainText("Kolding");
  await expect(page.getByRole("table", { name: "Pr. kommune" }).getByRole("row")).toHaveCount(2);
  await expectAccessible(page);
  await switchToEnglish(page);
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Outcome rate by quarter/ })).toBeVisible();
  await expectAccessible(page);

  // Junk in the filter is ignored, never an error.
  const res = await page.goto("/koordinator/rapporter?from=nope&to=2026-02-31&quarter=2026-Q9&municipality=<x>");
  expect(res?.status()).toBe(200);
});

test("a caseworker's report, print version and course export contain only their municipality", async ({ page, db }) => {
  await login(page, DEMO_USERS.caseworker);
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Rapport" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapport for Aarhus");
  await expectAccessible(page);

  // Asking for Kolding changes nothing: the scope decides.
  await visit(page, `/kommune/rapport?from=2000-01-01&to=${today()}&municipality=621`);
  const own = db
    .select({ n: sql<number>`count(*)` })
    .from(mentees)
    .where(eq(mentees.municipalityCode, 751))
    .get()!.n;
  const shown = own >= 5 ? String(own) : "for få til at vise";
  await expect(page.locator('[data-figure="referred"] .mb-card__value')).toHaveText(shown);
  const rows = page.getByRole("table", { name: "Pr. kommune" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("rowheader")).toHaveText("Aarhus");
  await expect(rows.first().getByRole("cell").first()).toHaveText(shown);
  await expect(page.getByText("Kolding")).toHaveCount(0);
  // Issue 19: the caseworker's own figures are exact (decision 009); the print and the exports leave the municipality.
  const tooFew = page.locator("td, .mb-card__value").filter({ hasText: /^\s*for få til at vise\s*$/ });
  await expect(page.getByText("Tallene er din kommunes egne og vises præcist")).toBeVisible();
  await expect(tooFew).toHaveCount(0);

  // The printable version: same scope, no filter form.
  await page.getByRole("link", { name: "Udskriftsvenlig version" }).click();
  await expect(page).toHaveURL(/\/kommune\/rapport\/udskrift\?/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mentorforløb: rapport for Aarhus");
  await expect(page.getByRole("button", { name: "Vis rapport" })).toHaveCount(0);
  await expect(page.locator('[data-figure="referred"] .mb-card__value')).toHaveText(shown);
  expect(await tooFew.count()).toBeGreaterThan(0);
  // With JavaScript running, a print button appears (and is itself hidden on paper).
  await expect(page.getByRole("button", { name: "Udskriv" })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Udskriv" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The course list (a background job): exactly Aarhus's courses (every course that got beyond a proposal; the demo
  // approves some a few days ahead, so the period runs into next year), though the query asks for Kolding.
  await page.goto(`/kommune/rapport?from=2000-01-01&to=${addMonths(today(), 12)}&municipality=621`);
  const { file } = await exportAsJob(page, "Forløbsliste (CSV)");
  expect(file.suggestedFilename()).toMatch(/-751-courses\.csv$/);
  const lines = (await bytes(file))
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe(courseColumns.join(","));
  const ids = lines
    .slice(1)
    .map((l) => Number(l.split(",")[0]))
    .sort((a, b) => a - b);
  const expected = db
    .select({ id: courses.id })
    .from(courses)
    .innerJoin(mentees, eq(mentees.id, courses.menteeId))
    .where(and(eq(mentees.municipalityCode, 751), ne(courses.status, "proposed")))
    .all()
    .map((c) => c.id)
    .sort((a, b) => a - b);
  expect(expected.length).toBeGreaterThan(0);
  expect(ids).toEqual(expected);
  expect(lines.slice(1).every((l) => l.split(",")[1] === "751")).toBe(true);
  // No names or contact details of anyone in the municipality.
  const people = db.select().from(mentees).where(eq(mentees.municipalityCode, 751)).all();
  const body = lines.join("\n");
  for (const p of people) {
    expect(body).not.toContain(p.lastName);
    if (p.phone) expect(body).not.toContain(p.phone);
  }
  // Unknown formats and tables do not exist.
  expect((await page.request.get("/kommune/rapport/eksport/pdf")).status()).toBe(404);
  expect((await page.request.get("/kommune/rapport/eksport/csv?table=users")).status()).toBe(404);
});

test("the XLSX export runs as a job, opens with the expected sheets and headers, and only its requester may download it", async ({
  page,
  browser,
}) => {
  await login(page, DEMO_USERS.coordinator);
  await page.goto("/koordinator/rapporter");
  const { file, jobPath, id } = await exportAsJob(page, "Hele rapporten og forløbslisten (Excel, .xlsx)");
  expect(file.suggestedFilename()).toMatch(/^mentorbro-rapport-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText(/^Filen er klar: \d+ forløb/)).toBeVisible();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytes(file)) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual([...reportTableNames, "courses"]);
  const header = (name: string) => (wb.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1);
  expect(header("summary")).toEqual(["figure", "value", "base_n"]);
  expect(header("outcomes")).toEqual(["phase", "outcome_type", "courses", "share"]);
  expect(header("municipalities")).toEqual([
    "municipality_code",
    "municipality",
    "referred",
    "completed",
    "positive_outcomes",
    "outcome_rate",
    "outcome_rate_3m",
  ]);
  expect(header("courses")).toEqual([...courseColumns]);
  expect(wb.getWorksheet("courses")!.rowCount).toBeGreaterThan(1);
  // Small groups never show their number.
  const values = wb.worksheets.flatMap((w) => w.getSheetValues().flat().map(String));
  expect(values).toContain("<5");
  // A GET of the workbook's old address starts nothing: it leads back to the report page, where the button is.
  const old = await page.request.get("/koordinator/rapporter/eksport/xlsx?from=2020-01-01", { maxRedirects: 0 });
  expect(old.status()).toBe(303);
  expect(old.headers()["location"]).toBe("/koordinator/rapporter?from=2020-01-01");
  // A POST with a query of nonsense starts an export with the report's defaults; an unknown format or a small table is no job.
  const bad = await page.request.post(
    "/koordinator/rapporter/eksport/xlsx?from=nope&to=2026-02-31&quarter=2026-Q9&municipality=<x>",
    { maxRedirects: 0 },
  );
  expect(bad.status()).toBe(302);
  expect(bad.headers()["location"]).toMatch(/^\/koordinator\/rapporter\/eksporter\/\d+\?(startet|optaget)=1$/);
  expect((await page.request.post("/koordinator/rapporter/eksport/pdf", { maxRedirects: 0 })).status()).toBe(404);
  expect(
    (await page.request.post("/koordinator/rapporter/eksport/csv?table=summary", { maxRedirects: 0 })).status(),
  ).toBe(404);

  // A caseworker gets nothing of the coordinator's export: not through their own pages (404), not through the
  // coordinator's (403); and the coordinator nothing of the caseworker's (404).
  const other = await browser.newContext();
  const cw = await other.newPage();
  await login(cw, DEMO_USERS.caseworker);
  expect((await cw.request.get(`/kommune/rapport/eksporter/${id}/fil`)).status()).toBe(404);
  expect((await cw.request.get(`/kommune/rapport/eksporter/${id}`)).status()).toBe(404);
  expect((await cw.request.get(`${jobPath}/fil`)).status()).toBe(403);
  await cw.goto(`/kommune/rapport?from=2000-01-01&to=${today()}`);
  const own = await exportAsJob(cw, "Hele rapporten og forløbslisten (Excel, .xlsx)");
  expect((await cw.request.get(`/kommune/rapport/eksporter/${own.id}/fil`)).status()).toBe(200);
  expect((await page.request.get(`/koordinator/rapporter/eksporter/${own.id}/fil`)).status()).toBe(404);
  expect((await page.request.get(`/koordinator/rapporter/eksporter/${own.id}`)).status()).toBe(404);
  await other.close();
  // The coordinator's own file stays theirs to download again.
  expect((await page.request.get(`${jobPath}/fil`)).status()).toBe(200);

  // The CSV of the key figures downloads at once (a small table: no job).
  await page.goto("/koordinator/rapporter");
  const csvDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Nøgletal (CSV)" }).click();
  const csv = (await bytes(await csvDownload)).toString("utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe("figure,value,base_n");
});

test("no figure of the report rests on 1-4 people: 'Med resultat' by municipality, quarter and industry included", async ({
  page,
}) => {
  await login(page, DEMO_USERS.coordinator);
  for (const query of [`from=2000-01-01&to=${today()}`, "", "municipality=621"]) {
    await page.goto(`/koordinator/rapporter?${query}`);
    // Every count in every table and card: 0, at least 5, or a word (too few / hidden / no data).
    const small = await page
      .locator('.mb-report table:not([data-table="process"]) td, .mb-report .mb-card__value')
      .evaluateAll((cells) => cells.map((c) => (c.textContent ?? "").trim()).filter((t) => /^[1-4]$/.test(t)));
    expect(small, query).toEqual([]);
    const positives = page.locator(
      '[data-table="r-by-municipality"] tbody tr td:nth-child(4), [data-table="r-by-quarter"] tbody tr td:nth-child(4)',
    );
    expect(await positives.count()).toBeGreaterThan(0);
  }
  // The CSV export keeps the same rule.
  const csv = await (
    await page.request.get(`/koordinator/rapporter/eksport/csv?table=municipalities&from=2000-01-01&to=${today()}`)
  ).text();
  for (const line of csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1)) {
    for (const v of line.split(",").slice(2, 5)) expect(v, line).not.toMatch(/^[1-4]$/);
  }
});
