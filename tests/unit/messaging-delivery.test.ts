/**
 * Fault tests of the whole delivery path against fake providers on loopback (real HTTP through the real transports,
 * never the network): a provider that answers 500 for a while, one that hangs, a sender killed mid-batch. Afterwards
 * every message has reached the provider exactly once. Also: opt-out and consent cancel, quiet hours postpone,
 * delivery reports.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, inArray } from "drizzle-orm";

process.env.DATABASE_URL = join(mkdtempSync(join(tmpdir(), "mb-delivery-")), "test.sqlite");
process.env.LOG_LEVEL = "silent";
process.env.SMS_STOP_NUMBER = "1204 1204";

const { db } = await import("../../app/db.server");
const { applyReferenceData } = await import("../../db/reference");
const f = await import("../../db/factories");
const schema = await import("../../db/schema");
const outbox = await import("../../app/messaging/outbox.server");
const { setTransportOverride } = await import("../../app/messaging/transports/index.server");
const { gatewayApiTransport } = await import("../../app/messaging/transports/gatewayapi.server");
const { resendTransport } = await import("../../app/messaging/transports/resend.server");
const { applyDeliveryReport } = await import("../../app/messaging/delivery-status.server");
const { optOut, optOutToken, readOptOutToken, isStopKeyword, menteesByMsisdn } = await import("../../app/messaging/preferences.server");
const { setClockOffset, now } = await import("../../app/utils/clock");
const { MAX_BACKOFF_MS, STUCK_AFTER_MS } = await import("../../app/domain/outbox");

/* ------------------------------------------------------------ fake providers */

type Behaviour = "ok" | "500" | "hang" | "hang-but-accept";
type Fake = { url: string; server: Server; plan: Behaviour[]; accepted: Map<string, number>; requests: number; close: () => Promise<void> };

async function body(req: IncomingMessage): Promise<string> {
  let s = "";
  for await (const chunk of req) s += chunk;
  return s;
}

/** kind "sms": GatewayAPI-like (no idempotency; key = userref). kind "email": Resend-like (dedups on Idempotency-Key). */
async function fakeProvider(kind: "sms" | "email"): Promise<Fake> {
  const fake = { plan: [] as Behaviour[], accepted: new Map<string, number>(), requests: 0 } as Fake;
  const ids = new Map<string, string>();
  fake.server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const text = await body(req);
    fake.requests++;
    const behaviour = fake.plan.shift() ?? "ok";
    const key = kind === "sms" ? JSON.parse(text).userref : String(req.headers["idempotency-key"]);
    const accept = () => {
      if (kind === "email" && ids.has(key)) return ids.get(key)!; // provider-side dedup
      fake.accepted.set(key, (fake.accepted.get(key) ?? 0) + 1);
      const id = `p-${fake.accepted.size}-${key}`;
      ids.set(key, id);
      return id;
    };
    if (behaviour === "500") { res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ statusCode: 500, name: "internal_server_error" })); return; }
    if (behaviour === "hang") return; // never answers, never accepts
    if (behaviour === "hang-but-accept") { accept(); return; } // processed, but the answer is lost
    const id = accept();
    res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(kind === "sms" ? { ids: [id] } : { id }));
  });
  await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
  fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((r) => { fake.server.closeAllConnections(); fake.server.close(() => r()); });
  return fake;
}

/* ------------------------------------------------------------ set-up */

let sms: Fake;
let email: Fake;
const rng = f.createRng(11);
// Daytime in Copenhagen (12:00, summer), so quiet hours do not interfere unless a test moves the clock.
const NOON = new Date("2026-05-04T10:00:00Z").getTime();
let offset = 0;
function setNow(ms: number) { offset = ms - Date.now(); setClockOffset(offset); }
function advance(ms: number) { setNow(now().getTime() + ms); }

beforeAll(async () => {
  applyReferenceData(db());
  sms = await fakeProvider("sms");
  email = await fakeProvider("email");
  setTransportOverride({
    sms: gatewayApiTransport({ token: "test", sender: "Mentorbro", url: `${sms.url}/rest/mtsms`, timeoutMs: 300 }),
    email: resendTransport("re_test", "Mentorbro <noreply@mentorbro.local>", { baseUrl: email.url, timeoutMs: 300 }),
  });
});
afterAll(async () => {
  setTransportOverride({});
  setClockOffset(0);
  await sms.close();
  await email.close();
});
beforeEach(() => {
  setNow(NOON);
  db().delete(schema.messages).run();
  sms.plan = []; email.plan = []; sms.accepted.clear(); email.accepted.clear(); sms.requests = 0; email.requests = 0;
});

function enqueueMany(channel: "sms" | "email", n: number, menteeId?: number) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(outbox.enqueue({
      channel, recipient: channel === "sms" ? `+45 20 00 00 ${String(10 + i)}` : `person${i}@eksempel.dk`, template: "password_reset", locale: "da",
      data: { name: "Amina", url: "https://mentorbro.dk/x" }, subjectType: menteeId ? "mentee" : undefined, subjectId: menteeId,
    })!);
  }
  return ids;
}

/** Runs the sender, jumping the clock past each back-off, until nothing is queued. */
async function runUntilSettled(maxRounds = 20) {
  for (let i = 0; i < maxRounds; i++) {
    await outbox.drainOutbox();
    const left = db().select({ id: schema.messages.id }).from(schema.messages).where(inArray(schema.messages.status, ["queued", "sending"])).all();
    if (!left.length) return;
    advance(MAX_BACKOFF_MS * 2);
  }
  throw new Error("outbox did not settle");
}

const rows = () => db().select().from(schema.messages).all();

/* ------------------------------------------------------------ tests */

describe("fault tolerance (fake providers on loopback)", () => {
  it("provider answers 500 for a while: every SMS and email arrives exactly once", async () => {
    sms.plan = ["500", "500", "500", "500", "500", "500"];
    email.plan = ["500", "500", "500"];
    enqueueMany("sms", 4);
    enqueueMany("email", 3);
    await runUntilSettled();
    expect(rows().every((r) => r.status === "sent" && r.providerId)).toBe(true);
    expect([...sms.accepted.values()]).toEqual([1, 1, 1, 1]);
    expect([...email.accepted.values()]).toEqual([1, 1, 1]);
    expect(rows().some((r) => r.attempts > 1)).toBe(true);
  });

  it("provider times out: retried later, delivered once (email: the lost answer is deduplicated by the idempotency key)", async () => {
    sms.plan = ["hang", "hang"];
    email.plan = ["hang-but-accept", "hang-but-accept"];
    enqueueMany("sms", 2);
    enqueueMany("email", 2);
    await outbox.drainOutbox();
    expect(rows().filter((r) => r.status === "queued").every((r) => /timeout/.test(r.lastError ?? ""))).toBe(true);
    await runUntilSettled();
    expect(rows().every((r) => r.status === "sent")).toBe(true);
    expect([...sms.accepted.values()]).toEqual([1, 1]);
    expect([...email.accepted.values()]).toEqual([1, 1]);
    expect(email.requests).toBe(4); // two lost answers, two retries that got the first email back
  });

  it("gives up after the attempt limit with the error, and a person's retry sends it once", async () => {
    sms.plan = Array(20).fill("500");
    const [id] = enqueueMany("sms", 1);
    await runUntilSettled();
    const failed = rows()[0];
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toMatch(/500/);
    sms.plan = [];
    expect(outbox.retryMessage(id)).toBe(true);
    await outbox.drainOutbox();
    expect(rows()[0].status).toBe("sent");
    expect([...sms.accepted.values()]).toEqual([1]);
  });

  it("a permanent error (invalid number) fails at once without retries", async () => {
    outbox.enqueue({ channel: "sms", recipient: "not a phone", template: "password_reset", locale: "da", data: { name: "A", url: "u" } });
    await outbox.drainOutbox();
    expect(rows()[0]).toMatchObject({ status: "failed", attempts: 1 });
    expect(sms.requests).toBe(0);
  });

  it("sender killed mid-batch: after recovery every message reached the provider exactly once", async () => {
    const smsIds = enqueueMany("sms", 3);
    const emailIds = enqueueMany("email", 3);
    // A sender claims the whole batch, hands the first email and the first SMS to the providers, then dies.
    const claimed = outbox.claimDue(20);
    expect(claimed).toHaveLength(6);
    const t = now().toISOString();
    for (const id of [emailIds[0], smsIds[0]]) {
      const m = claimed.find((c) => c.id === id)!;
      db().update(schema.messages).set({ handedOffAt: t }).where(eq(schema.messages.id, id)).run();
      const transport = m.channel === "sms"
        ? gatewayApiTransport({ token: "test", sender: "Mentorbro", url: `${sms.url}/rest/mtsms` })
        : resendTransport("re_test", "Mentorbro <noreply@mentorbro.local>", { baseUrl: email.url });
      expect((await transport.send({ id, channel: m.channel, to: m.recipient, subject: "s", text: "t", html: null, idempotencyKey: m.idempotencyKey })).ok).toBe(true);
    }
    // Before the stuck limit nothing is touched (the sender might still be alive).
    await outbox.runOutboxOnce();
    expect(rows().filter((r) => r.status === "sending")).toHaveLength(6);
    advance(STUCK_AFTER_MS + 1000);
    await runUntilSettled();
    const byId = new Map(rows().map((r) => [r.id, r]));
    // The handed-off SMS is not resent (GatewayAPI has no idempotency key): it fails for a person to check.
    expect(byId.get(smsIds[0])).toMatchObject({ status: "failed", lastError: outbox.UNCERTAIN_ERROR });
    for (const id of [...smsIds.slice(1), ...emailIds]) expect(byId.get(id)!.status).toBe("sent");
    expect([...sms.accepted.values()]).toEqual([1, 1, 1]);
    expect([...email.accepted.values()]).toEqual([1, 1, 1]);
  });
});

describe("preferences, quiet hours and delivery reports", () => {
  let menteeId: number;
  beforeAll(() => {
    const admin = f.insertUser(db(), { role: "admin" });
    menteeId = f.insertMentee(db(), rng, 751, { status: "waiting" }).id;
    f.giveConsents(db(), "mentee", menteeId, ["participation", "sms"], new Date().toISOString(), admin.id);
  });
  beforeEach(() => {
    db().update(schema.mentees).set({ smsOptOutAt: null, emailOptOutAt: null }).where(eq(schema.mentees.id, menteeId)).run();
    db().update(schema.consents).set({ withdrawnAt: null }).where(eq(schema.consents.subjectId, menteeId)).run();
  });

  it("cancels SMS to someone who opted out, and email to someone who opted out of email", async () => {
    optOut({ type: "mentee", id: menteeId }, ["sms"], "test");
    enqueueMany("sms", 1, menteeId);
    enqueueMany("email", 1, menteeId);
    await outbox.drainOutbox();
    const r = rows();
    expect(r.find((x) => x.channel === "sms")).toMatchObject({ status: "cancelled", lastError: "opted out of SMS" });
    expect(r.find((x) => x.channel === "email")!.status).toBe("sent");
    expect(sms.requests).toBe(0);
  });

  it("cancels SMS when the SMS consent was withdrawn", async () => {
    db().update(schema.consents).set({ withdrawnAt: now().toISOString() }).where(eq(schema.consents.purpose, "sms")).run();
    enqueueMany("sms", 1, menteeId);
    await outbox.drainOutbox();
    expect(rows()[0]).toMatchObject({ status: "cancelled", lastError: "SMS consent withdrawn" });
  });

  it("an email to a mentee carries the opt-out link, whose token is opaque and reads back", async () => {
    enqueueMany("email", 1, menteeId);
    await outbox.drainOutbox();
    const m = rows()[0];
    const link = m.renderedText!.match(/\/afmeld\/([A-Za-z0-9_-]+)/);
    expect(link).toBeTruthy();
    expect(Buffer.from(link![1], "base64url").toString("latin1")).not.toContain("mentee"); // encrypted, not encoded
    expect(readOptOutToken(link![1])).toEqual({ type: "mentee", id: menteeId });
    expect(readOptOutToken(link![1].slice(0, -2) + "AA")).toBeNull();
    expect(optOutToken({ type: "mentee", id: menteeId })).not.toBe(link![1]); // a fresh IV each time
  });

  it("an SMS to a mentee ends with where to send STOP; an SMS to anyone else does not", async () => {
    enqueueMany("sms", 1, menteeId);
    enqueueMany("sms", 1);
    await outbox.drainOutbox();
    const [toMentee, toOther] = rows();
    expect(toMentee.renderedText).toMatch(/Send STOP til 1204 1204 for at afmelde sms\.$/);
    expect(toOther.renderedText).not.toContain("STOP");
  });

  it("holds SMS during quiet hours and sends at 08:00 Copenhagen", async () => {
    setNow(new Date("2026-05-04T20:30:00Z").getTime()); // 22:30 local
    enqueueMany("sms", 1);
    enqueueMany("email", 1);
    await outbox.drainOutbox();
    const held = rows().find((r) => r.channel === "sms")!;
    expect(held).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: "2026-05-05T06:00:00.000Z" });
    expect(rows().find((r) => r.channel === "email")!.status).toBe("sent");
    setNow(new Date("2026-05-05T06:00:30Z").getTime());
    await outbox.drainOutbox();
    expect(rows().find((r) => r.channel === "sms")).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("applies delivery reports by provider id or idempotency key, once", async () => {
    const [a, b] = enqueueMany("sms", 2);
    await outbox.drainOutbox();
    const ra = rows().find((r) => r.id === a)!;
    const rb = rows().find((r) => r.id === b)!;
    expect(applyDeliveryReport({ transport: "gatewayapi", idempotencyKey: ra.idempotencyKey, outcome: "delivered" })).toBe("updated");
    expect(applyDeliveryReport({ transport: "gatewayapi", idempotencyKey: ra.idempotencyKey, outcome: "failed" })).toBe("unchanged");
    expect(applyDeliveryReport({ transport: "gatewayapi", providerId: rb.providerId, outcome: "failed", error: "UNDELIVERED 0x0" })).toBe("updated");
    expect(applyDeliveryReport({ transport: "gatewayapi", providerId: "nope", outcome: "delivered" })).toBe("unknown");
    const after = new Map(rows().map((r) => [r.id, r]));
    expect(after.get(a)).toMatchObject({ status: "delivered" });
    expect(after.get(a)!.deliveredAt).toBeTruthy();
    expect(after.get(b)).toMatchObject({ status: "failed", lastError: "provider: UNDELIVERED 0x0" });
  });

  it("recognises STOP replies and finds the mentee by number", () => {
    expect(isStopKeyword(" stop ")).toBe(true);
    expect(isStopKeyword("AFMELD")).toBe(true);
    expect(isStopKeyword("stop sending me the wrong time")).toBe(false);
    const phone = db().select({ phone: schema.mentees.phone }).from(schema.mentees).where(eq(schema.mentees.id, menteeId)).get()!.phone!;
    expect(menteesByMsisdn(phone.replace("+", ""))).toContain(menteeId);
  });
});
