import { config } from "../../config.server";
import type { Channel } from "../../domain/enums";
import { gatewayApiTransport } from "./gatewayapi.server";
import { localSink } from "./local.server";
import { resendTransport } from "./resend.server";
import type { Transport } from "./types";
import { absoluteUrl } from "../../services/kernel.server";

let override: Partial<Record<Channel, Transport>> = {};
const cache = new Map<string, Transport>();

/** The transport for a channel, chosen by configuration; the local sink whenever no provider key is set. */
export function transportFor(channel: Channel): Transport {
  const o = override[channel];
  if (o) return o;
  const c = config();
  if (channel === "email" && c.RESEND_API_KEY) {
    return cached("resend", () =>
      resendTransport(c.RESEND_API_KEY!, c.EMAIL_FROM, { baseUrl: c.RESEND_API_URL, timeoutMs: c.SEND_TIMEOUT_MS }),
    );
  }
  if (channel === "sms" && c.SMS_PROVIDER === "gatewayapi" && c.SMS_API_KEY) {
    return cached("gatewayapi", () =>
      gatewayApiTransport({
        token: c.SMS_API_KEY!,
        sender: c.SMS_SENDER,
        url: c.SMS_API_URL,
        timeoutMs: c.SEND_TIMEOUT_MS,
        callbackUrl: c.SMS_WEBHOOK_SECRET ? absoluteUrl("/webhooks/sms", c.APP_URL) : null,
      }),
    );
  }
  return cached("local", () => localSink(c.LOCAL_SINK_DIR));
}

/**
 * Whether the transport that handed a message off deduplicates by our idempotency key (recovery after a crash asks
 * about the transport recorded on the row, not today's configuration). Unknown names are treated as not idempotent.
 */
export function isIdempotentTransport(name: string | null): boolean {
  if (!name) return false;
  const o = Object.values(override).find((t) => t?.name === name);
  if (o) return o.idempotent;
  return name === "local" || name === "resend";
}

function cached(key: string, make: () => Transport): Transport {
  let t = cache.get(key);
  if (!t) cache.set(key, (t = make()));
  return t;
}

/** Tests replace a transport (e.g. a fake provider on loopback). */
export function setTransportOverride(next: Partial<Record<Channel, Transport>>): void {
  override = next;
}
