/**
 * Fake Resend and GatewayAPI on loopback that behave like the real ones where it matters for "never twice, never
 * lost" (real HTTP, so the app's real transports and their error handling are exercised):
 *
 * - Resend (`POST /emails`): an idempotency key is kept once a request under it was accepted. The same key with the
 *   same body gets the first answer again (no second email); the same key with another body gets 409
 *   `invalid_idempotent_request`; a key whose first request is still being processed gets 409
 *   `concurrent_idempotent_requests`.
 * - GatewayAPI (`POST /rest/mtsms`): no idempotency; every accepted request is one more SMS, recorded with its
 *   `userref`.
 * - Either can misbehave per request: 503, 429 with Retry-After, drop the connection before or after accepting, answer
 *   after accepting but too late, or hang; and it can be down (connection refused).
 *
 * What each saw is recorded: every request's key and body, and each accepted message.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Behaviour =
  | "ok"
  | "unavailable" // 503, nothing accepted
  | "rate-limited" // 429 with Retry-After, nothing accepted
  | "drop-before" // connection closed before anything is accepted
  | "drop-after" // accepted, then the connection is closed before the answer
  | "slow" // accepted, answered after `slowMs` (longer than the client waits)
  | "hang"; // never answers, nothing accepted

export type FakeRequest = { n: number; key: string; body: string };

export type FakeProvider = {
  kind: "email" | "sms";
  url: string;
  /** Behaviours for the next requests, used first; then `policy`. */
  next: Behaviour[];
  policy: (req: FakeRequest) => Behaviour;
  /** Called after a request was accepted, before its answer is written (a test may kill the sender here). */
  afterAccept: ((req: FakeRequest) => Promise<void> | void) | null;
  slowMs: number;
  retryAfterSeconds: number;
  requests: FakeRequest[];
  /** Accepted messages: one per email (Resend deduplicates), one per accepted request for SMS. */
  accepted: { key: string; body: string; id: string }[];
  acceptedCount(key: string): number;
  requestCount(key: string): number;
  bodies(key: string): Set<string>;
  reset(): void;
  /** Stops listening (connection refused) until `up`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
};

async function readBody(req: IncomingMessage): Promise<string> {
  let s = "";
  for await (const chunk of req) s += chunk;
  return s;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  if (res.destroyed) return;
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
};

export async function fakeProvider(kind: "email" | "sms"): Promise<FakeProvider> {
  let seq = 0;
  let ids = 0;
  /** Resend: key → the accepted request's body and answer (or in flight). */
  const keys = new Map<string, { body: string; id: string | null }>();
  const fake = {
    kind,
    next: [] as Behaviour[],
    policy: () => "ok" as Behaviour,
    afterAccept: null,
    slowMs: 1_000,
    retryAfterSeconds: 1,
    requests: [] as FakeRequest[],
    accepted: [] as FakeProvider["accepted"],
  } as unknown as FakeProvider;
  fake.acceptedCount = (key) => fake.accepted.filter((a) => a.key === key).length;
  fake.requestCount = (key) => fake.requests.filter((r) => r.key === key).length;
  fake.bodies = (key) => new Set(fake.requests.filter((r) => r.key === key).map((r) => r.body));
  fake.reset = () => {
    seq = 0;
    fake.next = [];
    fake.policy = () => "ok";
    fake.afterAccept = null;
    fake.requests = [];
    fake.accepted = [];
    keys.clear();
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    let key = "";
    try {
      key = kind === "sms" ? String(JSON.parse(body).userref ?? "") : String(req.headers["idempotency-key"] ?? "");
    } catch {
      json(res, 400, { message: "bad json" });
      return;
    }
    const r: FakeRequest = { n: ++seq, key, body };
    fake.requests.push(r);
    const behaviour = fake.next.shift() ?? fake.policy(r);
    if (behaviour === "unavailable")
      return json(
        res,
        503,
        kind === "email"
          ? { statusCode: 503, name: "service_unavailable", message: "down" }
          : { code: "0x0503", message: "down" },
      );
    if (behaviour === "rate-limited") {
      return json(
        res,
        429,
        kind === "email"
          ? { statusCode: 429, name: "rate_limit_exceeded", message: "slow down" }
          : { code: "0x0429", message: "slow down" },
        { "Retry-After": String(fake.retryAfterSeconds) },
      );
    }
    if (behaviour === "drop-before") {
      req.socket.destroy();
      return;
    }
    if (behaviour === "hang") return;

    // The provider processes the request.
    let answer: { status: number; body: unknown };
    if (kind === "email") {
      const known = keys.get(key);
      if (known && known.body !== body)
        answer = {
          status: 409,
          body: {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload.",
          },
        };
      else if (known && known.id === null)
        answer = {
          status: 409,
          body: {
            statusCode: 409,
            name: "concurrent_idempotent_requests",
            message: "Same idempotency key used while original request is still in progress.",
          },
        };
      else if (known) answer = { status: 200, body: { id: known.id } };
      else {
        // Accepted (the email will go out); the key counts as in progress until the answer is ready.
        const id = `re_${++ids}`;
        keys.set(key, { body, id: null });
        fake.accepted.push({ key, body, id });
        if (fake.afterAccept) await fake.afterAccept(r);
        keys.set(key, { body, id });
        answer = { status: 200, body: { id } };
      }
    } else {
      const id = String(++ids);
      fake.accepted.push({ key, body, id });
      answer = { status: 200, body: { ids: [Number(id)], usage: { count: 1 } } };
      if (fake.afterAccept) await fake.afterAccept(r);
    }
    if (behaviour === "drop-after") {
      req.socket.destroy();
      return;
    }
    if (behaviour === "slow") await new Promise((done) => setTimeout(done, fake.slowMs));
    json(res, answer.status, answer.body);
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${port}`;
  fake.down = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  fake.up = () =>
    new Promise((r) => {
      server.listen(port, "127.0.0.1", () => r());
    });
  fake.close = () =>
    new Promise((r) => {
      server.closeAllConnections();
      if (!server.listening) return r();
      server.close(() => r());
    });
  return fake;
}
