/**
 * What an outside test found (issue 15), as an attacker and a new operator would try it against a running server:
 * an admin's forced second factor and the one-off admin:create, production never seeding the demo, rate limits keyed on
 * the socket's address rather than X-Forwarded-For, forged mutations answered with a 403 page (never a 500), and the
 * cache and transport headers.
 */
import { spawn, spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { test, expect, login, logout, visit, expectAccessible } from "../support/fixtures";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed/demo";
import { totp } from "../../app/auth/totp";
import { messages, settings, users } from "../../db/schema";
import { openDb } from "../../db/client";

/** Runs `npm run admin:create` against the test server's database and returns what it printed. */
function adminCreate(dbPath: string, appUrl: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/admin-create.ts", ...args], {
    env: { ...process.env, DATABASE_URL: dbPath, APP_URL: appUrl, NODE_ENV: "test", LOG_LEVEL: "silent" },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

test("a new admin gets a one-time link, no password, and must set up a second factor before anything else", async ({
  page,
  app,
  db,
}) => {
  test.setTimeout(120_000);
  const created = adminCreate(app.dbPath, app.url, "--email", "Nina.Admin@Example.org", "--name", "Nina Admin");
  expect(created.status, created.err).toBe(0);
  const link = /https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]+/.exec(created.out)?.[0];
  expect(link, created.out).toBeTruthy();
  expect(created.out).not.toMatch(/password:|adgangskode:/i);
  expect(db.select().from(users).where(eq(users.email, "nina.admin@example.org")).get()).toMatchObject({
    role: "admin",
    passwordHash: null,
  });
  // Running it again for the same address refuses, with a one-line reason.
  const again = adminCreate(app.dbPath, app.url, "--email", "nina.admin@example.org");
  expect(again.status).toBe(1);
  expect(again.err.trim().split("\n")).toHaveLength(1);

  await visit(page, new URL(link!).pathname);
  await expect(page.getByText("Du er administrator i Mentorbro")).toBeVisible();
  await page.getByLabel("Ny adgangskode").fill("ninas lange og gode kodeord");
  await page.getByLabel("Gentag adgangskoden").fill("ninas lange og gode kodeord");
  await page.getByRole("button", { name: "Gem adgangskode" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  // The link worked once.
  await page.goto(new URL(link!).pathname);
  await expect(page.getByText("Invitationen er udløbet eller allerede brugt")).toBeVisible();

  await login(page, "nina.admin@example.org", "ninas lange og gode kodeord");
  await expect(page).toHaveURL(/\/konto\/sikkerhed$/);
  await expect(page.getByText("Som administrator skal du slå to-trinsbekræftelse til")).toBeVisible();
  await expectAccessible(page);
  // Every admin page and action sends her back here until it is set up.
  for (const path of ["/admin", "/admin/kommuner", "/admin/outbox", "/koordinator/rapporter", "/start"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/konto\/sikkerhed$/);
  }
  const post = await page.request.post("/admin/opbevaring", { form: { months: "3" }, maxRedirects: 0 });
  expect(post.status()).toBe(302);
  expect(post.headers()["location"]).toBe("/konto/sikkerhed");
  expect(db.select().from(settings).where(eq(settings.key, "retention_months")).get()).toBeUndefined();

  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Kode").fill(totp(secret, Date.now()));
  await page.getByRole("button", { name: "Slå to-trinsbekræftelse til" }).click();
  await expect(page.getByText("To-trinsbekræftelse er slået til.")).toBeVisible();
  // An admin cannot turn it off again.
  await expect(page.getByRole("button", { name: "Slå to-trinsbekræftelse fra" })).toHaveCount(0);
  expect(
    (
      await page.request.post("/konto/sikkerhed", { form: { code: totp(secret, Date.now()) }, maxRedirects: 0 })
    ).status(),
  ).toBe(403);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Administration");

  // From now on the password alone is not enough.
  await logout(page);
  await page.goto("/login");
  await page.getByLabel("E-mail").fill("nina.admin@example.org");
  await page.getByLabel("Adgangskode").fill("ninas lange og gode kodeord");
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/login\/kode$/);
});

test("production refuses to seed the demo, and starts on an empty database without any demo account", async () => {
  test.setTimeout(90_000);
  const dir = mkdtempSync(join(tmpdir(), "mb-prod-"));
  const base = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: "0",
    SESSION_SECRET: "s".repeat(40),
    CONTACT_EMAIL: "dpo@example.org",
    LOG_LEVEL: "warn",
    BACKGROUND_JOBS: "false",
    ALLOW_TEST_CLOCK: "false",
  };
  const run = (env: Record<string, string | undefined>) =>
    new Promise<{ code: number | null; out: string; listening: boolean }>((resolve) => {
      const child = spawn(process.execPath, ["server.mjs"], {
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let listening = false;
      const done = () => resolve({ code: child.exitCode, out, listening });
      const onData = (b: Buffer) => {
        out += b.toString();
        if (!listening && out.includes('"msg":"listening"')) {
          listening = true;
          child.kill("SIGTERM");
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      child.on("exit", done);
      setTimeout(() => child.kill("SIGKILL"), 40_000).unref();
    });

  const refused = await run({ ...base, DATABASE_URL: join(dir, "refused.sqlite"), SEED_DEMO: "true" });
  expect(refused.listening).toBe(false);
  expect(refused.code).toBe(1);
  expect(refused.out).toMatch(/SEED_DEMO: never in production/);
  expect(refused.out).toMatch(/npm run admin:create/);

  const dbPath = join(dir, "empty.sqlite");
  const started = await run({ ...base, DATABASE_URL: dbPath, SEED_DEMO: undefined });
  expect(started.listening, started.out).toBe(true);
  expect(started.out).not.toMatch(/Demo logins|Mentorbro-demo/);
  const d = openDb(dbPath);
  try {
    expect(
      d
        .select({ n: sql<number>`count(*)` })
        .from(users)
        .get()!.n,
    ).toBe(0);
  } finally {
    d.$client.close();
  }
});

/** A POST to the test server from another loopback address (127.0.0.2): another client, as the socket sees it. */
function postFrom(
  localAddress: string,
  url: string,
  path: string,
  form: Record<string, string>,
): Promise<{ status: number; location?: string }> {
  const target = new URL(path, url);
  const body = new URLSearchParams(form).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        localAddress,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("rate limits count the socket's address: rotating X-Forwarded-For buys nothing, and one client locks out no one else", async ({
  request,
  app,
  db,
}) => {
  test.setTimeout(120_000);
  let last = 0;
  for (let i = 0; i < 31; i++) {
    const res = await request.post("/login", {
      form: { email: `nobody${i}@example.org`, password: "wrong-password" },
      maxRedirects: 0,
      headers: { "X-Forwarded-For": `203.0.113.${i}`, "X-Real-IP": `198.51.100.${i}` },
    });
    last = res.status();
    if (i < 30) expect(res.status(), `attempt ${i + 1}`).toBe(400);
  }
  expect(last).toBe(429);
  // Someone else, at another address, still logs in.
  const other = await postFrom("127.0.0.2", app.url, "/login", {
    email: DEMO_USERS.coordinator,
    password: DEMO_PASSWORD,
  });
  expect(other.status).toBe(302);
  expect(other.location).toBe("/koordinator");

  // Password resets: at most 10 an hour from one address, whatever the header says.
  const accounts = db
    .select({ email: users.email })
    .from(users)
    .where(sql`${users.role} = 'caseworker'`)
    .all()
    .slice(0, 12);
  expect(accounts).toHaveLength(12);
  for (const [i, a] of accounts.entries()) {
    await request.post("/glemt-adgangskode", {
      form: { email: a.email },
      headers: { "X-Forwarded-For": `192.0.2.${i}` },
    });
  }
  expect(
    db
      .select({ n: sql<number>`count(*)` })
      .from(messages)
      .where(eq(messages.template, "password_reset"))
      .get()!.n,
  ).toBe(10);

  // Sign-ups: 10 an hour from one address.
  const signup = (i: number) => ({
    firstName: "Flood",
    lastName: `Tester${String.fromCharCode(97 + i)}`,
    email: `flood${i}@example.org`,
    phone: "20304050",
    postcode: "8000",
    municipalityCode: "751",
    travelKm: "15",
    jobTitle: "Leder",
    industryCode: "41",
    yearsExperience: "3",
    isManager: "no",
    offers: "cv",
    menteeGenderPreference: "none",
    capacity: "1",
    motivation: "Hjælpe",
    consentData: "on",
    consentConfidentiality: "on",
  });
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    statuses.push(
      (
        await request.post("/bliv-mentor", {
          form: signup(i),
          maxRedirects: 0,
          headers: { "X-Forwarded-For": `10.0.0.${i}` },
        })
      ).status(),
    );
  }
  expect(statuses.slice(0, 10).every((s) => s === 302)).toBe(true);
  expect(statuses[10]).toBe(429);
});

test.describe("behind one trusted proxy (TRUST_PROXY=1)", () => {
  test.use({ appEnv: { TRUST_PROXY: "1" } });
  test("the proxy's X-Forwarded-For is the client address", async ({ request }) => {
    test.setTimeout(90_000);
    const attempt = (ip: string, i: number) =>
      request.post("/login", {
        form: { email: `nobody${i}@example.org`, password: "wrong-password" },
        maxRedirects: 0,
        headers: { "X-Forwarded-For": ip },
      });
    for (let i = 0; i < 30; i++) expect((await attempt("198.51.100.7", i)).status()).toBe(400);
    expect((await attempt("198.51.100.7", 30)).status()).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await attempt("198.51.100.8", 31)).status()).toBe(400);
  });
});

test("a forged or cross-site mutation gets a 403 page in the visitor's language, never a 500", async ({
  page,
  request,
  baseURL,
}) => {
  const forgeries: Record<string, string>[] = [
    { Origin: "null" },
    { Origin: baseURL!, "X-Forwarded-Host": "evil.example" },
    { Origin: "https://evil.example" },
    { Origin: "not a url" },
  ];
  for (const path of ["/login", "/bliv-mentor", "/glemt-adgangskode", "/kommune/borgere/ny", "/login.data"]) {
    for (const headers of forgeries) {
      const res = await request.post(path, {
        headers,
        form: { email: DEMO_USERS.admin, password: "x" },
        maxRedirects: 0,
      });
      expect(res.status(), `${path} ${JSON.stringify(headers)}`).toBe(403);
      expect(res.headers()["content-type"]).toMatch(/text\/html/);
      expect(await res.text()).toContain("Forespørgslen blev afvist");
    }
  }
  const english = await request.post("/login", {
    headers: { Origin: "null", "Accept-Language": "en-GB,en;q=0.9" },
    form: {},
  });
  expect(await english.text()).toContain("The request was refused");

  // As a person meets it: a proxy in between adds a host we do not trust.
  await visit(page, "/login");
  await page.route("**/login*", (route) =>
    route.request().method() === "POST"
      ? route.continue({ headers: { ...route.request().headers(), "x-forwarded-host": "evil.example" } })
      : route.continue(),
  );
  await page.getByLabel("E-mail").fill(DEMO_USERS.coordinator);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).evaluate((b: HTMLButtonElement) => b.form!.submit());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Forespørgslen blev afvist");
  await expectAccessible(page);
});

test("a signed-in user's pages and data are never stored by the browser or a proxy", async ({ page }) => {
  const anonymous = await page.request.get("/");
  expect(anonymous.headers()["cache-control"] ?? "").not.toMatch(/no-store/);
  await login(page, DEMO_USERS.coordinator);
  for (const path of ["/koordinator", "/koordinator/ventende", "/koordinator/ventende.data"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["cache-control"], path).toBe("no-store");
  }
  // No HSTS over plain http on a developer's machine.
  expect((await page.request.get("/login")).headers()["strict-transport-security"]).toBeUndefined();
});

test.describe("with an https APP_URL", () => {
  test.use({ appEnv: { APP_URL: "https://mentorbro.example" } });
  test("HSTS is sent and the session cookie is Secure", async ({ request }) => {
    const page = await request.get("/login");
    expect(page.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
    const res = await request.post("/login", {
      form: { email: DEMO_USERS.coordinator, password: DEMO_PASSWORD },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    const cookie = res
      .headersArray()
      .find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("mb_session="))!.value;
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });
});
