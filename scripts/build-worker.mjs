// Bundles the background-job worker (app/jobs/worker.ts) to build/jobs-worker.js, next to the Remix build: a worker
// thread loads plain JavaScript, and node_modules stay outside the bundle as in the server build. `npm run build` runs
// it after `remix build`; tests bundle their own entry with the same function.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

/** @param {{ entry?: string, outfile?: string }} [opts] */
export async function buildWorker(opts = {}) {
  await build({
    entryPoints: [opts.entry ?? "app/jobs/worker.ts"],
    outfile: opts.outfile ?? "build/jobs-worker.js",
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "error",
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildWorker();
