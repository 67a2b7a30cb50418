import { config } from "../../config.server";
import type { Channel } from "../../domain/enums";
import { localTransport } from "./local.server";
import { resendTransport } from "./resend.server";
import type { Transport } from "./types";

let override: Partial<Record<Channel, Transport>> = {};

/** The transport for a channel, chosen by configuration; the local sink whenever no provider key is set. */
export function transportFor(channel: Channel): Transport {
  const o = override[channel];
  if (o) return o;
  const c = config();
  if (channel === "email" && c.RESEND_API_KEY) return resendTransport(c.RESEND_API_KEY, c.EMAIL_FROM);
  return localTransport;
}

/** Tests replace a transport (e.g. a fake provider on loopback). */
export function setTransportOverride(next: Partial<Record<Channel, Transport>>): void {
  override = next;
}
