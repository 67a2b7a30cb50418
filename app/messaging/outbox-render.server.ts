/**
 * Rendering a message of the outbox: once for the real send (secrets filled in, a fresh opt-out link; the result
 * becomes the payload) and again, masked, for the history staff may read.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import { messages, messageTemplates } from "../../db/schema";
import { db, type Db } from "../db.server";
import { containsLiveLink, maskSecret, SECRET_MASK } from "../domain/secrets";
import { renderTemplate, templateFor, type Rendered } from "../../emails";
import { optOutUrl } from "./preferences.server";
import { overridesFor } from "./template-store.server";
import { config } from "../config.server";
import { absoluteUrl } from "../services/kernel.server";

type Row = typeof messages.$inferSelect;

type RenderMode = "send" | "history";

/**
 * Renders a message. For the real send the secrets are filled in and a fresh opt-out link is made (once: the result
 * becomes the payload). For the history view the data stays masked and the opt-out link is shown masked.
 */
export async function render(
  m: Pick<Row, "template" | "locale" | "channel" | "subjectType" | "subjectId" | "data" | "secrets">,
  mode: RenderMode,
  d: Db,
): Promise<Rendered & { unsubscribeUrl: string | null }> {
  // A citizen can always object: emails carry the opt-out link, SMS the number to send STOP to (when we have one).
  const menteeId = m.subjectType === "mentee" ? m.subjectId : null;
  const unsubscribeUrl =
    m.channel === "email" && menteeId
      ? mode === "send"
        ? optOutUrl({ type: "mentee", id: menteeId })
        : absoluteUrl(`/afmeld/${SECRET_MASK}`)
      : null;
  const smsStopNumber = m.channel === "sms" && menteeId ? (config().SMS_STOP_NUMBER ?? null) : null;
  const data = mode === "send" ? { ...m.data, ...(m.secrets ?? {}) } : m.data;
  // A stored key the catalogue does not know (an old or damaged row) throws here: the send fails, the history says so.
  const t = templateFor(m.template);
  const rendered = await renderTemplate(t, m.locale, data, m.channel, {
    overrides: overridesFor(t.key, d),
    unsubscribeUrl,
    smsStopNumber,
  });
  return { ...rendered, unsubscribeUrl };
}

/**
 * The columns staff may see of a message: never `secrets` or `payload` (live links only the recipient may use). Every
 * staff read of messages (pages, exports) selects these.
 */
export const staffMessageColumns = {
  id: messages.id,
  channel: messages.channel,
  recipient: messages.recipient,
  subjectType: messages.subjectType,
  subjectId: messages.subjectId,
  template: messages.template,
  locale: messages.locale,
  data: messages.data,
  status: messages.status,
  attempts: messages.attempts,
  nextAttemptAt: messages.nextAttemptAt,
  handedOffAt: messages.handedOffAt,
  lastError: messages.lastError,
  transport: messages.transport,
  providerId: messages.providerId,
  idempotencyKey: messages.idempotencyKey,
  sentAt: messages.sentAt,
  deliveredAt: messages.deliveredAt,
  createdAt: messages.createdAt,
  updatedAt: messages.updatedAt,
};

export type HistoryView =
  { subject: string; text: string; html: string | null; editedSince: boolean } | { error: string };

/**
 * A message as staff may see it, rendered again from its template, data and language with every secret masked (the
 * bodies as sent are not kept). `editedSince`: the template's text was edited after the message went out.
 */
export async function renderForHistory(
  m: Pick<Row, "template" | "locale" | "channel" | "subjectType" | "subjectId" | "data" | "sentAt" | "createdAt">,
  d: Db = db(),
): Promise<HistoryView> {
  try {
    const r = await render({ ...m, data: maskAll(m.data), secrets: null }, "history", d);
    const since = m.sentAt ?? m.createdAt;
    const edited =
      d
        .select({ n: sql<number>`count(*)` })
        .from(messageTemplates)
        .where(and(eq(messageTemplates.templateKey, m.template), gt(messageTemplates.updatedAt, since)))
        .get()?.n ?? 0;
    return { subject: r.subject, text: r.text, html: r.html, editedSince: edited > 0 };
  } catch (e) {
    return { error: e instanceof Error ? e.message : "render failed" };
  }
}

/** Defence in depth: any live link that reached the stored data (an old row, a bug) is masked before rendering. */
function maskAll(data: Record<string, unknown>): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return containsLiveLink(v) ? maskSecret(v) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(data) as Record<string, unknown>;
}
