import { Resend } from "resend";
import type { Transport } from "./types";
import { failure } from "../../domain/outbox";

type Options = { baseUrl?: string; timeoutMs?: number };

/**
 * Email through Resend (the official SDK, which calls the global fetch). Resend's idempotency key (kept 24 h) makes a
 * send retried after a crash or a timeout harmless: the same key returns the first email instead of a second one.
 */
export function resendTransport(apiKey: string, from: string, opts: Options = {}): Transport {
  const client = new Resend(apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    name: "resend",
    idempotent: true,
    async send(m) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<"timeout">((r) => { timer = setTimeout(() => r("timeout"), timeoutMs); });
      try {
        const call = client.emails.send(
          {
            from, to: m.to, subject: m.subject, text: m.text, ...(m.html ? { html: m.html } : {}),
            ...(m.unsubscribeUrl ? { headers: { "List-Unsubscribe": `<${m.unsubscribeUrl}>` } } : {}),
          },
          { idempotencyKey: m.idempotencyKey },
        );
        const res = await Promise.race([call, timeout]);
        if (res === "timeout") return failure(null, "timeout");
        const { data, error } = res;
        if (error) {
          const e = error as { statusCode?: number | null; name?: string };
          // The SDK reports a network failure as application_error without a status: retry it.
          return failure(e.statusCode ?? null, e.name ?? null);
        }
        return { ok: true, providerId: data?.id ?? null };
      } catch (e) {
        return failure(null, "network", e instanceof Error ? e.name : undefined);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
