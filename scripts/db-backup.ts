// `npm run db:backup [file]`: a consistent online copy of the SQLite database (SQLite's backup API; the app may keep running).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { backupDatabase } from "../db/backup";
import { config } from "../app/config.server";

const target = resolve(process.argv[2] ?? `backups/mentorbro-${new Date().toISOString().replace(/[:.]/g, "-")}.sqlite`);
mkdirSync(dirname(target), { recursive: true });
const pages = await backupDatabase(config().DATABASE_URL, target);
console.log(`Backed up ${config().DATABASE_URL} to ${target} (${pages} pages)`);
