import { intlLocale } from "./i18n";
import type { MessageLanguage } from "../domain/enums";

/**
 * One formatter per locale and kind, made on first use: making an Intl formatter costs far more than using one (it was
 * a fifth of a list page's server time when every date made its own).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dateFormat(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(`${key}|${locale}`) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(`${key}|${locale}`, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
}
function numberFormat(key: string, locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = formatters.get(`${key}|${locale}`) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(`${key}|${locale}`, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/**
 * A date or time given as text, formatted once per kind and locale: a list shows the same days again and again, and
 * Intl's `format` costs more than a lookup (1.5 % of a list page's server time). At most 20 000 texts are kept, all
 * dropped at once beyond that; a text always formats the same (Copenhagen time), so nothing kept goes stale.
 */
const formattedTexts = new Map<string, string>();
function formattedOnce(key: string, format: () => string): string {
  let text = formattedTexts.get(key);
  if (text === undefined) {
    if (formattedTexts.size >= 20_000) formattedTexts.clear();
    formattedTexts.set(key, (text = format()));
  }
  return text;
}

/** Dates, numbers and percentages, always through Intl in the reader's locale and Copenhagen time. */
export function formatDate(value: string | Date | null | undefined, lng: string): string {
  if (!value) return "";
  const format = () =>
    dateFormat("date", intlLocale(lng), {
      day: "numeric",
      month: "short",
      year: "numeric",
      timeZone: "Europe/Copenhagen",
    }).format(typeof value === "string" ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value);
  return typeof value === "string" ? formattedOnce(`date|${lng}|${value}`, format) : format();
}
export function formatDateTime(value: string | Date | null | undefined, lng: string): string {
  if (!value) return "";
  const format = () =>
    dateFormat("datetime", intlLocale(lng), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/Copenhagen",
    }).format(typeof value === "string" ? new Date(value) : value);
  return typeof value === "string" ? formattedOnce(`datetime|${lng}|${value}`, format) : format();
}
/** A calendar month ("YYYY-MM") as its short name and year: "nov. 2026", "Nov 2026". */
export function formatMonth(month: string, lng: string): string {
  return dateFormat("month", intlLocale(lng), { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-15T00:00:00Z`),
  );
}
export function formatNumber(n: number, lng: string, digits = 0): string {
  return numberFormat(`number${digits}`, intlLocale(lng), {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(n);
}
export function formatPercent(share: number, lng: string): string {
  return numberFormat("percent", intlLocale(lng), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A language's name in the reader's language (Intl), capitalised: "Arabisk", "Tigrinya". */
const displayNames = new Map<string, Intl.DisplayNames>();
export function languageName(code: string, lng: string): string {
  try {
    const locale = intlLocale(lng);
    let names = displayNames.get(locale);
    if (!names) displayNames.set(locale, (names = new Intl.DisplayNames([locale], { type: "language" })));
    const name = names.of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(intlLocale(lng)) + name.slice(1);
  } catch {
    return code;
  }
}

/** The Intl locale of a message language (what a citizen reads): Dari is Afghan Persian, Kurmanji is Kurdish. */
const MESSAGE_LOCALES: Record<MessageLanguage, string> = {
  da: "da-DK",
  en: "en-GB",
  ar: "ar",
  ti: "ti",
  fa: "fa",
  prs: "fa-AF",
  ps: "ps",
  so: "so",
  uk: "uk",
  kmr: "ku",
};
export function messageLocale(lang: MessageLanguage): string {
  const wanted = MESSAGE_LOCALES[lang] ?? "da-DK";
  return Intl.DateTimeFormat.supportedLocalesOf([wanted]).length ? wanted : lang === "da" ? "da-DK" : "en-GB";
}

/**
 * A calendar date (YYYY-MM-DD) in a message, in the recipient's language: "30. november 2026", "30 November 2026".
 * Anything else is returned as it is (the template editor's {{placeholders}} pass through untouched).
 */
export function formatMessageDate(value: unknown, lang: MessageLanguage): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value == null ? "" : String(value);
  return dateFormat("messageDate", messageLocale(lang), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/Copenhagen",
  }).format(new Date(`${value}T12:00:00Z`));
}
