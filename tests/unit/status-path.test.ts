/**
 * Decision 021: `changeStatus` (app/services/status.server.ts) is the one way a status history row is written. This
 * reads the source and fails when any other module under app/ or db/ inserts into or updates `status_changes`; the
 * national-scale seed's bulk history is the one named exception (db/seed/scale/context.ts).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..");
const allowed = new Set(["app/services/status.server.ts", "db/seed/scale/context.ts"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "migrations" ? [] : sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("one status-change path", () => {
  it("no module but the status path writes status_changes", () => {
    const writers = [...sources(join(root, "app")), ...sources(join(root, "db"))]
      .map((path) => ({ path: relative(root, path).split("\\").join("/"), text: readFileSync(path, "utf8") }))
      .filter(({ text }) =>
        /(insert|update)\(\s*(schema\.)?statusChanges\b|(insert into|update)\s+[`"]?status_changes/i.test(text),
      )
      .map(({ path }) => path)
      .filter((path) => !allowed.has(path));
    expect(writers).toEqual([]);
  });

  it("the check finds a writer (it can fail)", () => {
    const sample = "tx.insert(statusChanges).values({ entityType: 'mentor' }).run();";
    expect(/(insert|update)\(\s*(schema\.)?statusChanges\b/.test(sample)).toBe(true);
  });
});
