/**
 * A server of several processes (WEB_CONCURRENCY, docs/decisions/022): process 0 starts first and alone (migrates,
 * seeds, runs the background work), the others answer requests on the same port; a process that dies is started
 * again; SIGTERM stops them all.
 */
import { expect, test } from "@playwright/test";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { startServer } from "../../scripts/lib/server";
import { TMP_DIR } from "../support/paths";

type Listening = { process: number; pid: number };

function processesListening(output: string): Listening[] {
  return output
    .split("\n")
    .filter((l) => l.includes('"msg":"process listening"'))
    .map((l) => JSON.parse(l) as Listening);
}

async function until<T>(what: () => T | undefined, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("two server processes share the port; process 0 alone seeds and runs the background work; a dead one comes back", async ({
  request,
}, testInfo) => {
  const dir = resolve(TMP_DIR, `cluster-${testInfo.workerIndex}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = await startServer({
    NODE_ENV: "test",
    WEB_CONCURRENCY: "2",
    HOST: "127.0.0.1",
    PORT: "0",
    DATABASE_URL: resolve(dir, "db.sqlite"),
    SEED_DEMO: "true",
    LOCAL_SINK_DIR: resolve(dir, "sink"),
    EXPORT_DIR: resolve(dir, "exports"),
    LOG_LEVEL: "info",
  });
  try {
    const out = server.output();
    // "listening" once, from the primary, when both processes listen on the one port.
    expect(out.match(/"msg":"listening"/g)).toHaveLength(1);
    expect(out).toContain('"processes":2');
    const started = processesListening(out);
    expect(started.map((p) => p.process).sort()).toEqual([0, 1]);
    expect(new Set(started.map((p) => p.pid)).size).toBe(2);
    expect(started.every((p) => p.pid !== server.process.pid)).toBe(true);
    // Only process 0 seeded (it started alone, before the other existed) and printed the demo logins.
    expect(out.match(/seeding demo data/g)).toHaveLength(1);
    expect(out.match(/Demo logins/g)).toHaveLength(1);

    for (let i = 0; i < 10; i++) {
      const r = await request.get(`${server.url}/login`, { headers: { Connection: "close" } });
      expect(r.status()).toBe(200);
    }

    // Process 1 dies: the primary starts it again, and the server answers throughout.
    const second = started.find((p) => p.process === 1)!;
    process.kill(second.pid, "SIGKILL");
    const again = await until(
      () => processesListening(server.output()).find((p) => p.pid !== second.pid && p.process === 1),
      30_000,
    );
    expect(again.pid).not.toBe(second.pid);
    expect(server.output()).toContain('"msg":"server process exited"');
    for (let i = 0; i < 6; i++) {
      const r = await request.get(`${server.url}/healthz`, { headers: { Connection: "close" } });
      expect(r.status()).toBe(200);
    }
  } finally {
    await server.stop();
  }
  // SIGTERM to the primary stops every process, and the primary exits cleanly.
  expect(server.process.exitCode).toBe(0);
  for (const p of processesListening(server.output())) {
    expect(() => process.kill(p.pid, 0)).toThrow();
  }
  rmSync(dir, { recursive: true, force: true });
});
