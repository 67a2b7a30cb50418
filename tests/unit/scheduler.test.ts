/**
 * The daily scheduler (app/jobs.server.ts): a day is done only when its job succeeded; a failed day keeps its error,
 * is shown to admins and is tried again (also on a later day); an interrupted run is taken up again; two processes
 * never run the same day at once.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as schema from "../../db/schema";
import * as jobs from "../../app/jobs.server";
import { setClockOffset } from "../../app/utils/clock";
import { addDays } from "../../app/domain/dates";

process.env.LOG_LEVEL = "silent";

const runs: Record<string, string[]> = {};
let failing = new Set<string>();
/** A job that records the days it ran and throws (with a cause) while its name is in `failing`. */
function testJob(name: string) {
  runs[name] = [];
  jobs.registerJob({
    name,
    run: async (_d, day) => {
      runs[name].push(day);
      await new Promise((r) => setImmediate(r));
      if (failing.has(name)) throw new Error(`${name} broke`, { cause: new Error("SQLITE_BUSY: database is locked") });
    },
  });
}
const row = (job: string, day: string) =>
  db()
    .select()
    .from(schema.jobRuns)
    .where(and(eq(schema.jobRuns.job, job), eq(schema.jobRuns.runKey, day)))
    .get();
const MINUTE = 60_000;

beforeAll(() => {
  testDb();
  testJob("alpha");
  testJob("beta");
});
afterEach(() => setClockOffset(0));

describe("the scheduler", () => {
  it("marks a day done only when the job succeeded, and tries a failed day again after its pause", async () => {
    const day = "2030-01-10";
    failing = new Set(["alpha"]);
    expect(await jobs.runDailyJobs(day)).toEqual(["beta"]);
    expect(row("alpha", day)).toMatchObject({ status: "failed", attempts: 1, finishedAt: null });
    expect(row("alpha", day)!.lastError).toBe("alpha broke ← caused by: SQLITE_BUSY: database is locked");
    expect(row("beta", day)).toMatchObject({ status: "done", lastError: null });
    expect(row("beta", day)!.finishedAt).not.toBeNull();

    // Before the pause is over nothing runs again; beta's done day never runs again.
    expect(await jobs.runDailyJobs(day)).toEqual([]);
    expect(runs.alpha.filter((d) => d === day)).toHaveLength(1);

    // After the pause the failed day runs again; still failing: the pause grows (1, then 5 minutes).
    setClockOffset(2 * MINUTE);
    expect(await jobs.runDailyJobs(day)).toEqual([]);
    expect(row("alpha", day)).toMatchObject({ status: "failed", attempts: 2 });
    const second = Date.parse(row("alpha", day)!.nextAttemptAt!) - Date.now();
    expect(second).toBeGreaterThan(6 * MINUTE);
    expect(second).toBeLessThanOrEqual(7 * MINUTE + 1000);

    // Fixed: the next try succeeds, the error goes, and the day is done for good.
    failing = new Set();
    setClockOffset(8 * MINUTE);
    expect(await jobs.runDailyJobs(day)).toEqual(["alpha"]);
    expect(row("alpha", day)).toMatchObject({ status: "done", attempts: 3, lastError: null, nextAttemptAt: null });
    expect(runs.alpha.filter((d) => d === day)).toHaveLength(3);
    expect(runs.beta.filter((d) => d === day)).toHaveLength(1);
  });

  it("tries yesterday's failed day again on today's run, and shows the admins what failed", async () => {
    const yesterday = "2030-02-01";
    const day = addDays(yesterday, 1);
    failing = new Set(["beta"]);
    await jobs.runDailyJobs(yesterday);
    expect(row("beta", yesterday)!.status).toBe("failed");
    const overview = jobs.jobOverview(db(), yesterday).find((j) => j.job === "beta")!;
    expect(overview).toMatchObject({
      status: "failed",
      lastDay: yesterday,
      lastError: expect.stringContaining("beta broke"),
      failedDays: [yesterday],
    });
    expect(overview.lastSuccessDay).toBe("2030-01-10");
    expect(jobs.failedJobDays(db(), yesterday)).toBe(1);

    failing = new Set();
    setClockOffset(2 * MINUTE);
    // alpha's day, then beta's failed yesterday and beta's day.
    expect(await jobs.runDailyJobs(day)).toEqual(["alpha", "beta", "beta"]);
    expect(row("beta", yesterday)!.status).toBe("done");
    expect(row("beta", day)!.status).toBe("done");
    expect(jobs.failedJobDays(db(), day)).toBe(0);
  });

  it("takes up a run that was interrupted (its lease passed), and never one another process holds", async () => {
    const day = "2030-03-01";
    const at = new Date().toISOString();
    db()
      .insert(schema.jobRuns)
      .values({
        job: "alpha",
        runKey: day,
        status: "running",
        startedAt: at,
        leaseUntil: new Date(Date.now() + jobs.LEASE_MS).toISOString(),
      })
      .run();
    expect(await jobs.runDailyJobs(day)).toEqual(["beta"]);
    expect(row("alpha", day)!.status).toBe("running");
    setClockOffset(jobs.LEASE_MS + MINUTE);
    expect(await jobs.runDailyJobs(day)).toEqual(["alpha"]);
    expect(row("alpha", day)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("runs a day once when two ticks overlap", async () => {
    const day = "2030-04-01";
    const [a, b] = await Promise.all([jobs.runDailyJobs(day), jobs.runDailyJobs(day)]);
    expect([...a, ...b].sort()).toEqual(["alpha", "beta"]);
    expect(runs.alpha.filter((d) => d === day)).toHaveLength(1);
  });
});
