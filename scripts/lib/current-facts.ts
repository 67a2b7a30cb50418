/**
 * The benchmarks' copy of the scale database as the server finds it once the day's course job has run: every course's
 * facts current for today. The server measured runs without background work (`BACKGROUND_JOBS=false`), and a course's
 * facts turn stale at midnight; without this the first page that reads them after midnight computes the day's stale
 * rows 200 at a time (a couple of seconds of CPU in all, at national scale), which is the course job's work, not the
 * page's. Run after the server has migrated the copy; the server's page caches see the change through their stamps.
 */
import { openDb } from "../../db/client";
import { refreshStaleFacts } from "../../app/services/course-facts.server";
import { today } from "../../app/utils/clock";

export async function makeFactsCurrent(path: string): Promise<{ rows: number; ms: number }> {
  const t0 = performance.now();
  const d = openDb(path);
  try {
    const rows = await refreshStaleFacts(d, today());
    return { rows, ms: Math.round(performance.now() - t0) };
  } finally {
    d.$client.close();
  }
}
