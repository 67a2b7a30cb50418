import { config } from "../config.server";
import { verifyJwtHs256 } from "./signatures";
import { now } from "../utils/clock";
import { log } from "../utils/logger.server";

/** Verifies the call; returns the signed payload merged over the body, or a Response to send back. */
export async function verifiedGatewayApiPayload(request: Request): Promise<Record<string, unknown> | Response> {
  const secret = config().SMS_WEBHOOK_SECRET;
  if (!secret) return new Response("Webhook not configured", { status: 503 });
  const body = await request.text();
  if (body.length > 64 * 1024) return new Response("Too large", { status: 413 });
  const claims = await verifyJwtHs256(secret, request.headers.get("x-gwapi-signature"), now().getTime());
  if (!claims) {
    log.warn("sms webhook refused", { reason: "bad_signature" });
    return new Response("Invalid signature", { status: 401 });
  }
  let parsed: unknown = {};
  try {
    parsed = body ? JSON.parse(body) : {};
  } catch {
    parsed = {};
  }
  const fromBody =
    parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  return { ...fromBody, ...claims };
}
