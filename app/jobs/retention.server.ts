import { registerJob } from "../jobs.server";
import { applyRetention } from "../services/privacy.server";
import { log } from "../utils/logger.server";

/** Daily: anonymise people past the retention period (anonymous course, hours and outcomes remain). */
registerJob({
  name: "retention",
  run: (d, day) => {
    const result = applyRetention(day, d);
    if (result.mentees || result.mentors) log.info("retention applied", { day, ...result });
  },
});
