/**
 * The production server: Express serving the Remix build, static assets (the build, DKFDS from its package, public/),
 * security headers, and graceful shutdown. Configuration is validated by boot() before anything listens.
 */
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { randomBytes } from "node:crypto";

const build = await import("./build/index.js");
const { boot, shutdown } = build.entry.module;

const info = await boot();
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
app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }) }));

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
