/**
 * A page's title in the reader's language: `export const meta = pageMeta("companies.titles.list")`. Titles stay
 * generic (no person's name: they end up in browser history). Merging note: issue 15 brings the same idea as
 * `pageMeta` in app/i18n/meta.ts with keys under `common.titles`; these pages can move to it by moving their keys.
 */
import type { MetaFunction } from "@remix-run/node";
import type { i18n as I18n } from "i18next";
import type { UiLocale } from "../domain/enums";
import { createI18n, defaultLocale, isUiLocale } from "./i18n";

const instances = new Map<UiLocale, I18n>();
function translator(locale: UiLocale): I18n {
  let i = instances.get(locale);
  if (!i) instances.set(locale, (i = createI18n(locale)));
  return i;
}

export function pageMeta(key: string): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
    const locale = isUiLocale(root?.locale) ? root.locale : defaultLocale;
    const { t } = translator(locale);
    return [{ title: `${t(key)} · ${t("common.product")}` }];
  };
}
