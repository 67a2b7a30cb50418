/**
 * Fixed-window rate limits kept in SQLite, so they hold across server processes. `hit` counts one attempt and
 * answers whether it is within the limit; `refund` gives the attempt back when it succeeded, so only failures add up
 * (an office of caseworkers behind one address can all log in) while parallel attempts are still counted before the
 * slow password check ends. Every new window deletes a few expired rows, so the table stays about as large as the
 * number of live windows (no random chance involved); the daily job purges whatever is left.
 */
import { and, eq, gt, lte, sql } from "drizzle-orm";
import { transaction } from "../services/kernel.server";
import { db, type Db } from "../db.server";
import { rateLimits } from "../../db/schema";
import { now } from "../utils/clock";

/** Expired rows removed each time a window starts: more than the one row it adds, so expired rows cannot pile up. */
const PURGE_PER_WINDOW = 3;

export function hit(key: string, limit: number, windowMs: number): boolean {
  const t = now().getTime();
  return transaction((tx) => {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
    if (!row || row.resetAt <= t) {
      tx.insert(rateLimits)
        .values({ key, count: 1, resetAt: t + windowMs })
        .onConflictDoUpdate({ target: rateLimits.key, set: { count: 1, resetAt: t + windowMs } })
        .run();
      tx.delete(rateLimits)
        .where(
          sql`${rateLimits.key} in (select ${rateLimits.key} from ${rateLimits} where ${rateLimits.resetAt} <= ${t} limit ${PURGE_PER_WINDOW})`,
        )
        .run();
      return true;
    }
    tx.update(rateLimits)
      .set({ count: row.count + 1 })
      .where(eq(rateLimits.key, key))
      .run();
    return row.count + 1 <= limit;
  });
}

/** Gives back one counted attempt of a window still running (the attempt succeeded). */
export function refund(key: string): void {
  db()
    .update(rateLimits)
    .set({ count: sql`max(0, ${rateLimits.count} - 1)` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now().getTime())))
    .run();
}

export function clearLimit(key: string): void {
  db().delete(rateLimits).where(eq(rateLimits.key, key)).run();
}

/** Deletes every expired window (the daily job); returns how many. */
export function purgeExpiredLimits(d: Db = db()): number {
  return d.delete(rateLimits).where(lte(rateLimits.resetAt, now().getTime())).run().changes;
}
