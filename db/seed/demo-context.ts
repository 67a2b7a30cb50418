/** What the demo seed's parts share: the transaction, the random streams, today, the partners and the staff. */
import type { Db } from "../client";
import type { Rng } from "../factories";

export type DemoCtx = {
  t: Db;
  rng: Rng;
  /** The surveys' own random stream (adding them left the rest of the demo as it was). */
  srng: Rng;
  now: string;
  passwordHash: string;
  partnerCodes: number[];
  coord: { id: number };
  caseworkers: Map<number, number>;
};

/** A mentor who can take citizens, and how many at once. */
export type PoolMentor = { id: number; capacity: number };

/**
 * The demo writes its history of the past through the one status path (decision 021) with the day each change
 * happened; a seed writes no access-log entries (`audit: false`).
 */
export const seedHistory = (coord: { id: number }) =>
  ({ actor: { id: coord.id, role: "coordinator" }, audit: false }) as const;
