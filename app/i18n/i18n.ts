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
  rememberTranslations(instance);
  return instance;
}

/** At most this many texts are kept per translator (the locale files hold a few thousand keys). */
const TRANSLATIONS_KEPT = 20_000;

/**
 * The memo key of a call that can be remembered: a string key alone, or a string key and options whose values are all
 * strings, numbers or booleans (counts, formatted figures, a name) and that ask for a text, not an object. Anything
 * else (nested options, `returnObjects`, a default value function) is not remembered.
 */
function memoKey(args: unknown[]): string | null {
  const [key, options] = args;
  if (typeof key !== "string" || args.length > 2) return null;
  if (args.length === 1) return key;
  if (typeof options !== "object" || options === null || Array.isArray(options)) return null;
  for (const [name, value] of Object.entries(options)) {
    const kind = typeof value;
    if (name === "returnObjects" || name === "returnDetails") return null;
    if (kind !== "string" && kind !== "number" && kind !== "boolean") return null;
  }
  return `${key}\u0000${JSON.stringify(options)}`;
}

/**
 * A translator's `t` is worked out once per language, key and options: each call copied all of i18next's options and
 * resolved the key again (and a plural its rule), about a tenth of a signed-in page's CPU for the plain keys and
 * another few per cent for the counted and interpolated ones. The texts are a function of the locale files (the same
 * for every visitor of the language, and nothing adds resources after start) and of the options' plain values, which
 * are part of the key. The kept texts live in the process only and are dropped all at once beyond the bound.
 */
function rememberTranslations(instance: I18n): void {
  type Translate = ((...args: unknown[]) => unknown) & {
    lng?: unknown;
    lngs?: unknown;
    ns?: unknown;
    keyPrefix?: unknown;
  };
  type GetFixedT = (lng: unknown, ns?: unknown, keyPrefix?: string) => Translate;
  const getFixedT = (instance.getFixedT as unknown as GetFixedT).bind(instance);
  const fixed = new Map<string, Translate>();
  const remembered: GetFixedT = (lng, ns, keyPrefix) => {
    if ((lng !== null && typeof lng !== "string") || (ns != null && typeof ns !== "string"))
      return getFixedT(lng, ns, keyPrefix);
    const id = `${lng ?? ""}\u0000${ns ?? ""}\u0000${keyPrefix ?? ""}`;
    let t = fixed.get(id);
    if (!t) {
      const original = getFixedT(lng, ns, keyPrefix);
      const texts = new Map<string, unknown>();
      const remembering = (...args: unknown[]) => {
        const key = memoKey(args);
        if (key === null) return original(...args);
        let text = texts.get(key);
        if (text === undefined) {
          text = original(...args);
          if (texts.size >= TRANSLATIONS_KEPT) texts.clear();
          texts.set(key, text);
        }
        return text;
      };
      t = Object.assign(remembering, {
        lng: original.lng,
        lngs: original.lngs,
        ns: original.ns,
        keyPrefix: original.keyPrefix,
      });
      fixed.set(id, t);
    }
    return t;
  };
  instance.getFixedT = remembered as unknown as I18n["getFixedT"];
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
