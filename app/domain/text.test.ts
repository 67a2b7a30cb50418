import { describe, expect, it } from "vitest";
import { containsBidiControl, hasVisibleLetter } from "./text";

describe("names", () => {
  it.each(["Ali", "Åse", "علي", "Ли", "O'Neil", "Anne-Marie", "ሰላም", "Nguyễn"])("%s shows letters", (name) =>
    expect(hasVisibleLetter(name)).toBe(true),
  );
  it.each([
    "\u200B\u200B",
    "\u3164",
    "\u115F\u1160",
    "\uFFA0",
    "\u2800\u2800",
    "\u200D\u200C",
    " \u00A0 ",
    "\u0301\u0301",
    "---",
    "123",
    "\u00AD",
  ])("%j shows none", (name) => expect(hasVisibleLetter(name)).toBe(false));
  it("finds explicit bidi controls", () => {
    for (const c of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"])
      expect(containsBidiControl(`Ali${c}Hassan`)).toBe(true);
    // Arabic text and the implicit marks (LRM/RLM) are fine.
    expect(containsBidiControl("علي حسن")).toBe(false);
    expect(containsBidiControl("Ali\u200FHassan")).toBe(false);
  });
});
