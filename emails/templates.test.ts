/**
 * Checks over every registered template × language: renders with sample data, SMS within the segment limit, no
 * placeholder left unfilled, mentee templates in all ten languages; plus fallback, RTL and admin overrides.
 */
import { describe, expect, it } from "vitest";
import { messageLanguages, type MessageLanguage } from "../app/domain/enums";
import { MAX_SMS_SEGMENTS, smsInfo } from "../app/domain/sms";
import {
  copyToText,
  effectiveCopies,
  interpolate,
  languageStates,
  requiredLanguages,
  sampleData,
  textToCopy,
} from "./editable";
import { renderMessage, renderTemplate, templates } from "./index";
import { defineTemplate } from "./types";

// A fixture template for the edge cases (rendered directly: the catalogue holds only real templates).
const fixtureDef = defineTemplate<{ name: string; date: string; url: string }>({
  audience: "mentor",
  sample: { name: "Amina", date: "2. marts", url: "https://mentorbro.dk/s/abc" },
  copies: {
    da: {
      subject: (d) => `Møde ${d.date}`,
      lines: (d) => [`Hej ${d.name}`, `Vi ses ${d.date}.`],
      action: { label: "Se mødet", url: (d) => d.url },
      sms: (d) => `Hej ${d.name}, vi ses ${d.date}. Mentorbro`,
    },
    en: {
      subject: (d) => `Meeting ${d.date}`,
      lines: (d) => [`Hello ${d.name}`, `See you ${d.date}.`],
      action: { label: "See the meeting", url: (d) => d.url },
      sms: (d) => `Hello ${d.name}, see you ${d.date}. Mentorbro`,
    },
    ar: {
      subject: (d) => `اجتماع ${d.date}`,
      lines: (d) => [`مرحبا ${d.name}`],
      sms: (d) => `مرحبا ${d.name}، نراك ${d.date}. Mentorbro`,
    },
  },
});
const fixture = { ...fixtureDef, key: "test_fixture_meeting" };

describe("every registered template", () => {
  const registered = [...templates.values()];
  it("has Danish and English, and mentee templates have all ten languages", () => {
    expect(registered.length).toBeGreaterThan(0);
    for (const t of registered) {
      for (const l of requiredLanguages(t)) expect(t.copies[l], `${t.key} lacks ${l}`).toBeTruthy();
    }
  });
  it("renders in every language it has, with sample data, and its SMS stays within the segment limit", async () => {
    let checked = 0;
    for (const t of registered) {
      const data = sampleData(t);
      for (const l of Object.keys(t.copies) as MessageLanguage[]) {
        const email = await renderTemplate(t, l, data, "email").catch((e: Error) => {
          throw new Error(
            `${t.key}/${l} does not render with sample data (give the template a \`sample\`): ${e.message}`,
          );
        });
        expect(email.subject.length, `${t.key}/${l} subject`).toBeGreaterThan(0);
        expect(email.html).toContain(`lang="${l}"`);
        // A citizen's SMS also carries where to send STOP: the limit holds with the longest such number.
        const smsStopNumber = t.audience === "mentee" ? "+45 12 34 56 78" : null;
        const sms = await renderTemplate(t, l, data, "sms", { smsStopNumber });
        const info = smsInfo(sms.text);
        expect(info.segments, `${t.key}/${l}: ${info.segments} ${info.encoding} segments`).toBeLessThanOrEqual(
          MAX_SMS_SEGMENTS,
        );
        expect(sms.text).not.toMatch(/\{\{|undefined|\[object /);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(registered.length);
  });
});

describe("fallback, right-to-left and admin edits", () => {
  it("a missing translation falls back to Danish + English and says so", async () => {
    const r = await renderTemplate(fixture, "ti", fixture.sample!, "email");
    expect(r.fallback).toBe(true);
    expect(r.subject).toBe("Møde 2. marts / Meeting 2. marts");
    expect(r.html).toContain('lang="da"');
    expect(r.html).toContain('lang="en"');
    expect(languageStates(fixture, {}).ti).toBe("missing");
    expect(languageStates(fixture, {}).da).toBe("file");
  });
  it("a fallback SMS tells where to send STOP in each of its languages", async () => {
    const r = await renderTemplate(fixture, "ti", fixture.sample!, "sms", { smsStopNumber: "1204" });
    expect(r.text).toContain("Send STOP til 1204 for at afmelde sms.");
    expect(r.text).toContain("Text STOP to 1204 to stop text messages.");
  });
  it("Arabic renders right-to-left and as UCS-2 SMS", async () => {
    const r = await renderTemplate(fixture, "ar", fixture.sample!, "email");
    expect(r.fallback).toBe(false);
    expect(r.html).toMatch(/<html[^>]*dir="rtl"/);
    const sms = await renderTemplate(fixture, "ar", fixture.sample!, "sms");
    expect(smsInfo(sms.text).encoding).toBe("UCS-2");
  });
  it("shows a file copy as text with placeholders and turns it back losslessly", async () => {
    const text = copyToText(fixture.copies.da!);
    expect(text).toEqual({
      subject: "Møde {{date}}",
      heading: "",
      body: "Hej {{name}}\nVi ses {{date}}.",
      actionLabel: "Se mødet",
      sms: "Hej {{name}}, vi ses {{date}}. Mentorbro",
    });
    const back = textToCopy(text!, fixture.copies.da as never);
    expect(back.lines(fixture.sample!)).toEqual(fixture.copies.da!.lines(fixture.sample!));
    expect(back.action!.url(fixture.sample!)).toBe("https://mentorbro.dk/s/abc");
  });
  it("an admin edit wins over the file, and an added language stops the fallback", async () => {
    const overrides = {
      da: {
        subject: "Nyt møde {{date}}",
        heading: "",
        body: "Kære {{name}}",
        actionLabel: "Åbn",
        sms: "Kære {{name}}",
      },
      ti: { subject: "ርክብ {{date}}", heading: "", body: "ሰላም {{name}}", actionLabel: "", sms: "ሰላም {{name}}" },
    };
    const da = await renderTemplate(fixture, "da", fixture.sample!, "email", { overrides });
    expect(da.subject).toBe("Nyt møde 2. marts");
    expect(da.text).toContain("Kære Amina");
    expect(da.text).toContain("Åbn: https://mentorbro.dk/s/abc");
    const ti = await renderTemplate(fixture, "ti", fixture.sample!, "sms", { overrides });
    expect(ti).toMatchObject({ text: "ሰላም Amina", fallback: false });
    expect(Object.keys(effectiveCopies(fixture, overrides)).sort()).toEqual(["ar", "da", "en", "ti"]);
  });
  it("puts the opt-out link in the email footer", async () => {
    const r = await renderTemplate(fixture, "da", fixture.sample!, "email", {
      unsubscribeUrl: "https://mentorbro.dk/afmeld/tok",
    });
    expect(r.html).toContain('href="https://mentorbro.dk/afmeld/tok"');
    expect(r.text).toContain("https://mentorbro.dk/afmeld/tok");
  });
  it("fills unknown placeholders with nothing and nested ones from objects", () => {
    expect(interpolate("Hej {{ name }} {{mentor.firstName}}{{nope}}!", { name: "A", mentor: { firstName: "B" } })).toBe(
      "Hej A B!",
    );
  });
  it("generates sample data from placeholders when a template has none", () => {
    const t = { ...fixture, sample: undefined };
    expect(sampleData(t)).toEqual({ date: "2026-03-02", name: "Amina", url: "https://mentorbro.dk/s/Xy7Qp2Lm" });
    expect(messageLanguages).toContain("kmr");
  });
});

describe("dates and full stops in messages", () => {
  const match = {
    mentorFirstName: "Mads",
    menteeFirstName: "Amal",
    menteePhone: null,
    menteeEmail: null,
    municipality: "Aarhus",
    languages: ["ar"],
    danishLevel: "du2",
    wishedIndustryCodes: ["55"],
    goals: ["cv"],
    startDate: "2026-11-30",
    url: "https://x/mentor",
  };
  it("write dates through Intl in the recipient's language, never 2026-11-30", async () => {
    const da = await renderMessage("match_mentor", "da", match, "email");
    expect(da.text).toContain("Forløbet starter 30. november 2026");
    const en = await renderMessage("match_mentor", "en", match, "email");
    expect(en.text).toContain("The course starts 30 November 2026");
    const prompt = await renderMessage(
      "course_end_prompt",
      "da",
      { url: "https://x", plannedEndDate: "2026-12-01" },
      "email",
    );
    expect(prompt.text).toContain("efter planen 1. december 2026");
    for (const t of [da, en, prompt]) expect(t.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
  it("end a sentence with one full stop when the value already has one ('Hoteller mv.')", async () => {
    const da = await renderMessage("match_mentor", "da", match, "email");
    expect(da.text).toContain("Ønskede brancher: 55 Hoteller mv.");
    expect(da.text).not.toMatch(/[^.]\.\.(?!\.)/);
  });
  it("fill dates in the recipient's language in an admin's edited text too", () => {
    const copy = textToCopy(
      { subject: "Start {{startDate}}", heading: "", body: "Vi starter {{startDate}}.", actionLabel: "", sms: "" },
      undefined,
      "da",
    );
    expect(copy.lines({ startDate: "2026-03-02" })).toEqual(["Vi starter 2. marts 2026."]);
    expect(copyToText(templates.get("match_mentor")!.copies.da!)?.body).toContain("{{startDate}}");
  });
});
