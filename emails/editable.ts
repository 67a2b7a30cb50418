/**
 * Templates as data. A template file's copy (functions of the message data) is shown to an admin as text with
 * {{placeholders}}; an admin's edited text (a row in message_templates) is turned back into a copy that fills the
 * placeholders from the data. The link target of an action always comes from the file (an admin edits words, not URLs).
 */
import { messageLanguages, type MessageLanguage } from "../app/domain/enums";
import type { AnyTemplateDef, Copy } from "./types";
import { formatMessageDate } from "../app/i18n/format";

/** One language of one template as editable text. `body` holds one paragraph per line. */
export type CopyText = { subject: string; heading: string; body: string; actionLabel: string; sms: string };
export type Overrides = Partial<Record<MessageLanguage, CopyText>>;

const STRING_METHODS = new Set(Object.getOwnPropertyNames(String.prototype));

/**
 * Data that answers every property with a placeholder: `${d.name}` → "{{name}}", `d.mentor.firstName` →
 * "{{mentor.firstName}}", string methods keep the placeholder (`d.date.slice(0, 10)` → "{{date}}").
 */
export function placeholderData(): Record<string, unknown> {
  const make = (path: string): unknown => {
    const target = function placeholder() {};
    return new Proxy(target, {
      get(_t, prop) {
        if (prop === Symbol.toPrimitive || prop === "toString" || prop === "valueOf" || prop === "toJSON")
          return () => `{{${path}}}`;
        if (typeof prop === "symbol") return undefined;
        if (path && STRING_METHODS.has(prop)) return () => make(path);
        return make(path ? `${path}.${prop}` : prop);
      },
      apply() {
        return make(path);
      },
      has() {
        return true;
      },
    });
  };
  return make("") as Record<string, unknown>;
}

const str = (v: unknown) => (v == null ? "" : String(v));

/** The file copy as text with placeholders; null when the copy cannot be shown that way (it computes on its data). */
export function copyToText<D>(copy: Copy<D>): CopyText | null {
  try {
    const p = placeholderData() as D;
    return {
      subject: str(copy.subject(p)),
      heading: copy.heading ? str(copy.heading(p)) : "",
      body: copy.lines(p).map(str).join("\n"),
      actionLabel: copy.action ? copy.action.label : "",
      sms: copy.sms ? str(copy.sms(p)) : "",
    };
  } catch {
    return null;
  }
}

function lookup(data: Record<string, unknown>, path: string): unknown {
  let v: unknown = data;
  for (const part of path.split(".")) {
    if (v == null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * Fills {{placeholders}} from the data; an unknown placeholder becomes empty (never the raw braces). With a language,
 * calendar dates are written in it (as the file templates do), never as 2026-11-30.
 */
export function interpolate(text: string, data: Record<string, unknown>, lang?: MessageLanguage): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (_m, path: string) => {
    const v = lookup(data, path);
    return lang ? formatMessageDate(v, lang) : str(v);
  });
}

export function placeholdersIn(text: CopyText): string[] {
  const all = Object.values(text)
    .join("\n")
    .matchAll(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g);
  return [...new Set([...all].map((m) => m[1]))];
}

/**
 * Turns edited text back into a copy. `actionFrom` gives the link target (the file copy of that or another language);
 * `lang` is the copy's language, for dates.
 */
export function textToCopy(
  text: CopyText,
  actionFrom?: Copy<Record<string, unknown>>,
  lang?: MessageLanguage,
): Copy<Record<string, unknown>> {
  return {
    subject: (d) => interpolate(text.subject, d, lang),
    heading: text.heading ? (d) => interpolate(text.heading, d, lang) : undefined,
    lines: (d) =>
      text.body
        .split(/\r?\n/)
        .map((l) => interpolate(l, d, lang))
        .filter((l) => l.trim() !== ""),
    action:
      text.actionLabel && actionFrom?.action ? { label: text.actionLabel, url: actionFrom.action.url } : undefined,
    sms: text.sms ? (d) => interpolate(text.sms, d, lang) : undefined,
  };
}

/** The languages a template must exist in: every message language for mentees, Danish and English otherwise. */
export function requiredLanguages(t: AnyTemplateDef): readonly MessageLanguage[] {
  return t.audience === "mentee" ? messageLanguages : (["da", "en"] as const);
}

export type LanguageState = "file" | "edited" | "missing";

/** Per language: from the file, edited by an admin, or missing (falls back to Danish + English). */
export function languageStates(t: AnyTemplateDef, overrides: Overrides): Record<MessageLanguage, LanguageState> {
  const out = {} as Record<MessageLanguage, LanguageState>;
  for (const l of messageLanguages) out[l] = overrides[l] ? "edited" : t.copies[l] ? "file" : "missing";
  return out;
}

/** The copies a template speaks once the admin's edits are applied. */
export function effectiveCopies(
  t: AnyTemplateDef,
  overrides: Overrides = {},
): Partial<Record<MessageLanguage, Copy<Record<string, unknown>>>> {
  const out: Partial<Record<MessageLanguage, Copy<Record<string, unknown>>>> = { ...t.copies };
  for (const l of messageLanguages) {
    const o = overrides[l];
    if (o) out[l] = textToCopy(o, t.copies[l] ?? t.copies.da ?? t.copies.en, l);
  }
  return out;
}

/** Sample data for previews and checks: the template's own `sample`, or a plausible value per placeholder. */
export function sampleData(t: AnyTemplateDef): Record<string, unknown> {
  if (t.sample) return t.sample as Record<string, unknown>;
  const keys = new Set<string>();
  for (const c of Object.values(t.copies)) {
    const text = c ? copyToText(c) : null;
    if (text) for (const k of placeholdersIn(text)) keys.add(k);
    if (c?.action) {
      try {
        const url = str(c.action.url(placeholderData()));
        for (const m of url.matchAll(/\{\{([A-Za-z0-9_.]+)\}\}/g)) keys.add(m[1]);
      } catch {
        /* a computed url: no placeholder to add */
      }
    }
  }
  const data: Record<string, unknown> = {};
  for (const k of keys) {
    const parts = k.split(".");
    let target = data;
    for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = sampleValue(parts[parts.length - 1]);
  }
  return data;
}

function sampleValue(key: string): string {
  const k = key.toLowerCase();
  if (k.includes("url") || k.includes("link")) return "https://mentorbro.dk/s/Xy7Qp2Lm";
  if (k.includes("date") || k.includes("dato")) return "2026-03-02";
  if (k.includes("time") || k.includes("tid")) return "10:00";
  if (k.includes("phone") || k.includes("telefon")) return "12 34 56 78";
  if (k.includes("email")) return "navn@eksempel.dk";
  if (k.includes("code") || k.includes("kode")) return "123456";
  if (k.includes("name") || k.includes("navn")) return "Amina";
  return "Eksempel";
}
