/**
 * The worker the background-job test bundles: the app's own handlers plus a few that misbehave on purpose (a crash
 * outside the handler, an error, a job that runs until it is stopped).
 */
import { workerData } from "node:worker_threads";
import { runWorker } from "../../app/jobs/worker-runtime.server";
import { jobHandlers } from "../../app/jobs/handlers.server";
import type { WorkerData } from "../../app/jobs/background.server";

await runWorker(workerData as WorkerData, {
  ...jobHandlers,
  // An uncaught error outside the handler's call: the thread dies.
  test_crash: () => new Promise<void>(() => { setTimeout(() => { throw new Error("boom in the worker"); }, 10); }),
  test_throw: () => { throw new Error("the handler refused"); },
  // Runs until it is terminated, telling its progress.
  test_wait: ({ progress }) => new Promise<void>(() => {
    let n = 0;
    setInterval(() => progress({ stage: "scoring", done: ++n, total: 1000 }), 20);
  }),
});
