/**
 * The public pages come from a ready copy per language (app/public-pages.server.ts, issue 16): every response still
 * has its own CSP nonce, the language follows the visitor's cookie and browser, a signed-in visitor gets their own
 * page, and a change an admin makes shows at once.
 */
import { test, expect, login, visit, expectAccessible } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

test("each response of a public page has its own nonce, and its scripts carry that one", async ({ request, page }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const res = await request.get("/", { headers: { Cookie: "" } });
    expect(res.status()).toBe(200);
    const nonce = nonceOf(res.headers()["content-security-policy"])!;
    const html = await res.text();
    const inPage = [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(inPage.length).toBeGreaterThan(0);
    expect(new Set(inPage)).toEqual(new Set([nonce]));
    expect(html).not.toContain("mb-nonce-");
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(3);
  // In a browser the page comes alive (a script blocked by the CSP would fail the test) and links work.
  await visit(page, "/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Bliv mentor" }).first().click();
  await expect(page).toHaveURL(/\/bliv-mentor$/);
});

test("the language follows the cookie, then the browser; a signed-in visitor gets their own page", async ({
  page,
  request,
  playwright,
  baseURL,
}) => {
  const en = await request.get("/login", { headers: { "Accept-Language": "en-GB,en;q=0.9" } });
  expect(await en.text()).toContain('<html lang="en"');
  const da = await request.get("/login", { headers: { "Accept-Language": "da" } });
  expect(await da.text()).toContain('<html lang="da"');
  // A chosen language (the cookie) wins over the browser's.
  const chooser = await playwright.request.newContext({ baseURL });
  await chooser.post("/sprog", { form: { lng: "en", redirectTo: "/" }, headers: { Origin: baseURL! } });
  expect(await (await chooser.get("/", { headers: { "Accept-Language": "da" } })).text()).toContain('<html lang="en"');
  await chooser.dispose();

  await login(page, DEMO_USERS.coordinator);
  await page.goto("/");
  await expect(page.getByText("Katrine Koordinator")).toBeVisible();
  expect((await page.request.get("/")).headers()["cache-control"]).toBe("no-store");
});

test("a new partner municipality shows on the landing page at once", async ({ page, request }) => {
  expect(await (await request.get("/")).text()).not.toContain("Vejle");
  await login(page, DEMO_USERS.admin);
  const res = await page.request.post("/admin/kommuner/630", {
    form: { intent: "partner", isPartner: "on", agreementDate: "2026-03-01", dpaDate: "2026-03-15" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(302);
  expect(await (await request.get("/")).text()).toContain("Vejle");
});
