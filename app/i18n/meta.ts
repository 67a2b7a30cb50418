/**
 * Page titles (and the landing page's description) in the reader's language: every route's `meta` is
 * `pageMeta("key")`, a key of `common.titles`. Titles stay generic on purpose: they end up in browser history and
 * tabs, so they never carry a person's name.
 */
import type { MetaFunction } from "@remix-run/node";
import type { i18n as I18n } from "i18next";
import type { UiLocale } from "../domain/enums";
import { defaultLocale, i18nFor, isUiLocale } from "./i18n";
import type da from "./locales/da";

/** A key of `common.titles`, or a full key (`companies.titles.list`) for an area that keeps its titles beside its text. */
export type TitleKey = keyof (typeof da)["common"]["titles"] | `${string}.${string}`;

const translator = i18nFor;

/** The page's UI language, from the root loader's data (Danish when there is none, e.g. on an early error). */
export function metaLocale(matches: readonly { id: string; data?: unknown }[]): UiLocale {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return isUiLocale(root?.locale) ? root.locale : defaultLocale;
}

export function pageTitle(key: TitleKey, locale: UiLocale): string {
  const { t } = translator(locale);
  const full = String(key).includes(".") ? String(key) : `common.titles.${String(key)}`;
  return `${t(full)} · ${t("common.product")}`;
}

/** The route's `meta`: its title in the page's language, plus anything `extra` adds (robots, description). */
export function pageMeta(key: TitleKey, extra: (t: I18n["t"]) => ReturnType<MetaFunction> = () => []): MetaFunction {
  return ({ matches }) => {
    const locale = metaLocale(matches);
    return [{ title: pageTitle(key, locale) }, ...extra(translator(locale).t)];
  };
}
