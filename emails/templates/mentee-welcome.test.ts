import { describe, expect, it } from "vitest";
import { messageLanguages } from "../../app/domain/enums";
import { renderMessage } from "../index";
import welcome from "./mentee-welcome";
import { smsStopLine } from "../sms-stop";
import { MAX_SMS_SEGMENTS, smsInfo } from "../../app/domain/sms";

describe("mentee welcome message", () => {
  it("exists in all ten languages, distinct from each other", () => {
    for (const l of messageLanguages) expect(welcome.copies[l], l).toBeTruthy();
    const subjects = messageLanguages.map((l) => welcome.copies[l]!.lines({ firstName: "X" }).join(" "));
    expect(new Set(subjects).size).toBe(messageLanguages.length);
  });
  it("has a short SMS without links", async () => {
    for (const l of messageLanguages) {
      const r = await renderMessage("mentee_welcome", l, { firstName: "Amal" }, "sms");
      expect(r.fallback, l).toBe(false);
      expect(r.text, l).toContain("Amal");
      expect(r.text, l).not.toMatch(/https?:|www\./i);
      expect(r.text.length, l).toBeLessThanOrEqual(200);
      // Without a number that receives SMS nothing promises that STOP works (the sender id cannot be answered).
      expect(r.text, l).not.toContain("STOP");
    }
  });
  it("ends, in the citizen's language, with where to send STOP when a number receives SMS", async () => {
    const texts = new Set<string>();
    for (const l of messageLanguages) {
      const r = await renderMessage("mentee_welcome", l, { firstName: "Amal" }, "sms", { smsStopNumber: "1204 1204" });
      expect(r.text, l).toMatch(/STOP.*1204 1204|1204 1204.*STOP/);
      expect(r.text.trimEnd().endsWith(smsStopLine(l, "1204 1204")), l).toBe(true);
      expect(smsInfo(r.text).segments, l).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
      texts.add(smsStopLine(l, "1"));
    }
    expect(texts.size).toBe(messageLanguages.length);
    // Right-to-left scripts keep the number left-to-right.
    expect(smsStopLine("ar", "+45 12 34 56 78")).toContain("\u200E+45 12 34 56 78\u200E");
    expect(smsStopLine("da", "+45 12 34 56 78")).toBe("Send STOP til +45 12 34 56 78 for at afmelde sms.");
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
