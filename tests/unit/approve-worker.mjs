/**
 * One coordinator's approval in its own thread with its own SQLite connection (used by matching-concurrency.test.ts).
 * It loads the app's approveMatch from a bundle the test builds first (50 threads each compiling TypeScript would be slow).
 */
import { parentPort, workerData } from "node:worker_threads";

const { bundle, dbPath, menteeId, mentorId, actorId, barrier } = workerData;
process.env.DATABASE_URL = dbPath;
const { approveMatch, db } = await import(bundle);
db(); // open the connection before the start signal
const flag = new Int32Array(barrier);
Atomics.add(flag, 1, 1);
Atomics.wait(flag, 0, 0); // every worker waits here until the test releases them all at once
try {
  parentPort.postMessage(approveMatch({ menteeId, mentorId, actor: { id: actorId, role: "coordinator" } }));
} catch (e) {
  parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
}
