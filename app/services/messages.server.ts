import { and, desc, eq, type SQL } from "drizzle-orm";
import { mentees, messages } from "../../db/schema";
import { db } from "../db.server";
import type { Channel, MessageStatus } from "../domain/enums";
import { renderForHistory, staffMessageColumns, type HistoryView } from "../messaging/outbox.server";
import { ANONYMISED } from "./privacy.server";

export function listMessages(filter: { status?: MessageStatus; channel?: Channel; subjectType?: string; subjectId?: number }, limit = 200) {
  const conds: (SQL | undefined)[] = [
    filter.status ? eq(messages.status, filter.status) : undefined,
    filter.channel ? eq(messages.channel, filter.channel) : undefined,
    filter.subjectType && filter.subjectId ? and(eq(messages.subjectType, filter.subjectType as never), eq(messages.subjectId, filter.subjectId)) : undefined,
  ];
  return db().select({
    id: messages.id, channel: messages.channel, template: messages.template, locale: messages.locale, recipient: messages.recipient,
    status: messages.status, attempts: messages.attempts, createdAt: messages.createdAt, nextAttemptAt: messages.nextAttemptAt,
    lastError: messages.lastError, transport: messages.transport, subjectType: messages.subjectType, subjectId: messages.subjectId,
  }).from(messages).where(and(...conds)).orderBy(desc(messages.id)).limit(limit).all();
}

/**
 * One message for the outbox page, with its text rendered again and every secret masked (renderForHistory); nothing
 * is rendered for a person who was erased (their data is gone).
 */
export async function getMessage(id: number) {
  const m = db().select(staffMessageColumns).from(messages).where(eq(messages.id, id)).get();
  if (!m) return null;
  const view: HistoryView | { erased: true } = m.recipient === ANONYMISED ? { erased: true } : await renderForHistory(m);
  return { ...m, view };
}

/**
 * What was sent to one person, for the staff page about that person. The caller has already checked the person is in
 * its scope (personSummary / personInScope). No message bodies here: the outbox page shows them, secrets masked.
 */
export function messagesForPerson(type: "mentee" | "mentor", id: number, limit = 100) {
  const rows = db().select({
    id: messages.id, channel: messages.channel, template: messages.template, locale: messages.locale, status: messages.status,
    createdAt: messages.createdAt, sentAt: messages.sentAt, deliveredAt: messages.deliveredAt, lastError: messages.lastError,
  }).from(messages).where(and(eq(messages.subjectType, type), eq(messages.subjectId, id))).orderBy(desc(messages.id)).limit(limit).all();
  const prefs = type === "mentee"
    ? db().select({ preferredChannel: mentees.preferredChannel, language: mentees.language, smsOptOutAt: mentees.smsOptOutAt, emailOptOutAt: mentees.emailOptOutAt })
      .from(mentees).where(eq(mentees.id, id)).get() ?? null
    : null;
  return { rows, prefs };
}
