// `npm run db:migrate`: apply committed migrations and reference data.
import { openDb, migrateDb } from "../db/client";
import { applyReferenceData } from "../db/reference";
import { config } from "../app/config.server";

const d = openDb(config().DATABASE_URL);
migrateDb(d);
console.log("Migrated:", config().DATABASE_URL, applyReferenceData(d));
d.$client.close();
