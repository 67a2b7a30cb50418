/**
 * The background-job mechanism (issue 17) with real worker processes: a whole-pool run from start to its saved result,
 * a worker that crashes, a handler that throws, cancelling, one run per scope, and runs a dead process left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fork } from "node:child_process";
import { hostname } from "node:os";
import { resolve } from "node:path";
import { and, eq } from "drizzle-orm";

import { db } from "../../app/db.server";
import { config } from "../../app/config.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as jobs from "../../app/jobs/background.server";
import * as pool from "../../app/services/pool-runs.server";
import { buildWorker } from "../../scripts/build-worker.mjs";
import { testDb } from "../support/test-db";

const d = db();
let stop: () => Promise<void>;
let workerFile: string;
const status = (id: number) => jobs.jobById(id, d)!.status;
const settled = async (id: number) => {
  await expect
    .poll(() => ["done", "failed", "cancelled"].includes(status(id)) && !jobs.isRunningHere(id), {
      timeout: 60_000,
      interval: 50,
    })
    .toBe(true);
  return jobs.jobById(id, d)!;
};
const submit = (kind: string, scopeKey = "country") =>
  jobs.submitJob({ kind, scopeKey, params: {}, requestedBy: null }, d);

beforeAll(async () => {
  testDb();
  workerFile = resolve("tests/.tmp", `jobs-worker-${process.pid}.mjs`);
  await buildWorker({ entry: "tests/unit/jobs-worker-entry.ts", outfile: workerFile });
  // A run that a process on this host left behind (its pid is gone), and one of another host whose heartbeat is stale.
  const old = new Date(Date.now() - 10 * 60_000).toISOString();
  d.insert(schema.backgroundJobs)
    .values([
      {
        kind: "test_wait",
        scopeKey: "died-here",
        params: {},
        status: "running",
        owner: `${hostname()}:999999999`,
        heartbeatAt: new Date().toISOString(),
      },
      {
        kind: "test_wait",
        scopeKey: "died-elsewhere",
        params: {},
        status: "running",
        owner: "another-host:42",
        heartbeatAt: old,
      },
      {
        kind: "test_wait",
        scopeKey: "alive-elsewhere",
        params: {},
        status: "running",
        owner: "another-host:43",
        heartbeatAt: new Date().toISOString(),
      },
    ])
    .run();
  stop = jobs.startJobRunner({ workerFile, d });
}, 120_000);

afterAll(async () => {
  await stop?.();
});

// Workers are processes of their own and a job may wait on them for a while on a loaded machine: the polls below
// give up after 30-60 s, so the tests may take as long.
describe("background jobs", { timeout: 90_000 }, () => {
  it("fails at start the runs whose process died, and leaves a live process's run alone", () => {
    const byScope = (s: string) =>
      d.select().from(schema.backgroundJobs).where(eq(schema.backgroundJobs.scopeKey, s)).get()!;
    expect(byScope("died-here")).toMatchObject({ status: "failed", error: expect.stringMatching(/interrupted/) });
    expect(byScope("died-elsewhere").status).toBe("failed");
    expect(byScope("alive-elsewhere").status).toBe("running");
    d.update(schema.backgroundJobs)
      .set({ status: "failed" })
      .where(eq(schema.backgroundJobs.scopeKey, "alive-elsewhere"))
      .run();
  });

  it("marks a job failed when its worker crashes, with the error", async () => {
    const r = submit("test_crash");
    expect(r.ok).toBe(true);
    const job = await settled(r.jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toContain("boom in the worker");
    expect(job.finishedAt).not.toBeNull();
  });

  it("marks a job failed when its handler throws", async () => {
    const r = submit("test_throw");
    const job = await settled(r.jobId);
    expect(job).toMatchObject({ status: "failed", error: "the handler refused" });
  });

  it("a worker whose server is gone (its channel closed) stops instead of running on", async () => {
    // A run of another host with a fresh heartbeat, as a server that just started it: without the heartbeat this
    // process's runner would fail it at its next beat (every 2 s), and the worker would never make progress.
    const row = d
      .insert(schema.backgroundJobs)
      .values({
        kind: "test_wait",
        scopeKey: "orphan",
        params: {},
        status: "running",
        owner: "gone:1",
        heartbeatAt: new Date().toISOString(),
      })
      .returning()
      .get();
    const data = { jobId: row.id, databaseUrl: config().DATABASE_URL, clockOffsetMs: 0 };
    const child = fork(workerFile, [JSON.stringify(data)], { serialization: "json" });
    await expect
      .poll(() => jobs.jobById(row.id, d)!.progress?.done ?? 0, { timeout: 30_000, interval: 50 })
      .toBeGreaterThan(0);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.disconnect();
    expect(await exited).toBe(1);
    d.update(schema.backgroundJobs).set({ status: "failed" }).where(eq(schema.backgroundJobs.id, row.id)).run();
  });

  it("refuses a second run for the same scope while one is queued or running; cancel stops it", async () => {
    const first = submit("test_wait", "region:1084");
    expect(first.ok).toBe(true);
    await expect
      .poll(() => jobs.jobById(first.jobId, d)!.progress?.done ?? 0, { timeout: 30_000, interval: 50 })
      .toBeGreaterThan(0);
    expect(jobs.jobById(first.jobId, d)!.progress?.stage).toBe("scoring");
    const second = submit("test_wait", "region:1084");
    expect(second).toEqual({ ok: false, error: "busy", jobId: first.jobId });
    // Another scope may queue meanwhile (it waits for the one worker).
    const other = submit("test_wait", "region:1085");
    expect(other.ok).toBe(true);
    expect(status(other.jobId)).toBe("queued");
    expect(jobs.cancelJob(other.jobId, null, d)).toEqual({ ok: true });
    expect(status(other.jobId)).toBe("cancelled");

    expect(jobs.cancelJob(first.jobId, null, d)).toEqual({ ok: true });
    const job = await settled(first.jobId);
    expect(job.status).toBe("cancelled");
    expect(jobs.cancelJob(first.jobId, null, d)).toEqual({ ok: false, error: "finished" });
    // The scope is free again.
    const third = submit("test_throw", "region:1084");
    expect(third.ok).toBe(true);
    await settled(third.jobId);
  });

  it("runs a whole-pool matching in the worker: pairs saved with their industry flag, a summary, approval from the result", async () => {
    const rng = f.createRng(17);
    const coordinator = f.insertUser(d, { role: "coordinator" });
    const base = {
      status: "approved" as const,
      capacity: 1,
      menteeGenderPreference: "none" as const,
      employer: null,
      municipalityCode: 751,
      travelKm: 25,
    };
    const m1 = f.insertMentor(d, rng, [751], { ...base, industryCode: "41", networkIndustryCodes: [] });
    const m2 = f.insertMentor(d, rng, [751], { ...base, industryCode: "86", networkIndustryCodes: [] });
    const menteeBase = {
      status: "waiting" as const,
      mentorGenderPreference: "none" as const,
      currentInternshipEmployer: null,
    };
    const e1 = f.insertMentee(d, rng, 751, { ...menteeBase, wishedIndustryCodes: ["41"] });
    const e2 = f.insertMentee(d, rng, 751, { ...menteeBase, wishedIndustryCodes: ["10"] });
    const e3 = f.insertMentee(d, rng, 751, { ...menteeBase, wishedIndustryCodes: ["41"] });

    const r = pool.startPoolRun(
      { scope: { area: "municipality", municipality: 751, section: null }, mode: "most_matched" },
      { id: coordinator.id, role: "coordinator" },
      d,
    );
    expect(r.ok).toBe(true);
    const job = await settled(r.jobId);
    expect(job.error).toBeNull();
    expect(job.status).toBe("done");
    expect(job.weightsVersion).toBe(1);
    const summary = job.summary as import("../../app/services/pool-runs.server").PoolRunSummary;
    expect(summary).toMatchObject({
      waiting: 3,
      pairs: 2,
      industryPairs: 1,
      otherPairs: 1,
      unmatched: 1,
      unmatchedByReason: { mentors_taken: 1 },
    });
    const industry = pool.poolRunPairsPage(r.jobId, true, 1, "score_desc", d);
    const other = pool.poolRunPairsPage(r.jobId, false, 1, "score_desc", d);
    expect(industry.total).toBe(1);
    expect(industry.rows[0]).toMatchObject({ mentorId: m1.id, sharedIndustry: true });
    expect([e1.id, e3.id]).toContain(industry.rows[0].menteeId);
    expect(other.rows[0]).toMatchObject({ mentorId: m2.id, sharedIndustry: false });
    const otherMentee = other.rows[0].menteeId;
    expect([e1.id, e2.id, e3.id]).toContain(otherMentee);
    expect(pool.poolRunUnmatchedPage(r.jobId, 1, d).rows.map((u) => u.reason)).toEqual(["mentors_taken"]);

    // Approving from a run never takes a pair without a shared industry, alone or in bulk (it needs a reason on the
    // candidates page); an approved pair asks its mentor (issue 19).
    const actor = { id: coordinator.id, role: "coordinator" };
    expect(pool.approveFromRun(r.jobId, [otherMentee], actor, d)).toEqual({ approved: 0, failed: 0 });
    expect(pool.approveFromRun(r.jobId, [industry.rows[0].menteeId, otherMentee], actor, d)).toEqual({
      approved: 1,
      failed: 0,
    });
    const approvedRow = d
      .select()
      .from(schema.poolRunPairs)
      .where(and(eq(schema.poolRunPairs.jobId, r.jobId), eq(schema.poolRunPairs.menteeId, industry.rows[0].menteeId)))
      .get()!;
    const request = d
      .select()
      .from(schema.matchRequests)
      .where(eq(schema.matchRequests.id, approvedRow.requestId!))
      .get()!;
    expect(request).toMatchObject({ menteeId: industry.rows[0].menteeId, mentorId: m1.id, status: "requested" });
    expect(pool.approveFromRun(r.jobId, [otherMentee], actor, d)).toEqual({ approved: 0, failed: 0 });
    // Approved pairs are not approved twice.
    expect(pool.approveFromRun(r.jobId, [industry.rows[0].menteeId], actor, d)).toEqual({ approved: 0, failed: 0 });
  });
});
