/**
 * Starts the production server: one process (the default), or, with WEB_CONCURRENCY > 1, a primary process that runs
 * that many server processes on the same port, one per CPU core (server/cluster.mjs, docs/decisions/022). Each server
 * process is server/http.mjs.
 */
import cluster from "node:cluster";
import { clusterSize, runPrimary } from "./server/cluster.mjs";

const size = clusterSize();
if (cluster.isPrimary && size > 1) runPrimary(size);
else await import("./server/http.mjs");
