import { and, desc, eq } from "drizzle-orm";
import { mentees, messages } from "../../db/schema";
import { eqIf, pagedWhere } from "../utils/sql";
import { db } from "../db.server";
import type { Channel, MessageStatus } from "../domain/enums";
import { SUB_PAGE_SIZE } from "../domain/paging";
import { renderForHistory, staffMessageColumns, type HistoryView } from "../messaging/outbox-render.server";
import { about } from "./person-records.server";
import { ANONYMISED } from "./privacy.server";

/** What a list of messages shows of each: which template, to whom in which language, and how far it got. */
const messageRow = {
  id: messages.id,
  channel: messages.channel,
  template: messages.template,
  locale: messages.locale,
  status: messages.status,
  createdAt: messages.createdAt,
  lastError: messages.lastError,
};
const newestFirst = [desc(messages.id)];

/**
 * The outbox, newest first, filtered by status and channel: one page and the true total. Each filter has an index of
 * its own column (ids stay in order within it); the whole outbox is counted by SQLite's b-tree count.
 */
export function listMessages(filter: { status?: MessageStatus; channel?: Channel }, page = 1) {
  const columns = {
    ...messageRow,
    recipient: messages.recipient,
    attempts: messages.attempts,
    nextAttemptAt: messages.nextAttemptAt,
    transport: messages.transport,
    subjectType: messages.subjectType,
    subjectId: messages.subjectId,
  };
  const where = and(eqIf(messages.status, filter.status), eqIf(messages.channel, filter.channel));
  const d = db();
  return pagedWhere(d, page, { table: messages, where, order: newestFirst }, d.select(columns).from(messages));
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
  const columns = { ...messageRow, sentAt: messages.sentAt, deliveredAt: messages.deliveredAt };
  const d = db();
  const list = { table: messages, where: about(messages, type, id), order: newestFirst, pageSize: SUB_PAGE_SIZE };
  const rows = pagedWhere(d, page, list, d.select(columns).from(messages));
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
