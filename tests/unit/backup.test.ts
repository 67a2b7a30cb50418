import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { openDb, migrateDb } from "../../db/client";
import { applyReferenceData } from "../../db/reference";
import { backupDatabase, BackupError, inspectBackup, restoreDatabase } from "../../db/backup";
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
  const n = d
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .get()!.n;
  d.$client.close();
  return n;
};

/** A live database of the app with `n` users. */
function liveDb(dir: string, name: string, n: number) {
  const path = join(dir, name);
  const d = openDb(path);
  migrateDb(d);
  applyReferenceData(d);
  for (let i = 0; i < n; i++) insertUser(d, { role: "coordinator", email: `${name}-${i}@example.com` });
  d.$client.close();
  return path;
}

describe("backup and restore drill", () => {
  it("copies a live database consistently, restores it after data loss, and keeps a copy of what it replaced", async () => {
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
    const r = await restoreDatabase(backup, live, new Date("2026-05-04T10:00:00Z"));
    expect(countUsers(live)).toBe(2);
    expect(r).toMatchObject({ users: 2, replacedCopy: `${live}.before-restore-2026-05-04T10-00-00-000Z.sqlite` });
    expect(countUsers(r.replacedCopy!)).toBe(0); // what was there before the restore, kept
  });

  it("will not overwrite an existing file with a backup unless asked", async () => {
    const dir = tmp();
    const live = liveDb(dir, "live.sqlite", 1);
    const target = join(dir, "taken.sqlite");
    writeFileSync(target, "keep me");
    await expect(backupDatabase(live, target)).rejects.toThrow(/already exists/);
    expect(readFileSync(target, "utf8")).toBe("keep me");
    await backupDatabase(live, target, { overwrite: true });
    expect(countUsers(target)).toBe(1);
  });
});

describe("restore refuses what is not a backup of this app, and leaves the database alone", () => {
  async function refused(make: (dir: string) => string, message: RegExp) {
    const dir = tmp();
    const live = liveDb(dir, "live.sqlite", 3);
    const bad = make(dir);
    const error = await restoreDatabase(bad, live).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
    expect(countUsers(live)).toBe(3);
    expect(readdirSync(dir).filter((f) => f.includes("before-restore"))).toEqual([]);
  }

  it("a missing file", () => refused((dir) => join(dir, "missing.sqlite"), /^no file at .*missing\.sqlite$/));
  it("an empty file (0 bytes)", () =>
    refused((dir) => {
      writeFileSync(join(dir, "empty.sqlite"), "");
      return join(dir, "empty.sqlite");
    }, /empty \(0 bytes\): not a backup$/));
  it("a file that is not a database", () =>
    refused((dir) => {
      writeFileSync(join(dir, "notes.sqlite"), "this is not sqlite");
      return join(dir, "notes.sqlite");
    }, /is not an SQLite database$/));
  it("a truncated backup", () =>
    refused((dir) => {
      const good = liveDb(dir, "good.sqlite", 2);
      const d = new Database(good);
      d.pragma("journal_mode = DELETE");
      d.close();
      truncateSync(good, Math.floor(statSync(good).size / 2));
      return good;
    }, /is truncated \(\d+ of \d+ bytes\)$/));
  it("another application's database", () =>
    refused((dir) => {
      const path = join(dir, "foreign.sqlite");
      const d = new Database(path);
      d.exec("create table invoices (id integer primary key, total real); insert into invoices (total) values (12.5);");
      d.close();
      return path;
    }, /is not a Mentorbro database \(no __drizzle_migrations, users, mentors, mentees, messages tables\)$/));
  it("a backup from a newer version (a migration this code does not know)", () =>
    refused((dir) => {
      const path = liveDb(dir, "newer.sqlite", 2);
      const d = new Database(path);
      d.prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)").run(
        "f00",
        Date.parse("2031-01-01T00:00:00Z"),
      );
      d.close();
      return path;
    }, /comes from a newer version of Mentorbro \(1 migration this code does not know, from 2031-01-01\); update the code first$/));
  it("a database of this app without any users (a fresh install, not a backup)", () =>
    refused((dir) => liveDb(dir, "fresh.sqlite", 0), /holds no users/));

  it("inspecting a sound backup says what is in it", () => {
    const dir = tmp();
    expect(inspectBackup(liveDb(dir, "ok.sqlite", 2))).toMatchObject({ users: 2, migrations: expect.any(Number) });
  });
});

describe("the scripts", () => {
  const tsx = resolve("node_modules/.bin/tsx");
  const run = (script: string, args: string[], env: Record<string, string>) =>
    spawnSync(tsx, [script, ...args], {
      env: { ...process.env, LOG_LEVEL: "silent", ...env },
      encoding: "utf8",
      timeout: 60_000,
    });

  it("--help explains the arguments and writes nothing; errors are one line without a stack trace", () => {
    const dir = tmp();
    const live = liveDb(dir, "live.sqlite", 1);
    const help = run("scripts/db-backup.ts", ["--help"], { DATABASE_URL: live });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run db:backup -- \[file\] \[--force\]/);
    expect(existsSync("--help")).toBe(false);
    expect(run("scripts/db-restore.ts", ["--help"], { DATABASE_URL: live }).stdout).toMatch(/Stop the server first/);

    writeFileSync(join(dir, "empty.sqlite"), "");
    const restore = run("scripts/db-restore.ts", [join(dir, "empty.sqlite")], { DATABASE_URL: live });
    expect(restore.status).toBe(1);
    expect(restore.stderr.trim()).toMatch(/^db:restore: .*empty\.sqlite is empty \(0 bytes\): not a backup$/);
    expect(countUsers(live)).toBe(1);

    const noDb = run("scripts/db-backup.ts", [join(dir, "copy.sqlite")], {
      DATABASE_URL: join(dir, "nothing-here.sqlite"),
    });
    expect(noDb.status).toBe(1);
    expect(noDb.stderr.trim()).toMatch(/^db:backup: no database at .*nothing-here\.sqlite$/);
  }, 90_000);
});
