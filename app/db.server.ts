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

/** The SQLite connection behind a handle or a transaction (a drizzle transaction object has no `$client`). */
export function clientOf(d: Pick<Db, "select">): Db["$client"] {
  const handle = d as Partial<Db> & { session?: { client: Db["$client"] } };
  return handle.$client ?? handle.session!.client;
}
