/**
 * The worker the background-job test bundles: the app's own handlers plus a few that misbehave on purpose (a crash
 * outside the handler, an error, a job that runs until it is stopped).
 */
import { readlinkSync } from "node:fs";
import { getPriority } from "node:os";
import { runWorker, workerDataFromArgs } from "../../app/jobs/worker-runtime.server";
import { jobHandlers } from "../../app/jobs/handlers.server";
import { registerJob } from "../../app/jobs.server";

// A daily job that always fails (the scheduler test registers the same name on its side).
registerJob({
  name: "test_daily_fail",
  run: () => {
    throw new Error("the daily job broke in the worker");
  },
});

await runWorker(workerDataFromArgs(), {
  ...jobHandlers,
  // An uncaught error outside the handler's call: the worker dies.
  test_crash: () =>
    new Promise<void>(() => {
      setTimeout(() => {
        throw new Error("boom in the worker");
      }, 10);
    }),
  test_throw: () => {
    throw new Error("the handler refused");
  },
  // Tells the worker's nice value (Linux), which the runtime lowered before the handler ran.
  test_priority: ({ d, complete }) => {
    let nice: number | null = null;
    try {
      nice = getPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()));
    } catch {
      /* not Linux */
    }
    complete(d, { nice, pid: process.pid });
  },
  // Runs until it is terminated, telling its progress.
  test_wait: ({ progress }) =>
    new Promise<void>(() => {
      let n = 0;
      setInterval(() => progress({ stage: "scoring", done: ++n, total: 1000 }), 20);
    }),
});
