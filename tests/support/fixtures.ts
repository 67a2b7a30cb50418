/**
 * Test fixtures: `app` starts the real server (node server.mjs) on a free loopback port with a private copy of the
 * seeded template database; `db` opens that same database for arranging and checking data. `baseURL` points at it.
 */
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import type { ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { openDb, type Db } from "../../db/client";
import { TEMPLATE_DB, TMP_DIR } from "./paths";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from "../../db/seed/demo";
import { totp } from "../../app/auth/totp";
import { startServer } from "../../scripts/lib/server";

/** `sinkDir`: where the server's local sink writes each message it "delivers" (read it as the recipient would). */
export type App = { url: string; dbPath: string; sinkDir: string; process: ChildProcess; output: () => string };

async function startTestServer(dbPath: string, sinkDir: string, env: Record<string, string>): Promise<App> {
  const s = await startServer({
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: dbPath,
    SEED_DEMO: "false",
    OUTBOX_INTERVAL_MS: "100",
    LOG_LEVEL: "warn",
    ALLOW_TEST_CLOCK: "true",
    SMS_STOP_NUMBER: "1204 1204",
    LOCAL_SINK_DIR: sinkDir,
    EXPORT_DIR: `${sinkDir}-exports`,
    ...env,
  });
  return { url: s.url, dbPath, sinkDir, process: s.process, output: s.output };
}

type Fixtures = { app: App; db: Db; appEnv: Record<string, string>; browserProblems: string[] };

function watchConsole(page: Page, problems: string[]): void {
  page.on("pageerror", (e) => problems.push(`uncaught on ${page.url()}: ${e.message.slice(0, 60)}`));
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Minified React error|hydrat/i.test(m.text()))
      problems.push(m.text());
  });
}

export const test = base.extend<Fixtures>({
  appEnv: [{}, { option: true }],
  app: async ({ appEnv }, use, testInfo) => {
    const dbPath = resolve(TMP_DIR, `t-${testInfo.testId}-${testInfo.retry}.sqlite`);
    copyFileSync(TEMPLATE_DB, dbPath);
    const app = await startTestServer(dbPath, resolve(TMP_DIR, `t-${testInfo.testId}-${testInfo.retry}-sink`), appEnv);
    await use(app);
    app.process.kill("SIGTERM");
    await new Promise((r) => app.process.once("exit", r));
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach("server-output", { body: app.output(), contentType: "text/plain" });
  },
  // Pages must come alive: a script blocked by the CSP, an uncaught error or a failed hydration fails the test (the
  // pages work without JavaScript, so nothing else would notice). Watches the test's page and every page of the
  // contexts the test opens itself (a phone, a citizen without an account, a second user).
  browserProblems: [
    async ({ page, browser }, use) => {
      const problems: string[] = [];
      watchConsole(page, problems);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        context.on("page", (p) => watchConsole(p, problems));
        return context;
      };
      await use(problems);
      browser.newContext = newContext;
      expect(problems, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
  baseURL: async ({ app }, use) => {
    await use(app.url);
  },
  db: async ({ app }, use) => {
    const d = openDb(app.dbPath);
    await use(d);
    d.$client.close();
  },
});
export { expect };

/** A message as its recipient got it (the local sink's record; see app/messaging/transports/local.server.ts). */
export type ReceivedMessage = {
  id: number;
  channel: string;
  template: string | null;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  /** Files an email carried (a calendar invite), as sent. */
  attachments?: { filename: string; contentType: string; content: string }[];
};

/** Every message the app has delivered so far, oldest first, as the recipients got them. */
export function inbox(app: App): ReceivedMessage[] {
  if (!existsSync(app.sinkDir)) return [];
  return readdirSync(app.sinkDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(app.sinkDir, f), "utf8")) as ReceivedMessage);
}

/**
 * Waits for the newest message matching (recipient, template, outbox id) to arrive, as its recipient would, and
 * returns it. The outbox sends in the background, so a message enqueued by a request arrives a moment later.
 */
export async function received(
  app: App,
  match: { to?: string; template?: string; id?: number },
): Promise<ReceivedMessage> {
  let found: ReceivedMessage | undefined;
  await expect
    .poll(
      () => {
        found = inbox(app)
          .filter(
            (m) =>
              (!match.to || m.to === match.to) &&
              (!match.template || m.template === match.template) &&
              (!match.id || m.id === match.id),
          )
          .at(-1);
        return Boolean(found);
      },
      { message: `a message ${JSON.stringify(match)}` },
    )
    .toBe(true);
  return found!;
}

/** The path of the first link in a received message that starts with `prefix` (e.g. "/nulstil-adgangskode/"). */
export function linkIn(m: ReceivedMessage, prefix: string): string {
  const url = m.text
    .match(/https?:\/\/\S+/g)
    ?.map((u) => new URL(u))
    .find((u) => u.pathname.startsWith(prefix));
  if (!url) throw new Error(`no ${prefix} link in the message to ${m.to}`);
  return url.pathname;
}

/** Runs axe (WCAG 2.1 A/AA) on the current page and fails on any violation, listing them. */
export async function expectAccessible(page: Page): Promise<void> {
  // Legacy mode runs axe in the page itself (the default opens a helper tab, which this headless Chromium refuses).
  const results = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join("\n    ")}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Opens a path and checks it with axe. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectAccessible(page);
}

/** Nothing on the page is wider than the screen (no sideways scrolling on a phone); wide tables and charts scroll in their own box. */
export async function expectFitsScreen(page: Page): Promise<void> {
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter((el) => !el.closest(".mb-table-wrap, .mb-chart") && el.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute("class") ?? "")}`);
  });
  expect(wide, `wider than the screen on ${page.url()}`).toEqual([]);
}

/** Switches the interface from Danish to English and waits until the page speaks it (with JavaScript the switch is a fetch). */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^English/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** Logs out with the header button and waits until the server has ended the session (with JavaScript it is a fetch). */
export async function logout(page: Page): Promise<void> {
  await page.getByRole("button", { name: /^(Log ud|Log out)$/ }).click();
  await page.waitForURL(/\/login\?loggedOut=1$/);
}

/**
 * The current TOTP code for a secret by the server's clock (a test may have moved it with /__test/clock): what the
 * demo admin's authenticator app would show.
 */
export async function totpCode(request: APIRequestContext, secret = DEMO_ADMIN_TOTP_SECRET): Promise<string> {
  const clock = await request.get("/__test/clock");
  const offsetDays = clock.ok() ? Number((await clock.json()).offsetDays) || 0 : 0;
  return totp(secret, Date.now() + offsetDays * 86_400_000);
}

/**
 * Logs in through the form. Users with two-step verification (the demo admin, whose key is DEMO_ADMIN_TOTP_SECRET,
 * or anyone with `totpSecret` given) get the code typed in as their app would show it.
 */
export async function login(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret = DEMO_ADMIN_TOTP_SECRET,
): Promise<void> {
  await page.goto("/login");
  await page.getByLabel(/^(E-mail|Email)$/).fill(email);
  await page.getByLabel(/^(Adgangskode|Password)$/).fill(password);
  await page.getByRole("button", { name: /^(Log ind|Log in)$/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login") || u.pathname === "/login/kode");
  if (new URL(page.url()).pathname === "/login/kode") {
    await page.getByLabel(/^(Kode|Code)$/).fill(await totpCode(page.request, totpSecret));
    await page.getByRole("button", { name: /^(Bekræft|Confirm)$/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  }
}

/** Logs an API request context in (maxRedirects 0), with the second step when the account has one. */
export async function loginRequest(
  ctx: APIRequestContext,
  email: string,
  password = DEMO_PASSWORD,
  totpSecret = DEMO_ADMIN_TOTP_SECRET,
): Promise<void> {
  const res = await ctx.post("/login", { form: { email, password }, maxRedirects: 0 });
  expect(res.status(), `login as ${email}`).toBe(302);
  if (res.headers()["location"] === "/login/kode") {
    const code = await ctx.post("/login/kode", { form: { code: await totpCode(ctx, totpSecret) }, maxRedirects: 0 });
    expect(code.status(), `second step for ${email}`).toBe(302);
  }
}
