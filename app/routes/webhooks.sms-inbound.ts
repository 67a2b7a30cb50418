/**
 * Inbound SMS from GatewayAPI (MO webhook, same JWT as the status callback). A reply "STOP" (or AFMELD, STOPP...)
 * opts the sender's number out of SMS and cancels queued SMS to them; "LINK" (or MIG, MIN SIDE) sends the citizen a
 * new link to their own page (issue 21), at most once an hour. The text itself is not stored or logged.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { isStopKeyword, menteesByMsisdn, optOut } from "../messaging/preferences.server";
import { audit } from "../services/audit.server";
import { log } from "../utils/logger.server";
import { verifiedGatewayApiPayload } from "../messaging/gatewayapi-webhook.server";
import { isPageLinkKeyword, LINK_BY_SMS_PER_HOUR } from "../domain/citizen-link";
import { sendCitizenLink } from "../services/citizen-links.server";
import { hit } from "../auth/rate-limit.server";

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return loader();
  const payload = await verifiedGatewayApiPayload(request);
  if (payload instanceof Response) return payload;
  const text = typeof payload.message === "string" ? payload.message : "";
  const msisdn = payload.msisdn != null ? String(payload.msisdn) : "";
  if (msisdn && isPageLinkKeyword(text)) {
    const ids = menteesByMsisdn(msisdn);
    let sent = 0;
    for (const id of ids) {
      if (
        hit(`citizen-link-sms:${id}`, LINK_BY_SMS_PER_HOUR, 3_600_000) &&
        sendCitizenLink(null, id, { via: "sms" }).ok
      )
        sent++;
    }
    log.info("sms page link keyword", { matched: ids.length, sent });
    return Response.json({ ok: true, result: sent ? "link_sent" : ids.length ? "not_sent" : "unknown_number" });
  }
  if (!isStopKeyword(text) || !msisdn) return Response.json({ ok: true, result: "ignored" });
  const ids = menteesByMsisdn(msisdn);
  for (const id of ids) {
    if (optOut({ type: "mentee", id }, ["sms"], "opted out by SMS reply"))
      audit(null, "update", "mentee", id, { action: "sms_opt_out", via: "sms_reply" });
  }
  log.info("sms stop keyword", { matched: ids.length });
  return Response.json({ ok: true, result: ids.length ? "opted_out" : "unknown_number" });
}
