/**
 * Messaging: the outbox and the coordinators' message templates.
 */
import { sqliteTable, text, integer, index, uniqueIndex, primaryKey } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { messageLanguages, channels, messageStatuses, subjectTypes } from "../../app/domain/enums";
import { nowIso } from "../../app/utils/clock";
import { id, updatedAt, json, epochMs, createdAtMs, updatedAtMs } from "./columns";
import { users } from "./people";

/**
 * The outbox. Its instants are epoch milliseconds (epochMs, read as ISO text): a national programme keeps hundreds of
 * thousands of rows with five instants each (issue 16). What is kept after sending: template, data, language, status,
 * provider id and times; the rendered payload and secrets go when the message is final (a trigger), and the history
 * view renders the text again from template and data.
 */
/** What is handed to the provider: rendered once, then sent as is on every try. */
/** A file sent with an email (a calendar invite): text content, as sent. */
export type MessageAttachment = { filename: string; contentType: string; content: string };
export type MessagePayload = {
  subject: string;
  text: string;
  html: string | null;
  unsubscribeUrl: string | null;
  attachments?: MessageAttachment[];
};
export const messages = sqliteTable(
  "messages",
  {
    id: id(),
    channel: text("channel", { enum: channels }).notNull(),
    recipient: text("recipient").notNull(),
    /** Whom the message is for, so "what was sent to this person" is one query. */
    subjectType: text("subject_type", { enum: subjectTypes }),
    subjectId: integer("subject_id"),
    template: text("template").notNull(),
    locale: text("locale", { enum: messageLanguages }).notNull().default("da"),
    data: json<Record<string, unknown>>("data").notNull().default({}),
    status: text("status", { enum: messageStatuses }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: epochMs("next_attempt_at").notNull().$defaultFn(nowIso),
    claimedAt: epochMs("claimed_at"),
    /** The sender process holding the row while it is `sending` (`pid@host/nonce`), and until when its lease runs. */
    claimedBy: text("claimed_by"),
    leaseUntil: epochMs("lease_until"),
    /** Set just before the provider is called: a row stuck in `sending` with this set may have reached the provider. */
    handedOffAt: epochMs("handed_off_at"),
    lastError: text("last_error"),
    transport: text("transport"),
    providerId: text("provider_id"),
    /** Unique per logical message: enqueueing the same key twice is a no-op, and it is sent to the provider. */
    idempotencyKey: text("idempotency_key").notNull(),
    /**
     * The secret fields of `data` (live links: reset, invitation, verification, survey), which `data` holds only masked.
     * Read by the real send alone; dropped (a trigger) once the message is sent, delivered or cancelled.
     */
    secrets: json<Record<string, unknown>>("secrets"),
    /**
     * The exact provider payload, fixed at the first send so every retry is byte-identical (tokens inside it are made
     * once). Read by the sender alone; dropped with the secrets once the message is final.
     */
    payload: json<MessagePayload>("payload"),
    sentAt: epochMs("sent_at"),
    deliveredAt: epochMs("delivered_at"),
    createdAt: createdAtMs(),
    updatedAt: updatedAtMs(),
  },
  (t) => [
    uniqueIndex("messages_idempotency_uq").on(t.idempotencyKey),
    // The sender's queue: only the queued rows (the query says `status = 'queued'` as a literal), in due order. The final
    // rows, nearly all of the outbox, are in no such index.
    index("messages_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`status = 'queued'`),
    // What was sent to one person, newest (highest id: rows are written when they are made) first.
    index("messages_subject_idx").on(t.subjectType, t.subjectId),
    // The outbox page by status or by channel, newest (highest id) first: an index on the column alone keeps ids in order.
    // (status, channel) counts the two filters together; it cannot replace (status), whose ids are in order.
    index("messages_status_idx").on(t.status),
    index("messages_channel_idx").on(t.channel),
    index("messages_status_channel_idx").on(t.status, t.channel),
  ],
);

/**
 * Template texts edited by an admin, per template and language. The files in emails/templates are the default; a row
 * here overrides one language of one template. Texts use {{placeholders}} for the template's data.
 */
export type TemplateCopyText = { subject: string; heading: string; body: string; actionLabel: string; sms: string };
export const messageTemplates = sqliteTable(
  "message_templates",
  {
    templateKey: text("template_key").notNull(),
    language: text("language", { enum: messageLanguages }).notNull(),
    copy: json<TemplateCopyText>("copy").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.templateKey, t.language] })],
);
