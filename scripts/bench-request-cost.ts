/**
 * The fixed cost of a signed-in page (issue 16): `npm run bench:request -- [--db PATH] [--duration S] [--profile DIR]`.
 * Starts the production server on a copy of the scale database (made by `npm run bench:pages` or `npm run seed:scale`),
 * logs in as each role and loads a few simple pages of each with autocannon (10 connections). Per page it prints one
 * JSON line: the server process's CPU time per request (from /proc, so it holds on a busy machine where wall-clock
 * figures do not), p50/p99 and req/s. With --profile the server runs under `node --cpu-prof` and writes its profile
 * into DIR when it stops (summarise it with `node scripts/lib/cpuprofile-summary.mjs FILE`).
 */
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildIfNeeded } from "./lib/build.mjs";
import { startServer } from "./lib/server";
import { logIn, pickIds, secretsFrom, type Session, type Visitor } from "./lib/pages";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "data/scale-100000.sqlite" }, duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" }, profile: { type: "string" },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!existsSync(values.db!)) throw new Error(`no database at ${values.db}: make one with npm run seed:scale`);
buildIfNeeded({ stdoutFree: true });

const runPath = values.db!.replace(/\.sqlite$/, "") + ".request-run.sqlite";
for (const suffix of ["", "-wal", "-shm"]) rmSync(runPath + suffix, { force: true });
copyFileSync(values.db!, runPath);
const client = new Database(runPath, { readonly: true });
const ids = pickIds(client);
const secretOf = secretsFrom(client);

const env: Record<string, string> = {
  NODE_ENV: "production", SESSION_SECRET: randomBytes(32).toString("hex"), SEED_DEMO: "false", BACKGROUND_JOBS: "false",
  CONTACT_EMAIL: "kontakt@example.org", HOST: "127.0.0.1", PORT: "0", DATABASE_URL: runPath, LOG_LEVEL: "error",
};
const server = await startServer(env, 120_000, values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : []);
const pid = server.process.pid!;
/** User + system CPU of the server process in ms (clock ticks of 10 ms). */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const pages: { visitor: Exclude<Visitor, "anonymous"> | null; path: string }[] = [
  { visitor: null, path: "/healthz" },
  { visitor: "coordinator", path: `/koordinator/mentorer/${ids.mentor}` },
  { visitor: "coordinator", path: `/koordinator/mentees/${ids.mentee}` },
  { visitor: "caseworker", path: `/kommune/borgere/${ids.aarhusMentee}` },
  { visitor: "mentor", path: "/mentor" },
  { visitor: "mentor", path: "/mentor/introduktion" },
  { visitor: "admin", path: "/admin" },
];

try {
  const sessions = new Map<string, Session>();
  for (const { visitor, path } of pages) {
    let cookie: string | undefined;
    if (visitor) {
      if (!sessions.has(visitor)) sessions.set(visitor, await logIn(server.url, visitor, secretOf));
      cookie = sessions.get(visitor)!.cookie;
    }
    const headers = cookie ? { cookie } : undefined;
    // Warm-up: JIT, statement caches, SQLite's page cache.
    await autocannon({ url: server.url + path, connections, duration: 2, headers });
    const before = cpuMs();
    const r = await autocannon({ url: server.url + path, connections, duration, headers });
    const cpu = cpuMs() - before;
    const requests = r.requests.total;
    console.log(JSON.stringify({
      visitor: visitor ?? "anonymous", path, requests, cpu_ms_per_request: Math.round((cpu / Math.max(1, requests)) * 100) / 100,
      p50_ms: r.latency.p50, p99_ms: r.latency.p99, req_s: r.requests.average, non_2xx: r.non2xx, kb: Math.round((r.throughput.total ?? 0) / Math.max(1, requests) / 100) / 10,
    }));
  }
} finally {
  await server.stop();
  client.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(runPath + suffix, { force: true });
}
