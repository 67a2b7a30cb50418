/**
 * `npm run seed:scale -- --db PATH [--mentees 100000]`: migrate, apply reference data and seed the national-scale
 * data set (db/seed/scale.ts) into a new or empty database; refuses any database that already has data.
 * Progress on stderr; a JSON summary (row counts, file size, seconds) on stdout.
 */
import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { NotEmptyError, seedScaleFile } from "../db/seed/scale";
import { progressBar } from "./lib/progress";

const { values } = parseArgs({ options: { db: { type: "string" }, mentees: { type: "string", default: "100000" } } });
const mentees = Number(values.mentees);
if (!values.db || !Number.isInteger(mentees) || mentees < 100) {
  console.error("usage: npm run seed:scale -- --db PATH [--mentees N]   (N ≥ 100, default 100000)");
  process.exit(2);
}
const path = values.db;
const t0 = performance.now();
const bar = progressBar(`seed:scale ${mentees}`);
try {
  const rows = await seedScaleFile(path, {
    mentees,
    onProgress: (p) => bar.update(p.overall, p.phase, `${p.done}/${p.total}`),
  });
  bar.done(`done: ${path}`);
  console.log(
    JSON.stringify({
      db: path,
      mentees,
      seconds: Math.round((performance.now() - t0) / 100) / 10,
      mb: Math.round(statSync(path).size / 1e5) / 10,
      rows,
    }),
  );
} catch (e) {
  if (!(e instanceof NotEmptyError)) throw e;
  console.error(`seed:scale: ${e.message}`);
  process.exit(1);
}
