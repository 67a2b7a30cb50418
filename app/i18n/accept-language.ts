/**
 * The browser's preferred languages (Accept-Language) → the UI language for a visitor who has not chosen one.
 * Highest quality first; among equal qualities the order written. Pure.
 */
import { uiLocales, type UiLocale } from "../domain/enums";

export function localeFromAcceptLanguage(header: string | null | undefined): UiLocale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .slice(0, 30)
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
      const quality = q ? Number(q[1]) : 1;
      return { lang: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  // Norwegian and Swedish readers understand Danish better than English.
  const alias: Record<string, UiLocale> = { nb: "da", no: "da", nn: "da", sv: "da" };
  for (const r of ranked) {
    if ((uiLocales as readonly string[]).includes(r.lang)) return r.lang as UiLocale;
    if (alias[r.lang]) return alias[r.lang];
  }
  return null;
}
