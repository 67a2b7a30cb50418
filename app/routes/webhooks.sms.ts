/**
 * GatewayAPI delivery status callbacks. Each call carries a JWT (HS256, SMS_WEBHOOK_SECRET) in X-Gwapi-Signature;
 * the status comes from the signed claims when present, so a tampered body changes nothing.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { applyDeliveryReport, gatewayApiOutcome } from "../messaging/delivery-status.server";
import { verifiedGatewayApiPayload } from "../messaging/gatewayapi-webhook.server";

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const payload = await verifiedGatewayApiPayload(request);
  if (payload instanceof Response) return payload;
  const outcome = typeof payload.status === "string" ? gatewayApiOutcome(payload.status) : null;
  if (!outcome) return Response.json({ ok: true, result: "ignored" });
  const result = applyDeliveryReport({
    transport: "gatewayapi",
    providerId: payload.id != null ? String(payload.id) : null,
    idempotencyKey: typeof payload.userref === "string" ? payload.userref : null,
    outcome,
    error: outcome === "failed" ? [payload.status, payload.code ?? payload.error].filter(Boolean).join(" ") : null,
  });
  return Response.json({ ok: true, result });
}
