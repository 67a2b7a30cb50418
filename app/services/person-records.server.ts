/**
 * The rows that name one record: messages and consents name their person as a subject (`subject_type`, `subject_id`),
 * the status history and the access log name theirs as an entity (`entity_type`, `entity_id`). The filter is said
 * once here, for the pages that list them, the export of a person's data, erasure and consent.
 */
import { and, eq, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

/** A table that names a record by its kind and id. */
export type Naming =
  { subjectType: SQLiteColumn; subjectId: SQLiteColumn } | { entityType: SQLiteColumn; entityId: SQLiteColumn };

/** `kind = type AND id = id` on the table's naming columns: the rows about this one record. */
export function about(table: Naming, type: string, id: number | Placeholder): SQL {
  const [kind, key] =
    "subjectType" in table ? [table.subjectType, table.subjectId] : [table.entityType, table.entityId];
  return and(eq(kind, type), eq(key, id))!;
}
