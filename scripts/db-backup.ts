// `npm run db:backup -- [file] [--force]`: a consistent online copy of the SQLite database (the app may keep running).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "../db/backup";
import { config } from "../app/config.server";

const usage = `Usage: npm run db:backup -- [file] [--force]

Writes a consistent copy of the database (DATABASE_URL, default data/mentorbro.sqlite) to <file>,
by default backups/mentorbro-<date and time>.sqlite. The server may keep running.

  --force   overwrite <file> if it exists
  --help    show this text`;

try {
  const { values, positionals } = parseArgs({
    options: { help: { type: "boolean", short: "h" }, force: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length > 1) throw new Error(`one file at most, got ${positionals.length} (see --help)`);
  const target = resolve(
    positionals[0] ?? `backups/mentorbro-${new Date().toISOString().replace(/[:.]/g, "-")}.sqlite`,
  );
  mkdirSync(dirname(target), { recursive: true });
  const pages = await backupDatabase(config().DATABASE_URL, target, { overwrite: values.force });
  console.log(`Backed up ${config().DATABASE_URL} to ${target} (${pages} pages)`);
} catch (e) {
  console.error(`db:backup: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  process.exit(1);
}
