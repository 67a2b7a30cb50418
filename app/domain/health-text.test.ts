import { describe, expect, it } from "vitest";
import { containsHealthDetail } from "./health-text";

describe("health details in free text", () => {
  it("are found in Danish and English, at the start of a word, whatever the case", () => {
    for (const t of [
      "Har PTSD og sover dårligt",
      "diagnosen kom i 2021",
      "Er sygemeldt i perioden",
      "Hun er gravid",
      "Lider af Diabetes",
      "Kræftbehandling tidligere",
      "har angst i store grupper",
      "Tager medicinering hver dag",
      "He has a disability",
      "diagnosed with depression",
      "on sick leave since May",
      "was tortured",
      "Han er syg for tiden",
      "kronisk rygsmerter",
    ])
      expect(containsHealthDetail(t), t).toBe(true);
  });
  it("leave work in the health industry and ordinary text alone", () => {
    for (const t of [
      "Sygeplejerske med 5 års erfaring fra Syrien",
      "Social- og sundhedsassistent",
      "Arbejdede på hospital i Aleppo",
      "Ønsker job i medicinalindustrien",
      "Truckcertifikat og hygiejnebevis",
      "Kan arbejde i weekender",
      "Bachelor i sygepleje",
      "Erfaring med plejehjem og ældrepleje",
      "Stærk i regnskab",
      "Hospitality and hotels",
      "Sundhed og socialvæsen",
    ])
      expect(containsHealthDetail(t), t).toBe(false);
  });
  it("do not match inside other words", () => {
    // "blind" inside "blindgyde" is still a word start, but "hiv" inside "arkiv" is not
    expect(containsHealthDetail("Arbejdede med arkiv og scanning")).toBe(false);
    expect(containsHealthDetail("Stod for indkøb af taxaer")).toBe(false);
  });
});
