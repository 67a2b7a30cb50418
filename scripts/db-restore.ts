// `npm run db:restore <file>`: replaces the database with a backup. Stop the server first.
import { resolve } from "node:path";
import { restoreDatabase } from "../db/backup";
import { config } from "../app/config.server";

const source = process.argv[2];
if (!source) {
  console.error("Usage: npm run db:restore <backup file>");
  process.exit(2);
}
await restoreDatabase(resolve(source), config().DATABASE_URL);
console.log(`Restored ${config().DATABASE_URL} from ${source}`);
