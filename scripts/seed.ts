// `npm run seed`: migrate, apply reference data and seed the demo into an EMPTY database (refuses otherwise).
import { openDb, migrateDb } from "../db/client";
import { applyReferenceData } from "../db/reference";
import { isDatabaseEmpty, seedDemo, demoLogins } from "../db/seed/demo";
import { config } from "../app/config.server";

if (config().NODE_ENV === "production") {
  process.stderr.write(
    "seed: never in production: the demo accounts share a published password. Create the first admin with `npm run admin:create -- --email you@example.org`.\n",
  );
  process.exit(1);
}
const d = openDb(config().DATABASE_URL);
migrateDb(d);
applyReferenceData(d);
if (!isDatabaseEmpty(d)) {
  console.log("The database already has data; not seeding. Delete the file to start over:", config().DATABASE_URL);
} else {
  await seedDemo(d);
  console.log("Seeded the demo. Logins:");
  for (const l of demoLogins(d))
    console.log(
      `  ${l.role.padEnd(12)} ${l.email}  ${l.password}${l.totpSecret ? `  (two-step key ${l.totpSecret}; npm run demo:code)` : ""}`,
    );
}
d.$client.close();
