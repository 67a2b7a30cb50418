/**
 * SMS through GatewayAPI's REST API (POST /rest/mtsms, token auth). Danish company, Danish numbers, alphanumeric
 * sender ids, delivery-status callbacks and inbound SMS by webhook. The API has no idempotency key and no way to look a
 * message up by our own reference, so `userref` carries our key (it comes back in every status callback and shows in
 * their logs) and a message whose outcome is unknown is never resent automatically: it is held for a person, or
 * settled by a status callback naming it (see docs/decisions/007-messaging-providers.md).
 */
import { failure, httpFailure, networkFailure, parseRetryAfter } from "../../domain/outbox";
import { isValidSenderId, smsEncoding } from "../../domain/sms";
import { toMsisdn } from "../../domain/phone";
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
      if (!msisdn) return failure("permanent", 400, "invalid_msisdn", "not a phone number");
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
          headers: {
            Authorization: `Token ${opts.token}`,
            "Content-Type": "application/json",
            Accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        return networkFailure(e);
      }
      // The status line has arrived, so the status decides; a body lost or garbled after it only costs the provider id.
      let json: unknown = null;
      try {
        json = JSON.parse(await res.text());
      } catch {
        json = null;
      }
      if (!res.ok) {
        const code =
          json && typeof json === "object" && "code" in json ? String((json as { code: unknown }).code) : null;
        return httpFailure(res.status, code, parseRetryAfter(res.headers.get("retry-after"), new Date()));
      }
      const ids = json && typeof json === "object" && "ids" in json ? (json as { ids: unknown }).ids : null;
      const id = Array.isArray(ids) && ids.length ? String(ids[0]) : null;
      return { ok: true, providerId: id };
    },
  };
}
