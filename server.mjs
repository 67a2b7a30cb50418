/**
 * The production server: Express serving the Remix build, static assets (the build, DKFDS from its package, public/),
 * security headers, and graceful shutdown. Configuration is validated by boot() before anything listens.
 */
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { randomBytes } from "node:crypto";
import { createHistogram, monitorEventLoopDelay, performance } from "node:perf_hooks";

const build = await import("./build/index.js");
const { boot, shutdown } = build.entry.module;

const info = await boot();
const stats = info.eventLoopStats ? eventLoopStats() : null;
const app = express();
app.disable("x-powered-by");
app.set("trust proxy", false);

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const hostOf = (origin) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

app.use((req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  // Origin check on mutations (CSRF defence beside SameSite=Lax cookies). Provider webhooks come without a browser Origin.
  if (MUTATING.has(req.method) && !req.path.startsWith("/webhooks/")) {
    const origin = req.get("origin");
    const site = req.get("sec-fetch-site");
    // "null" (pages with referrer policy no-referrer send it) says nothing; Sec-Fetch-Site decides then.
    if ((origin && origin !== "null" && hostOf(origin) !== req.get("host")) || site === "cross-site") {
      res.status(403).type("text/plain").send("Cross-site request refused");
      return;
    }
  }
  res.set({
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy":
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " +
      `script-src 'self' 'nonce-${res.locals.cspNonce}'; ` +
      "font-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'",
  });
  if (process.env.NODE_ENV === "production") res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use("/dkfds", express.static("node_modules/dkfds/dist", { maxAge: "1d" }));
app.use(express.static("public", { maxAge: "1h" }));
const remix = createRequestHandler({ build, mode: "production", getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }) });
app.all("*", stats ? stats.counting(remix) : remix);

const server = app.listen(info.port, info.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : info.port;
  const url = info.host === "0.0.0.0" ? `http://localhost:${port}` : `http://${info.host}:${port}`;
  console.log(JSON.stringify({ t: new Date().toISOString(), level: "info", msg: "listening", url, port }));
  if (info.logins.length) {
    console.log(`\nMentorbro is running on ${url}\nDemo logins (password for all: ${info.logins[0].password}):`);
    for (const l of info.logins) console.log(`  ${l.role.padEnd(12)} ${l.email}`);
    console.log("");
  }
});

let closing = false;
function stop(signal) {
  if (closing) return;
  closing = true;
  console.log(JSON.stringify({ t: new Date().toISOString(), level: "info", msg: "shutting down", signal }));
  server.close(() => {
    shutdown();
    process.exit(0);
  });
  server.closeIdleConnections?.();
  setTimeout(() => { shutdown(); process.exit(0); }, 5_000).unref();
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

/**
 * Opt-in (EVENT_LOOP_STATS=true, for `npm run bench:pages`): SIGUSR2 logs the event loop's delays, the requests Remix is
 * still handling (a benchmark waits for none before its next page: a client that gave up does not stop a loader) and
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
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const summary = (h) => ({ max_ms: ms(h.count ? h.max : 0), p99_ms: ms(h.count ? h.percentile(99) : 0), mean_ms: ms(h.count ? h.mean : 0), samples: h.count });
  process.on("SIGUSR2", () => {
    const mem = process.memoryUsage();
    console.log(JSON.stringify({
      t: new Date().toISOString(), level: "info", msg: "event loop", since_last: summary(sinceLast), since_start: summary(sinceStart),
      in_flight: inFlight, rss_mb: Math.round(mem.rss / 1e6), heap_used_mb: Math.round(mem.heapUsed / 1e6),
    }));
    sinceLast.reset();
  });
  return {
    counting: (handler) => async (req, res, next) => {
      inFlight++;
      try {
        await handler(req, res, next);
      } finally {
        inFlight--;
      }
    },
  };
}
