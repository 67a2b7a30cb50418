/**
 * Databases in files of their own, for tests of what an in-memory database does not have (a write-ahead log, a second
 * connection): each test's databases are closed and their folder deleted after it.
 */
import { afterEach } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDb, type Db } from "./client";

/** Call at the top of a test file; the function it returns opens a new database file (`prefix` names its folder). */
export function tempFileDbs(prefix: string): () => { d: Db; path: string } {
  const dirs: string[] = [];
  const opened: Db[] = [];
  afterEach(() => {
    for (const d of opened.splice(0)) if (d.$client.open) d.$client.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    const path = join(dir, "app.sqlite");
    const d = openDb(path);
    opened.push(d);
    return { d, path };
  };
}
