/**
 * The production server: Express serving the Remix build, static assets (the build, DKFDS from its package, public/),
 * security headers, and graceful shutdown. Configuration is validated by boot() before anything listens.
 */
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { randomBytes } from "node:crypto";
import { createHistogram, monitorEventLoopDelay, performance } from "node:perf_hooks";

const build = await import("./build/index.js");
const { boot, shutdown, refusedPage } = build.entry.module;

const info = await boot();
const stats = info.eventLoopStats ? eventLoopStats() : null;
const app = express();
app.disable("x-powered-by");
// TRUST_PROXY hops: Express then takes req.ip and req.hostname from that many proxies' headers; 0 trusts none.
app.set("trust proxy", info.trustProxy > 0 ? info.trustProxy : false);

// Headers only a proxy should write. Without trusted proxies they come from the client, so nothing may read them.
const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];
const hostOf = (origin) => {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
};

app.use(async (req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString("base64");
  // A request that says a proxy forwarded it for another host, while no proxy is trusted, is not one of ours.
  const forwardedHost = req.get("x-forwarded-host")?.split(",")[0]?.trim();
  const foreignForward = !info.trustProxy && !!forwardedHost && forwardedHost !== req.get("host");
  if (!info.trustProxy) for (const h of FORWARDED) delete req.headers[h];
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
  if (info.https) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  // Origin check on every mutation (CSRF defence beside SameSite=Lax cookies), the same rule Remix applies after us
  // (its check throws, a 500): an Origin, "null" included, must name the host the request was sent to, which is the
  // trusted proxy's X-Forwarded-Host or else Host. Provider webhooks come without a browser Origin.
  if (req.method !== "GET" && req.method !== "HEAD" && !req.path.startsWith("/webhooks/")) {
    const origin = req.get("origin");
    const host = (info.trustProxy && forwardedHost) || req.get("host");
    if (foreignForward || (origin !== undefined && hostOf(origin) !== host) || req.get("sec-fetch-site") === "cross-site") {
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
app.use(express.static("public", { maxAge: "1h" }));
const remix = createRequestHandler({ build, mode: "production", getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientAddress: req.ip ?? req.socket.remoteAddress }) });
app.all("*", stats ? stats.counting(remix) : remix);

const server = app.listen(info.port, info.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : info.port;
  const url = info.host === "0.0.0.0" ? `http://localhost:${port}` : `http://${info.host}:${port}`;
  console.log(JSON.stringify({ t: new Date().toISOString(), level: "info", msg: "listening", url, port }));
  if (info.logins.length) {
    console.log(`\nMentorbro is running on ${url}\nDemo logins (password for all: ${info.logins[0].password}):`);
    for (const l of info.logins) console.log(`  ${l.role.padEnd(12)} ${l.email}`);
    const admin = info.logins.find((l) => l.totpSecret);
    if (admin) {
      console.log(`Admins need a code too: add the key ${admin.totpSecret} to an authenticator app, or run \`npm run demo:code\`.`);
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
  const forced = new Promise((resolve) => setTimeout(() => { server.closeAllConnections?.(); resolve(); }, 5_000).unref());
  Promise.race([httpClosed, forced]).then(() => shutdown()).finally(() => process.exit(0));
  setTimeout(() => process.exit(1), 30_000).unref();
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
