import { registerJob } from "../jobs.server";
import { purgeExpiredLimits } from "../auth/rate-limit.server";
import { optimizeDatabase } from "../../db/client";
import { log } from "../utils/logger.server";

/**
 * Daily: expired rate-limit windows go (each new window also removes a few, so the table never grows unbounded), and
 * SQLite refreshes its statistics where the tables changed enough (`PRAGMA optimize`), so the planner keeps choosing
 * the indexes as the programme grows.
 */
registerJob({
  name: "housekeeping",
  run: (d) => {
    const limits = purgeExpiredLimits(d);
    if (limits) log.info("expired rate limits purged", { limits });
    optimizeDatabase(d);
  },
});
