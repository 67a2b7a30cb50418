import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { openDb, migrateDb } from "../../db/client";
import { applyReferenceData } from "../../db/reference";
import { backupDatabase, restoreDatabase } from "../../db/backup";
import { insertUser } from "../../db/factories";
import { users } from "../../db/schema";

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "mb-backup-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const countUsers = (path: string) => {
  const d = openDb(path);
  const n = d.select({ n: sql<number>`count(*)` }).from(users).get()!.n;
  d.$client.close();
  return n;
};

describe("backup and restore drill", () => {
  it("copies a live database consistently and restores it after data loss", async () => {
    const dir = tmp();
    const live = join(dir, "live.sqlite");
    const d = openDb(live);
    migrateDb(d);
    applyReferenceData(d);
    insertUser(d, { role: "coordinator", email: "a@example.com" });
    insertUser(d, { role: "admin", email: "b@example.com" });
    // Backup while the connection is open (and in WAL mode) — an online backup.
    const backup = join(dir, "backup.sqlite");
    const pages = await backupDatabase(live, backup);
    expect(pages).toBeGreaterThan(0);
    // Disaster: rows disappear after the backup.
    d.delete(users).run();
    d.$client.close();
    expect(countUsers(live)).toBe(0);
    await restoreDatabase(backup, live);
    expect(countUsers(live)).toBe(2);
  });

  it("refuses to restore a file that is not a sound database", async () => {
    const dir = tmp();
    const bogus = join(dir, "bogus.sqlite");
    writeFileSync(bogus, "this is not sqlite");
    await expect(restoreDatabase(bogus, join(dir, "target.sqlite"))).rejects.toThrow();
    await expect(restoreDatabase(join(dir, "missing.sqlite"), join(dir, "target.sqlite"))).rejects.toThrow(/No backup/);
  });
});
