import type { MessageLanguage } from "../app/domain/enums";
import type { MessageAttachment } from "../db/schema";

/** The words of one message in one language. `sms` is the short form (no links unless the template needs one). */
export type Copy<D> = {
  subject: (d: D) => string;
  heading?: (d: D) => string;
  lines: (d: D) => string[];
  action?: { label: string; url: (d: D) => string };
  sms?: (d: D) => string;
};

/**
 * A message template: its words per language and what the outbox needs to know of its data. Its key is not here: the
 * catalogue in emails/index.ts names each template, and the data type of a key is read from there.
 */
export type TemplateDef<D = Record<string, unknown>> = {
  /** Who receives it: mentee templates must exist in all ten languages. */
  audience: "staff" | "mentor" | "mentee" | "caseworker";
  copies: Partial<Record<MessageLanguage, Copy<D>>>;
  /**
   * Data fields that carry a live secret (a link with a token only the recipient may use). The outbox keeps them
   * apart from the data and masks them wherever staff may look (app/domain/secrets.ts).
   */
  secrets?: readonly (keyof D & string)[];
  /** Example data for the admin preview and the SMS length check (optional: placeholders get plausible values). */
  sample?: D;
  /**
   * Files an email carries (a calendar invite), made from the data in the message's language when the message is
   * first sent (so every retry carries the same bytes). SMS carry none.
   */
  attachments?: (d: D, lang: MessageLanguage) => MessageAttachment[];
};

export function defineTemplate<D>(t: TemplateDef<D>): TemplateDef<D> {
  return t;
}

/** Any template, whatever its data: the admin's editing and the checks over the catalogue handle them all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- D is read and written: nothing narrower fits all.
export type AnyTemplateDef = TemplateDef<any>;

/** A template with the key the catalogue gives it (the outbox stores the key; admins' edits are stored under it). */
export type Keyed<T extends AnyTemplateDef = AnyTemplateDef, K extends string = string> = T & { key: K };
