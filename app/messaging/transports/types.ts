import type { Channel } from "../../domain/enums";
import type { SendResult } from "../../domain/outbox";
import type { MessageAttachment } from "../../../db/schema";

export type OutgoingMessage = {
  id: number;
  channel: Channel;
  /** The template key (the local sink names its files by it; providers never see it). */
  template?: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  idempotencyKey: string;
  /** Email only: where to opt out (sent as a List-Unsubscribe header). */
  unsubscribeUrl?: string | null;
  /** Email only: files sent with it (a calendar invite). */
  attachments?: MessageAttachment[];
};

/** One outside service (or the local sink) that can deliver a message. It never throws: errors are results. */
export interface Transport {
  readonly name: string;
  /**
   * True when the provider deduplicates by our idempotency key, so a message whose outcome is unknown (a lost answer,
   * a crash after hand-off) can be sent again with the same key and the same bytes. When false, such a message is
   * held for a person (it may have been delivered).
   */
  readonly idempotent: boolean;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** The HTTP layer, injectable so tests never reach the network. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;
