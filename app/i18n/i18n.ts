/**
 * i18next set-up shared by server and browser. All UI strings live in locales/da (source) and locales/en.
 * Plurals use i18next's `_one/_other` keys, which follow Intl.PluralRules.
 */
import i18next, { type i18n as I18n } from "i18next";
import da from "./locales/da";
import en from "./locales/en";
import { uiLocales, type UiLocale } from "../domain/enums";

export const resources = { da: { translation: da }, en: { translation: en } } as const;
export const defaultLocale: UiLocale = "da";

export function isUiLocale(v: unknown): v is UiLocale {
  return typeof v === "string" && (uiLocales as readonly string[]).includes(v);
}

export function createI18n(lng: UiLocale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng,
    fallbackLng: defaultLocale,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // i18next otherwise prints an advertisement to the console (server logs and every browser) on first init.
    showSupportNotice: false,
  });
  return instance;
}

const shared = new Map<UiLocale, I18n>();
/**
 * The one translator of a language, made once per process (server) or page load (browser). Nothing changes its
 * language (a switch of language makes the page use the other one), so every request of that language shares it:
 * making an i18next instance per request cost about 5 % of a page's time.
 */
export function i18nFor(lng: UiLocale): I18n {
  let i = shared.get(lng);
  if (!i) shared.set(lng, (i = createI18n(lng)));
  return i;
}

/** Intl locale for a UI locale. */
export function intlLocale(lng: string): string {
  return lng === "en" ? "en-GB" : "da-DK";
}
