/**
 * Admin-edited template texts (table message_templates). The files in emails/templates are the default; a row wins
 * for its template and language. Deleting the row returns to the file.
 */
import { and, eq } from "drizzle-orm";
import { messageTemplates } from "../../db/schema";
import { db, type Db } from "../db.server";
import type { MessageLanguage } from "../domain/enums";
import { nowIso } from "../utils/clock";
import type { CopyText, Overrides } from "../../emails/editable";
import type { TemplateKey } from "../../emails";

export function overridesFor(templateKey: TemplateKey, d: Db = db()): Overrides {
  const out: Overrides = {};
  for (const r of d.select().from(messageTemplates).where(eq(messageTemplates.templateKey, templateKey)).all())
    out[r.language] = r.copy;
  return out;
}

export function allOverrides(d: Db = db()): Map<string, Overrides> {
  const out = new Map<string, Overrides>();
  for (const r of d.select().from(messageTemplates).all()) {
    const o = out.get(r.templateKey) ?? {};
    o[r.language] = r.copy;
    out.set(r.templateKey, o);
  }
  return out;
}

export function saveOverride(
  templateKey: TemplateKey,
  language: MessageLanguage,
  copy: CopyText,
  userId: number,
  d: Db = db(),
): void {
  d.insert(messageTemplates)
    .values({ templateKey, language, copy, updatedBy: userId })
    .onConflictDoUpdate({
      target: [messageTemplates.templateKey, messageTemplates.language],
      set: { copy, updatedBy: userId, updatedAt: nowIso() },
    })
    .run();
}

export function deleteOverride(templateKey: TemplateKey, language: MessageLanguage, d: Db = db()): boolean {
  return (
    d
      .delete(messageTemplates)
      .where(and(eq(messageTemplates.templateKey, templateKey), eq(messageTemplates.language, language)))
      .run().changes > 0
  );
}
