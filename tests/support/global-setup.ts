/** Builds the template database once per run: migrated, reference data, demo seed. Each test copies it. */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { openDb, migrateDb } from "../../db/client";
import { applyReferenceData } from "../../db/reference";
import { seedDemo } from "../../db/seed/demo";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

export default async function globalSetup() {
  if (!existsSync("build/index.js")) throw new Error("Run `npm run build` before the browser tests (npm test does).");
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  const d = openDb(TEMPLATE_DB);
  migrateDb(d);
  applyReferenceData(d);
  await seedDemo(d);
  d.$client.pragma("wal_checkpoint(TRUNCATE)");
  d.$client.pragma("journal_mode = DELETE");
  d.$client.close();
}
