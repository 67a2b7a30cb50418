import type { Channel } from "../../domain/enums";
import type { SendResult } from "../../domain/outbox";

export type OutgoingMessage = {
  id: number;
  channel: Channel;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  idempotencyKey: string;
  /** Email only: where to opt out (sent as a List-Unsubscribe header). */
  unsubscribeUrl?: string | null;
};

/** One outside service (or the local sink) that can deliver a message. It never throws: errors are results. */
export interface Transport {
  readonly name: string;
  /**
   * True when the provider deduplicates by our idempotency key, so a row that was handed off before a crash can be
   * sent again safely. When false, such a row is not resent automatically (it fails for a person to check).
   */
  readonly idempotent: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** The HTTP layer, injectable so tests never reach the network. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
