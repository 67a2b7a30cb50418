/**
 * The other processes of this server (WEB_CONCURRENCY > 1, server/cluster.mjs, docs/decisions/022). A process tells
 * its peers, through the cluster primary, when something they keep in memory has changed; with one process (the
 * default, and in tests) nothing is sent.
 */
import cluster from "node:cluster";

export type PeerEvent =
  /** What the public pages show changed (partners, the retention period): their ready copies must be made again. */
  | "public-pages-changed"
  /** A background job was queued here, where no job runner runs: process 0's runner should look now, not at its next beat. */
  | "jobs-queued";

const PEERS = "mb:peers";
const handlers = new Map<PeerEvent, () => void>();
let listening = false;

/** Tell the other processes (none when this is the only one). */
export function notifyPeers(event: PeerEvent): void {
  if (cluster.isWorker && process.send) process.send({ type: PEERS, event });
}

/** What this process does when a peer says `event` (one handler per event). */
export function onPeerEvent(event: PeerEvent, handler: () => void): void {
  handlers.set(event, handler);
  if (!listening && cluster.isWorker) {
    listening = true;
    process.on("message", (m: unknown) => {
      if (m && typeof m === "object" && (m as { type?: unknown }).type === PEERS) {
        handlers.get((m as { event: PeerEvent }).event)?.();
      }
    });
  }
}
