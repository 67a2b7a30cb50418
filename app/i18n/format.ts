import { intlLocale } from "./i18n";

/** Dates, numbers and percentages, always through Intl in the reader's locale and Copenhagen time. */
export function formatDate(value: string | Date | null | undefined, lng: string): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(intlLocale(lng), { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/Copenhagen" }).format(d);
}
export function formatDateTime(value: string | Date | null | undefined, lng: string): string {
  if (!value) return "";
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale(lng), { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(d);
}
export function formatNumber(n: number, lng: string, digits = 0): string {
  return new Intl.NumberFormat(intlLocale(lng), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}
export function formatPercent(share: number, lng: string): string {
  return new Intl.NumberFormat(intlLocale(lng), { style: "percent", maximumFractionDigits: 0 }).format(share);
}

/** A language's name in the reader's language (Intl), capitalised: "Arabisk", "Tigrinya". */
export function languageName(code: string, lng: string): string {
  try {
    const name = new Intl.DisplayNames([intlLocale(lng)], { type: "language" }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(intlLocale(lng)) + name.slice(1);
  } catch {
    return code;
  }
}
