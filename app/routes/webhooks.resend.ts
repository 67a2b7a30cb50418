/**
 * Resend delivery events (Svix-signed). Verifies svix-id/svix-timestamp/svix-signature over the raw body with
 * RESEND_WEBHOOK_SECRET; refuses old timestamps. Updates the message by Resend's email id.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "../config.server";
import { applyDeliveryReport, resendOutcome } from "../messaging/delivery-status.server";
import { verifySvix } from "../messaging/signatures";
import { log } from "../utils/logger.server";

const MAX_BODY = 256 * 1024;

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const secret = config().RESEND_WEBHOOK_SECRET;
  if (!secret) return new Response("Webhook not configured", { status: 503 });
  const body = await request.text();
  if (body.length > MAX_BODY) return new Response("Too large", { status: 413 });
  const verified = verifySvix(
    secret,
    {
      id: request.headers.get("svix-id"),
      timestamp: request.headers.get("svix-timestamp"),
      signature: request.headers.get("svix-signature"),
    },
    body,
  );
  if (!verified.ok) {
    log.warn("resend webhook refused", { reason: verified.reason });
    return new Response("Invalid signature", { status: 401 });
  }
  let event: { type?: unknown; data?: { email_id?: unknown; bounce?: { type?: unknown } } };
  try {
    event = JSON.parse(body);
  } catch {
    return new Response("Bad JSON", { status: 400 });
  }
  const outcome = typeof event.type === "string" ? resendOutcome(event.type) : null;
  const emailId = typeof event.data?.email_id === "string" ? event.data.email_id : null;
  if (!outcome || !emailId) return Response.json({ ok: true, result: "ignored" });
  const result = applyDeliveryReport({
    transport: "resend",
    providerId: emailId,
    outcome,
    error: outcome === "failed" ? String(event.type) : null,
  });
  return Response.json({ ok: true, result });
}
