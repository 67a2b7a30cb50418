import { describe, expect, it } from "vitest";
import { messageLanguages } from "../../app/domain/enums";
import { renderMessage } from "../index";
import welcome from "./mentee-welcome";

describe("mentee welcome message", () => {
  it("exists in all ten languages, distinct from each other", () => {
    for (const l of messageLanguages) expect(welcome.copies[l], l).toBeTruthy();
    const subjects = messageLanguages.map((l) => welcome.copies[l]!.lines({ firstName: "X" }).join(" "));
    expect(new Set(subjects).size).toBe(messageLanguages.length);
  });
  it("has a short SMS without links that says how to stop SMS", async () => {
    for (const l of messageLanguages) {
      const r = await renderMessage("mentee_welcome", l, { firstName: "Amal" }, "sms");
      expect(r.fallback, l).toBe(false);
      expect(r.text, l).toContain("Amal");
      expect(r.text, l).not.toMatch(/https?:|www\./i);
      expect(r.text.length, l).toBeLessThanOrEqual(200);
      // The first SMS tells how to object to more (a reply STOP is understood in every language).
      expect(r.text, l).toContain("STOP");
    }
  });
  it("renders email right-to-left for Arabic and left-to-right for Danish", async () => {
    const ar = await renderMessage("mentee_welcome", "ar", { firstName: "Amal" }, "email");
    expect(ar.html).toMatch(/dir="rtl"/);
    expect(ar.html).toMatch(/lang="ar"/);
    const da = await renderMessage("mentee_welcome", "da", { firstName: "Amal" }, "email");
    expect(da.html).not.toMatch(/dir="rtl"/);
    expect(da.subject).toBe("Velkommen til Mentorbro");
  });
});
