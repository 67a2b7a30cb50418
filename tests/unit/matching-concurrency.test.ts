/**
 * 50 coordinators approve 50 different mentees onto one mentor with capacity 1 at the same moment, each in its own
 * thread with its own SQLite connection. Exactly one course may exist afterwards; the other 49 are refused cleanly.
 */
import { describe, expect, it } from "vitest";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { eq } from "drizzle-orm";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import { testDb } from "../support/test-db";
import { matchRefusal } from "../../app/services/match-approval.server";

// The fresh database file of this test file (tests/support/unit-setup.ts), for the job workers to open.
const dbPath = process.env.DATABASE_URL!;

describe("concurrent approvals", () => {
  it("50 at once onto a mentor with one place: exactly one course", async () => {
    const d = db();
    testDb();
    const rng = f.createRng(11);
    const coordinator = f.insertUser(d, { role: "coordinator" });
    const mentor = f.insertMentor(d, rng, [751], {
      status: "approved",
      capacity: 1,
      municipalityCode: 751,
      menteeGenderPreference: "none",
      employer: null,
    });
    const mentees = Array.from({ length: 50 }, () =>
      f.insertMentee(d, rng, 751, {
        status: "waiting",
        mentorGenderPreference: "none",
        currentInternshipEmployer: null,
      }),
    );

    // The workers run the app's own approveMatch, bundled once (better-sqlite3 stays native).
    const bundle = resolve("tests/.tmp", `approve-worker-${process.pid}.bundle.mjs`);
    await build({
      entryPoints: ["tests/unit/approve-worker-entry.ts"],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: bundle,
      external: ["better-sqlite3"],
      logLevel: "error",
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });

    const barrier = new SharedArrayBuffer(8);
    const flag = new Int32Array(barrier);
    const workers = mentees.map(
      (m) =>
        new Worker(resolve("tests/unit/approve-worker.mjs"), {
          workerData: {
            bundle: pathToFileURL(bundle).href,
            dbPath,
            menteeId: m.id,
            mentorId: mentor.id,
            actorId: coordinator.id,
            barrier,
          },
        }),
    );
    const failures: string[] = [];
    const results = workers.map(
      (w) =>
        new Promise<{ ok: boolean; formErrors?: string[] }>((res, rej) => {
          w.once("message", res);
          w.once("error", (e) => {
            failures.push(String(e));
            rej(e);
          });
        }),
    );
    results.forEach((p) => p.catch(() => undefined));
    // All 50 connections open and waiting at the barrier (a worker that failed to start fails the test at once).
    await expect
      .poll(() => (failures.length ? failures[0] : Atomics.load(flag, 1)), { timeout: 110_000, interval: 100 })
      .toBe(50);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
    const out = await Promise.all(results);
    await Promise.all(workers.map((w) => w.terminate()));

    expect(out.filter((r) => r.ok)).toHaveLength(1);
    // The others are refused: by the capacity rule, or (rarely, 50 threads on few cores) told the database was busy.
    const refusals = out.filter((r) => !r.ok).map((r) => r.formErrors?.[0] ?? "");
    expect(refusals).toHaveLength(49);
    const byRule = (e: string) => e.startsWith("matching.errors.rule|");
    expect(refusals.filter((e) => !byRule(e) && e !== matchRefusal("busy"))).toEqual([]);
    expect(refusals.filter(byRule).length).toBeGreaterThan(0);
    expect(d.select().from(schema.courses).where(eq(schema.courses.mentorId, mentor.id)).all()).toHaveLength(1);
    expect(d.select().from(schema.mentees).where(eq(schema.mentees.status, "matched")).all()).toHaveLength(1);
    expect(
      d
        .select()
        .from(schema.messages)
        .all()
        .filter((m) => m.template.startsWith("match_")).length,
    ).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
