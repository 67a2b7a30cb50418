import { and, desc, eq, ne } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible, switchToEnglish, received, linkIn } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { mentees, messages } from "../../db/schema";

test.describe("roles and start pages", () => {
  const cases = [
    { email: DEMO_USERS.admin, path: "/admin", heading: "Administration" },
    { email: DEMO_USERS.coordinator, path: "/koordinator", heading: "Koordinatorens overblik" },
    { email: DEMO_USERS.caseworker, path: "/kommune", heading: "Jobcenter Aarhus" },
    { email: DEMO_USERS.mentor, path: "/mentor", heading: "Hej Mads" },
  ];
  for (const c of cases) {
    test(`${c.email} lands on ${c.path}`, async ({ page }) => {
      await login(page, c.email);
      await expect(page).toHaveURL(new RegExp(`${c.path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(c.heading);
      await expectAccessible(page);
    });
  }
});

test("a wrong password gets a generic error and keeps the email", async ({ page }) => {
  await visit(page, "/login");
  await page.getByLabel("E-mail").fill(DEMO_USERS.coordinator);
  await page.getByLabel("Adgangskode").fill("not-the-password");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByText("E-mail eller adgangskode er forkert.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue(DEMO_USERS.coordinator);
  await expectAccessible(page);
  // An unknown account answers exactly the same.
  await page.getByLabel("E-mail").fill("nobody@example.com");
  await page.getByLabel("Adgangskode").fill("whatever-password");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByText("E-mail eller adgangskode er forkert.")).toBeVisible();
});

test("logout kills the session on the server, not just the cookie", async ({ page, context, baseURL }) => {
  await login(page, DEMO_USERS.coordinator);
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "mb_session");
  expect(session).toBeTruthy();
  await page.getByRole("button", { name: "Log ud" }).click();
  await expect(page).toHaveURL(/\/login\?loggedOut=1/);
  await expect(page.getByText("Du er logget ud.")).toBeVisible();
  // Replaying the old cookie must not work.
  await context.addCookies([{ ...session!, url: baseURL }].map(({ domain: _d, path: _p, ...c }) => c));
  await page.goto("/koordinator");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fkoordinator/);
});

test("a caseworker sees only their own municipality's citizens (others are 404)", async ({ page, db }) => {
  // The start page lists the newest referrals (the whole list pages through the rest).
  const own = db
    .select()
    .from(mentees)
    .where(eq(mentees.municipalityCode, 751))
    .orderBy(desc(mentees.referredAt), desc(mentees.id))
    .get()!;
  const other = db
    .select()
    .from(mentees)
    .where(and(ne(mentees.municipalityCode, 751)))
    .get()!;
  await login(page, DEMO_USERS.caseworker);
  await expect(page.getByRole("link", { name: `${own.firstName} ${own.lastName}` }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: `${other.firstName} ${other.lastName}` })).toHaveCount(0);
  await visit(page, `/kommune/borgere/${own.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${own.firstName} ${own.lastName}`);
  const res = await page.goto(`/kommune/borgere/${other.id}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Siden findes ikke" })).toBeVisible();
  await expect(page.getByText(other.lastName)).toHaveCount(0);
});

test("a missing role gets 403 and anonymous users are sent to login", async ({ page }) => {
  let res = await page.goto("/admin/outbox");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Foutbox/);
  await login(page, DEMO_USERS.caseworker);
  res = await page.goto("/admin/outbox");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Du har ikke adgang" })).toBeVisible();
  await expectAccessible(page);
});

test("unknown routes get a friendly 404 in the user's language", async ({ page }) => {
  const res = await page.goto("/findes-ikke");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Siden findes ikke" })).toBeVisible();
  await expectAccessible(page);
  await switchToEnglish(page);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("password reset goes through the outbox and sets a new password", async ({ page, db, app, browser, baseURL }) => {
  await visit(page, "/glemt-adgangskode");
  await page.getByLabel("E-mail").fill(DEMO_USERS.caseworker2);
  await page.getByRole("button", { name: "Send link" }).click();
  await expect(page.getByText(/Hvis e-mailen hører til en konto/)).toBeVisible();
  const msg = db.select().from(messages).where(eq(messages.recipient, DEMO_USERS.caseworker2)).get();
  expect(msg?.template).toBe("password_reset");
  // The recipient follows the link in the email they got (the local sink stands in for their inbox).
  const path = linkIn(await received(app, { id: msg!.id }), "/nulstil-adgangskode/");
  // An admin sees the email in the outbox, its link masked.
  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  await login(admin, DEMO_USERS.admin);
  await admin.goto(`/admin/outbox/${msg!.id}`);
  await expect(admin.getByTestId("message-status")).toHaveText("Sendt");
  await expect(admin.getByTestId("message-text")).toContainText("Vælg ny adgangskode");
  await expect(admin.getByTestId("message-text")).toContainText("/nulstil-adgangskode/•••");
  await expectAccessible(admin);
  await adminContext.close();

  await visit(page, path);
  await page.getByLabel("Ny adgangskode").fill("kort");
  await page.getByLabel("Gentag adgangskoden").fill("kort");
  await page.getByRole("button", { name: "Gem adgangskode" }).click();
  await expect(page.getByText("Mindst 10 tegn").first()).toBeVisible();
  await page.getByLabel("Ny adgangskode").fill("en lang og god sætning");
  await page.getByLabel("Gentag adgangskoden").fill("en lang og god sætning");
  await page.getByRole("button", { name: "Gem adgangskode" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await login(page, DEMO_USERS.caseworker2, "en lang og god sætning");
  await expect(page).toHaveURL(/\/kommune$/);
  // The link works once.
  await page.goto(path);
  await expect(page.getByText(/Linket er udløbet eller allerede brugt/)).toBeVisible();
});

test("healthz answers with the database status", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: "ok", database: "ok" });
});

test("a page is sent whole: the doctype, its loader data inline and closed, and it comes alive in standards mode", async ({
  request,
  page,
}) => {
  const res = await request.get("/login");
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html.startsWith("<!DOCTYPE html><html")).toBe(true);
  // The data single fetch inlines: read to its end before the page was rendered, so it is there and then closed.
  const enqueued = html.indexOf("window.__remixContext.streamController.enqueue(");
  expect(enqueued).toBeGreaterThan(0);
  expect(html.indexOf("window.__remixContext.streamController.close();")).toBeGreaterThan(enqueued);
  await visit(page, "/login");
  expect(await page.evaluate(() => document.compatMode)).toBe("CSS1Compat");
  const email = page.getByLabel("E-mail");
  await expect.poll(() => email.evaluate((e) => Object.keys(e).some((k) => k.startsWith("__reactFiber")))).toBe(true);
});

test("security headers: a nonce-based CSP for scripts, no framing, and cross-site posts refused", async ({
  request,
  page,
}) => {
  const res = await request.get("/login");
  const csp = res.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const forged = await request.post("/login", {
    headers: { Origin: "https://evil.example" },
    form: { email: DEMO_USERS.admin, password: "x" },
  });
  expect(forged.status()).toBe(403);
  // Hydration still works under the CSP: the client-side error summary appears without a page load.
  await visit(page, "/login");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page.getByText("Skriv din e-mail").first()).toBeVisible();
});

test("a link in a list opens its page in the app, and a link with a modifier key is left to the browser", async ({
  page,
  context,
}) => {
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/koordinator/mentorer");
  // Remember this document: a navigation by the app keeps it, a full page load would replace it.
  await page.evaluate(() => ((window as unknown as { documentMark: number }).documentMark = 1));
  const first = page.getByRole("table").getByRole("link").first();
  // The page has come alive (React has taken over the link): before that a click is an ordinary page load.
  await expect.poll(() => first.evaluate((a) => Object.keys(a).some((k) => k.startsWith("__reactFiber")))).toBe(true);
  const name = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/koordinator\/mentorer\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name.split(" ")[0]);
  expect(await page.evaluate(() => (window as unknown as { documentMark?: number }).documentMark)).toBe(1);
  await expectAccessible(page);
  // Back is the list again, still in the same document.
  await page.goBack();
  await expect(page).toHaveURL(/\/koordinator\/mentorer$/);
  expect(await page.evaluate(() => (window as unknown as { documentMark?: number }).documentMark)).toBe(1);
  // Ctrl+click is the browser's: a new tab with the mentor's page, and this page stays where it is.
  const opened = context.waitForEvent("page");
  await page
    .getByRole("table")
    .getByRole("link")
    .first()
    .click({ modifiers: ["Control"] });
  const tab = await opened;
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(/\/koordinator\/mentorer\/\d+$/);
  await expect(page).toHaveURL(/\/koordinator\/mentorer$/);
});
