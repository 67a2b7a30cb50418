import { sql } from "drizzle-orm";
import { db } from "../db.server";

/** Liveness and database check for load balancers and monitoring. No personal data. */
export async function loader() {
  let database = "ok";
  try {
    db().get(sql`select 1`);
  } catch {
    database = "error";
  }
  return Response.json(
    { status: database === "ok" ? "ok" : "degraded", database },
    { status: database === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
