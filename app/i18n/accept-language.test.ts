import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("Accept-Language", () => {
  it.each([
    ["en", "en"],
    ["en-US,en;q=0.9", "en"],
    ["da-DK,da;q=0.9,en;q=0.8", "da"],
    ["de-DE,en;q=0.7,da;q=0.6", "en"],
    ["da;q=0.5,en;q=0.8", "en"],
    ["ar,en-GB;q=0.9", "en"],
    ["nb-NO", "da"],
    ["EN-gb", "en"],
    ["en;q=0, da", "da"],
    ["fr, de", null],
    ["", null],
    [null, null],
  ])("%s → %s", (header, expected) => expect(localeFromAcceptLanguage(header)).toBe(expected));
});
