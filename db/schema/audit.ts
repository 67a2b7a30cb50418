/**
 * Consent, the access log, a citizen's record changes and the status history.
 */
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { roles, consentPurposes, subjectTypes, auditActions } from "../../app/domain/enums";
import { nowIso } from "../../app/utils/clock";
import { id, json, epochMs, createdAtMs, coded } from "./columns";
import { mentees } from "./citizens";
import { users } from "./people";

export const consents = sqliteTable(
  "consents",
  {
    id: id(),
    subjectType: text("subject_type", { enum: subjectTypes }).notNull(),
    subjectId: integer("subject_id").notNull(),
    purpose: text("purpose", { enum: consentPurposes }).notNull(),
    textVersion: text("text_version").notNull(),
    givenAt: epochMs("given_at").notNull(),
    recordedBy: integer("recorded_by").references(() => users.id),
    withdrawnAt: epochMs("withdrawn_at"),
    withdrawnBy: integer("withdrawn_by").references(() => users.id),
    createdAt: createdAtMs(),
  },
  (t) => [index("consents_subject_idx").on(t.subjectType, t.subjectId, t.purpose)],
);

/** Who may appear as the actor of an access-log row (append only: the position is what is stored). */
export const auditActorRoles = [...roles, "citizen"] as const;

/**
 * Append-only (triggers in the migration refuse UPDATE and DELETE). No personal data in `details`.
 * Narrow rows (issue 16): the instant as epoch milliseconds, the action and the actor's role as small codes; the kind of
 * record stays text (an open list, written by many use cases).
 */
const auditColumns = () => ({
  at: epochMs("at").notNull().$defaultFn(nowIso),
  actorUserId: integer("actor_user_id"),
  actorRole: coded("actor_role", auditActorRoles),
  action: coded("action", auditActions).notNull(),
  entityType: text("entity_type").notNull(),
  entityId: integer("entity_id"),
  details: json<Record<string, unknown>>("details"),
});

export const auditLog = sqliteTable("audit_log", { id: id(), ...auditColumns() }, (t) => [
  // The access log, newest first (id order is time order: rows are written when they happen), whole or filtered by
  // record, actor, action or kind of record: an index on the filter's column(s) alone keeps ids in order. A period is
  // turned into a range of ids through the instant's index (app/services/audit.server.ts).
  index("audit_log_entity_idx").on(t.entityType, t.entityId),
  index("audit_log_actor_idx").on(t.actorUserId),
  index("audit_log_at_idx").on(t.at),
  index("audit_log_action_idx").on(t.action),
  index("audit_log_entity_type_idx").on(t.entityType),
]);

/**
 * Where the access log's rows are written first (docs/decisions/026): the same columns, no index, so that the fifty rows
 * a list view logs cost a request two pages of the log instead of seventy. A thread of the server moves them into
 * `audit_log` within a fraction of a second, in id order, many requests' rows in one transaction (db/queue-drain.ts);
 * a process without that thread moves them in the same transaction as it writes them. Plain integer ids: the table is
 * emptied from its front only, so an id is always above those still waiting.
 */
export const auditLogIncoming = sqliteTable("audit_log_incoming", {
  id: integer("id").primaryKey(),
  ...auditColumns(),
});

/**
 * A referred citizen's record after referral (issue 19): corrections (which fields changed, never their values) and
 * the coordinator's intake call (its day and a short note without health details). Shown in the record's history.
 */
export const menteeChanges = sqliteTable(
  "mentee_changes",
  {
    id: id(),
    menteeId: integer("mentee_id")
      .notNull()
      .references(() => mentees.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["correction", "intake_call"] }).notNull(),
    /** Names of the changed fields (corrections). */
    fields: json<string[]>("fields").notNull().default([]),
    calledOn: text("called_on"),
    note: text("note"),
    byUserId: integer("by_user_id").references(() => users.id),
    at: text("at").notNull().$defaultFn(nowIso),
  },
  (t) => [index("mentee_changes_mentee_idx").on(t.menteeId, t.at, t.id)],
);

export const statusChanges = sqliteTable(
  "status_changes",
  {
    id: id(),
    entityType: text("entity_type", {
      enum: ["mentor", "mentee", "course", "opening", "proposal", "placement", "match_request"],
    }).notNull(),
    entityId: integer("entity_id").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    byUserId: integer("by_user_id").references(() => users.id),
    at: text("at").notNull().$defaultFn(nowIso),
  },
  (t) => [
    // One record's history (a handful of rows, sorted after the lookup): no instant in the index (issue 16).
    index("status_changes_entity_idx").on(t.entityType, t.entityId),
  ],
);
