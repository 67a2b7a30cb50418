/**
 * Databases for DB-backed unit tests, so each test file need not repeat its set-up:
 * - `testDb()`: the process-wide database the services use (a fresh file per test file, see unit-setup.ts), migrated,
 *   with the reference data (municipalities, DB07) applied once;
 * - `createTestDb()`: a separate fresh in-memory database, migrated, with the reference data, for a test that passes
 *   its database (or transaction) to the code under test.
 */
import { openDb, migrateDb, type Db } from "../../db/client";
import { applyReferenceData } from "../../db/reference";
import { db } from "../../app/db.server";

let prepared = false;

export function testDb(): Db {
  const d = db();
  if (!prepared) {
    applyReferenceData(d);
    prepared = true;
  }
  return d;
}

export function createTestDb(): Db {
  const d = openDb(":memory:");
  migrateDb(d);
  applyReferenceData(d);
  return d;
}
