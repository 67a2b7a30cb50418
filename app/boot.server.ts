/**
 * Process start: validate configuration (stop with every problem named), migrate, apply reference data, seed the demo
 * into an empty database, start the background work. server.mjs calls `boot` before it listens.
 */
import { config, ConfigError } from "./config.server";
import { closeDb, db } from "./db.server";
import { applyReferenceData } from "../db/reference";
import { optimizeDatabase } from "../db/client";
import { checkpointInBackground } from "../db/checkpoint";
import { AUDIT_DRAIN } from "../db/queue-drain";
import { demoLogins, isDatabaseEmpty, seedDemo } from "../db/seed/demo";
import { startSenderLoop } from "./messaging/outbox-sender.server";
import { setDailyJobRunner, startBackgroundJobs } from "./jobs.server";
import { runDailyJobsInWorker } from "./jobs/daily.server";
import { startJobRunner } from "./jobs/background.server";
import "./jobs/retention.server";
import "./jobs/volunteers.server";
import "./jobs/courses.server";
import "./jobs/housekeeping.server";
import "./jobs/planned-meetings.server";
import "./jobs/match-requests.server";
import { log } from "./utils/logger.server";
import { setClockOffset } from "./utils/clock";

let stops: (() => void | Promise<void>)[] = [];

/**
 * `backgroundWork: false` is for the second and later processes of a server with several (WEB_CONCURRENCY,
 * docs/decisions/022): they only answer requests; process 0 seeds and runs the job runner, sender and scheduler.
 */
export async function boot(opts: { backgroundWork?: boolean } = {}) {
  const backgroundWork = opts.backgroundWork ?? true;
  let c;
  try {
    c = config();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  if (c.ALLOW_TEST_CLOCK && process.env.TEST_CLOCK_OFFSET_MS) setClockOffset(Number(process.env.TEST_CLOCK_OFFSET_MS));
  const d = db();
  applyReferenceData(d);
  if (backgroundWork && c.SEED_DEMO && isDatabaseEmpty(d)) {
    log.info("seeding demo data");
    await seedDemo(d);
  }
  // Fresh statistics for the query planner (docs/decisions/014); the housekeeping job repeats it daily.
  optimizeDatabase(d, true);
  // Every server process: its commits no longer wait for the log to be copied into the file (docs/decisions/025), and
  // the access log's rows are moved into place off the request path (026).
  stops.push(
    checkpointInBackground(d, {
      drains: [AUDIT_DRAIN],
      onFailure: (cause) => log.warn("the checkpoint thread stopped; commits checkpoint the log again", { cause }),
    }),
  );
  if (!backgroundWork) return { ...serverInfo(c), logins: [] };
  // Long work (whole-pool runs, report exports, the daily jobs) runs in job workers (processes of their own); runs a
  // stopped process left are failed first.
  stops.push(startJobRunner({ maxWorkers: c.JOB_WORKERS }));
  // The daily jobs' days run in the worker too (the scheduler claims and retries them here). The outbox sender stays
  // on this thread: it waits on providers, not on the CPU, and its claims and leases are short statements.
  setDailyJobRunner(runDailyJobsInWorker);
  stops.push(() => setDailyJobRunner(null));
  if (c.BACKGROUND_JOBS) {
    stops.push(startSenderLoop(c.OUTBOX_INTERVAL_MS));
    stops.push(startBackgroundJobs());
  }
  return { ...serverInfo(c), logins: demoLogins(d) };
}

function serverInfo(c: ReturnType<typeof config>) {
  return {
    port: c.PORT,
    host: c.HOST,
    appUrl: c.APP_URL,
    trustProxy: c.TRUST_PROXY,
    https: c.HTTPS,
    eventLoopStats: c.EVENT_LOOP_STATS,
  };
}

/** Stops the background work (the sender lets a send in progress finish and gives back unsent claims), then closes the database. */
export async function shutdown() {
  const pending = stops;
  stops = [];
  await Promise.all(pending.map((stop) => stop()));
  closeDb();
}
