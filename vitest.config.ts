import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts", "emails/**/*.test.ts", "tests/unit/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    // Every test file gets a fresh database file of its own (tests/support/unit-setup.ts).
    setupFiles: ["tests/support/unit-setup.ts"],
  },
});
