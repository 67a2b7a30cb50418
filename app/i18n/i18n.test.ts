import { describe, expect, it } from "vitest";
import { createI18n } from "./i18n";
import da from "./locales/da";
import en from "./locales/en";
import { templates } from "../../emails";

function flat(o: unknown, prefix = ""): [string, string][] {
  if (typeof o === "string") return [[prefix, o]];
  if (!o || typeof o !== "object") return [];
  return Object.entries(o).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
}

describe("UI texts", () => {
  it("say '1 time', '2 timer': counted hours have plural forms", () => {
    const { t } = createI18n("da");
    expect(t("courses.page.dueHours", { count: 1, hours: "1", date: "30. nov. 2026" })).toMatch(
      /^Registrér 1 time mere/,
    );
    expect(t("courses.page.dueHours", { count: 2, hours: "2", date: "30. nov. 2026" })).toMatch(
      /^Registrér 2 timer mere/,
    );
    expect(createI18n("en").t("courses.meeting.durationOption", { count: 1, hours: "1" })).toBe("1 hour");
    // No Danish text puts a counted number before "timer" without a singular form beside it.
    const bad = flat(da).filter(
      ([k, v]) => /\{\{\w+\}\} timer\b/.test(v) && !k.endsWith("_other") && !/\{\{target\}\} timer/.test(v),
    );
    expect(bad).toEqual([]);
  });
  it("name every message template in Danish and English", () => {
    const names = (l: typeof da) =>
      Object.keys((l.messaging.templates as unknown as { name: Record<string, string> }).name);
    for (const key of templates.keys()) {
      expect(names(da), key).toContain(key);
      expect(names(en as typeof da), key).toContain(key);
    }
  });
});

describe("the translator components use (getFixedT)", () => {
  it("gives the same texts as i18next for plain keys, again and again, and still interpolates and counts", () => {
    const i18n = createI18n("da");
    const t = i18n.getFixedT("da", "translation");
    expect(t("common.product")).toBe(i18n.t("common.product"));
    expect(t("common.product")).toBe(i18n.t("common.product"));
    expect(i18n.getFixedT("da", "translation")).toBe(t);
    expect(t("between.meeting.planTitle", { name: "Ali" })).toBe("Planlæg et møde med Ali");
    expect(t("courses.page.dueHours", { count: 1, hours: "1", date: "30. nov. 2026" })).toMatch(
      /^Registrér 1 time mere/,
    );
    expect(t("courses.page.dueHours", { count: 2, hours: "2", date: "30. nov. 2026" })).toMatch(
      /^Registrér 2 timer mere/,
    );
    // Another language and a key prefix are translators of their own.
    expect(createI18n("en").getFixedT("en", "translation")("common.product")).toBe(
      createI18n("en").t("common.product"),
    );
    expect(i18n.getFixedT("da", "translation", "common")("product")).toBe(i18n.t("common.product"));
  });

  it("remembers a text per key and plain options: the same as i18next, for every key, count and value", () => {
    for (const lng of ["da", "en"] as const) {
      const i18n = createI18n(lng);
      const t = i18n.getFixedT(lng, "translation");
      // Every key that holds a text, the plural forms under their base key.
      const keys = flat(lng === "da" ? da : en).map(([k]) => k.replace(/_(zero|one|two|few|many|other)$/, ""));
      const options = [
        { count: 0 },
        { count: 1 },
        { count: 2, name: "Ali", hours: "1,5" },
        { count: 1, name: "Ali", hours: "1,5" },
        { name: "Sara", done: 2, total: 3 },
        { page: 4 },
      ];
      // Twice over, so the second round is answered from memory.
      for (let round = 0; round < 2; round++)
        for (const key of keys)
          for (const o of options) expect(t(key, o), `${lng} ${key} ${JSON.stringify(o)}`).toBe(i18n.t(key, o));
    }
  });

  it("does not remember calls whose options are not plain values", () => {
    const i18n = createI18n("da");
    const t = i18n.getFixedT("da", "translation");
    const first = t("common.paging.page", { page: 1, interpolation: { escapeValue: true } });
    expect(first).toBe(i18n.t("common.paging.page", { page: 1, interpolation: { escapeValue: true } }));
    expect(t("enum", { returnObjects: true })).toEqual(i18n.t("enum", { returnObjects: true }));
  });
});
