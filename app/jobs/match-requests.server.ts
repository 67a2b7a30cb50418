import { registerJob } from "../jobs.server";
import { expireOverdue } from "../services/match-requests.server";
import { log } from "../utils/logger.server";

/**
 * Daily: match requests whose answer deadline passed expire (issue 19). The citizen stays in the queue with the pair
 * excluded from future proposals, and the coordinator who asked is told.
 */
registerJob({
  name: "expire-match-requests",
  run: (d) => {
    const expired = expireOverdue(d);
    if (expired) log.info("match requests expired", { expired });
  },
});
