/**
 * Queue tables drained into their home table (docs/decisions/026). A request writes its rows into a table without
 * indexes, which costs its commit a page or two; the rows are then copied into the home table, in id order, many
 * requests' rows in one transaction, and removed from the queue in that same transaction, so nothing is lost or copied
 * twice whoever drains and whenever a process stops. A server's checkpoint thread drains every DRAIN_INTERVAL_MS
 * (db/checkpoint.ts); a process without that thread drains in the transaction that writes (`drainUnlessInBackground`).
 */
import type { Db } from "./client";

type Client = Db["$client"];

/** One queue: the statements that find a batch's last id, copy up to it and remove up to it (ids bound as `?`). */
export type QueueDrain = { name: string; last: string; copy: string; remove: string; batch: number };

export const DRAIN_INTERVAL_MS = 50;

const auditColumns = "at, actor_user_id, actor_role, action, entity_type, entity_id, details";

/** The access log (db/schema/audit.ts): `audit_log_incoming` into `audit_log`. */
export const AUDIT_DRAIN: QueueDrain = {
  name: "audit_log",
  last: "SELECT max(id) FROM (SELECT id FROM audit_log_incoming ORDER BY id LIMIT ?)",
  copy: `INSERT INTO audit_log (${auditColumns}) SELECT ${auditColumns} FROM audit_log_incoming WHERE id <= ? ORDER BY id`,
  remove: "DELETE FROM audit_log_incoming WHERE id <= ?",
  batch: 2000,
};

const inBackground = new WeakMap<Client, Set<string>>();

/** The checkpoint thread now drains these queues of `client` (or, with `on` false, no longer does). */
export function setDrainedInBackground(client: Client, drains: readonly QueueDrain[], on: boolean) {
  const names = inBackground.get(client) ?? new Set<string>();
  for (const d of drains) names[on ? "add" : "delete"](d.name);
  inBackground.set(client, names);
}

const statements = new WeakMap<Client, Map<string, () => number>>();

/** Moves one batch (at most `drain.batch` rows) in the caller's transaction or one of its own; the rows moved. */
function drainBatch(client: Client, drain: QueueDrain): number {
  let byName = statements.get(client);
  if (!byName) statements.set(client, (byName = new Map()));
  let move = byName.get(drain.name);
  if (!move) {
    const last = client.prepare(drain.last).pluck();
    const copy = client.prepare(drain.copy);
    const remove = client.prepare(drain.remove);
    // BEGIN IMMEDIATE: the writer's lock from the start. The checkpoint thread commits on its own connection; a
    // deferred transaction that read before such a commit fails at its first write ("database is locked", at once,
    // whatever the busy timeout), where this one waits its turn. Within the caller's transaction it is a savepoint.
    const moveBatch = client.transaction(() => {
      const id = last.get(drain.batch) as number | null;
      if (id == null) return 0;
      const moved = copy.run(id).changes;
      remove.run(id);
      return moved;
    }).immediate;
    // A queue found empty by a plain read costs no lock (a reader of the log finds it so most of the time).
    move = () => (last.get(1) == null ? 0 : moveBatch());
    byName.set(drain.name, move);
  }
  return move();
}

/** Moves every waiting row now (a reader that must see them all, a process that stops); the rows moved. */
export function drainAll(client: Client, drain: QueueDrain): number {
  let total = 0;
  for (let moved = drainBatch(client, drain); moved > 0; moved = drainBatch(client, drain)) total += moved;
  return total;
}

/** After a write into the queue: moves it at once unless the checkpoint thread drains it. */
export function drainUnlessInBackground(client: Client, drain: QueueDrain) {
  if (!inBackground.get(client)?.has(drain.name)) drainAll(client, drain);
}
