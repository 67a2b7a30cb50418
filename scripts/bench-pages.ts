/**
 * Page benchmark (issue 16): `npm run bench:pages`. Builds if needed, makes (or reuses) the national-scale database
 * (db/seed/scale.ts), starts the production server on a copy of it, logs in as each role through the real /login
 * form and measures every list and detail page with autocannon. One JSON line per measurement on stdout; progress
 * and build output on stderr.
 *
 * Per page: one timed request first (status, size, time). A page that fails (5xx, timeout) is reported as such; a page
 * slower than --slow-ms is reported from that single request (ten connections on it would queue for minutes and
 * measure nothing more); every other page gets the load run (p50, p99, req/s, non-2xx). Between pages the benchmark
 * waits until the server answers again, and asks the server (EVENT_LOOP_STATS, SIGUSR2) for the event loop's worst
 * delay during the page. The landing page is compared with a bare Node `http` hello-world measured in the same run.
 *
 * The server runs as one process, its default; `--processes 2` runs one per core of this machine (WEB_CONCURRENCY,
 * decision 022): CPU is then summed over its processes, RSS is the largest process's (and `peak_sum_mb` their sum),
 * and the event loop's worst delay is the worst of any.
 *
 * Options: --mentees N (100000), --db PATH (data/scale-N.sqlite), --duration S (10), --warmup S (2: that long of the
 * same load before the measured run, not counted; 0 for none), --connections C (10),
 * --only TEXT (the page whose pattern or path is TEXT, or else pages containing TEXT; repeatable; `--only /` is the
 * landing page), --slow-ms MS (5000), --timeout-s S (120), --variants (the lists again with filters and later pages).
 *
 * The workbook and the course list exports are background jobs (issue 17): their lines (mode "export_job") measure the
 * POST, the time until the job's file is written (time_to_file_ms), its download, the rows, and the server's event loop
 * and peak RSS meanwhile, and the job's own peak RSS (job_rss_peak_mb: a job runs in a process of its own, decision
 * 015, whose peak is read from /proc while it runs).
 *
 * --during-run (issue 17) measures responsiveness instead of the tour: a coordinator starts a national whole-pool run
 * and an XLSX export job at once (each in a worker process beside the server), and while the run works /healthz and a
 * coordinator list page are asked again and again (one request at a time each); their p50/p99/max, the run's own time
 * by stage and the export's time to file are reported, with a "target" line for p99 < 100 ms. --without-export: the
 * run alone. --node-args="FLAGS": flags for the server's node (e.g. `--node-args=--max-semi-space-size=4`), to see
 * what they do to its memory.
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "./lib/build.mjs";
import { progressBar } from "./lib/progress";
import { startServer, type RunningServer } from "./lib/server";
import { makeFactsCurrent } from "./lib/current-facts";
import {
  fetchPage,
  logIn,
  pickIds,
  runExportJob,
  secretsFrom,
  tourPages,
  variantPages,
  type Session,
  type TourPage,
  type Visitor,
} from "./lib/pages";
import { seedScaleFile } from "../db/seed/scale";
import { DEMO_USERS } from "../db/seed/demo";

const { values } = parseArgs({
  options: {
    mentees: { type: "string", default: "100000" },
    db: { type: "string" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "10" },
    only: { type: "string", multiple: true },
    "slow-ms": { type: "string", default: "5000" },
    "timeout-s": { type: "string", default: "120" },
    variants: { type: "boolean", default: false },
    "during-run": { type: "boolean", default: false },
    "without-export": { type: "boolean", default: false },
    "node-args": { type: "string" },
    processes: { type: "string", default: "1" },
  },
});
/** Flags for the server's node (e.g. V8's heap sizes), to measure their effect on memory: `--node-args=--flag=1`. */
const nodeArgs = values["node-args"]?.split(" ").filter(Boolean) ?? [];
/** Server processes (WEB_CONCURRENCY, decision 022): 1 as the server's default; 2 for one per core of this machine. */
const processes = Number(values.processes);
const mentees = Number(values.mentees);
const duration = Number(values.duration);
/** Seconds of the same load before the measured run, not counted (its p99 is reported as `warmup_p99_ms`). */
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const slowMs = Number(values["slow-ms"]);
const timeoutMs = Number(values["timeout-s"]) * 1000;
const defaultPath = `data/scale-${mentees}.sqlite`;
const dbPath = values.db ?? defaultPath;
const runPath = dbPath.replace(/\.sqlite$/, "") + ".bench-run.sqlite";
const line = (o: Record<string, unknown>) => console.log(JSON.stringify(o));
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const log = (s: string) => process.stderr.write(`bench:pages ${s}\n`);
const started = performance.now();

line({
  bench: "machine",
  date: new Date().toISOString(),
  cpus: cpus().length,
  cpu_model: cpus()[0]?.model,
  node: process.version,
  mem_gb: round(totalmem() / 1e9),
  free_mem_gb: round(freemem() / 1e9),
  load_average: loadavg().map((x) => round(x, 2)),
  duration_s: duration,
  connections,
  server_processes: processes,
});

buildIfNeeded({ stdoutFree: true });

/* ------------------------------------------------------------------ the data set */
function datasetSize(path: string): number | null {
  try {
    const c = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const n = (c.prepare("SELECT count(*) AS n FROM mentees").get() as { n: number }).n;
      const demo = c.prepare("SELECT 1 FROM users WHERE email = ?").get(DEMO_USERS.coordinator);
      return demo ? n : null;
    } finally {
      c.close();
    }
  } catch {
    return null;
  }
}
if (existsSync(dbPath)) {
  const n = datasetSize(dbPath);
  if (n !== mentees) {
    if (dbPath !== defaultPath) {
      log(
        `${dbPath} holds ${n ?? "no"} scale data set of ${mentees} citizens (found ${n ?? "none"}); give another --db or delete it`,
      );
      process.exit(1);
    }
    log(`${dbPath} is incomplete (found ${n ?? "no"} citizens); making it again`);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });
  } else {
    log(`reusing ${dbPath}`);
  }
}
if (!existsSync(dbPath)) {
  const bar = progressBar(`seed:scale ${mentees}`);
  await seedScaleFile(dbPath, { mentees, onProgress: (p) => bar.update(p.overall, p.phase, `${p.done}/${p.total}`) });
  bar.done(`done: ${dbPath}`);
}
const removeRun = () => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(runPath + suffix, { force: true });
};
removeRun();
copyFileSync(dbPath, runPath);

const reader = new Database(runPath, { readonly: true });
const ids = pickIds(reader);
const secretOf = secretsFrom(reader);
const rows = (table: string) => (reader.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
line({
  bench: "dataset",
  db: dbPath,
  mb: round(statSync(dbPath).size / 1e6, 0),
  ...Object.fromEntries(
    [
      "mentees",
      "mentors",
      "courses",
      "meetings",
      "outcomes",
      "follow_ups",
      "surveys",
      "status_changes",
      "messages",
      "audit_log",
    ].map((t) => [t, rows(t)]),
  ),
  ids,
});

/* ------------------------------------------------------------------ servers */
const exportDir = mkdtempSync(join(tmpdir(), "mb-bench-exports-"));
const env = {
  EXPORT_DIR: exportDir,
  NODE_ENV: "production",
  SESSION_SECRET: randomBytes(32).toString("hex"),
  SEED_DEMO: "false",
  BACKGROUND_JOBS: "false",
  CONTACT_EMAIL: "kontakt@example.org",
  HOST: "127.0.0.1",
  PORT: "0",
  DATABASE_URL: runPath,
  LOG_LEVEL: "error",
  EVENT_LOOP_STATS: "true",
  WEB_CONCURRENCY: String(processes),
};
let server: RunningServer = await startServer(env, 120_000, { nodeArgs });
let restarts = 0;
{
  const facts = await makeFactsCurrent(runPath);
  log(`course facts made current for today (the daily course job's work): ${facts.rows} rows in ${facts.ms} ms`);
}
const sessions = new Map<Visitor, Session | Error>();

const bare = spawn(
  process.execPath,
  [
    "-e",
    `
  const http = require("node:http");
  const s = http.createServer((req, res) => { res.writeHead(200, { "Content-Type": "text/plain" }); res.end("hello"); });
  s.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + s.address().port));
`,
  ],
  { stdio: ["ignore", "pipe", "inherit"] },
);
const bareUrl = await new Promise<string>((resolve) =>
  bare.stdout!.once("data", (b: Buffer) => resolve(b.toString().trim())),
);

let cleaned = false;
async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  bare.kill();
  await server.stop();
  reader.close();
  removeRun();
  rmSync(exportDir, { recursive: true, force: true });
}
for (const sig of ["SIGINT", "SIGTERM"] as const)
  process.on(sig, () => {
    void cleanup().then(() => process.exit(130));
  });

/**
 * The server's processes (Linux /proc): the one process, or the cluster's primary and its server processes (their
 * parent is the primary). A job's worker process is not one of them: its peak is measured apart (job_rss_peak_mb).
 */
function serverPids(): number[] {
  const primary = server.process.pid;
  if (primary === undefined) return [];
  if (processes === 1) return [primary];
  const children: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      if (ppid === primary) children.push(Number(name));
    } catch {
      /* gone meanwhile */
    }
  }
  return [primary, ...children];
}
/**
 * Memory of the server (Linux /proc): resident now (all processes together) and the peak of the largest process (the
 * peak can be reset per page); `peak_sum_mb` adds the processes' peaks (an upper bound: they need not coincide).
 */
function memory(): { rss_mb: number | null; peak_mb: number | null; peak_sum_mb: number | null } {
  try {
    let rss = 0;
    let peak = 0;
    let peakSum = 0;
    for (const pid of serverPids()) {
      const s = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (k: string) => Number(s.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] ?? NaN);
      rss += kb("VmRSS");
      peak = Math.max(peak, kb("VmHWM"));
      peakSum += kb("VmHWM");
    }
    return { rss_mb: round(rss / 1024, 0), peak_mb: round(peak / 1024, 0), peak_sum_mb: round(peakSum / 1024, 0) };
  } catch {
    return { rss_mb: null, peak_mb: null, peak_sum_mb: null };
  }
}
/** CPU time the server has used so far (user + system, every thread of every process; Linux /proc), in ms. */
function serverCpuMs(): number | null {
  try {
    let ticks = 0;
    for (const pid of serverPids()) {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks of 1/100 s
    }
    return (ticks * 1000) / 100;
  } catch {
    return null;
  }
}
function resetPeak() {
  try {
    for (const pid of serverPids()) writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    /* not Linux: the peak is since start */
  }
}
/** Where the memory is after a page: V8's heap (used of reserved), outside it (external), and the rest (SQLite, code). */
function heapOf(report: LoopReport | null) {
  if (!report) return {};
  return { heap_used_mb: report.heap_used_mb, heap_total_mb: report.heap_total_mb, external_mb: report.external_mb };
}
const alive = () => server.process.exitCode === null && server.process.signalCode === null;
/** The event loop's delays since the last report (and starts a new count). */
type LoopStats = { max_ms: number; p99_ms: number; mean_ms: number; samples: number };
type LoopReport = {
  since_last: LoopStats;
  since_start: LoopStats;
  /** The app's requests answered since the last report, timed inside the server (the same summary, in ms). */
  answered: LoopStats;
  in_flight: number;
  /** V8's heap (used, reserved) and memory outside it held by JS objects, summed over the processes. */
  heap_used_mb: number;
  heap_total_mb: number;
  external_mb: number;
};
/** Several processes' loops as one: the worst delay and p99 of any, the mean over all samples, requests in any. */
function mergeLoops(reports: LoopReport[]): LoopReport {
  const merge = (xs: LoopStats[]): LoopStats => {
    const samples = xs.reduce((n, x) => n + x.samples, 0);
    return {
      max_ms: Math.max(...xs.map((x) => x.max_ms)),
      p99_ms: Math.max(...xs.map((x) => x.p99_ms)),
      mean_ms: samples ? round(xs.reduce((n, x) => n + x.mean_ms * x.samples, 0) / samples, 2) : 0,
      samples,
    };
  };
  return {
    since_last: merge(reports.map((r) => r.since_last)),
    since_start: merge(reports.map((r) => r.since_start)),
    answered: merge(reports.map((r) => r.answered)),
    in_flight: reports.reduce((n, r) => n + r.in_flight, 0),
    heap_used_mb: reports.reduce((n, r) => n + r.heap_used_mb, 0),
    heap_total_mb: reports.reduce((n, r) => n + r.heap_total_mb, 0),
    external_mb: reports.reduce((n, r) => n + r.external_mb, 0),
  };
}
/** Each server process reports (the cluster's primary passes SIGUSR2 on); null when one does not answer. */
async function eventLoop(): Promise<LoopReport | null> {
  if (!alive()) return null;
  const next = Array.from({ length: processes }, () => server.nextLine('"msg":"event loop"', timeoutMs));
  server.process.kill("SIGUSR2");
  const lines = await Promise.all(next);
  if (lines.some((l) => !l)) return null;
  return mergeLoops(lines.map((l) => JSON.parse(l!) as LoopReport));
}
async function restart(why: string) {
  log(`restarting the server (${why})`);
  restarts++;
  await server.stop();
  server = await startServer(env, 120_000, { nodeArgs });
  sessions.clear();
}
async function sessionOf(visitor: Visitor): Promise<Session | Error> {
  if (visitor === "anonymous") return { visitor, cookie: "" };
  let s = sessions.get(visitor);
  if (!s) {
    try {
      s = await logIn(server.url, visitor, secretOf);
    } catch (e) {
      s = e instanceof Error ? e : new Error(String(e));
    }
    sessions.set(visitor, s);
  }
  return s;
}

/**
 * Waits until the server has finished every request (autocannon stops at its duration, but the loaders of requests
 * already received still run), and returns the event loop's worst delay meanwhile.
 */
async function drain(): Promise<{ report: LoopReport | null; max_ms: number; answered: LoopStats | null }> {
  let max = 0;
  // The first report holds the requests of the run; any later one only the few still running at its end.
  let answered: LoopStats | null = null;
  for (;;) {
    const report = await eventLoop();
    max = Math.max(max, report?.since_last.max_ms ?? 0);
    answered ??= report?.answered ?? null;
    if (!report || report.in_flight === 0) return { report, max_ms: max, answered };
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** autocannon against one URL; the server's own answer is checked by the probe before. */
async function load(url: string, cookie: string, seconds = duration) {
  const r = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: Math.ceil(timeoutMs / 1000),
    headers: cookie ? { cookie } : {},
  });
  return {
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    max_ms: r.latency.max,
    req_per_s: round(r.requests.total / r.duration),
    requests: r.requests.total,
    non_2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/* ------------------------------------------------------------------ the run */
const rssBefore = memory().rss_mb;
let worstLoop = 0;
let peakRss = 0;
const only = values.only ?? [];
// As documented: the pages whose pattern or path is the text, or else (none is) the pages containing it.
const tour = [...tourPages(ids), ...(values.variants ? variantPages(ids) : [])];
const exact = (p: TourPage, o: string) => p.page === o || p.path === o;
const chosen = (p: TourPage, o: string) =>
  tour.some((q) => exact(q, o)) ? exact(p, o) : o.length > 1 && (p.page.includes(o) || p.path.includes(o));
const pages: TourPage[] = tour.filter((p) => !only.length || only.some((o) => chosen(p, o)));
let landingRps: number | null = null;
let bareRps: number | null = null;
// Whatever happens, the servers stop and the copy goes: a benchmark never leaves a process behind.
try {
  if (values["during-run"]) {
    await duringRun();
    pages.length = 0;
  }
  const bar = progressBar("bench:pages");
  for (const [i, p] of pages.entries()) {
    bar.update(i / pages.length, p.page, `(${p.visitor})`);
    if (p.page === "/") {
      const r = await load(bareUrl, "");
      bareRps = r.req_per_s;
      line({ bench: "bare_node_http", ...r });
    }
    const result: Record<string, unknown> = { bench: "page", visitor: p.visitor, page: p.page, path: p.path };
    let cpuOf: { before: number | null; requests: number } | null = null;
    const session = await sessionOf(p.visitor);
    if (session instanceof Error) {
      line({ ...result, mode: "failed", error: `login: ${session.message}` });
      continue;
    }
    await drain();
    resetPeak();
    if (p.exportJob) {
      const r = await exportJob(p.path, session.cookie);
      const loop = await drain();
      const mem = memory();
      if (loop.report) worstLoop = Math.max(worstLoop, loop.report.since_start.max_ms);
      peakRss = Math.max(peakRss, mem.peak_mb ?? 0);
      line({
        ...result,
        mode: r.error ? "failed" : "export_job",
        ...r,
        event_loop_max_ms: loop.report ? loop.max_ms : null,
        rss_peak_mb: mem.peak_mb,
        rss_peak_sum_mb: mem.peak_sum_mb,
        ...heapOf(loop.report),
      });
      continue;
    }
    const logFrom = server.output().length;
    const probe = await fetchPage(server.url, p.path, session.cookie, timeoutMs);
    Object.assign(result, {
      status: probe.status,
      first_ms: round(probe.ms),
      bytes: probe.bytes,
      kb: round(probe.bytes / 1024),
    });
    if (probe.error || probe.status >= 500 || probe.status === 0) {
      // The first error the server printed meanwhile says why (e.g. "SqliteError: too many SQL variables").
      const cause = server
        .output()
        .slice(logFrom)
        .match(/\b[A-Z]\w*Error\b[^\n]*/)?.[0]
        .slice(0, 160);
      Object.assign(result, {
        mode: "failed",
        error: probe.error ?? `HTTP ${probe.status}`,
        ...(cause ? { cause } : {}),
      });
    } else if (probe.status !== 200) {
      Object.assign(result, {
        mode: "failed",
        error: `HTTP ${probe.status}${probe.location ? ` → ${probe.location}` : ""}`,
      });
    } else if (probe.ms > slowMs) {
      Object.assign(result, {
        mode: "single",
        p50_ms: round(probe.ms, 0),
        p99_ms: round(probe.ms, 0),
        req_per_s: round(1000 / probe.ms, 2),
        note: `one request: slower than ${slowMs} ms`,
      });
    } else {
      const url = new URL(p.path, server.url).href;
      if (warmup > 0) {
        // A server that has been up a while has compiled and cached this page's code paths: the first second of a
        // page is V8 compiling them, which is not what the page costs. The warm-up's own p99 is kept beside.
        result.warmup_p99_ms = (await load(url, session.cookie, warmup)).p99_ms;
        await drain();
      }
      const cpuBefore = serverCpuMs();
      const r = await load(url, session.cookie);
      cpuOf = { before: cpuBefore, requests: r.requests };
      Object.assign(
        result,
        r.requests
          ? { mode: "load", ...r }
          : {
              mode: "single",
              p50_ms: round(probe.ms, 0),
              p99_ms: round(probe.ms, 0),
              req_per_s: round(1000 / probe.ms, 2),
              note: `no request of the load run finished within ${duration} s`,
            },
      );
      if (p.page === "/") landingRps = r.req_per_s;
    }
    if (!alive()) {
      Object.assign(result, {
        mode: "failed",
        error: `server exited (${server.process.exitCode ?? server.process.signalCode}): ${server.output().slice(-300)}`,
      });
      line(result);
      await restart("it exited");
      continue;
    }
    if (probe.error?.startsWith("timeout")) {
      line(result);
      await restart("a request timed out and may still be running");
      continue;
    }
    // Requests still running when the load run stopped finish before the next page starts.
    const loop = await drain();
    const mem = memory();
    if (loop.report) worstLoop = Math.max(worstLoop, loop.report.since_start.max_ms);
    peakRss = Math.max(peakRss, mem.peak_mb ?? 0);
    // The server's CPU per request of the load run (its tail included): comparable when the machine is busy.
    const cpuAfter = serverCpuMs();
    const cpu_ms_per_request =
      cpuOf?.before != null && cpuAfter != null && cpuOf.requests
        ? round((cpuAfter - cpuOf.before) / cpuOf.requests, 1)
        : null;
    // The same requests timed inside the server: what of the client's p99 is the server's, and what the machine's.
    const inServer = result.mode === "load" && loop.answered?.samples ? loop.answered : null;
    line({
      ...result,
      cpu_ms_per_request,
      ...(inServer ? { server_p99_ms: inServer.p99_ms, server_max_ms: inServer.max_ms } : {}),
      event_loop_max_ms: loop.report ? loop.max_ms : null,
      rss_peak_mb: mem.peak_mb,
      rss_peak_sum_mb: mem.peak_sum_mb,
      ...heapOf(loop.report),
    });
  }
  bar.done("done");

  if (landingRps !== null && bareRps) {
    line({
      bench: "landing_vs_bare_node",
      landing_req_per_s: landingRps,
      bare_node_req_per_s: bareRps,
      percent: round((100 * landingRps) / bareRps, 2),
    });
  }
  line({
    bench: "server",
    processes,
    rss_before_mb: rssBefore,
    rss_after_mb: memory().rss_mb,
    rss_peak_mb: peakRss || null,
    event_loop_max_ms: worstLoop,
    restarts,
    seconds: Math.round((performance.now() - started) / 1000),
    load_average: loadavg().map((x) => round(x, 2)),
  });
} finally {
  await cleanup();
}

/** An export job's line: the POST, the time to the file, the rows and size, the download. */
async function exportJob(path: string, cookie: string): Promise<Record<string, unknown> & { error?: string }> {
  const [r, jobPeak] = await childPeakRss(runExportJob(server.url, path, cookie, runPath, timeoutMs));
  return {
    job_rss_peak_mb: jobPeak,
    status: r.status,
    post_ms: round(r.postMs),
    job: r.job,
    job_status: r.jobStatus,
    time_to_file_ms: r.fileMs === undefined ? undefined : round(r.fileMs),
    rows: r.rows,
    kb: r.bytes === undefined ? undefined : round(r.bytes / 1024),
    download_status: r.download?.status,
    download_ms: r.download ? round(r.download.ms) : undefined,
    ...(r.error ? { error: r.error } : {}),
  };
}

/**
 * The peak resident memory of the processes the server started (a job runs in a process of its own, decision 015),
 * read from Linux /proc every 50 ms while `work` runs: VmHWM only grows, so its last reading is the peak up to then.
 * Null when no such process was seen (or not Linux).
 */
async function childPeakRss<T>(work: Promise<T>): Promise<[T, number | null]> {
  let peakKb = 0;
  const sample = () => {
    try {
      const parents = new Set(serverPids());
      for (const name of readdirSync("/proc")) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const status = readFileSync(`/proc/${name}/status`, "utf8");
          const ppid = Number(status.match(/PPid:\s+(\d+)/)?.[1]);
          if (!parents.has(ppid) || parents.has(Number(name))) continue;
          peakKb = Math.max(peakKb, Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0));
        } catch {
          /* gone meanwhile */
        }
      }
    } catch {
      /* not Linux */
    }
  };
  const timer = setInterval(sample, 50);
  try {
    return [await work, peakKb ? round(peakKb / 1024, 0) : null];
  } finally {
    clearInterval(timer);
  }
}

/**
 * Responsiveness while long work runs (issue 17): a national whole-pool run and an XLSX export job at once (each in
 * its worker process: the server runs JOB_WORKERS of them); meanwhile /healthz and a coordinator list page are asked one request after another each, until the run ends.
 */
async function duringRun() {
  const coordinator = await sessionOf("coordinator");
  if (coordinator instanceof Error) throw coordinator;
  const origin = new URL(server.url).origin;
  await drain();
  const t0 = performance.now();
  const start = await fetch(new URL("/koordinator/matching", server.url), {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ area: "country", mode: "best_score" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, Cookie: coordinator.cookie },
  });
  await start.arrayBuffer();
  const startMs = performance.now() - t0;
  const location = start.headers.get("location") ?? "";
  const jobId = Number(/\/koordinator\/matching\/(\d+)/.exec(location)?.[1]);
  if (!jobId) throw new Error(`starting the run answered ${start.status} ${location}`);
  line({ bench: "during_run", step: "start", status: start.status, ms: round(startMs), job: jobId });
  const watch = new Database(runPath, { readonly: true });
  const job = () =>
    watch
      .prepare(
        "SELECT status, progress, summary, error, started_at AS startedAt, finished_at AS finishedAt FROM background_jobs WHERE id = ?",
      )
      .get(jobId) as {
      status: string;
      progress: string | null;
      summary: string | null;
      error: string | null;
      startedAt: string | null;
      finishedAt: string | null;
    };
  const working = () => ["queued", "running"].includes(job().status);
  const exportDone = values["without-export"]
    ? Promise.resolve(null)
    : exportJob("/koordinator/rapporter/eksport/xlsx", coordinator.cookie);
  const sample = async (path: string, cookie: string) => {
    const times: number[] = [];
    let failures = 0;
    while (working() && performance.now() - t0 < timeoutMs) {
      const r = await fetchPage(server.url, path, cookie, timeoutMs);
      if (r.status !== 200) failures++;
      times.push(r.ms);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
    return {
      path,
      requests: times.length,
      failures,
      p50_ms: at(0.5),
      p99_ms: at(0.99),
      max_ms: round(times[times.length - 1] ?? 0),
    };
  };
  const [health, list, exported] = await Promise.all([
    sample("/healthz", ""),
    sample("/koordinator/mentorer", coordinator.cookie),
    exportDone,
  ]);
  const end = job();
  watch.close();
  // The server's event loop meanwhile (its worst delay tells a blocked loop from a busy machine).
  const loop = await eventLoop();
  line({
    bench: "during_run",
    step: "event_loop",
    ...(loop?.since_last ?? {}),
    load_average: loadavg().map((x) => round(x, 2)),
  });
  const summary = end.summary ? JSON.parse(end.summary) : null;
  const runMs = end.startedAt && end.finishedAt ? Date.parse(end.finishedAt) - Date.parse(end.startedAt) : null;
  line({
    bench: "during_run",
    step: "run",
    status: end.status,
    error: end.error,
    run_ms: runMs,
    stages_ms: summary?.ms,
    waiting: summary?.waiting,
    mentors: summary?.mentorsAvailable,
    pairs: summary?.pairs,
    industry_pairs: summary?.industryPairs,
    allowed_pairs: summary?.allowedPairs,
    largest_component: summary?.largest,
  });
  if (exported) line({ bench: "during_run", step: "xlsx_export", ...exported });
  const during = exported ? "a national run and an XLSX export job" : "a national run";
  for (const r of [health, list]) {
    line({ bench: "during_run", step: "page", during, ...r });
    line({
      bench: "target",
      name: `p99 ${r.path} during ${during}`,
      target_ms: 100,
      p99_ms: r.p99_ms,
      met: r.p99_ms < 100 && r.failures === 0 && r.requests > 0,
    });
  }
}
