/**
 * SMS through GatewayAPI's REST API (POST /rest/mtsms, token auth). Danish company, Danish numbers, alphanumeric
 * sender ids, delivery-status callbacks and inbound SMS by webhook. The API has no idempotency key, so `userref`
 * carries ours (it comes back in the status callback and in their logs) and the outbox never resends a row that may
 * already have reached the provider (see docs/decisions/007-messaging-providers.md).
 */
import { failure } from "../../domain/outbox";
import { isValidSenderId, smsEncoding, toMsisdn } from "../../domain/sms";
import type { FetchLike, Transport } from "./types";

export type GatewayApiOptions = {
  token: string;
  sender: string;
  url?: string;
  /** Where GatewayAPI posts delivery status (our /webhooks/sms). */
  callbackUrl?: string | null;
  timeoutMs?: number;
  fetch?: FetchLike;
};

export const GATEWAYAPI_URL = "https://gatewayapi.com/rest/mtsms";

export function gatewayApiTransport(opts: GatewayApiOptions): Transport {
  if (!isValidSenderId(opts.sender)) throw new Error("SMS sender id must be 1-11 letters, digits or spaces");
  const doFetch: FetchLike = opts.fetch ?? ((input, init) => fetch(input, init));
  const url = opts.url ?? GATEWAYAPI_URL;
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    name: "gatewayapi",
    idempotent: false,
    async send(m) {
      const msisdn = toMsisdn(m.to);
      if (!msisdn) return failure(400, "invalid_msisdn", "not a phone number");
      const body = {
        sender: opts.sender,
        message: m.text,
        recipients: [{ msisdn: Number(msisdn) }],
        ...(smsEncoding(m.text) === "UCS-2" ? { encoding: "UCS2" } : {}),
        userref: m.idempotencyKey,
        ...(opts.callbackUrl ? { callback_url: opts.callbackUrl } : {}),
      };
      let res: Response;
      try {
        res = await doFetch(url, {
          method: "POST",
          headers: { Authorization: `Token ${opts.token}`, "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const name = e instanceof Error ? e.name : "";
        return failure(null, name === "TimeoutError" || name === "AbortError" ? "timeout" : "network");
      }
      let json: unknown = null;
      try {
        json = await res.json();
      } catch {
        json = null;
      }
      if (!res.ok) {
        const code = json && typeof json === "object" && "code" in json ? String((json as { code: unknown }).code) : null;
        return failure(res.status, code);
      }
      const ids = json && typeof json === "object" && "ids" in json ? (json as { ids: unknown }).ids : null;
      const id = Array.isArray(ids) && ids.length ? String(ids[0]) : null;
      return { ok: true, providerId: id };
    },
  };
}
