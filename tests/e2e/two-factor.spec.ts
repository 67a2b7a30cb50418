import { eq } from "drizzle-orm";
import { test, expect, login, visit, expectAccessible, logout } from "../support/fixtures";
import { DEMO_PASSWORD, DEMO_USERS } from "../../db/seed/demo";
import { totp } from "../../app/auth/totp";
import { users } from "../../db/schema";

test("a coordinator turns on two-step verification and then needs a code to log in", async ({ page, db }) => {
  await login(page, DEMO_USERS.coordinator);
  await visit(page, "/konto/sikkerhed");
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await page.getByLabel("Kode").fill("000000");
  await page.getByRole("button", { name: "Slå to-trinsbekræftelse til" }).click();
  await expect(page.getByText("Koden er forkert eller udløbet").first()).toBeVisible();
  await page.getByLabel("Kode").fill(totp(secret, Date.now()));
  await page.getByRole("button", { name: "Slå to-trinsbekræftelse til" }).click();
  await expect(page.getByText("To-trinsbekræftelse er slået til.")).toBeVisible();
  expect(db.select().from(users).where(eq(users.email, DEMO_USERS.coordinator)).get()!.totpSecret).toBe(secret);

  await logout(page);
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO_USERS.coordinator);
  await page.getByLabel("Adgangskode").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log ind" }).click();
  await expect(page).toHaveURL(/\/login\/kode$/);
  await expectAccessible(page);
  // The password alone gives no session.
  expect((await page.goto("/koordinator"))?.url()).toMatch(/\/login\?redirectTo/);
  await page.goto("/login/kode");
  await page.getByLabel("Kode").fill("123456");
  await page.getByRole("button", { name: "Bekræft" }).click();
  await expect(page.getByText("Koden er forkert eller udløbet").first()).toBeVisible();
  await page.getByLabel("Kode").fill(totp(secret, Date.now()));
  await page.getByRole("button", { name: "Bekræft" }).click();
  await expect(page).toHaveURL(/\/koordinator$/);
});

test("the code page without a pending login goes back to login", async ({ page }) => {
  await page.goto("/login/kode");
  await expect(page).toHaveURL(/\/login$/);
});
