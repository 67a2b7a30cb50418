/**
 * The primary of a server with several processes (WEB_CONCURRENCY, docs/decisions/022). It serves nothing itself:
 * Node's cluster module hands each new connection to one of its server processes in turn.
 *
 * - Process 0 starts first and alone: it migrates, seeds an empty database and runs the background work (job runner,
 *   outbox sender, daily scheduler). The others start when it listens, and only answer requests.
 * - A message a process sends to its peers (`mb:peers`: a public page changed, a job was queued) is passed on to the
 *   others.
 * - A process that dies is started again (with its index, so the background work comes back); one that keeps dying
 *   at start stops the whole server, as a single process would stop.
 * - SIGTERM/SIGINT stop every process the way one process stops (requests finish, background work is handed back);
 *   SIGUSR2 (the benchmark's event-loop report, EVENT_LOOP_STATS=true) is passed on to each.
 * - "listening" is logged once, by the primary, when every process listens.
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";

const log = (level, msg, fields = {}) =>
  console.log(JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields }));

/** WEB_CONCURRENCY: a whole number of processes, or `auto` for one per CPU core; 1 when unset. */
export function clusterSize(raw = process.env.WEB_CONCURRENCY) {
  if (raw === undefined || raw.trim() === "") return 1;
  if (raw.trim() === "auto") return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    process.stderr.write(`WEB_CONCURRENCY must be "auto" or a whole number from 1 to 64 (it is "${raw}")\n`);
    process.exit(1);
  }
  return n;
}

/** A process that dies this soon after starting, this many times in a row, stops the server. */
const EARLY_DEATH_MS = 10_000;
const MAX_EARLY_DEATHS = 3;

export function runPrimary(size) {
  /** index → the live worker */
  const workers = new Map();
  const earlyDeaths = new Array(size).fill(0);
  let stopping = false;
  const listening = new Set();
  let announced = false;

  function start(index) {
    const startedAt = Date.now();
    const w = cluster.fork({ MB_PROCESS_INDEX: String(index) });
    workers.set(index, w);
    w.on("message", (m) => {
      if (m && typeof m === "object" && m.type === "mb:peers") {
        for (const other of workers.values()) if (other !== w && other.isConnected()) other.send(m);
      }
    });
    w.once("listening", (address) => {
      listening.add(index);
      if (index === 0 && !announced) for (let i = 1; i < size; i++) start(i);
      if (listening.size === size && !announced) {
        announced = true;
        const host =
          address.address && address.address !== "0.0.0.0" && address.address !== "::" ? address.address : "localhost";
        const url = `http://${host}:${address.port}`;
        log("info", "listening", { url, port: address.port, processes: size });
      }
    });
    w.once("exit", (code, signal) => {
      workers.delete(index);
      listening.delete(index);
      if (stopping) {
        if (workers.size === 0) process.exit(process.exitCode ?? 0);
        return;
      }
      const early = Date.now() - startedAt < EARLY_DEATH_MS;
      earlyDeaths[index] = early ? earlyDeaths[index] + 1 : 0;
      log("error", "server process exited", { index, code, signal });
      // The first process failing before it listens is a failed start (configuration, migration): stop, as one process would.
      if ((index === 0 && !announced) || earlyDeaths[index] >= MAX_EARLY_DEATHS) {
        stopAll("SIGTERM", code || 1);
        return;
      }
      setTimeout(() => start(index), early ? 1_000 : 0).unref();
    });
  }

  function stopAll(signal, exitCode = 0) {
    if (stopping) return;
    stopping = true;
    log("info", "shutting down", { signal, processes: workers.size });
    process.exitCode = exitCode;
    if (workers.size === 0) process.exit(exitCode);
    for (const w of workers.values()) w.process.kill("SIGTERM");
    // Each process gives requests 5 s and its background work up to 30 s; after that nothing waits.
    setTimeout(() => {
      for (const w of workers.values()) w.process.kill("SIGKILL");
      process.exit(exitCode || 1);
    }, 35_000).unref();
  }

  process.on("SIGTERM", () => stopAll("SIGTERM"));
  process.on("SIGINT", () => stopAll("SIGINT"));
  // Only a process that measures has a SIGUSR2 handler; for the others the signal's default would end them.
  if (process.env.EVENT_LOOP_STATS === "true") {
    process.on("SIGUSR2", () => {
      for (const w of workers.values()) w.process.kill("SIGUSR2");
    });
  }
  log("info", "starting", { processes: size });
  start(0);
}
