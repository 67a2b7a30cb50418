import { registerJob } from "../jobs.server";
import { applyRetention } from "../services/retention.server";
import { log } from "../utils/logger.server";

/**
 * Daily: anonymise people past the retention period (anonymous course, hours and outcomes remain), in chunks of
 * RETENTION_CHUNK people with a pause for the event loop between them.
 */
registerJob({
  name: "retention",
  run: async (d, day) => {
    const result = await applyRetention(day, d);
    if (result.mentees || result.mentors) log.info("retention applied", { day, ...result });
  },
});
