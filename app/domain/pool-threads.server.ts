/**
 * Helper threads for scoring a large pool (issue 17; see assignment-scoring.ts): `node:worker_threads` running the
 * scoring kernel's own source text.
 *
 * Why the source text (`new Worker(source, { eval: true })`) and not a worker file: the pool is scored wherever
 * `assignPool` runs (in the background-job worker of the production build, a bundle of its own; under tsx in the
 * benchmark; under vitest in the tests), and a worker file would need a build step and a loader in each of them (a
 * `.ts` file does not load without tsx's hooks, and inheriting those costs every helper a TypeScript loader). The
 * kernel (`scoringKernel`, matching-pool-kernel.ts) refers to nothing outside its body, so its compiled text, as
 * whichever compiler produced it, is a complete script; the helper starts with no loader (`execArgv: []`) and reads
 * the job's arrays from the SharedArrayBuffers it is given. `__name` is esbuild's keep-names helper (tsx and vitest
 * compile with it), defined here as a no-op.
 *
 * Server-only (`.server`): route modules import assignment.ts, which must not pull in `node:worker_threads`.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { scoringKernel, type ScoringJob } from "./matching-pool-kernel";
import type { HelperThreads } from "./assignment-scoring";

/** At most this many helpers beside the calling thread (the machines have 2 cores; the server needs some too). */
const MAX_HELPERS = 3;

let source: string | undefined;
/** The helper's script: the kernel's text, then one call of scoreBlocks on the job it was given. */
function helperSource(): string {
  source ??= [
    `"use strict";`,
    `var __name = (f) => f;`,
    `const kernel = (${scoringKernel.toString()})();`,
    `const { workerData } = require("node:worker_threads");`,
    // A failure is marked in the job (the block failed, every thread stops); the caller then scores alone.
    `try { kernel.scoreBlocks(workerData.job, workerData.thread); } catch (err) { }`,
  ].join("\n");
  return source;
}

/** Helper threads as the pool's scoring wants them; `max` caps them (default: cores - 1, at most MAX_HELPERS). */
export function scoringThreads(max = MAX_HELPERS): HelperThreads {
  return {
    available: () => Math.max(0, Math.min(max, availableParallelism() - 1)),
    start(job: ScoringJob, n: number) {
      const workers: Worker[] = [];
      try {
        for (let t = 1; t <= n; t++) {
          const w = new Worker(helperSource(), {
            eval: true,
            execArgv: [],
            workerData: { job, thread: t },
            stdout: true,
            stderr: true,
          });
          // Errors show in the job's shared state; a listener keeps an error event from crashing the process.
          w.on("error", () => {});
          w.unref();
          workers.push(w);
        }
      } catch (err) {
        for (const w of workers) void w.terminate();
        throw err;
      }
      return () => {
        for (const w of workers) void w.terminate();
      };
    },
  };
}
