import { describe, expect, it } from "vitest";
import { containsLiveLink, findLiveLink, maskSecret, SECRET_MASK, splitSecrets } from "./secrets";

const token = "q3V9bXh0ZXN0LXRva2VuLWZvci1tZW50b3Jicm8tMTIz";

describe("live links", () => {
  it("are recognised on every path that carries a token", () => {
    for (const p of ["/nulstil-adgangskode/", "/invitation/", "/bliv-mentor/bekraeft/", "/s/", "/afmeld/"]) {
      expect(containsLiveLink(`https://mentorbro.dk${p}${token}`), p).toBe(true);
    }
    expect(containsLiveLink("https://mentorbro.dk/mentor/forloeb/12#survey")).toBe(false);
    expect(containsLiveLink(`https://mentorbro.dk/nulstil-adgangskode/${SECRET_MASK}`)).toBe(false);
  });
  it("are masked keeping the kind of link, never the token", () => {
    expect(maskSecret(`https://mentorbro.dk/nulstil-adgangskode/${token}`)).toBe(
      `https://mentorbro.dk/nulstil-adgangskode/${SECRET_MASK}`,
    );
    expect(maskSecret("a-bare-secret")).toBe(SECRET_MASK);
    expect(maskSecret(42)).toBe(SECRET_MASK);
    expect(maskSecret("https://mentorbro.dk")).toBe(SECRET_MASK);
  });
});

describe("splitting a message's data", () => {
  it("keeps declared secrets apart and masks them in the data", () => {
    const url = `https://mentorbro.dk/nulstil-adgangskode/${token}`;
    expect(splitSecrets({ name: "Ida", url }, ["url"], "password_reset")).toEqual({
      data: { name: "Ida", url: `https://mentorbro.dk/nulstil-adgangskode/${SECRET_MASK}` },
      secrets: { url },
    });
  });
  it("has no secrets when the template declares none", () => {
    expect(splitSecrets({ url: "https://mentorbro.dk/mentor" }, [], "mentor_approved")).toEqual({
      data: { url: "https://mentorbro.dk/mentor" },
      secrets: null,
    });
  });
  it("refuses a live link in a field the template did not declare, nested or not", () => {
    expect(() => splitSecrets({ url: `https://x.dk/s/${token}` }, [], "survey_mentee")).toThrow(
      /survey_mentee.*"url".*secrets/,
    );
    expect(findLiveLink({ a: { b: [`see https://x.dk/invitation/${token}`] } })).toBe("a.b.0");
  });
});
