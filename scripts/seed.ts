// `npm run seed`: migrate, apply reference data and seed the demo into an EMPTY database (refuses otherwise).
import { openDb, migrateDb } from "../db/client";
import { applyReferenceData } from "../db/reference";
import { isDatabaseEmpty, seedDemo, demoLogins } from "../db/seed/demo";
import { config } from "../app/config.server";

const d = openDb(config().DATABASE_URL);
migrateDb(d);
applyReferenceData(d);
if (!isDatabaseEmpty(d)) {
  console.log("The database already has data; not seeding. Delete the file to start over:", config().DATABASE_URL);
} else {
  await seedDemo(d);
  console.log("Seeded the demo. Logins:");
  for (const l of demoLogins(d)) console.log(`  ${l.role.padEnd(12)} ${l.email}  ${l.password}`);
}
d.$client.close();
