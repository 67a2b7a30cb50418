import { Resend } from "resend";
import type { Transport } from "./types";
import { failure, httpFailure, parseRetryAfter } from "../../domain/outbox";

type Options = { baseUrl?: string; timeoutMs?: number };

/**
 * Email through Resend (the official SDK, which calls the global fetch). Resend keeps an idempotency key for 24 hours:
 * the same key with the same body returns the first email instead of sending a second; the same key with another
 * body is refused with 409 `invalid_idempotent_request`. The outbox sends the same bytes on every try, so that 409
 * can only mean the email is there already, and is read so.
 */
export function resendTransport(apiKey: string, from: string, opts: Options = {}): Transport {
  const client = new Resend(apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined);
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    name: "resend",
    idempotent: true,
    async send(m) {
      try {
        const { data, error, headers } = await client.emails.send(
          {
            from,
            to: m.to,
            subject: m.subject,
            text: m.text,
            ...(m.html ? { html: m.html } : {}),
            ...(m.unsubscribeUrl ? { headers: { "List-Unsubscribe": `<${m.unsubscribeUrl}>` } } : {}),
            ...(m.attachments?.length
              ? {
                  attachments: m.attachments.map((a) => ({
                    filename: a.filename,
                    contentType: a.contentType,
                    content: Buffer.from(a.content, "utf8").toString("base64"),
                  })),
                }
              : {}),
          },
          { idempotencyKey: m.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
        );
        if (error) {
          const e = error as { statusCode?: number | null; name?: string };
          // The SDK reports any failure without an answer (refused, reset, timeout) as application_error without a
          // status, so we cannot tell whether Resend saw the request: unknown, which for Resend means "same again".
          if (e.statusCode == null) return failure("unknown", null, e.name ?? "network");
          return httpFailure(e.statusCode, e.name ?? null, parseRetryAfter(headers?.["retry-after"], new Date()));
        }
        return { ok: true, providerId: data?.id ?? null };
      } catch (e) {
        return failure("unknown", null, "network", e instanceof Error ? e.name : undefined);
      }
    },
  };
}
