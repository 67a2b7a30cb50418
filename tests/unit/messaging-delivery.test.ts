/**
 * The whole delivery path against fake providers on loopback (real HTTP through the real transports, never the
 * network; tests/support/fake-providers.ts): a provider that answers 503 or 429 for a while, is down, loses its answer
 * after accepting, answers too late, or has the idempotency key already; a sender that died or hung mid-batch. Every
 * message reaches the provider exactly once, with the same bytes on every try, or is held where the provider may have
 * it and cannot deduplicate. Also: secrets and the payload's lifecycle, the history view, opt-out and consent,
 * quiet hours, delivery reports, the local sink.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { eq, inArray } from "drizzle-orm";
import { fakeProvider, type FakeProvider } from "../support/fake-providers";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import * as outboxEnqueue from "../../app/messaging/outbox.server";
import * as outboxClaims from "../../app/messaging/outbox-claims.server";
import * as outboxRender from "../../app/messaging/outbox-render.server";
import * as outboxSender from "../../app/messaging/outbox-sender.server";
import { setTransportOverride, transportFor } from "../../app/messaging/transports/index.server";
import { gatewayApiTransport } from "../../app/messaging/transports/gatewayapi.server";
import { resendTransport } from "../../app/messaging/transports/resend.server";
import { applyDeliveryReport } from "../../app/messaging/delivery-status.server";
import {
  optOut,
  optOutToken,
  readOptOutToken,
  isStopKeyword,
  menteesByMsisdn,
} from "../../app/messaging/preferences.server";
import { setClockOffset, now } from "../../app/utils/clock";
import { LEASE_MS, MAX_BACKOFF_MS } from "../../app/domain/outbox";
import { SECRET_MASK } from "../../app/domain/secrets";
import { config } from "../../app/config.server";

const outbox = { ...outboxEnqueue, ...outboxClaims, ...outboxRender, ...outboxSender };

process.env.LOG_LEVEL = "silent";
process.env.SMS_STOP_NUMBER = "1204 1204";

let sms: FakeProvider;
let email: FakeProvider;
const rng = f.createRng(11);
// Daytime in Copenhagen (12:00, summer), so quiet hours do not interfere unless a test moves the clock.
const NOON = new Date("2026-05-04T10:00:00Z").getTime();
function setNow(ms: number) {
  setClockOffset(ms - Date.now());
}
function advance(ms: number) {
  setNow(now().getTime() + ms);
}
const TOKEN = "q3V9bXh0ZXN0LXRva2VuLWZvci1tZW50b3Jicm8tMTIz";

const smsTransport = () =>
  gatewayApiTransport({ token: "test", sender: "Mentorbro", url: `${sms.url}/rest/mtsms`, timeoutMs: 300 });
const emailTransport = () =>
  resendTransport("re_test", "Mentorbro <noreply@mentorbro.local>", { baseUrl: email.url, timeoutMs: 300 });

let menteeId: number;
beforeAll(async () => {
  testDb();
  const admin = f.insertUser(db(), { role: "admin" });
  menteeId = f.insertMentee(db(), rng, 751, { status: "waiting" }).id;
  f.giveConsents(db(), "mentee", menteeId, ["participation", "sms"], new Date().toISOString(), admin.id);
  sms = await fakeProvider("sms");
  email = await fakeProvider("email");
  setTransportOverride({ sms: smsTransport(), email: emailTransport() });
});
afterAll(async () => {
  setTransportOverride({});
  setClockOffset(0);
  await sms.close();
  await email.close();
});
beforeEach(() => {
  setNow(NOON);
  outbox.forgetThrottles();
  db().delete(schema.messages).run();
  sms.reset();
  email.reset();
  db()
    .update(schema.mentees)
    .set({ smsOptOutAt: null, emailOptOutAt: null })
    .where(eq(schema.mentees.id, menteeId))
    .run();
  db().update(schema.consents).set({ withdrawnAt: null }).where(eq(schema.consents.subjectId, menteeId)).run();
});

/** Emails go to the mentee (so each carries an opt-out link, whose token is random: the same-bytes rule matters). */
function enqueueMany(channel: "sms" | "email", n: number, opts: { toMentee?: boolean } = {}) {
  const toMentee = opts.toMentee ?? true;
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      outbox.enqueue({
        channel,
        recipient: channel === "sms" ? `+45 20 00 00 ${String(10 + i)}` : `person${i}@eksempel.dk`,
        template: "password_reset",
        locale: "da",
        data: { name: "Amina", url: `https://mentorbro.dk/nulstil-adgangskode/${TOKEN}${i}` },
        subjectType: toMentee ? "mentee" : undefined,
        subjectId: toMentee ? menteeId : undefined,
      })!,
    );
  }
  return ids;
}

/** Runs the sender, jumping the clock past each back-off, until nothing is queued or sending. */
async function runUntilSettled(maxRounds = 20) {
  for (let i = 0; i < maxRounds; i++) {
    await outbox.drainOutbox();
    const left = db()
      .select({ id: schema.messages.id })
      .from(schema.messages)
      .where(inArray(schema.messages.status, ["queued", "sending"]))
      .all();
    if (!left.length) return;
    advance(MAX_BACKOFF_MS * 2);
  }
  throw new Error("outbox did not settle");
}

const rows = () => db().select().from(schema.messages).all();
const row = (id: number) => db().select().from(schema.messages).where(eq(schema.messages.id, id)).get()!;

/** Every message reached its provider exactly once, every try of it carried the same bytes. */
function expectOnceEach(fake: FakeProvider, ids: number[]) {
  for (const id of ids) {
    const key = row(id).idempotencyKey;
    expect(fake.acceptedCount(key), `message ${id} accepted once`).toBe(1);
    expect(fake.bodies(key).size, `message ${id} same bytes on every try`).toBe(1);
  }
}

describe("failures, judged by what the provider may have seen", () => {
  it("503 for a while: every SMS and email arrives exactly once", async () => {
    sms.next = Array(6).fill("unavailable");
    email.next = Array(3).fill("unavailable");
    const s = enqueueMany("sms", 4);
    const e = enqueueMany("email", 3);
    await runUntilSettled();
    expect(rows().every((r) => r.status === "sent" && r.providerId)).toBe(true);
    expectOnceEach(sms, s);
    expectOnceEach(email, e);
    expect(rows().some((r) => r.attempts > 1)).toBe(true);
  });

  it("429 with Retry-After: the provider is left alone as long as it asks; the wait uses up no attempt", async () => {
    email.next = ["rate-limited"];
    email.retryAfterSeconds = 2 * 3600;
    const [a, b] = enqueueMany("email", 2);
    await outbox.drainOutbox();
    for (const id of [a, b]) {
      expect(row(id)).toMatchObject({ status: "queued", attempts: 0 });
      expect(new Date(row(id).nextAttemptAt).getTime() - now().getTime()).toBeGreaterThanOrEqual(2 * 3600_000 - 1000);
    }
    expect(email.requests).toHaveLength(1); // the second was not even tried
    await runUntilSettled();
    expectOnceEach(email, [a, b]);
    expect(row(a).attempts).toBe(1);
  });

  it("the provider is down (connection refused): nothing was sent, so SMS are retried too, never held", async () => {
    await sms.down();
    const s = enqueueMany("sms", 2);
    await outbox.drainOutbox();
    expect(rows().map((r) => r.status)).toEqual(["queued", "queued"]);
    expect(row(s[0]).lastError).toMatch(/^not taken: no response ECONNREFUSED/);
    await sms.up();
    await runUntilSettled();
    expect(rows().map((r) => r.status)).toEqual(["sent", "sent"]);
    expectOnceEach(sms, s);
  });

  it("the answer is lost after the provider accepted: the email is sent again with the same key and bytes (once); the SMS is held", async () => {
    sms.next = ["drop-after", "drop-after"];
    email.next = ["drop-after", "drop-after"];
    const s = enqueueMany("sms", 2);
    const e = enqueueMany("email", 2);
    await runUntilSettled();
    for (const id of e) expect(row(id).status).toBe("sent");
    expectOnceEach(email, e);
    // Each email: a lost answer, then a retry that got the first email back (on a loaded machine a retry may itself time
    // out and be tried once more; the key and bytes stay the same, and the email is accepted once either way).
    for (const id of e) expect(email.requestCount(row(id).idempotencyKey)).toBeGreaterThanOrEqual(2);
    for (const id of s) {
      expect(row(id)).toMatchObject({
        status: "held",
        lastError: expect.stringMatching(/^outcome unknown: no response UND_ERR_SOCKET; may have been delivered/),
      });
      expect(sms.acceptedCount(row(id).idempotencyKey)).toBe(1);
      expect(sms.requestCount(row(id).idempotencyKey)).toBe(1); // never sent a second time
    }
  });

  it("the answer comes too late: the same (email retried with the same bytes, SMS held)", async () => {
    sms.next = ["slow"];
    email.next = ["slow"];
    sms.slowMs = email.slowMs = 800;
    const [s] = enqueueMany("sms", 1);
    const [e] = enqueueMany("email", 1);
    await runUntilSettled();
    expect(row(e).status).toBe("sent");
    expectOnceEach(email, [e]);
    expect(row(s)).toMatchObject({
      status: "held",
      lastError: expect.stringMatching(/^outcome unknown: no response timeout/),
    });
  });

  it("409 for a key already used (Resend) means the email is there: sent, not failed", async () => {
    const [id] = enqueueMany("email", 1);
    // The provider already holds an email under this key (say, sent by an older version with other bytes).
    const earlier = await emailTransport().send({
      id,
      channel: "email",
      to: "x@eksempel.dk",
      subject: "older",
      text: "older",
      html: null,
      idempotencyKey: row(id).idempotencyKey,
    });
    expect(earlier.ok).toBe(true);
    await outbox.drainOutbox();
    expect(row(id)).toMatchObject({ status: "sent", lastError: "already accepted: 409 invalid_idempotent_request" });
    expect(email.acceptedCount(row(id).idempotencyKey)).toBe(1);
  });

  it("gives up after the attempt limit, keeps the payload, and a person's retry sends the same bytes once", async () => {
    email.policy = () => "unavailable";
    const [id] = enqueueMany("email", 1);
    await runUntilSettled();
    const failed = row(id);
    expect(failed).toMatchObject({ status: "failed", lastError: expect.stringMatching(/503/) });
    expect(failed.payload).not.toBeNull();
    email.policy = () => "ok";
    expect(outbox.retryMessage(id)).toBe(true);
    await outbox.drainOutbox();
    expect(row(id).status).toBe("sent");
    expectOnceEach(email, [id]);
  });

  it("a permanent error (invalid number) fails at once without calling the provider", async () => {
    outbox.enqueue({
      channel: "sms",
      recipient: "not a phone",
      template: "password_reset",
      locale: "da",
      data: { name: "A", url: "u" },
    });
    await outbox.drainOutbox();
    expect(rows()[0]).toMatchObject({ status: "failed", attempts: 1 });
    expect(sms.requests).toHaveLength(0);
  });
});

describe("a sender that is gone", () => {
  /** Claims everything as another process would: `claimedBy`, a lease, and (optionally) a hand-off done. */
  function claimAs(claimedBy: string, ids: number[], handedOff: number[] = []) {
    const t = now().toISOString();
    db()
      .update(schema.messages)
      .set({
        status: "sending",
        claimedBy,
        claimedAt: t,
        leaseUntil: new Date(now().getTime() + LEASE_MS).toISOString(),
        attempts: 1,
      })
      .where(inArray(schema.messages.id, ids))
      .run();
    if (handedOff.length)
      db()
        .update(schema.messages)
        .set({ handedOffAt: t, transport: "x" })
        .where(inArray(schema.messages.id, handedOff))
        .run();
  }

  it("a dead process on this machine: its rows are taken back at once; handed-off email again (same bytes), handed-off SMS held", async () => {
    const s = enqueueMany("sms", 3);
    const e = enqueueMany("email", 3);
    // A sender renders and hands the first email and SMS to the providers, then dies (a pid that no longer exists).
    for (const [id, transport] of [
      [e[0], emailTransport()],
      [s[0], smsTransport()],
    ] as const) {
      const m = row(id);
      expect(
        (
          await transport.send({
            id,
            channel: m.channel,
            to: m.recipient,
            subject: "s",
            text: "t",
            html: null,
            idempotencyKey: m.idempotencyKey,
          })
        ).ok,
      ).toBe(true);
    }
    claimAs(`999999@${outbox.SENDER.host}/dead`, [...s, ...e], [s[0], e[0]]);
    db()
      .update(schema.messages)
      .set({ transport: "resend", payload: { subject: "s", text: "t", html: null, unsubscribeUrl: null } })
      .where(eq(schema.messages.id, e[0]))
      .run();
    db().update(schema.messages).set({ transport: "gatewayapi" }).where(eq(schema.messages.id, s[0])).run();
    await runUntilSettled(); // no clock jump needed: the claimer is known dead
    expect(row(s[0])).toMatchObject({
      status: "held",
      lastError: expect.stringMatching(/^interrupted after hand-off.*may have been delivered/),
    });
    for (const id of [...s.slice(1), ...e]) expect(row(id).status).toBe("sent");
    expectOnceEach(sms, s);
    expectOnceEach(email, e);
  });

  it("a process on another machine: its rows wait for the lease, then are taken back", async () => {
    const e = enqueueMany("email", 2);
    claimAs("4242@another-host/n", e);
    await outbox.drainOutbox();
    expect(rows().every((r) => r.status === "sending")).toBe(true);
    advance(LEASE_MS + 1000);
    await runUntilSettled();
    expectOnceEach(email, e);
  });

  it("a live sender renews its lease and keeps its rows; a row taken from it is not handed off", async () => {
    const e = enqueueMany("email", 2);
    // While the first message is being sent, another process takes the second (as if our lease had run out).
    let calls = 0;
    const stealing = {
      name: "resend",
      idempotent: true,
      async send(m: Parameters<ReturnType<typeof emailTransport>["send"]>[0]) {
        calls++;
        db().update(schema.messages).set({ claimedBy: "1@elsewhere/x" }).where(eq(schema.messages.id, e[1])).run();
        return emailTransport().send(m);
      },
    };
    setTransportOverride({ sms: smsTransport(), email: stealing });
    try {
      await outbox.runOutboxOnce();
    } finally {
      setTransportOverride({ sms: smsTransport(), email: emailTransport() });
    }
    expect(calls).toBe(1);
    expect(row(e[0]).status).toBe("sent");
    expect(row(e[1])).toMatchObject({ status: "sending", claimedBy: "1@elsewhere/x", handedOffAt: null });
    // Our own claims are renewed, not taken back, however long a pass takes.
    const [mine] = enqueueMany("email", 1);
    outbox.claimDue(1);
    advance(LEASE_MS - 1000);
    expect(outbox.renewLeases()).toBe(1);
    advance(LEASE_MS - 1000);
    expect(outbox.recoverStuck()).toBe(1); // the row the other process took: its lease ran out meanwhile
    expect(row(e[1]).status).toBe("queued");
    expect(row(mine)).toMatchObject({ status: "sending", claimedBy: outbox.SENDER.id });
  });

  it("a clean shutdown gives back claims that were never handed off", async () => {
    const [id] = enqueueMany("email", 1);
    outbox.claimDue(1);
    expect(outbox.releaseClaims()).toBe(1);
    expect(row(id)).toMatchObject({ status: "queued", claimedBy: null, attempts: 0 });
  });
});

describe("secrets and the payload's lifecycle", () => {
  it("a live link is kept apart and masked in the data; the real send has it; once sent both are dropped", async () => {
    const [id] = enqueueMany("email", 1, { toMentee: true });
    const queued = row(id);
    expect(queued.data.url).toBe(`https://mentorbro.dk/nulstil-adgangskode/${SECRET_MASK}`);
    expect(queued.secrets).toEqual({ url: `https://mentorbro.dk/nulstil-adgangskode/${TOKEN}0` });
    await outbox.drainOutbox();
    const body = JSON.parse(email.accepted[0].body);
    expect(body.text).toContain(`/nulstil-adgangskode/${TOKEN}0`);
    expect(body.headers["List-Unsubscribe"]).toMatch(/\/afmeld\/[A-Za-z0-9_-]{30,}>$/);
    const sent = row(id);
    expect(sent).toMatchObject({ status: "sent", secrets: null, payload: null });
    expect(JSON.stringify(sent)).not.toContain(TOKEN);
  });

  it("the payload is fixed at the first try and kept while the message may be sent again", async () => {
    email.next = ["unavailable"];
    const [id] = enqueueMany("email", 1);
    await outbox.drainOutbox();
    const first = row(id).payload!;
    expect(first.text).toContain(`/nulstil-adgangskode/${TOKEN}0`);
    expect(first.unsubscribeUrl).toMatch(/\/afmeld\//);
    advance(MAX_BACKOFF_MS * 2);
    await outbox.drainOutbox();
    expect(row(id).status).toBe("sent");
    expect(JSON.parse(email.accepted[0].body).text).toBe(first.text);
  });

  it("a cancelled message drops its payload and secrets too (the database enforces it, whoever cancels)", async () => {
    email.next = ["unavailable"];
    const [id] = enqueueMany("email", 1);
    await outbox.drainOutbox();
    expect(row(id).payload).not.toBeNull();
    optOut({ type: "mentee", id: menteeId }, ["email"], "test");
    expect(row(id)).toMatchObject({ status: "cancelled", payload: null, secrets: null });
  });

  it("the history view renders the message again with every secret masked", async () => {
    const [id] = enqueueMany("email", 1);
    await outbox.drainOutbox();
    const view = await outbox.renderForHistory(row(id));
    if ("error" in view) throw new Error(view.error);
    expect(view.text).toContain(`/nulstil-adgangskode/${SECRET_MASK}`);
    expect(view.text).toContain(`/afmeld/${SECRET_MASK}`);
    expect(`${view.text}${view.html}`).not.toContain(TOKEN);
    expect(`${view.text}${view.html}`).not.toMatch(/\/afmeld\/[A-Za-z0-9_-]{16,}/);
    expect(view.editedSince).toBe(false);
  });

  it("a live link in a field the template does not declare secret is refused at enqueue", () => {
    expect(() =>
      outbox.enqueue({
        channel: "email",
        recipient: "a@eksempel.dk",
        template: "mentor_approved",
        locale: "da",
        data: { name: "A", url: `https://x.dk/invitation/${TOKEN}` },
      }),
    ).toThrow(/declare it in the template's secrets/);
  });

  it("the local sink writes each message where the developer (the recipient) can follow its links", async () => {
    setTransportOverride({});
    try {
      const [id] = enqueueMany("email", 1, { toMentee: false });
      expect(transportFor("email").name).toBe("local");
      await outbox.drainOutbox();
      const file = join(config().LOCAL_SINK_DIR!, `${String(id).padStart(6, "0")}-password_reset.json`);
      expect(existsSync(file)).toBe(true);
      expect(JSON.parse(readFileSync(file, "utf8")).text).toContain(`/nulstil-adgangskode/${TOKEN}0`);
      expect(existsSync(file.replace(/\.json$/, ".html"))).toBe(true);
      expect(row(id)).toMatchObject({ status: "sent", payload: null, secrets: null });
    } finally {
      setTransportOverride({ sms: smsTransport(), email: emailTransport() });
    }
  });
});

describe("preferences, quiet hours and delivery reports", () => {
  it("cancels SMS to someone who opted out, and email to someone who opted out of email", async () => {
    optOut({ type: "mentee", id: menteeId }, ["sms"], "test");
    enqueueMany("sms", 1);
    enqueueMany("email", 1);
    await outbox.drainOutbox();
    const r = rows();
    expect(r.find((x) => x.channel === "sms")).toMatchObject({ status: "cancelled", lastError: "opted out of SMS" });
    expect(r.find((x) => x.channel === "email")!.status).toBe("sent");
    expect(sms.requests).toHaveLength(0);
  });

  it("cancels SMS when the SMS consent was withdrawn", async () => {
    db()
      .update(schema.consents)
      .set({ withdrawnAt: now().toISOString() })
      .where(eq(schema.consents.purpose, "sms"))
      .run();
    enqueueMany("sms", 1);
    await outbox.drainOutbox();
    expect(rows()[0]).toMatchObject({ status: "cancelled", lastError: "SMS consent withdrawn" });
  });

  it("an email to a mentee carries the opt-out link, whose token is opaque and reads back", async () => {
    enqueueMany("email", 1);
    await outbox.drainOutbox();
    const text: string = JSON.parse(email.accepted[0].body).text;
    const link = text.match(/\/afmeld\/([A-Za-z0-9_-]+)/);
    expect(link).toBeTruthy();
    expect(Buffer.from(link![1], "base64url").toString("latin1")).not.toContain("mentee"); // encrypted, not encoded
    expect(readOptOutToken(link![1])).toEqual({ type: "mentee", id: menteeId });
    expect(readOptOutToken(link![1].slice(0, -2) + "AA")).toBeNull();
    expect(optOutToken({ type: "mentee", id: menteeId })).not.toBe(link![1]); // a fresh IV each time: made once per message
  });

  it("an SMS to a mentee ends with where to send STOP; an SMS to anyone else does not", async () => {
    const [toMentee] = enqueueMany("sms", 1);
    const [toOther] = enqueueMany("sms", 1, { toMentee: false });
    await outbox.drainOutbox();
    const textOf = (id: number) =>
      JSON.parse(sms.accepted.find((a) => a.key === row(id).idempotencyKey)!.body).message as string;
    expect(textOf(toMentee)).toMatch(/Send STOP til 1204 1204 for at afmelde sms\.$/);
    expect(textOf(toOther)).not.toContain("STOP");
  });

  it("holds SMS during quiet hours and sends at 08:00 Copenhagen", async () => {
    setNow(new Date("2026-05-04T20:30:00Z").getTime()); // 22:30 local
    enqueueMany("sms", 1);
    enqueueMany("email", 1);
    await outbox.drainOutbox();
    const waiting = rows().find((r) => r.channel === "sms")!;
    expect(waiting).toMatchObject({ status: "queued", attempts: 0, nextAttemptAt: "2026-05-05T06:00:00.000Z" });
    expect(rows().find((r) => r.channel === "email")!.status).toBe("sent");
    setNow(new Date("2026-05-05T06:00:30Z").getTime());
    await outbox.drainOutbox();
    expect(rows().find((r) => r.channel === "sms")).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("applies delivery reports by provider id or idempotency key, once", async () => {
    const [a, b] = enqueueMany("sms", 2);
    await outbox.drainOutbox();
    const ra = row(a);
    const rb = row(b);
    expect(
      applyDeliveryReport({ transport: "gatewayapi", idempotencyKey: ra.idempotencyKey, outcome: "delivered" }),
    ).toBe("updated");
    expect(applyDeliveryReport({ transport: "gatewayapi", idempotencyKey: ra.idempotencyKey, outcome: "failed" })).toBe(
      "unchanged",
    );
    expect(
      applyDeliveryReport({
        transport: "gatewayapi",
        providerId: rb.providerId,
        outcome: "failed",
        error: "UNDELIVERED 0x0",
      }),
    ).toBe("updated");
    expect(applyDeliveryReport({ transport: "gatewayapi", providerId: "nope", outcome: "delivered" })).toBe("unknown");
    expect(row(a)).toMatchObject({ status: "delivered" });
    expect(row(a).deliveredAt).toBeTruthy();
    expect(row(b)).toMatchObject({ status: "failed", lastError: "provider: UNDELIVERED 0x0" });
  });

  it("a status report naming a held SMS by our reference settles it: the provider had it", async () => {
    sms.next = ["drop-after", "drop-after"];
    const [a, b] = enqueueMany("sms", 2);
    await outbox.drainOutbox();
    expect([row(a).status, row(b).status]).toEqual(["held", "held"]);
    const idOf = (id: number) => sms.accepted.find((x) => x.key === row(id).idempotencyKey)!.id;
    expect(
      applyDeliveryReport({
        transport: "gatewayapi",
        idempotencyKey: row(a).idempotencyKey,
        providerId: idOf(a),
        outcome: "accepted",
      }),
    ).toBe("updated");
    expect(row(a)).toMatchObject({ status: "sent", providerId: idOf(a), payload: null });
    expect(
      applyDeliveryReport({ transport: "gatewayapi", idempotencyKey: row(b).idempotencyKey, outcome: "delivered" }),
    ).toBe("updated");
    expect(row(b).status).toBe("delivered");
    // A person can also settle one: confirm it arrived, or send it again.
    sms.next = ["drop-after"];
    const [c] = enqueueMany("sms", 1);
    await outbox.drainOutbox();
    expect(outbox.confirmHeldSent(c)).toBe(true);
    expect(row(c)).toMatchObject({ status: "sent", payload: null });
  });

  it("recognises STOP replies and finds the mentee by number", () => {
    expect(isStopKeyword(" stop ")).toBe(true);
    expect(isStopKeyword("AFMELD")).toBe(true);
    expect(isStopKeyword("stop sending me the wrong time")).toBe(false);
    const phone = db()
      .select({ phone: schema.mentees.phone })
      .from(schema.mentees)
      .where(eq(schema.mentees.id, menteeId))
      .get()!.phone!;
    expect(menteesByMsisdn(phone.replace("+", ""))).toContain(menteeId);
  });
});
