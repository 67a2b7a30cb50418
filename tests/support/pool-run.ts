/**
 * A whole-pool run's handler in the test's own process, on the process-wide database (the worker thread itself is
 * tested in tests/unit/background-jobs.test.ts). Returns the saved pairs and the run's summary.
 */
import { eq } from "drizzle-orm";
import { backgroundJobs, poolRunPairs } from "../../db/schema";
import { db } from "../../app/db.server";
import { POOL_RUN_KIND, type PoolRunSummary } from "../../app/services/pool-runs.server";
import { runPoolJob } from "../../app/services/pool-run-job.server";

export function runPoolHere(mode: "best_score" | "most_matched", scope = "country") {
  const job = db()
    .insert(backgroundJobs)
    .values({
      kind: POOL_RUN_KIND,
      scopeKey: `test-${mode}-${Date.now()}-${Math.random()}`,
      params: { scope, mode },
      status: "running",
    })
    .returning()
    .get();
  runPoolJob({
    d: db(),
    job,
    progress: () => undefined,
    complete: (t, summary) => {
      t.update(backgroundJobs).set({ status: "done", summary }).where(eq(backgroundJobs.id, job.id)).run();
    },
  });
  const pairs = db().select().from(poolRunPairs).where(eq(poolRunPairs.jobId, job.id)).all();
  return {
    pairs,
    summary: db().select().from(backgroundJobs).where(eq(backgroundJobs.id, job.id)).get()!.summary as PoolRunSummary,
  };
}
