/**
 * Online backup and restore with SQLite's backup API (better-sqlite3 `backup`): consistent even while the app writes.
 *
 * A restore replaces the live database, so it first proves the file is a backup of this app that this code can run:
 * not empty, not truncated, an SQLite database that passes the integrity check, with the app's tables and users, and
 * no migration newer than the code. It keeps a copy of the database it replaces, and writes through the backup API
 * so WAL files stay coherent. Every refusal is a `BackupError` whose message is one line, for the scripts to print.
 */
import Database from "better-sqlite3";
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { migrationsFolder } from "./client";

export class BackupError extends Error {
  override name = "BackupError";
}

const HEADER = "SQLite format 3\0";
/** Tables every backup of this app has had since its first migration. */
const CORE_TABLES = ["__drizzle_migrations", "users", "mentors", "mentees", "messages"];

export async function backupDatabase(
  sourcePath: string,
  targetPath: string,
  opts: { overwrite?: boolean } = {},
): Promise<number> {
  if (!existsSync(sourcePath)) throw new BackupError(`no database at ${sourcePath}`);
  if (existsSync(targetPath) && !opts.overwrite)
    throw new BackupError(`${targetPath} already exists; choose another file name (or --force)`);
  readHeader(sourcePath);
  if (opts.overwrite)
    for (const f of [targetPath, `${targetPath}-wal`, `${targetPath}-shm`]) rmSync(f, { force: true });
  const src = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const result = await src.backup(targetPath);
    return result.totalPages;
  } finally {
    src.close();
  }
}

function readHeader(path: string): Buffer {
  const size = statSync(path).size;
  if (size === 0) throw new BackupError(`${path} is empty (0 bytes): not a backup`);
  const header = Buffer.alloc(100);
  const fd = openSync(path, "r");
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString("latin1", 0, 16) !== HEADER) throw new BackupError(`${path} is not an SQLite database`);
  if (size < 100) throw new BackupError(`${path} is truncated (${size} bytes)`);
  return header;
}

/** The migrations this code knows, oldest first (drizzle records each by its folder time `when`). */
function codeMigrations(): { when: number; tag: string }[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  return journal.entries;
}

export type BackupSummary = { migrations: number; users: number; pages: number };

/** Checks that `path` is a sound backup of this app that this code can run; throws a one-line BackupError if not. */
export function inspectBackup(path: string): BackupSummary {
  if (!existsSync(path)) throw new BackupError(`no file at ${path}`);
  const header = readHeader(path);
  // The page count in the header is valid when "version-valid-for" equals the change counter (SQLite ≥ 3.7.0).
  const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  const size = statSync(path).size;
  if (header.readUInt32BE(92) === header.readUInt32BE(24) && pageCount > 0 && size < pageSize * pageCount) {
    throw new BackupError(`${path} is truncated (${size} of ${pageSize * pageCount} bytes)`);
  }
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${path} cannot be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    let check: unknown;
    try {
      check = db.pragma("integrity_check", { simple: true });
    } catch (e) {
      throw new BackupError(`${path} is damaged: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (check !== "ok") throw new BackupError(`${path} is damaged: ${String(check).split("\n")[0]}`);
    const tables = new Set(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    const missing = CORE_TABLES.filter((t) => !tables.has(t));
    if (missing.length)
      throw new BackupError(
        `${path} is not a Mentorbro database (no ${missing.join(", ")} table${missing.length > 1 ? "s" : ""})`,
      );
    const applied = (
      db.prepare("select created_at as at from __drizzle_migrations order by created_at").all() as { at: number }[]
    ).map((r) => Number(r.at));
    const known = codeMigrations();
    const knownWhen = new Set(known.map((m) => m.when));
    const newer = applied.filter((at) => !knownWhen.has(at));
    if (newer.length) {
      throw new BackupError(
        `${path} comes from a newer version of Mentorbro (${newer.length} migration${newer.length > 1 ? "s" : ""} this code does not know, from ${new Date(Math.max(...newer)).toISOString().slice(0, 10)}); update the code first`,
      );
    }
    const users = (db.prepare("select count(*) as n from users").get() as { n: number }).n;
    if (users === 0) throw new BackupError(`${path} holds no users: not a backup of an installation in use`);
    return { migrations: applied.length, users, pages: pageCount };
  } finally {
    db.close();
  }
}

export type RestoreResult = BackupSummary & { replacedCopy: string | null };

/**
 * Replaces the database at `targetPath` with the backup. Stop the server first. The database it replaces is kept as
 * `<target>.before-restore-<time>.sqlite` beside it (unless there was none).
 */
export async function restoreDatabase(
  backupPath: string,
  targetPath: string,
  at: Date = new Date(),
): Promise<RestoreResult> {
  const summary = inspectBackup(backupPath);
  let replacedCopy: string | null = null;
  if (existsSync(targetPath) && statSync(targetPath).size > 0) {
    replacedCopy = `${targetPath}.before-restore-${at.toISOString().replace(/[:.]/g, "-")}.sqlite`;
    try {
      await backupDatabase(targetPath, replacedCopy);
    } catch {
      // The database being replaced may be damaged (often why one restores): keep its files as they are.
      try {
        copyFileSync(targetPath, replacedCopy);
        if (existsSync(`${targetPath}-wal`)) copyFileSync(`${targetPath}-wal`, `${replacedCopy}-wal`);
      } catch (e) {
        throw new BackupError(
          `could not keep a copy of ${targetPath} before replacing it (${e instanceof Error ? e.message : String(e)}); nothing was restored`,
        );
      }
    }
  }
  const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(targetPath);
  } finally {
    backup.close();
  }
  return { ...summary, replacedCopy };
}
