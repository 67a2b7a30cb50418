import { Resend } from "resend";
import type { Transport } from "./types";
import { isTransientHttpStatus } from "../../domain/outbox";

/** Email through Resend. Resend's idempotency key makes a retried send after a crash harmless. */
export function resendTransport(apiKey: string, from: string): Transport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(m) {
      try {
        const { data, error } = await client.emails.send(
          { from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}) },
          { idempotencyKey: m.idempotencyKey },
        );
        if (error) {
          const status = (error as { statusCode?: number | null }).statusCode ?? 500;
          return { ok: false, permanent: !isTransientHttpStatus(status), error: `${status} ${error.name}` };
        }
        return { ok: true, providerId: data?.id ?? null };
      } catch (e) {
        return { ok: false, permanent: false, error: e instanceof Error ? e.name : "network error" };
      }
    },
  };
}
