/**
 * Online backup and restore with SQLite's backup API (better-sqlite3 `backup`): consistent even while the app writes.
 * Restore checks the backup's integrity first and writes through the backup API too, so WAL files stay coherent.
 */
import Database from "better-sqlite3";
import { existsSync } from "node:fs";

export async function backupDatabase(sourcePath: string, targetPath: string): Promise<number> {
  const src = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const result = await src.backup(targetPath);
    return result.totalPages;
  } finally {
    src.close();
  }
}

export async function restoreDatabase(backupPath: string, targetPath: string): Promise<void> {
  if (!existsSync(backupPath)) throw new Error(`No backup at ${backupPath}`);
  const backup = new Database(backupPath, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`Backup failed the integrity check: ${String(check)}`);
    await backup.backup(targetPath);
  } finally {
    backup.close();
  }
}
