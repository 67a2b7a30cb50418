/**
 * Each area (public, mentor, coordinator, caseworker, admin) says what went wrong in the reader's language, inside the
 * area with its menu, with the way back to the area's start (issue 18): a missing id in each, and a refused page.
 */
import { test, expect, login, visit, switchToEnglish } from "../support/fixtures";
import { DEMO_USERS } from "../../db/seed/demo";

const missing = 987654;
const cases = [
  { area: "public", who: null, path: `/findes-ikke/${missing}`, back: "Gå til forsiden", to: "/" },
  {
    area: "mentor",
    who: DEMO_USERS.mentor,
    path: `/mentor/forloeb/${missing}`,
    back: "Gå til din mentorside",
    to: "/mentor",
  },
  {
    area: "coordinator",
    who: DEMO_USERS.coordinator,
    path: `/koordinator/mentees/${missing}`,
    back: "Gå til koordinatorens forside",
    to: "/koordinator",
  },
  {
    area: "caseworker",
    who: DEMO_USERS.caseworker,
    path: `/kommune/borgere/${missing}`,
    back: "Gå til kommunens forside",
    to: "/kommune",
  },
  {
    area: "admin",
    who: DEMO_USERS.admin,
    path: `/admin/outbox/${missing}`,
    back: "Gå til administrationen",
    to: "/admin",
  },
] as const;

for (const c of cases) {
  test(`a missing id in the ${c.area} area is a 404 that says so, with the way back`, async ({ page }) => {
    if (c.who) await login(page, c.who);
    const res = await page.goto(c.path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Siden findes ikke");
    await expect(page.getByText("Fejlkode 404")).toBeVisible();
    const error = page.locator(".mb-error");
    await expect(error).toHaveAttribute("data-area", c.area);
    await expect(error.getByRole("link", { name: c.back })).toHaveAttribute("href", c.to);
    // Inside the area: the signed-in header and menu stay.
    if (c.who) await expect(page.getByRole("navigation", { name: "Hovedmenu" })).toBeVisible();
    await visit(page, c.path);
  });
}

test("a refused page says so and leads to the person's own start, in English too", async ({ page }) => {
  await login(page, DEMO_USERS.mentor);
  const res = await page.goto("/koordinator/ventende");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har ikke adgang");
  await expect(page.locator(".mb-error")).toHaveAttribute("data-area", "coordinator");
  await expect(page.getByRole("link", { name: "Gå til din startside" })).toHaveAttribute("href", "/start");
  await switchToEnglish(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access");
  await expect(page.getByText("Error code 403")).toBeVisible();
});
