import { defineConfig } from "@playwright/test";

/**
 * Browser tests. Each test gets its own server on its own copy of a freshly seeded database (tests/support/fixtures.ts),
 * so tests never see each other's data. Chromium comes from the OS (Debian's package); CHROMIUM_PATH overrides.
 */
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/support/global-setup.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  forbidOnly: true,
  use: {
    trace: "retain-on-failure",
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
