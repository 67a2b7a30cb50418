/**
 * Test only (ALLOW_TEST_CLOCK=true, refused in production by the config): lets a browser test move the server's clock
 * and run the daily jobs for the (moved) day. POST `days` (offset from real time, in days) and optionally `run=1`.
 * Answers 404 when the test clock is not allowed, so it does not exist in real deployments.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { config } from "../config.server";
import { notFound } from "../auth/guards.server";
import { getClockOffset, setClockOffset, today } from "../utils/clock";
import { runDailyJobs } from "../jobs.server";

const DAY_MS = 86_400_000;

export async function loader(_: LoaderFunctionArgs) {
  if (!config().ALLOW_TEST_CLOCK) throw notFound();
  return Response.json({ today: today(), offsetDays: getClockOffset() / DAY_MS });
}

export async function action({ request }: ActionFunctionArgs) {
  if (!config().ALLOW_TEST_CLOCK) throw notFound();
  const form = await request.formData();
  const raw = form.get("days");
  if (raw != null && raw !== "") {
    const days = Number(raw);
    if (!Number.isFinite(days) || Math.abs(days) > 3650)
      return Response.json({ error: "days must be a number of days within ten years" }, { status: 400 });
    setClockOffset(Math.round(days * DAY_MS));
  }
  const run = form.get("run") === "1" || form.get("run") === "true";
  const ran = run ? await runDailyJobs(today()) : [];
  return Response.json({ today: today(), offsetDays: getClockOffset() / DAY_MS, ran });
}
