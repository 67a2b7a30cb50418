/**
 * Fixed-window rate limits kept in SQLite, so they hold across server processes. `hit` counts one attempt and
 * answers whether it is within the limit.
 */
import { eq, lt } from "drizzle-orm";
import { db } from "../db.server";
import { rateLimits } from "../../db/schema";
import { now } from "../utils/clock";

export function hit(key: string, limit: number, windowMs: number): boolean {
  const t = now().getTime();
  return db().transaction((tx) => {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
    if (!row || row.resetAt <= t) {
      tx.insert(rateLimits).values({ key, count: 1, resetAt: t + windowMs })
        .onConflictDoUpdate({ target: rateLimits.key, set: { count: 1, resetAt: t + windowMs } }).run();
      if (Math.random() < 0.01) tx.delete(rateLimits).where(lt(rateLimits.resetAt, t)).run();
      return true;
    }
    tx.update(rateLimits).set({ count: row.count + 1 }).where(eq(rateLimits.key, key)).run();
    return row.count + 1 <= limit;
  });
}

export function clearLimit(key: string): void {
  db().delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

export function clientIp(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "local";
}
