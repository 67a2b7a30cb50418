// `npm start`: build when the build is missing or older than the sources, then serve (boot migrates and seeds).
import { spawn, spawnSync } from "node:child_process";
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

const buildFile = "build/index.js";
const sources = Math.max(newest("app"), newest("db"), newest("emails"), statSync("remix.config.js").mtimeMs, statSync("package.json").mtimeMs);
if (!existsSync(buildFile) || statSync(buildFile).mtimeMs < sources) {
  console.log("Building the app...");
  const r = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const child = spawn(process.execPath, ["server.mjs"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
