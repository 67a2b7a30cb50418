/**
 * The worker thread's entry (bundled to build/jobs-worker.js by scripts/build-worker.mjs): runs the one job it was
 * started for with the handler of its kind.
 */
import { workerData } from "node:worker_threads";
import { runWorker } from "./worker-runtime.server";
import { jobHandlers } from "./handlers.server";
import type { WorkerData } from "./background.server";

await runWorker(workerData as WorkerData, jobHandlers);
