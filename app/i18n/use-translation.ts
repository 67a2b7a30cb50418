/**
 * The components' translator (decision 020): `const { t, i18n } = useTranslation()` as with react-i18next, from the
 * i18next instance the root provides (one per language, `i18nFor`). react-i18next's hook sets up a dozen hooks, an
 * options object and a store subscription in every component that asks, which on the server is every component of every
 * request; the app's instances never change language (a switch of language renders with the other instance, and the
 * context then hands that one down), so the answer is the same object for as long as the instance and its language are.
 */
import { useContext } from "react";
import { I18nContext } from "react-i18next";
import type { i18n as I18n, TFunction } from "i18next";
import { defaultLocale, i18nFor } from "./i18n";

export type Translation = { t: TFunction; i18n: I18n };

const kept = new WeakMap<I18n, { language: string; translation: Translation }>();

/** The translation of an instance in its current language, made once. */
export function translationOf(i18n: I18n): Translation {
  let k = kept.get(i18n);
  if (!k || k.language !== i18n.language) {
    k = { language: i18n.language, translation: { t: i18n.getFixedT(i18n.language), i18n } };
    kept.set(i18n, k);
  }
  return k.translation;
}

export function useTranslation(): Translation {
  return translationOf(useContext(I18nContext)?.i18n ?? i18nFor(defaultLocale));
}
