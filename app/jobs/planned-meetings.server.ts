/**
 * Daily work for planned meetings (issue 21): the reminders whose day has come (queued with the instant they may go
 * out: the day before at 17:00 Copenhagen, within the SMS hours) and the prompt to the mentor to log a meeting that
 * passed. Bounded chunks (app/services/planned-meeting-jobs.server.ts); every message has a stable idempotency key, so a
 * re-run, a missed day caught up, or two processes racing never send anything twice.
 */
import { registerJob } from "../jobs.server";
import { runPlannedMeetingJobs } from "../services/planned-meeting-jobs.server";
import { log } from "../utils/logger.server";

registerJob({
  name: "planned_meetings",
  run: (d, day) => {
    const r = runPlannedMeetingJobs(d, day);
    if (r.reminders || r.prompts) log.info("planned meeting messages queued", { day, ...r });
  },
});
