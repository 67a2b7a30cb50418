import { registerJob } from "../jobs.server";
import { purgeUnverifiedSignups } from "../services/volunteers.server";
import { log } from "../utils/logger.server";

/** Daily: remove sign-ups whose email was never confirmed within 30 days. */
registerJob({
  name: "purge-unverified-signups",
  run: (d) => {
    const removed = purgeUnverifiedSignups(d);
    if (removed) log.info("unverified sign-ups removed", { removed });
  },
});
