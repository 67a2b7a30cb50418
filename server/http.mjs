/**
 * The production server: Express serving the Remix build, static assets (the build, DKFDS from its package, public/),
 * security headers, and graceful shutdown. Configuration is validated by boot() before anything listens.
 *
 * The public pages (app/public-pages.server.ts) are answered before Express and Remix from a ready copy per language,
 * with this response's own CSP nonce: a visitor without cookies asking for the landing page costs a lookup, not a
 * render. Everything else goes through Express.
 */
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { requestConcurrency, requestGate } from "./request-gate.mjs";
import { createRequestHandler as createFetchHandler } from "@remix-run/node";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { createHistogram, monitorEventLoopDelay, performance } from "node:perf_hooks";
import cluster from "node:cluster";

const build = await import("../build/index.js");
const { boot, shutdown, refusedPage, publicPageCache, PUBLIC_PAGES } = build.entry.module;

// One of several server processes (server/cluster.mjs): only process 0 seeds and runs the background work.
const processIndex = cluster.isWorker ? Number(process.env.MB_PROCESS_INDEX ?? 0) : 0;
const info = await boot({ backgroundWork: processIndex === 0 });
const stats = info.eventLoopStats ? eventLoopStats() : null;
const app = express();
app.disable("x-powered-by");
// TRUST_PROXY hops: Express then takes req.ip and req.hostname from that many proxies' headers; 0 trusts none.
app.set("trust proxy", info.trustProxy > 0 ? info.trustProxy : false);

// Headers only a proxy should write. Without trusted proxies they come from the client, so nothing may read them.
const FORWARDED = [
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-real-ip",
  "forwarded",
];
const hostOf = (origin) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

/** The headers every response carries; the nonce is the response's own (scripts without it do not run). */
function securityHeaders(nonce) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy":
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
      `script-src 'self' 'nonce-${nonce}'; ` +
      "font-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'",
    ...(info.https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

app.use(async (req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  // A request that says a proxy forwarded it for another host, while no proxy is trusted, is not one of ours.
  const forwardedHost = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  const foreignForward = !info.trustProxy && !!forwardedHost && forwardedHost !== req.get("host");
  if (!info.trustProxy) for (const h of FORWARDED) delete req.headers[h];
  res.set(securityHeaders(res.locals.cspNonce));
  // Origin check on every mutation (CSRF defence beside SameSite=Lax cookies), the same rule Remix applies after us
  // (its check throws, a 500): an Origin, "null" included, must name the host the request was sent to, which is the
  // trusted proxy's X-Forwarded-Host or else Host. Provider webhooks come without a browser Origin.
  if (req.method !== "GET" && req.method !== "HEAD" && !req.path.startsWith("/webhooks/")) {
    const origin = req.get("origin");
    const host = (info.trustProxy && forwardedHost) || req.get("host");
    if (
      foreignForward ||
      (origin !== undefined && hostOf(origin) !== host) ||
      req.get("sec-fetch-site") === "cross-site"
    ) {
      try {
        const html = await refusedPage({ cookie: req.get("cookie"), acceptLanguage: req.get("accept-language") });
        res.status(403).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).send(html);
      } catch {
        res.status(403).type("text/plain").send("Forbidden: cross-site request refused");
      }
      return;
    }
  }
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use("/dkfds", express.static("node_modules/dkfds/dist", { maxAge: "1d" }));
// public/ holds a few files at its top (the favicon): only their names go to the disk, not every page's path.
const publicFiles = express.static("public", { maxAge: "1h" });
const publicNames = new Set(readdirSync("public").filter((n) => n !== "build"));
app.use((req, res, next) => (publicNames.has(req.path.split("/")[1]) ? publicFiles(req, res, next) : next()));
const remix = createRequestHandler({
  build,
  mode: "production",
  getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress }),
});
// In the order they came, a few at a time (server/request-gate.mjs, decision 024).
const gated = requestGate(remix, requestConcurrency());
app.all("*", stats ? stats.counting(gated) : gated);

const publicPaths = new Set(PUBLIC_PAGES);
const renderPublic = createFetchHandler(build, "production");
const publicPages = publicPageCache((request, nonce) =>
  renderPublic(request, { cspNonce: nonce, clientAddress: "127.0.0.1" }),
);

/** A public page from its ready copy, or false (then Express and Remix answer as usual). */
async function answerPublic(req, res) {
  const page = await publicPages.lookup({
    method: req.method,
    url: req.url,
    cookie: req.headers.cookie,
    acceptLanguage: req.headers["accept-language"],
  });
  if (!page) return false;
  const nonce = randomBytes(16).toString("base64");
  const body = page.html(nonce);
  res.writeHead(page.status, {
    ...securityHeaders(nonce),
    ...Object.fromEntries(page.headers),
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}

const server = createServer((req, res) => {
  if (!publicPaths.has(req.url) || (req.method !== "GET" && req.method !== "HEAD")) return app(req, res);
  answerPublic(req, res).then(
    (done) => {
      if (!done) app(req, res);
    },
    (e) => {
      console.error(
        JSON.stringify({
          t: new Date().toISOString(),
          level: "error",
          msg: "public page cache failed",
          error: String(e),
        }),
      );
      app(req, res);
    },
  );
});
server.listen(info.port, info.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : info.port;
  const url = info.host === "0.0.0.0" ? `http://localhost:${port}` : `http://${info.host}:${port}`;
  // With several processes the primary says "listening" once all of them do.
  const msg = cluster.isWorker ? "process listening" : "listening";
  console.log(
    JSON.stringify({
      t: new Date().toISOString(),
      level: "info",
      msg,
      url,
      port,
      process: processIndex,
      pid: process.pid,
    }),
  );
  if (info.logins.length) {
    console.log(`\nMentorbro is running on ${url}\nDemo logins (password for all: ${info.logins[0].password}):`);
    for (const l of info.logins) console.log(`  ${l.role.padEnd(12)} ${l.email}`);
    const admin = info.logins.find((l) => l.totpSecret);
    if (admin) {
      console.log(
        `Admins need a code too: add the key ${admin.totpSecret} to an authenticator app, or run \`npm run demo:code\`.`,
      );
    }
    console.log("");
  }
});

let closing = false;
function stop(signal) {
  if (closing) return;
  closing = true;
  console.log(JSON.stringify({ t: new Date().toISOString(), level: "info", msg: "shutting down", signal }));
  // Requests in progress get 5 s; then the background work stops. The outbox sender may be waiting for a provider's
  // answer: it is let finish (a send cut off mid-way could not be told apart from a crash).
  const httpClosed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections?.();
  const forced = new Promise((resolve) =>
    setTimeout(() => {
      server.closeAllConnections?.();
      resolve();
    }, 5_000).unref(),
  );
  Promise.race([httpClosed, forced])
    .then(() => shutdown())
    .finally(() => process.exit(0));
  setTimeout(() => process.exit(1), 30_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

/**
 * Opt-in (EVENT_LOOP_STATS=true, for `npm run bench:pages`): SIGUSR2 logs the event loop's delays, how long the app's
 * requests took in the server since the last report (`answered`), the requests Remix is still handling (a benchmark waits for none before its next page: a client that gave up does not stop a loader) and
 * the process's memory. `since_start` is perf_hooks.monitorEventLoopDelay, never reset. `since_last` counts from the
 * previous report: the same measurement (a timer every 5 ms, how late it fired), kept here because a reset
 * monitorEventLoopDelay forgets its last tick and would miss a block that starts before its next one. Without the
 * variable nothing is measured and no signal handler is installed.
 */
function eventLoopStats() {
  const RESOLUTION_MS = 5;
  const sinceStart = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  sinceStart.enable();
  const sinceLast = createHistogram();
  let last = performance.now();
  setInterval(() => {
    const t = performance.now();
    sinceLast.record(Math.max(1, Math.round((t - last - RESOLUTION_MS) * 1e6)));
    last = t;
  }, RESOLUTION_MS).unref();
  let inFlight = 0;
  // How long the app's requests took here, from the handler's start (before the request queue) to the last byte
  // handed to the socket: the server's side of a client's latency.
  const answered = createHistogram();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const summary = (h) => ({
    max_ms: ms(h.count ? h.max : 0),
    p99_ms: ms(h.count ? h.percentile(99) : 0),
    mean_ms: ms(h.count ? h.mean : 0),
    samples: h.count,
  });
  process.on("SIGUSR2", () => {
    const mem = process.memoryUsage();
    console.log(
      JSON.stringify({
        t: new Date().toISOString(),
        level: "info",
        msg: "event loop",
        since_last: summary(sinceLast),
        since_start: summary(sinceStart),
        answered: summary(answered),
        in_flight: inFlight,
        rss_mb: Math.round(mem.rss / 1e6),
        heap_used_mb: Math.round(mem.heapUsed / 1e6),
        heap_total_mb: Math.round(mem.heapTotal / 1e6),
        external_mb: Math.round(mem.external / 1e6),
      }),
    );
    sinceLast.reset();
    answered.reset();
  });
  return {
    counting: (handler) => async (req, res, next) => {
      const start = performance.now();
      res.on("finish", () => answered.record(Math.max(1, Math.round((performance.now() - start) * 1e6))));
      inFlight++;
      try {
        await handler(req, res, next);
      } finally {
        inFlight--;
      }
    },
  };
}
