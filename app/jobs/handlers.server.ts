/** Every kind of background job and its handler (run in the job worker, a process of its own; app/jobs/worker.ts). */
import type { JobHandler } from "./worker-runtime.server";
import { POOL_RUN_KIND } from "../services/pool-runs.server";
import { runPoolJob } from "../services/pool-run-job.server";
import { REPORT_EXPORT_KIND, runReportExportJob } from "../services/export-jobs.server";
import { DAILY_JOBS_KIND, runDailyJobsHandler } from "./daily.server";
// The daily jobs register themselves with the scheduler's list; the worker runs the one its job names.
import "./retention.server";
import "./volunteers.server";
import "./courses.server";
import "./housekeeping.server";
import "./planned-meetings.server";
import "./match-requests.server";

export const jobHandlers: Record<string, JobHandler> = {
  [POOL_RUN_KIND]: runPoolJob,
  [REPORT_EXPORT_KIND]: runReportExportJob,
  [DAILY_JOBS_KIND]: runDailyJobsHandler,
};
