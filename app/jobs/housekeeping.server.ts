import { registerJob } from "../jobs.server";
import { purgeExpiredLimits } from "../auth/rate-limit.server";
import { optimizeDatabase } from "../../db/client";
import { log } from "../utils/logger.server";
import { deleteFinishedJobs } from "./background.server";
import { now } from "../utils/clock";
import { deleteExpiredExports } from "../services/export-jobs.server";

/** Finished background jobs (and a whole-pool run's proposed pairs with them) are kept this many days. */
export const FINISHED_JOBS_KEPT_DAYS = 90;

/**
 * Daily: expired rate-limit windows go (each new window also removes a few, so the table never grows unbounded), and
 * SQLite refreshes its statistics where the tables changed enough (`PRAGMA optimize`), so the planner keeps choosing
 * the indexes as the programme grows. Background jobs finished more than FINISHED_JOBS_KEPT_DAYS ago go with their
 * results (a whole-pool run's pairs and unmatched citizens). Report export files go after EXPORT_FILES_KEPT_HOURS.
 */
registerJob({
  name: "housekeeping",
  run: (d) => {
    const limits = purgeExpiredLimits(d);
    if (limits) log.info("expired rate limits purged", { limits });
    const jobs = deleteFinishedJobs(new Date(now().getTime() - FINISHED_JOBS_KEPT_DAYS * 86_400_000).toISOString(), d);
    if (jobs) log.info("finished background jobs deleted", { jobs });
    const files = deleteExpiredExports(d);
    if (files) log.info("expired export files deleted", { files });
    optimizeDatabase(d);
  },
});
