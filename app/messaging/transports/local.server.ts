import type { Transport } from "./types";

/**
 * The default transport in dev, demo and tests: nothing leaves the machine. The rendered message is already stored on
 * the outbox row, where /admin/outbox shows it.
 */
export const localTransport: Transport = {
  name: "local",
  idempotent: true,
  async send(message) {
    return { ok: true, providerId: `local-${message.id}` };
  },
};
