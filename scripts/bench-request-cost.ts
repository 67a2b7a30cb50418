/**
 * The fixed cost of a signed-in page (issue 16): `npm run bench:request -- [--db PATH] [--duration S] [--profile DIR]
 * [--against DIR] [--rounds N] [--only TEXT] [--page VISITOR:PATH ...]`. Starts the production server on a copy of the scale database (made by
 * `npm run bench:pages` or `npm run seed:scale`), logs in as each role and loads a few simple pages of each with
 * autocannon (10 connections). Per page it prints one JSON line: the server process's CPU time per request (from
 * /proc, so it holds on a busy machine where wall-clock figures do not), p50/p99, req/s and the server's memory after
 * the page (rss_mb; rss_peak_mb since it started). --only: the pages whose
 * path contains TEXT. --page (repeatable): measure these pages instead, e.g. `--page coordinator:/koordinator` or
 * `--page "coordinator:/koordinator/mentees/{waitingMentee}/kandidater"` (`{name}` is an id of the data set's `pickIds`).
 * --node-args="FLAGS", --against-node-args="FLAGS": node flags for either server, e.g. the same checkout against
 * itself with other heap sizes (`--against . --against-node-args=--max-semi-space-size=16`).
 *
 * --against DIR: a second checkout (another commit, built, with its own node_modules) runs beside this one on its own
 * copy of the database, and each page is measured on both in turn, `--rounds` times (default 2), so both see the same
 * load; the lines then carry `server: "this" | "against"`. --profile DIR: this server runs under `node --cpu-prof` and
 * writes its profile into DIR when it stops (summarise it with `node scripts/lib/cpuprofile-summary.mjs FILE`).
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "./lib/build.mjs";
import { startServer, type RunningServer } from "./lib/server";
import { makeFactsCurrent } from "./lib/current-facts";
import { logIn, pickIds, secretsFrom, type Session, type Visitor } from "./lib/pages";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/scale-100000.sqlite" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    profile: { type: "string" },
    against: { type: "string" },
    rounds: { type: "string" },
    only: { type: "string" },
    page: { type: "string", multiple: true },
    "node-args": { type: "string" },
    "against-node-args": { type: "string" },
  },
});
const flags = (v?: string) => v?.split(" ").filter(Boolean) ?? [];
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds ?? (values.against ? 2 : 1));
if (!existsSync(values.db!)) throw new Error(`no database at ${values.db}: make one with npm run seed:scale`);
buildIfNeeded({ stdoutFree: true });

const copies: string[] = [];
function copyOfDb(tag: string): string {
  const path = values.db!.replace(/\.sqlite$/, "") + `.request-${tag}.sqlite`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
  copyFileSync(values.db!, path);
  copies.push(path);
  return path;
}
const thisDb = copyOfDb("this");
const client = new Database(thisDb, { readonly: true });
const ids = pickIds(client);
const secretOf = secretsFrom(client);

const env = (db: string): Record<string, string> => ({
  NODE_ENV: "production",
  SESSION_SECRET: randomBytes(32).toString("hex"),
  SEED_DEMO: "false",
  BACKGROUND_JOBS: "false",
  CONTACT_EMAIL: "kontakt@example.org",
  HOST: "127.0.0.1",
  PORT: "0",
  DATABASE_URL: resolve(db),
  LOG_LEVEL: "error",
});
type Server = { name: "this" | "against"; server: RunningServer; sessions: Map<string, Session> };
const servers: Server[] = [];
servers.push({
  name: "this",
  sessions: new Map(),
  server: await startServer(env(thisDb), 120_000, {
    nodeArgs: [
      ...flags(values["node-args"]),
      ...(values.profile ? ["--cpu-prof", `--cpu-prof-dir=${resolve(values.profile)}`] : []),
    ],
  }),
});
if (values.against)
  servers.push({
    name: "against",
    sessions: new Map(),
    server: await startServer(env(copyOfDb("against")), 120_000, {
      cwd: values.against,
      nodeArgs: flags(values["against-node-args"]),
    }),
  });

// Each copy as after the day's course job (the servers run without background work; scripts/lib/current-facts.ts).
for (const path of copies) await makeFactsCurrent(path);

/** User + system CPU of a process in ms (clock ticks of 10 ms). */
const cpuMs = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

/** A process's resident memory now and at its peak so far, in MB (VmRSS, VmHWM). */
const memoryMb = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rss_mb: Math.round(kb("VmRSS") / 1024), rss_peak_mb: Math.round(kb("VmHWM") / 1024) };
};

type MeasuredPage = { visitor: Exclude<Visitor, "anonymous"> | null; path: string };
/** `visitor:path` (visitor `anonymous` for none), with `{name}` replaced by that id of the data set. */
function pageOf(arg: string): MeasuredPage {
  const at = arg.indexOf(":");
  const visitor = arg.slice(0, at);
  const path = arg.slice(at + 1).replace(/\{(\w+)\}/g, (_, k: string) => String(ids[k as keyof typeof ids]));
  return { visitor: visitor === "anonymous" ? null : (visitor as Exclude<Visitor, "anonymous">), path };
}
const pages: MeasuredPage[] = values.page?.map(pageOf) ?? [
  { visitor: null, path: "/healthz" },
  { visitor: "coordinator", path: `/koordinator/mentorer/${ids.mentor}` },
  { visitor: "coordinator", path: `/koordinator/mentees/${ids.mentee}` },
  { visitor: "caseworker", path: `/kommune/borgere/${ids.aarhusMentee}` },
  { visitor: "mentor", path: "/mentor" },
  { visitor: "mentor", path: "/mentor/introduktion" },
  { visitor: "admin", path: "/admin/outbox" },
];

try {
  for (const { visitor, path } of pages.filter((p) => !values.only || p.path.includes(values.only))) {
    for (let round = 0; round < rounds; round++) {
      for (const s of servers) {
        let cookie: string | undefined;
        if (visitor) {
          if (!s.sessions.has(visitor)) s.sessions.set(visitor, await logIn(s.server.url, visitor, secretOf));
          cookie = s.sessions.get(visitor)!.cookie;
        }
        const headers = cookie ? { cookie } : undefined;
        // Warm-up: JIT, statement caches, SQLite's page cache.
        await autocannon({ url: s.server.url + path, connections, duration: 2, headers });
        const pid = s.server.process.pid!;
        const before = cpuMs(pid);
        const r = await autocannon({ url: s.server.url + path, connections, duration, headers });
        const cpu = cpuMs(pid) - before;
        const requests = r.requests.total;
        console.log(
          JSON.stringify({
            server: s.name,
            round,
            visitor: visitor ?? "anonymous",
            path,
            requests,
            cpu_ms_per_request: Math.round((cpu / Math.max(1, requests)) * 100) / 100,
            p50_ms: r.latency.p50,
            p99_ms: r.latency.p99,
            req_s: r.requests.average,
            non_2xx: r.non2xx,
            kb: Math.round((r.throughput.total ?? 0) / Math.max(1, requests) / 100) / 10,
            ...memoryMb(pid),
          }),
        );
      }
    }
  }
} finally {
  for (const s of servers) await s.server.stop();
  client.close();
  for (const path of copies) for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
}
