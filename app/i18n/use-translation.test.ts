import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { i18nFor } from "./i18n";
import { translationOf, useTranslation } from "./use-translation";

function Title() {
  const { t, i18n } = useTranslation();
  return createElement("h1", { lang: i18n.language }, t("common.nav.login"));
}

describe("useTranslation", () => {
  it("translates with the instance the root provides, in its language", () => {
    for (const lng of ["da", "en"] as const) {
      const html = renderToStaticMarkup(createElement(I18nextProvider, { i18n: i18nFor(lng) }, createElement(Title)));
      expect(html).toBe(`<h1 lang="${lng}">${i18nFor(lng).t("common.nav.login")}</h1>`);
    }
    expect(i18nFor("da").t("common.nav.login")).not.toBe(i18nFor("en").t("common.nav.login"));
  });

  it("gives every component of a language the same answer, made once", () => {
    const da = translationOf(i18nFor("da"));
    expect(translationOf(i18nFor("da"))).toBe(da);
    expect(translationOf(i18nFor("en"))).not.toBe(da);
    expect(da.t("common.paging.summary", { from: "1", to: "50", total: "19.579", count: 19579 })).toContain("19.579");
  });

  it("falls back to Danish outside a provider", () => {
    expect(renderToStaticMarkup(createElement(Title))).toBe(
      `<h1 lang="da">${i18nFor("da").t("common.nav.login")}</h1>`,
    );
  });
});
