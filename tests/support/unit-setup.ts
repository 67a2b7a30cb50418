/**
 * Vitest set-up, run before every test file (each file runs in its own process: `pool: "forks"`): the process-wide
 * database (`db()` in app/db.server.ts) points at a fresh, empty file of this test file's own, so a test can import the
 * services statically and never touches the developer's database. A test that needs a particular file sets
 * DATABASE_URL itself before it first calls `db()`. `tests/support/test-db.ts` migrates it and adds the reference data.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.DATABASE_URL = join(mkdtempSync(join(tmpdir(), "mb-unit-")), "test.sqlite");
