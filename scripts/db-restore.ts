// `npm run db:restore -- <file>`: replaces the database with a backup, after checking it is one. Stop the server first.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "../db/backup";
import { config } from "../app/config.server";

const usage = `Usage: npm run db:restore -- <file>

Replaces the database (DATABASE_URL, default data/mentorbro.sqlite) with the backup in <file>.
Stop the server first. The file must be a sound backup of Mentorbro: not empty or truncated,
with the app's tables and users, and no migration newer than this code. The database it
replaces is kept beside it as <database>.before-restore-<date and time>.sqlite.

  --help    show this text`;

try {
  const { values, positionals } = parseArgs({
    options: { help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (positionals.length !== 1) {
    console.error(`db:restore: name one backup file (see --help)`);
    process.exit(2);
  }
  const source = resolve(positionals[0]);
  const target = config().DATABASE_URL;
  const r = await restoreDatabase(source, target);
  console.log(`Restored ${target} from ${source} (${r.users} users, ${r.migrations} migrations).`);
  if (r.replacedCopy) console.log(`The database it replaced is kept as ${r.replacedCopy}`);
} catch (e) {
  console.error(`db:restore: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  process.exit(1);
}
