/**
 * The in-process scheduler. Jobs register here; each run is keyed (job, day) in `job_runs`, so a day's run happens
 * once even with several server processes or a restart.
 */
import { jobRuns } from "../db/schema";
import { db, type Db } from "./db.server";
import { today } from "./utils/clock";
import { log } from "./utils/logger.server";

export type Job = { name: string; run: (d: Db, day: string) => Promise<void> | void };
const jobs: Job[] = [];

export function registerJob(job: Job): void {
  if (!jobs.some((j) => j.name === job.name)) jobs.push(job);
}

/** Runs every registered job for `day` unless it already ran. Returns the names that ran. */
export async function runDailyJobs(day: string = today(), d: Db = db()): Promise<string[]> {
  const ran: string[] = [];
  for (const job of jobs) {
    const claimed = d.insert(jobRuns).values({ job: job.name, runKey: day }).onConflictDoNothing().run().changes === 1;
    if (!claimed) continue;
    try {
      await job.run(d, day);
      ran.push(job.name);
    } catch (e) {
      log.error("job failed", { job: job.name, day, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return ran;
}

export function startBackgroundJobs(intervalMs = 60_000): () => void {
  const tick = () => void runDailyJobs().catch((e) => log.error("scheduler tick failed", { error: String(e) }));
  const first = setTimeout(tick, 1_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return () => { clearTimeout(first); clearInterval(timer); };
}
