/**
 * Pages as the outside test used them (issue 15): the language button's name, wide tables on a phone, one current menu
 * item, titles and the browser's language, the privacy notice and the accessibility statement in every footer, and the
 * small layout faults (card padding, the login button, chart text on a phone).
 */
import { and, eq, isNotNull } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible, switchToEnglish } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";
import { courses, mentees, mentors } from "../../db/schema";

test("the language button's accessible name starts with the text it shows (WCAG 2.5.3)", async ({ page }) => {
  for (const path of ["/", "/login", "/bliv-mentor"]) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: /^English/ })).toHaveAccessibleName(/^English\b.*skift sprog/i);
  }
  await switchToEnglish(page);
  await expect(page.getByRole("button", { name: /^Dansk/ })).toHaveAccessibleName(/^Dansk\b.*change language/i);
});

test("on a phone, every wide table of the detail pages can be reached and scrolled by keyboard", async ({
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(150_000);
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "da-DK",
  });
  const page = await phone.newPage();
  const course = db.select().from(courses).where(eq(courses.status, "active")).get()!;
  const mentor = db.select().from(mentors).where(isNotNull(mentors.userId)).get()!;
  const aarhus = db
    .select()
    .from(mentees)
    .where(and(eq(mentees.municipalityCode, 751), isNotNull(mentees.matchedAt)))
    .get()!;
  const check = async (path: string) => {
    await visit(page, path);
    const wraps = page.locator(".mb-table-wrap");
    expect(await wraps.count(), path).toBeGreaterThan(0);
    const unreachable = await wraps.evaluateAll((els) =>
      els
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth &&
            (el.getAttribute("tabindex") !== "0" ||
              (!el.getAttribute("aria-label") && !el.getAttribute("aria-labelledby"))),
        )
        .map((el) => el.querySelector("th")?.textContent ?? "?"),
    );
    expect(unreachable, path).toEqual([]);
  };
  await login(page, DEMO_USERS.coordinator);
  for (const path of [
    `/koordinator/forloeb/${course.id}`,
    `/koordinator/mentorer/${mentor.id}`,
    `/koordinator/mentees/${course.menteeId}`,
    `/persondata/mentee/${course.menteeId}`,
  ]) {
    await check(path);
  }
  // A wide table takes the keyboard's focus and scrolls with the arrow keys.
  await page.goto(`/koordinator/forloeb/${course.id}`);
  const wide = page
    .locator(".mb-table-wrap")
    .filter({ has: page.locator("table") })
    .first();
  await wide.focus();
  await expect(wide).toBeFocused();
  await page.context().clearCookies();
  await login(page, DEMO_USERS.caseworker);
  await check(`/kommune/borgere/${aarhus.id}`);
  await phone.close();
});

test("the menu marks exactly one link as the current page", async ({ page }) => {
  await login(page, DEMO_USERS.caseworker);
  await visit(page, "/kommune/borgere/ny");
  const menu = page.getByRole("navigation", { name: "Hovedmenu" });
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  await expect(menu.locator('[aria-current="page"]')).toHaveText("Henvis borger");
  await page.goto("/kommune/borgere");
  await expect(menu.locator("[aria-current]")).toHaveCount(1);
  await expect(menu.locator('[aria-current="page"]')).toHaveText("Henviste borgere");
});

test("English pages have English titles, and the browser's language is used until a visitor chooses", async ({
  page,
  browser,
  baseURL,
}) => {
  await page.goto("/login");
  await expect(page).toHaveTitle("Log ind · Mentorbro");
  await switchToEnglish(page);
  await expect(page).toHaveTitle("Log in · Mentorbro");
  await login(page, DEMO_USERS.coordinator);
  await switchToEnglish(page);
  for (const [path, title] of [
    ["/koordinator/mentorer", "Mentor applications"],
    ["/koordinator/ventende", "Waiting citizens"],
    ["/koordinator/rapporter", "Reports"],
  ]) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(`${title} · Mentorbro`);
  }

  // A visitor whose browser asks for English, with no choice saved, gets English; a Danish browser Danish.
  const en = await browser.newContext({ baseURL, locale: "en-GB" });
  const p = await en.newPage();
  await p.goto("/bliv-mentor");
  await expect(p.locator("html")).toHaveAttribute("lang", "en");
  await expect(p).toHaveTitle("Become a mentor · Mentorbro");
  await expect(p.getByRole("heading", { level: 1 })).toHaveText("Become a mentor");
  await expectAccessible(p);
  // A choice, once made, wins over the browser.
  await p.getByRole("button", { name: /^Dansk/ }).click();
  await expect(p.locator("html")).toHaveAttribute("lang", "da");
  await p.goto("/");
  await expect(p.locator("html")).toHaveAttribute("lang", "da");
  await en.close();
});

test("every page's footer links the privacy notice and the accessibility statement, in Danish and English", async ({
  page,
}) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await footer.getByRole("link", { name: "Privatlivspolitik" }).click();
  await expect(page).toHaveURL(/\/privatliv$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privatlivspolitik");
  await expect(page.getByRole("heading", { name: "Det indsamler vi om dig som frivillig mentor" })).toBeVisible();
  await expect(page.getByText(/anonymiserer vi oplysningerne 24 måneder efter/)).toBeVisible();
  await expect(page.getByRole("link", { name: "kontakt@mentorbro.local" })).toHaveAttribute(
    "href",
    "mailto:kontakt@mentorbro.local",
  );
  await expectAccessible(page);
  await footer.getByRole("link", { name: "Tilgængelighedserklæring" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tilgængelighedserklæring");
  await expect(page.getByRole("heading", { name: "Det, der ikke er tilgængeligt" })).toBeVisible();
  await expectAccessible(page);
  await switchToEnglish(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Accessibility statement");
  await expectAccessible(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Privacy notice" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy notice");
  await expectAccessible(page);

  // On a staff page and on an error page too (the caseworker reads Danish, their own choice).
  await login(page, DEMO_USERS.caseworker);
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tilgængelighedserklæring" })).toBeVisible();
  await page.goto("/findes-ikke");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Privatlivspolitik" })).toBeVisible();
});

test("layout: the mentee card has inner padding and the login button does not touch the password field", async ({
  page,
}) => {
  await page.goto("/login");
  const field = await page.getByLabel("Adgangskode").boundingBox();
  const button = await page.getByRole("button", { name: "Log ind" }).boundingBox();
  expect(button!.y - (field!.y + field!.height)).toBeGreaterThanOrEqual(16);

  await login(page, DEMO_USERS.mentor);
  const card = page.locator("#h-mentee ~ * .mb-card, #h-mentee ~ .mb-card").first();
  await expect(card).toBeVisible();
  const padding = await card.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.paddingLeft, s.paddingTop, s.paddingRight].map((v) => parseFloat(v));
  });
  for (const p of padding) expect(p).toBeGreaterThanOrEqual(12);
});

test("on a phone, the report's chart text stays readable (at least 10 px) and its labels do not overlap", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const phone = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: "da-DK",
  });
  const page = await phone.newPage();
  await login(page, DEMO_USERS.coordinator);
  await page.goto("/koordinator/rapporter");
  const charts = page.locator("figure.mb-chart svg");
  expect(await charts.count()).toBeGreaterThan(1);
  const problems = await charts.evaluateAll((svgs) =>
    svgs.flatMap((svg, i) => {
      const texts = [...svg.querySelectorAll("text")].filter((t) => (t.textContent ?? "").trim());
      const out: string[] = [];
      for (const t of texts) {
        const size = parseFloat(getComputedStyle(t).fontSize) * (svg as SVGSVGElement).getScreenCTM()!.a;
        if (size < 10) out.push(`chart ${i}: "${t.textContent}" at ${size.toFixed(1)} px`);
      }
      const boxes = texts
        .map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }))
        .filter((b) => b.r.width > 0);
      for (let a = 0; a < boxes.length; a++)
        for (let b = a + 1; b < boxes.length; b++) {
          const p = boxes[a].r,
            q = boxes[b].r;
          const overlap =
            Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 &&
            Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
          if (overlap) out.push(`chart ${i}: "${boxes[a].text}" overlaps "${boxes[b].text}"`);
        }
      return out;
    }),
  );
  expect(problems).toEqual([]);
  // The charts scroll sideways in their own reachable box; the page itself does not.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  await expectAccessible(page);
  await phone.close();
});
