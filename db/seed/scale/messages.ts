/** The scale seed's outbox: each template rendered once with markers for the personal parts, filled per message. */
import { messageLanguages } from "../../../app/domain/enums";
import { renderTemplate, templates } from "../../../emails";
import { sampleData } from "../../../emails/editable";
import { WELCOME_TEMPLATE } from "../../../app/services/referrals.server";
import { type ScaleCtx, CHUNK } from "./context";

export const APP_URL = "http://localhost:3000";

/** Rendered once per template, language and channel with markers for the personal parts, filled per message. */
const MARK = (i: number) => `@@${i}@@`;
type Compiled = (string | number)[];
export function compile(s: string): Compiled {
  return s.split(/@@(\d+)@@/).map((part, i) => (i % 2 ? Number(part) : part));
}
export function fill(c: Compiled, values: string[]): string {
  let out = "";
  for (const p of c) out += typeof p === "number" ? values[p] : p;
  return out;
}
/** The string fields of each template's data that differ per message (in marker order). */
const PERSONAL: Record<string, string[]> = {
  [WELCOME_TEMPLATE]: ["firstName"],
  match_mentee: ["mentorFirstName"],
  course_started_mentee: [],
  course_ended_mentee: [],
  match_mentor: ["mentorFirstName", "menteeFirstName", "menteePhone", "menteeEmail", "municipality", "startDate"],
};

export async function renderCache() {
  const cache = new Map<string, { subject: Compiled; text: Compiled; html: Compiled | null }>();
  for (const [key, fields] of Object.entries(PERSONAL)) {
    const t = templates.get(key)!;
    const data = { ...sampleData(t), ...Object.fromEntries(fields.map((f, i) => [f, MARK(i)])) };
    for (const locale of messageLanguages) {
      for (const channel of ["sms", "email"] as const) {
        const unsubscribeUrl = channel === "email" && t.audience === "mentee" ? `${APP_URL}/afmeld/eksempel` : null;
        const r = await renderTemplate(t, locale, data, channel, { unsubscribeUrl });
        cache.set(`${key}|${locale}|${channel}`, {
          subject: compile(r.subject),
          text: compile(r.text),
          html: r.html ? compile(r.html) : null,
        });
      }
    }
  }
  return cache;
}

/** The outbox, in the order it was written: the messages collected while seeding, with their outcome. */
export function writeMessages(s: ScaleCtx) {
  const { rng, now, put, tx, bump, progress, finish, messageSpecs, rendered } = s;
  messageSpecs.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const recent = new Date(Date.now() - 10 * 60_000).toISOString();
  for (let i = 0; i < messageSpecs.length; i += 5 * CHUNK) {
    tx(() => {
      for (const m of messageSpecs.slice(i, i + 5 * CHUNK)) {
        const queued = m.at > recent || m.at.slice(0, 10) > now;
        const r = rng();
        const st = m.blocked
          ? "cancelled"
          : queued
            ? "queued"
            : r < 0.01
              ? "failed"
              : m.channel === "sms" || r < 0.2
                ? "delivered"
                : "sent";
        // The outbox keeps the payload only while a person may still retry (failed); final messages have none.
        const view = st === "failed" ? rendered.get(`${m.template}|${m.locale}|${m.channel}`)! : null;
        const sentAt = new Date(Date.parse(m.at) + 4_000).toISOString();
        put.message({
          channel: m.channel,
          recipient: m.recipient,
          subjectType: m.subjectType,
          subjectId: m.subjectId,
          template: m.template,
          locale: m.locale,
          data: m.data,
          status: st,
          attempts: st === "queued" ? 0 : st === "failed" ? 5 : 1,
          nextAttemptAt: m.at,
          idempotencyKey: m.key,
          lastError: st === "failed" ? "provider: 422 invalid recipient" : m.blocked,
          transport: st === "queued" || st === "cancelled" ? null : m.channel === "sms" ? "gatewayapi" : "resend",
          providerId: st === "sent" || st === "delivered" ? `p-${i}-${Math.floor(r * 1e9).toString(36)}` : null,
          payload: view
            ? {
                subject: fill(view.subject, m.fill),
                text: fill(view.text, m.fill),
                html: view.html && m.channel === "email" ? fill(view.html, m.fill) : null,
                unsubscribeUrl: null,
              }
            : null,
          sentAt: st === "sent" || st === "delivered" ? sentAt : null,
          deliveredAt: st === "delivered" ? new Date(Date.parse(m.at) + 30_000).toISOString() : null,
          createdAt: m.at,
          updatedAt: st === "queued" ? m.at : sentAt,
        });
      }
    });
    bump("messages", Math.min(5 * CHUNK, messageSpecs.length - i));
    progress("messages", Math.min(messageSpecs.length, i + 5 * CHUNK), messageSpecs.length);
  }
  finish("messages");
}
