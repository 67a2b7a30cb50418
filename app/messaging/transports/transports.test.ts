import { afterEach, describe, expect, it, vi } from "vitest";
import { gatewayApiTransport } from "./gatewayapi.server";
import { resendTransport } from "./resend.server";
import type { FetchLike, OutgoingMessage } from "./types";

const sms: OutgoingMessage = {
  id: 7,
  channel: "sms",
  to: "+45 12 34 56 78",
  subject: "",
  text: "Hej Amina",
  html: null,
  idempotencyKey: "k-7",
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

function recorder(answer: () => Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f: FetchLike = (url, init) => {
    calls.push({ url, init });
    return answer();
  };
  return { calls, f };
}

describe("GatewayAPI transport (fetch injected)", () => {
  it("posts sender, text, MSISDN, userref and token; returns the provider id", async () => {
    const { calls, f } = recorder(async () => json(200, { ids: [4711], usage: {} }));
    const t = gatewayApiTransport({
      token: "tok",
      sender: "Mentorbro",
      fetch: f,
      callbackUrl: "https://x.dk/webhooks/sms",
    });
    expect(await t.send(sms)).toEqual({ ok: true, providerId: "4711" });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe("https://gatewayapi.com/rest/mtsms");
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe("Token tok");
    const body = JSON.parse(String(calls[0].init.body));
    expect(body).toEqual({
      sender: "Mentorbro",
      message: "Hej Amina",
      recipients: [{ msisdn: 4512345678 }],
      userref: "k-7",
      callback_url: "https://x.dk/webhooks/sms",
    });
  });
  it("asks for UCS-2 when the text is not GSM-7", async () => {
    const { calls, f } = recorder(async () => json(200, { ids: [1] }));
    await gatewayApiTransport({ token: "t", sender: "Mentorbro", fetch: f }).send({ ...sms, text: "مرحبا" });
    expect(JSON.parse(String(calls[0].init.body)).encoding).toBe("UCS2");
  });
  it("503 and 429 were not taken (retry, after Retry-After); a 5xx that may follow the send is unknown; 4xx permanent", async () => {
    const t5 = gatewayApiTransport({
      token: "t",
      sender: "Mentorbro",
      fetch: async () => json(503, { message: "down" }),
    });
    expect(await t5.send(sms)).toMatchObject({ ok: false, kind: "retry", error: expect.stringContaining("503") });
    const t429 = gatewayApiTransport({
      token: "t",
      sender: "Mentorbro",
      fetch: async () => new Response("{}", { status: 429, headers: { "Retry-After": "120" } }),
    });
    expect(await t429.send(sms)).toMatchObject({ ok: false, kind: "retry", retryAfterMs: 120_000 });
    const t4 = gatewayApiTransport({
      token: "t",
      sender: "Mentorbro",
      fetch: async () => json(422, { code: "0x0216", message: "invalid recipient" }),
    });
    expect(await t4.send(sms)).toEqual({ ok: false, kind: "permanent", error: "refused: 422 0x0216" });
    const t5html = gatewayApiTransport({
      token: "t",
      sender: "Mentorbro",
      fetch: async () => new Response("<html>bad gateway</html>", { status: 502 }),
    });
    expect(await t5html.send(sms)).toMatchObject({ ok: false, kind: "unknown" });
  });
  it("a timeout or a broken connection leaves the outcome unknown; a refused connection was never sent", async () => {
    const hang: FetchLike = (_u, init) =>
      new Promise((_r, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)));
    const t = gatewayApiTransport({ token: "t", sender: "Mentorbro", fetch: hang, timeoutMs: 100 });
    expect(await t.send(sms)).toEqual({ ok: false, kind: "unknown", error: "outcome unknown: no response timeout" });
    // Node's fetch fails with a TypeError whose cause carries the socket's error code.
    const failing = (message: string, code: string) =>
      gatewayApiTransport({
        token: "t",
        sender: "Mentorbro",
        fetch: async () => {
          throw new TypeError("fetch failed", { cause: Object.assign(new Error(message), { code }) });
        },
      });
    expect(await failing("other side closed", "UND_ERR_SOCKET").send(sms)).toEqual({
      ok: false,
      kind: "unknown",
      error: "outcome unknown: no response UND_ERR_SOCKET",
    });
    expect(await failing("connect ECONNREFUSED", "ECONNREFUSED").send(sms)).toEqual({
      ok: false,
      kind: "retry",
      error: "not taken: no response ECONNREFUSED",
    });
  });
  it("a 200 whose body is lost still counts as accepted", async () => {
    const t = gatewayApiTransport({
      token: "t",
      sender: "Mentorbro",
      fetch: async () => new Response('{"ids": [', { status: 200 }),
    });
    expect(await t.send(sms)).toEqual({ ok: true, providerId: null });
  });
  it("an invalid number fails at once without calling the provider", async () => {
    const { calls, f } = recorder(async () => json(200, { ids: [1] }));
    expect(
      await gatewayApiTransport({ token: "t", sender: "Mentorbro", fetch: f }).send({ ...sms, to: "not a number" }),
    ).toMatchObject({ ok: false, kind: "permanent" });
    expect(calls).toHaveLength(0);
  });
  it("refuses a sender id longer than 11 characters", () => {
    expect(() => gatewayApiTransport({ token: "t", sender: "Mentorbro Danmark" })).toThrow(/sender/);
  });
});

describe("Resend transport (global fetch mocked)", () => {
  afterEach(() => vi.unstubAllGlobals());
  const email: OutgoingMessage = {
    id: 9,
    channel: "email",
    to: "a@example.org",
    subject: "Hej",
    text: "Hej",
    html: "<p>Hej</p>",
    idempotencyKey: "k-9",
    unsubscribeUrl: "https://x.dk/afmeld/abc",
  };

  it("sends with the idempotency key and List-Unsubscribe; returns the email id", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return json(200, { id: "re_123" });
    });
    const t = resendTransport("re_key", "Mentorbro <noreply@x.dk>");
    expect(await t.send(email)).toEqual({ ok: true, providerId: "re_123" });
    expect(calls[0].url).toBe("https://api.resend.com/emails");
    const headers = new Headers(calls[0].init.headers);
    expect(headers.get("Idempotency-Key")).toBe("k-9");
    expect(headers.get("Authorization")).toBe("Bearer re_key");
    const body = JSON.parse(String(calls[0].init.body));
    expect(body).toMatchObject({
      from: "Mentorbro <noreply@x.dk>",
      to: "a@example.org",
      subject: "Hej",
      html: "<p>Hej</p>",
      text: "Hej",
      headers: { "List-Unsubscribe": "<https://x.dk/afmeld/abc>" },
    });
  });
  it("classifies Resend errors", async () => {
    vi.stubGlobal("fetch", async () =>
      json(422, { statusCode: 422, name: "validation_error", message: "Invalid `to` field" }),
    );
    expect(await resendTransport("k", "a@x.dk").send(email)).toMatchObject({
      ok: false,
      kind: "permanent",
      error: "refused: 422 validation_error",
    });
    vi.stubGlobal(
      "fetch",
      async () =>
        new Response(JSON.stringify({ statusCode: 429, name: "rate_limit_exceeded", message: "slow down" }), {
          status: 429,
          headers: { "Retry-After": "2" },
        }),
    );
    expect(await resendTransport("k", "a@x.dk").send(email)).toMatchObject({
      ok: false,
      kind: "retry",
      retryAfterMs: 2000,
    });
    vi.stubGlobal("fetch", async () =>
      json(409, { statusCode: 409, name: "concurrent_idempotent_requests", message: "in progress" }),
    );
    expect(await resendTransport("k", "a@x.dk").send(email)).toMatchObject({ ok: false, kind: "retry" });
    vi.stubGlobal("fetch", async () => new Response("oops", { status: 500 }));
    expect(await resendTransport("k", "a@x.dk").send(email)).toMatchObject({ ok: false, kind: "unknown" });
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("fetch failed");
    });
    expect(await resendTransport("k", "a@x.dk").send(email)).toMatchObject({ ok: false, kind: "unknown" });
  });
  it("reads 409 invalid_idempotent_request (the key was used already) as already accepted", async () => {
    vi.stubGlobal("fetch", async () =>
      json(409, {
        statusCode: 409,
        name: "invalid_idempotent_request",
        message: "Same idempotency key used with a different request payload.",
      }),
    );
    expect(await resendTransport("k", "a@x.dk").send(email)).toEqual({
      ok: true,
      providerId: null,
      note: "already accepted: 409 invalid_idempotent_request",
    });
  });
  it("gives up on a hanging call after the timeout (unknown: for Resend, the same again)", async () => {
    vi.stubGlobal(
      "fetch",
      (_u: string, init: RequestInit) =>
        new Promise((_r, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason))),
    );
    expect(await resendTransport("k", "a@x.dk", { timeoutMs: 100 }).send(email)).toMatchObject({
      ok: false,
      kind: "unknown",
    });
  });
});
