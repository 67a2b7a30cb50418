/** Every kind of background job and its handler (run in the worker thread; app/jobs/worker.ts). */
import type { JobHandler } from "./worker-runtime.server";
import { POOL_RUN_KIND, runPoolJob } from "../services/pool-runs.server";

export const jobHandlers: Record<string, JobHandler> = {
  [POOL_RUN_KIND]: runPoolJob,
};
