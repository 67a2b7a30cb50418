/**
 * The job worker's entry (bundled to build/jobs-worker.js by scripts/build-worker.mjs; the runner forks a process on
 * it): runs the one job it was started for with the handler of its kind.
 */
import { runWorker, workerDataFromArgs } from "./worker-runtime.server";
import { jobHandlers } from "./handlers.server";

await runWorker(workerDataFromArgs(), jobHandlers);
