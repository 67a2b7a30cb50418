/**
 * The kill test: a few hundred due emails and SMS per failure mode, sent by the app's own sender running in a child
 * process against a fake Resend and a fake GatewayAPI on loopback, and that child killed with SIGKILL again and again:
 * in the middle of a provider call (after the provider accepted, before its answer) and at random moments. A fresh
 * child takes over each time, as a restarted server would. Failure modes: the provider answers 503 for a while; 429
 * with Retry-After; the provider is down (connection refused); the provider accepts and the connection drops before
 * the answer; the provider accepts and answers too late.
 *
 * Afterwards, for every message: 0 duplicates (no provider accepted it twice; every try carried the same bytes), 0 lost
 * (sent exactly once, or held), and a held message only where the provider may have it and cannot be asked (an SMS
 * whose request reached GatewayAPI; email is never held, Resend deduplicates).
 *
 * Time is simulated where it would only be waited for: the test moves due back-offs to "now" while a mode runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { build } from "esbuild";
import { inArray } from "drizzle-orm";
import { fakeProvider, type Behaviour, type FakeProvider } from "../support/fake-providers";
import { testDb } from "../support/test-db";

import { db } from "../../app/db.server";
import * as f from "../../db/factories";
import * as schema from "../../db/schema";
import { enqueue } from "../../app/messaging/outbox.server";
import { setClockOffset } from "../../app/utils/clock";

// The fresh database file of this test file (tests/support/unit-setup.ts), for the child process to open.
const dbPath = process.env.DATABASE_URL!;
process.env.LOG_LEVEL = "silent";

/** Per mode: emails and SMS (about the outside test's 65/35 split). */
const EMAILS = 120;
const SMS = 60;
const KILLS = 4;
// Noon in Copenhagen, so quiet hours never hold the SMS back; every process shares this clock.
const OFFSET = new Date("2026-05-04T10:00:00Z").getTime() - Date.now();
const clockNow = () => new Date(Date.now() + OFFSET).toISOString();

let bundle: string;
let email: FakeProvider;
let sms: FakeProvider;
let deadUrl: string;
let menteeId: number;
const rng = f.createRng(22);
const random = (n: number) => Math.floor(rng() * n);

beforeAll(async () => {
  setClockOffset(OFFSET);
  const d = db();
  testDb();
  menteeId = f.insertMentee(d, rng, 751, { status: "waiting" }).id;
  mkdirSync(resolve("tests/.tmp"), { recursive: true });
  bundle = resolve("tests/.tmp", `outbox-kill-child-${process.pid}.mjs`);
  await build({
    entryPoints: ["tests/unit/outbox-kill-child.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: bundle,
    external: ["better-sqlite3"],
    logLevel: "error",
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  email = await fakeProvider("email");
  sms = await fakeProvider("sms");
  // A port nobody listens on: connection refused.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise((r) => probe.close(r));
}, 60_000);

afterAll(async () => {
  await email?.close();
  await sms?.close();
  rmSync(bundle, { force: true });
  setClockOffset(0);
});

/* ------------------------------------------------------------------ children */

type Child = { proc: ChildProcess; exited: Promise<void>; stderr: () => string };

async function spawnSender(urls: { email: string; sms: string }): Promise<Child> {
  const proc = spawn(process.execPath, [bundle], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      DATABASE_URL: dbPath,
      LOG_LEVEL: "silent",
      CLOCK_OFFSET_MS: String(OFFSET),
      OUTBOX_INTERVAL_MS: "50",
      SEND_TIMEOUT_MS: "250",
      RESEND_API_KEY: "re_test",
      RESEND_API_URL: urls.email,
      SMS_PROVIDER: "gatewayapi",
      SMS_API_KEY: "test",
      SMS_API_URL: `${urls.sms}/rest/mtsms`,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr!.on("data", (b: Buffer) => {
    err += b.toString();
  });
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`sender did not start:\n${err}`)), 15_000);
    proc.stdout!.on("data", (b: Buffer) => {
      if (b.toString().includes("ready")) {
        clearTimeout(timer);
        ok();
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`sender exited ${code}:\n${err}`));
    });
  });
  return { proc, exited, stderr: () => err };
}

async function kill(c: Child) {
  if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill("SIGKILL");
  await c.exited;
}

/* ------------------------------------------------------------------ one mode */

type Mode = {
  name: string;
  /** How the providers behave for the `n`-th request of this mode (after the first 60 % of the expected traffic: "ok"). */
  behaviour: Behaviour;
  /** Share of the early requests that misbehave. */
  share: number;
  /** The first sender finds the providers down (connection refused) and gives up on each message once. */
  startDown?: boolean;
};

function enqueueMode(): number[] {
  const ids: number[] = [];
  const languages = ["da", "ar", "en", "uk"] as const;
  for (let i = 0; i < EMAILS; i++) {
    // Emails to a citizen carry an opt-out link with a random token; half are password resets with a live link.
    ids.push(
      enqueue(
        i % 2
          ? {
              channel: "email",
              recipient: `borger${i}@eksempel.dk`,
              template: "mentee_welcome",
              locale: languages[i % 4],
              data: { firstName: "Amina" },
              subjectType: "mentee",
              subjectId: menteeId,
            }
          : {
              channel: "email",
              recipient: `frivillig${i}@eksempel.dk`,
              template: "password_reset",
              locale: "da",
              data: { name: "Ida", url: `https://mentorbro.dk/nulstil-adgangskode/tok${i}xxxxxxxxxxxxxxxxxxxx` },
              subjectType: "mentee",
              subjectId: menteeId,
            },
      )!,
    );
  }
  for (let i = 0; i < SMS; i++) {
    ids.push(
      enqueue({
        channel: "sms",
        recipient: `+45 3${String(i).padStart(7, "0")}`,
        template: "mentee_welcome",
        locale: languages[i % 4],
        data: { firstName: "Amina" },
        subjectType: "mentee",
        subjectId: menteeId,
      })!,
    );
  }
  return ids;
}

async function runMode(mode: Mode) {
  const ids = enqueueMode();
  email.reset();
  sms.reset();
  const early = Math.round((EMAILS + SMS) * 0.6);
  // The providers misbehave for a while (the first 60 % of the expected requests), each message at most twice: an
  // outage shorter than the retry budget, as a real one is against the real back-off.
  const hits = new Map<string, number>();
  for (const fake of [email, sms]) {
    fake.policy = (r) => {
      if (r.n > early || (hits.get(r.key) ?? 0) >= 2 || rng() >= mode.share) return "ok";
      hits.set(r.key, (hits.get(r.key) ?? 0) + 1);
      return mode.behaviour;
    };
  }
  email.slowMs = sms.slowMs = 600;
  // Retry-After: 0 keeps the test fast; that the wait is honoured is shown in messaging-delivery.test.ts.
  email.retryAfterSeconds = sms.retryAfterSeconds = 0;
  const d = db();
  const open = () =>
    d
      .select({ n: schema.messages.id })
      .from(schema.messages)
      .where(inArray(schema.messages.status, ["queued", "sending"]))
      .all()
      .filter((r) => ids.includes(r.n)).length;
  // Back-offs would take minutes; the test lets that time pass at once.
  let fastForward = true;
  const ff = setInterval(() => {
    if (fastForward)
      d.$client
        .prepare("update messages set next_attempt_at = ? where status = 'queued' and next_attempt_at > ?")
        .run(Date.parse(clockNow()), Date.parse(clockNow()));
  }, 50);
  let kills = 0;
  try {
    if (mode.startDown) {
      fastForward = false;
      const c = await spawnSender({ email: deadUrl, sms: deadUrl });
      const tried = () =>
        d
          .select({ a: schema.messages.attempts })
          .from(schema.messages)
          .where(inArray(schema.messages.id, ids))
          .all()
          .every((r) => r.a >= 1);
      for (let i = 0; i < 300 && !tried(); i++) await new Promise((r) => setTimeout(r, 20));
      await kill(c);
      kills++;
      fastForward = true;
    }
    for (let k = 0; k < KILLS; k++) {
      const c = await spawnSender({ email: email.url, sms: sms.url });
      if (k % 2 === 0) {
        // Killed in the middle of a provider call: after the provider accepted, before its answer.
        const target = email.requests.length + sms.requests.length + 3 + random(20);
        const hook = async () => {
          if (email.requests.length + sms.requests.length >= target) await kill(c);
        };
        email.afterAccept = sms.afterAccept = hook;
        await Promise.race([c.exited, new Promise((r) => setTimeout(r, 3_000))]);
        email.afterAccept = sms.afterAccept = null;
      } else {
        await new Promise((r) => setTimeout(r, 40 + random(250)));
      }
      await kill(c);
      kills++;
    }
    // A last sender, left alone, until every message is settled.
    const last = await spawnSender({ email: email.url, sms: sms.url });
    for (let i = 0; i < 1_000 && open() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    last.proc.kill("SIGTERM");
    await last.exited;
    expect(open(), `unsettled messages; last sender said:\n${last.stderr()}`).toBe(0);
  } finally {
    clearInterval(ff);
  }
  return { ids, kills };
}

function verify(mode: Mode, ids: number[], kills: number) {
  const rows = db().select().from(schema.messages).where(inArray(schema.messages.id, ids)).all();
  const tally = { sent: 0, held: 0, heldNeverArrived: 0, duplicates: 0, lost: 0, changedBytes: 0, heldUnexplained: 0 };
  const problems: string[] = [];
  for (const r of rows) {
    const fake = r.channel === "sms" ? sms : email;
    const accepted = fake.acceptedCount(r.idempotencyKey);
    if (accepted > 1) tally.duplicates++;
    if (fake.bodies(r.idempotencyKey).size > 1) tally.changedBytes++;
    if (r.status === "sent" || r.status === "delivered") {
      tally.sent++;
      if (accepted !== 1) {
        tally.lost++;
        problems.push(
          `#${r.id} ${r.channel} ${r.status} accepted ${accepted}×, ${fake.requestCount(r.idempotencyKey)} requests: ${r.lastError}`,
        );
      }
    } else if (r.status === "held") {
      tally.held++;
      // Held only where the provider may have it and cannot be asked: an SMS handed to GatewayAPI, with the reason.
      if (r.channel !== "sms" || accepted > 1 || !/may have been delivered/.test(r.lastError ?? ""))
        tally.heldUnexplained++;
      // Handed off, but its request never arrived: the sender was killed between the hand-off and the request (the
      // sender cannot tell that apart from a lost answer). At most one per kill.
      if (fake.requestCount(r.idempotencyKey) === 0) tally.heldNeverArrived++;
    } else {
      tally.lost++;
      problems.push(
        `#${r.id} ${r.channel} ${r.status} accepted ${accepted}×, ${fake.requestCount(r.idempotencyKey)} requests: ${r.lastError}`,
      );
    }
  }
  console.log(
    `kill test · ${mode.name}: ${rows.length} messages, ${kills} kills → ${tally.sent} sent once, ${tally.held} held (GatewayAPI may have them), ${tally.duplicates} duplicates, ${tally.lost} lost`,
  );
  expect(rows).toHaveLength(EMAILS + SMS);
  expect(problems).toEqual([]);
  expect(tally).toMatchObject({ duplicates: 0, lost: 0, changedBytes: 0, heldUnexplained: 0 });
  expect(tally.heldNeverArrived).toBeLessThanOrEqual(kills);
  return tally;
}

describe("kill -9 mid-send, again and again: never twice, never lost", () => {
  it("the provider answers 503 for a while", async () => {
    const mode: Mode = { name: "503 then healthy", behaviour: "unavailable", share: 0.5 };
    const { ids, kills } = await runMode(mode);
    const t = verify(mode, ids, kills);
    expect(t.held).toBeLessThanOrEqual(kills); // only an SMS in flight when its sender was killed
  }, 60_000);

  it("the provider answers 429 with Retry-After", async () => {
    const mode: Mode = { name: "429 with Retry-After", behaviour: "rate-limited", share: 0.4 };
    const { ids, kills } = await runMode(mode);
    expect(verify(mode, ids, kills).held).toBeLessThanOrEqual(kills);
  }, 60_000);

  it("the provider is down at first (connection refused)", async () => {
    const mode: Mode = { name: "connection refused, then healthy", behaviour: "ok", share: 0, startDown: true };
    const { ids, kills } = await runMode(mode);
    expect(verify(mode, ids, kills).held).toBeLessThanOrEqual(kills);
  }, 60_000);

  it("the provider accepts and the connection drops before its answer", async () => {
    const mode: Mode = { name: "answer lost (connection dropped)", behaviour: "drop-after", share: 0.3 };
    const { ids, kills } = await runMode(mode);
    expect(verify(mode, ids, kills).held).toBeGreaterThan(0);
  }, 60_000);

  it("the provider accepts and answers too late", async () => {
    const mode: Mode = { name: "answer too late (timeout)", behaviour: "slow", share: 0.15 };
    const { ids, kills } = await runMode(mode);
    expect(verify(mode, ids, kills).held).toBeGreaterThan(0);
  }, 60_000);
});
