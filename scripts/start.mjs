// `npm start`: build when the build is missing or older than the sources, then serve (boot migrates and seeds).
import { spawn } from "node:child_process";
import { buildIfNeeded } from "./lib/build.mjs";

buildIfNeeded();
const child = spawn(process.execPath, ["server.mjs"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
