import { logStatements, openDb, migrateDb, type Db } from "../db/client";
import { config } from "./config.server";

let instance: Db | undefined;

/** The process-wide database handle (opened and migrated on first use). */
export function db(): Db {
  if (!instance) {
    instance = openDb(config().DATABASE_URL);
    migrateDb(instance);
    const sqlLog = config().SQL_LOG_FILE;
    if (sqlLog) logStatements(instance, sqlLog);
  }
  return instance;
}

export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}
export type { Db };
