// Builds the app (remix build, then the job worker) when build/index.js is missing or older than any source. Used by `npm start` and the
// page benchmark.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/**
 * @param {{ stdoutFree?: boolean }} [opts] stdoutFree: keep this process's stdout for results (build output goes to stderr)
 * @returns {boolean} whether it built
 */
export function buildIfNeeded(opts = {}) {
  const buildFile = "build/index.js";
  const sources = Math.max(
    newest("app"),
    newest("db"),
    newest("emails"),
    statSync("remix.config.js").mtimeMs,
    statSync("package.json").mtimeMs,
  );
  if (existsSync(buildFile) && statSync(buildFile).mtimeMs >= sources) return false;
  (opts.stdoutFree ? console.error : console.log)("Building the app...");
  const r = spawnSync("npx", ["remix", "build"], { stdio: ["ignore", opts.stdoutFree ? 2 : "inherit", "inherit"] });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const w = spawnSync(process.execPath, ["scripts/build-worker.mjs"], {
    stdio: ["ignore", opts.stdoutFree ? 2 : "inherit", "inherit"],
  });
  if (w.status !== 0) process.exit(w.status ?? 1);
  return true;
}
