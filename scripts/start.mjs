// `npm start`: build when the build is missing or older than the sources, then serve (boot migrates and seeds).
import { spawn } from "node:child_process";
import { buildIfNeeded } from "./lib/build.mjs";
import { serverNodeArgs } from "./lib/node-args.mjs";

buildIfNeeded();
const child = spawn(process.execPath, [...serverNodeArgs, "server.mjs"], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
