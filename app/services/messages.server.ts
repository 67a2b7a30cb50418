import { and, desc, eq, type SQL } from "drizzle-orm";
import { messages } from "../../db/schema";
import { db } from "../db.server";
import type { Channel, MessageStatus } from "../domain/enums";

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

export function getMessage(id: number) {
  return db().select().from(messages).where(eq(messages.id, id)).get() ?? null;
}
