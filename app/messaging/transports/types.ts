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
};

/** One outside service (or the local sink) that can deliver a message. It never throws: errors are results. */
export interface Transport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}
