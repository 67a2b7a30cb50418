/**
 * Starts the real server (node server.mjs) as a child process and waits for its "listening" line. Shared by the
 * browser-test fixtures, the CI-sized page check and the page benchmark. A server that does not start is killed, so
 * a failure never leaves a process behind.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type RunningServer = {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** Resolves with the next stdout line that contains `marker` (e.g. the event-loop report). */
  nextLine: (marker: string, timeoutMs: number) => Promise<string | null>;
  stop: () => Promise<void>;
};

/**
 * `nodeArgs` go to node before the script (e.g. `--cpu-prof`, which NODE_OPTIONS refuses); `cwd` is the checkout whose
 * server.mjs and build run (a benchmark comparing two versions).
 */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 40_000,
  opts: { nodeArgs?: string[]; cwd?: string } = {},
): Promise<RunningServer> {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "server.mjs"], {
    env: { ...process.env, ...env },
    cwd: opts.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let pending = "";
  const waiters: { marker: string; resolve: (line: string | null) => void }[] = [];
  child.stdout!.on("data", (b: Buffer) => {
    out += b.toString();
    pending += b.toString();
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const i = waiters.findIndex((w) => line.includes(w.marker));
      if (i >= 0) waiters.splice(i, 1)[0].resolve(line);
    }
    if (out.length > 1_000_000) out = out.slice(-200_000);
  });
  child.stderr!.on("data", (b: Buffer) => {
    out += b.toString();
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start:\n${out}`));
    }, timeoutMs);
    const onData = () => {
      const m = out.match(/"msg":"listening","url":"([^"]+)"/);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off("data", onData);
        resolveUrl(m[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}:\n${out}`));
    });
  });
  child.once("exit", () => {
    for (const w of waiters.splice(0)) w.resolve(null);
  });
  return {
    url,
    process: child,
    output: () => out,
    nextLine: (marker, ms) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
        const w = {
          marker,
          resolve: (line: string | null) => {
            clearTimeout(timer);
            resolve(line);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(w), 1);
          resolve(null);
        }, ms);
        waiters.push(w);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
