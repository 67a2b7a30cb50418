import { registerJob } from "../jobs.server";
import { purgeExpiredLimits } from "../auth/rate-limit.server";
import { log } from "../utils/logger.server";

/** Daily: expired rate-limit windows go (each new window also removes a few, so the table never grows unbounded). */
registerJob({
  name: "housekeeping",
  run: (d) => {
    const limits = purgeExpiredLimits(d);
    if (limits) log.info("expired rate limits purged", { limits });
  },
});
