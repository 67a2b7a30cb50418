/**
 * Template administration: the registry of emails/index.ts (every template a feature registered) joined with the
 * admin's edits in message_templates. Generic over the registry: a new template shows up here by itself.
 */
import { renderTemplate, templateFor, templates, type TemplateKey } from "../../emails";
import { config } from "../config.server";
import {
  copyToText,
  languageStates,
  placeholdersIn,
  requiredLanguages,
  sampleData,
  type CopyText,
  type Overrides,
} from "../../emails/editable";
import { messageLanguages, type MessageLanguage } from "../domain/enums";
import { containsLink, MAX_SMS_SEGMENTS, smsInfo } from "../domain/sms";
import { allOverrides, deleteOverride, overridesFor, saveOverride } from "../messaging/template-store.server";

export function listTemplatesForAdmin() {
  const overrides = allOverrides();
  return [...templates.values()]
    .sort((a, b) => a.key.localeCompare(b.key))
    .map((t) => {
      const o = overrides.get(t.key) ?? {};
      const states = languageStates(t, o);
      const required = requiredLanguages(t);
      return {
        key: t.key,
        audience: t.audience,
        languages: required.map((l) => ({ language: l, state: states[l] })),
        missing: required.filter((l) => states[l] === "missing"),
        edited: messageLanguages.filter((l) => states[l] === "edited").length,
      };
    });
}

const EMPTY: CopyText = { subject: "", heading: "", body: "", actionLabel: "", sms: "" };

/** The template of an admin's URL in one language, ready to edit; null for a key the catalogue does not know. */
export function templateForEdit(key: string, language: MessageLanguage) {
  const t = templates.get(key);
  if (!t) return null;
  const overrides = overridesFor(t.key);
  const states = languageStates(t, overrides);
  const fileText = t.copies[language] ? copyToText(t.copies[language]!) : null;
  const daText = overrides.da ?? (t.copies.da ? copyToText(t.copies.da) : null);
  const text = overrides[language] ?? fileText ?? EMPTY;
  const known = Object.keys(flatten(sampleData(t)));
  const languages = [...new Set([...requiredLanguages(t), ...messageLanguages.filter((l) => states[l] !== "missing")])];
  return {
    key: t.key,
    audience: t.audience,
    language,
    state: states[language],
    text,
    notEditable: !!t.copies[language] && !fileText && !overrides[language],
    reference: language !== "da" ? daText : null,
    placeholders: known,
    hasAction: Object.values(t.copies).some((c) => !!c?.action),
    languages: languages.map((l) => ({ language: l, state: states[l] })),
    overrides,
  };
}

function flatten(o: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === "object" && !Array.isArray(v))
      Object.assign(out, flatten(v as Record<string, unknown>, `${prefix}${k}.`));
    else out[`${prefix}${k}`] = v;
  }
  return out;
}

export type Preview = {
  subject: string;
  html: string | null;
  sms: string;
  fallback: boolean;
  segments: number;
  encoding: string;
  units: number;
  tooLong: boolean;
  smsHasLink: boolean;
  /** The template could not be rendered with sample data (it needs a `sample` in its file). */
  failed?: boolean;
};

/** Renders a template in one language with sample data, with the given edits applied. */
export async function previewTemplate(
  key: TemplateKey,
  language: MessageLanguage,
  overrides: Overrides,
): Promise<Preview> {
  const t = templateFor(key);
  const data = sampleData(t);
  let email, sms;
  try {
    email = await renderTemplate(t, language, data, "email", { overrides });
    // A citizen's SMS ends with where to send STOP (the outbox adds it): the preview and the length check show it too.
    sms = await renderTemplate(t, language, data, "sms", {
      overrides,
      smsStopNumber: t.audience === "mentee" ? config().SMS_STOP_NUMBER : null,
    });
  } catch {
    return {
      subject: "",
      html: null,
      sms: "",
      fallback: false,
      segments: 0,
      encoding: "GSM-7",
      units: 0,
      tooLong: false,
      smsHasLink: false,
      failed: true,
    };
  }
  const info = smsInfo(sms.text);
  return {
    subject: email.subject,
    html: email.html,
    sms: sms.text,
    fallback: email.fallback,
    segments: info.segments,
    encoding: info.encoding,
    units: info.units,
    tooLong: info.segments > MAX_SMS_SEGMENTS,
    smsHasLink: containsLink(sms.text),
  };
}

/** Field errors for an edited text: unknown placeholders, an SMS over the segment limit. i18n keys with parameters. */
export function checkTemplateText(
  key: TemplateKey,
  text: CopyText,
  known: string[],
  preview: Preview,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(text) as [keyof CopyText, string][]) {
    const unknown = placeholdersIn({ ...EMPTY, [field]: value }).filter((p) => !known.includes(p));
    if (unknown.length)
      errors[field] = [`messaging.templates.unknownPlaceholder|${JSON.stringify({ name: unknown[0] })}`];
  }
  if (preview.tooLong && !errors.sms) {
    errors.sms = [
      `messaging.templates.tooManySegments|${JSON.stringify({ count: preview.segments, max: MAX_SMS_SEGMENTS })}`,
    ];
  }
  void key;
  return errors;
}

export { deleteOverride, saveOverride };
