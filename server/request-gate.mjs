/**
 * The app's page reads in the order they came (docs/decisions/024-requests-in-order.md): at most `limit` GET or HEAD
 * requests are being worked on at once (loaders, rendering); the others wait their turn, first come first served.
 * Form posts pass straight on: an action may wait on something other than this thread (a password's hash is computed
 * on libuv's pool), and a burst of logins must not hold the pages up.
 *
 * Why: the process has one thread, and a page's work is split into several turns of the event loop (the session's
 * signature, the loader, React's rendering steps, single fetch's stream of the loader data). With ten requests in
 * flight those turns interleave, so a request that came early keeps being overtaken by the loaders of requests that
 * came after it: the middle of the distribution does not move, but the slowest requests wait for many others' turns.
 * With a small number in progress at a time the rest queue in order, every request waits for about the same work,
 * and the slowest ones come closer to the middle. A slot is given back when the response's headers are written:
 * sending a long body (a file, a streamed CSV) to a slow client does not hold it. A request that ends without a
 * response (an error, a client gone) gives it back when its handler ends.
 *
 * Measured side by side at national scale (docs/benchmarks.md): p99 of the slowest list pages 5-20 ms lower with 2
 * than without the gate, the same CPU per request; 2 did better than 3, and 1 left the thread idle while a request
 * waited on the pool.
 *
 * @template {import("node:http").IncomingMessage} Req
 * @template {import("node:http").ServerResponse} Res
 * @param {(req: Req, res: Res, next: (err?: unknown) => void) => unknown} handler
 * @param {number} limit how many requests are worked on at once (0: no gate)
 * @returns {(req: Req, res: Res, next: (err?: unknown) => void) => Promise<void>} settles when the handler has ended
 */
export function requestGate(handler, limit) {
  if (!limit) return async (req, res, next) => handler(req, res, next);
  let active = 0;
  /** @type {(() => void)[]} */
  const waiting = [];
  const giveBack = () => {
    active--;
    waiting.shift()?.();
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return Promise.resolve(handler(req, res, next));
    return new Promise((resolve) => {
      const start = () => {
        active++;
        let given = false;
        const done = () => {
          if (given) return;
          given = true;
          giveBack();
        };
        const writeHead = res.writeHead;
        // Node writes the headers through writeHead, also when a body is written without it (_implicitHeader).
        res.writeHead = function (...args) {
          done();
          return writeHead.apply(this, args);
        };
        let work;
        try {
          work = Promise.resolve(handler(req, res, next));
        } catch (e) {
          work = Promise.reject(e);
        }
        work.then(
          () => {
            done();
            resolve();
          },
          (e) => {
            done();
            resolve();
            next(e);
          },
        );
      };
      if (active < limit) start();
      else waiting.push(start);
    });
  };
}

/** REQUEST_CONCURRENCY: how many page reads the app works on at once (0 turns the gate off); 2 when unset. */
export function requestConcurrency(raw = process.env.REQUEST_CONCURRENCY) {
  if (raw === undefined || raw === "") return 2;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 1000) {
    process.stderr.write(`REQUEST_CONCURRENCY must be a whole number from 0 to 1000 (it is "${raw}")\n`);
    process.exit(1);
  }
  return n;
}
