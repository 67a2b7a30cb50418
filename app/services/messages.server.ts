import { and, desc, eq, type SQL } from "drizzle-orm";
import { mentees, messages } from "../../db/schema";
import { countRows } from "../utils/sql";
import { db } from "../db.server";
import type { Channel, MessageStatus } from "../domain/enums";
import { paged, SUB_PAGE_SIZE } from "../domain/paging";
import { renderForHistory, staffMessageColumns, type HistoryView } from "../messaging/outbox-render.server";
import { ANONYMISED } from "./privacy.server";

/**
 * The outbox, newest first, filtered by status and channel: one page and the true total. Each filter has an index of
 * its own column (ids stay in order within it); the whole outbox is counted by SQLite's b-tree count.
 */
export function listMessages(filter: { status?: MessageStatus; channel?: Channel }, page = 1) {
  const d = db();
  const where = and(
    filter.status ? eq(messages.status, filter.status) : undefined,
    filter.channel ? eq(messages.channel, filter.channel) : undefined,
  );
  return paged(
    page,
    () => countRows(d, messages, where),
    (limit, offset) =>
      d
        .select({
          id: messages.id,
          channel: messages.channel,
          template: messages.template,
          locale: messages.locale,
          recipient: messages.recipient,
          status: messages.status,
          attempts: messages.attempts,
          createdAt: messages.createdAt,
          nextAttemptAt: messages.nextAttemptAt,
          lastError: messages.lastError,
          transport: messages.transport,
          subjectType: messages.subjectType,
          subjectId: messages.subjectId,
        })
        .from(messages)
        .where(where)
        .orderBy(desc(messages.id))
        .limit(limit)
        .offset(offset)
        .all(),
  );
}

/**
 * One message for the outbox page, with its text rendered again and every secret masked (renderForHistory); nothing
 * is rendered for a person who was erased (their data is gone).
 */
export async function getMessage(id: number) {
  const m = db().select(staffMessageColumns).from(messages).where(eq(messages.id, id)).get();
  if (!m) return null;
  const view: HistoryView | { erased: true } =
    m.recipient === ANONYMISED ? { erased: true } : await renderForHistory(m);
  return { ...m, view };
}

/**
 * What was sent to one person, for the staff page about that person: a page at a time, newest first. The caller has
 * already checked the person is in its scope (personSummary / personInScope). No message bodies here: the outbox
 * page shows them, secrets masked.
 */
export function messagesForPerson(type: "mentee" | "mentor", id: number, page = 1) {
  const d = db();
  const where: SQL = and(eq(messages.subjectType, type), eq(messages.subjectId, id))!;
  const rows = paged(
    page,
    () => countRows(d, messages, where),
    (limit, offset) =>
      d
        .select({
          id: messages.id,
          channel: messages.channel,
          template: messages.template,
          locale: messages.locale,
          status: messages.status,
          createdAt: messages.createdAt,
          sentAt: messages.sentAt,
          deliveredAt: messages.deliveredAt,
          lastError: messages.lastError,
        })
        .from(messages)
        .where(where)
        .orderBy(desc(messages.id))
        .limit(limit)
        .offset(offset)
        .all(),
    SUB_PAGE_SIZE,
  );
  const prefs =
    type === "mentee"
      ? (d
          .select({
            preferredChannel: mentees.preferredChannel,
            language: mentees.language,
            smsOptOutAt: mentees.smsOptOutAt,
            emailOptOutAt: mentees.emailOptOutAt,
          })
          .from(mentees)
          .where(eq(mentees.id, id))
          .get() ?? null)
      : null;
  return { rows, prefs };
}
