import { describe, expect, it } from "vitest";
import { MUNICIPALITIES, MUNICIPALITIES_VERSION } from "./municipalities";
import { DB07, DB07_VERSION, sectionOf } from "./db07";
import { INITIAL_PARTNER_CODES } from "./index";

describe("municipalities", () => {
  const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));

  it("are the 98 kommuner with unique 3-digit codes, without Christiansø", () => {
    expect(MUNICIPALITIES_VERSION).toBe(1);
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.name)).size).toBe(98);
    expect(byCode.has(411)).toBe(false);
    expect(MUNICIPALITIES.some((m) => /christians/i.test(m.name))).toBe(false);
    for (const m of MUNICIPALITIES) {
      expect(Number.isInteger(m.code), m.name).toBe(true);
      expect(String(m.code), m.name).toMatch(/^\d{3}$/);
      expect(m.name.trim(), String(m.code)).toBe(m.name);
      expect(m.name.length, String(m.code)).toBeGreaterThan(1);
    }
  });

  it("fall in the five regions with the right counts", () => {
    const count = (r: number) => MUNICIPALITIES.filter((m) => m.regionCode === r).length;
    expect({
      nordjylland: count(1081),
      midtjylland: count(1082),
      syddanmark: count(1083),
      hovedstaden: count(1084),
      sjaelland: count(1085),
    }).toEqual({ nordjylland: 11, midtjylland: 19, syddanmark: 22, hovedstaden: 29, sjaelland: 17 });
    for (const m of MUNICIPALITIES) expect([1081, 1082, 1083, 1084, 1085], m.name).toContain(m.regionCode);
  });

  it("have centroids inside Denmark", () => {
    for (const m of MUNICIPALITIES) {
      expect(m.lat, m.name).toBeGreaterThanOrEqual(54.5);
      expect(m.lat, m.name).toBeLessThanOrEqual(57.8);
      expect(m.lng, m.name).toBeGreaterThanOrEqual(8);
      expect(m.lng, m.name).toBeLessThanOrEqual(15.3);
    }
    const bornholm = byCode.get(400)!;
    expect(bornholm.lng).toBeGreaterThan(14.6);
    expect(bornholm.lng).toBeLessThan(15.2);
  });

  it("include the named municipalities with their official codes and regions", () => {
    const named: [number, string, number][] = [
      [101, "København", 1084],
      [147, "Frederiksberg", 1084],
      [169, "Høje-Taastrup", 1084],
      [173, "Lyngby-Taarbæk", 1084],
      [185, "Tårnby", 1084],
      [400, "Bornholm", 1084],
      [390, "Vordingborg", 1085],
      [430, "Faaborg-Midtfyn", 1083],
      [461, "Odense", 1083],
      [492, "Ærø", 1083],
      [510, "Haderslev", 1083],
      [530, "Billund", 1083],
      [540, "Sønderborg", 1083],
      [550, "Tønder", 1083],
      [563, "Fanø", 1083],
      [575, "Vejen", 1083],
      [580, "Aabenraa", 1083],
      [621, "Kolding", 1083],
      [657, "Herning", 1082],
      [707, "Norddjurs", 1082],
      [741, "Samsø", 1082],
      [751, "Aarhus", 1082],
      [756, "Ikast-Brande", 1082],
      [760, "Ringkøbing-Skjern", 1082],
      [825, "Læsø", 1081],
      [851, "Aalborg", 1081],
    ];
    for (const [code, name, region] of named) {
      expect(byCode.get(code)?.name, String(code)).toBe(name);
      expect(byCode.get(code)?.regionCode, name).toBe(region);
    }
  });

  it("include every initial partner municipality", () => {
    expect(INITIAL_PARTNER_CODES).toHaveLength(13);
    for (const c of INITIAL_PARTNER_CODES) expect(byCode.has(c), String(c)).toBe(true);
  });
});

describe("DB07", () => {
  const sections = DB07.filter((i) => i.level === "section");
  const divisions = DB07.filter((i) => i.level === "division");

  it("has exactly 21 sections A-U and 88 two-digit divisions, with unique codes", () => {
    expect(DB07_VERSION).toBe(1);
    expect(sections).toHaveLength(21);
    expect(sections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRSTU");
    for (const s of sections) expect(s.section).toBe(s.code);
    expect(divisions).toHaveLength(88);
    expect(DB07).toHaveLength(21 + 88);
    expect(new Set(DB07.map((i) => i.code)).size).toBe(DB07.length);
  });

  it("puts every division in an existing section", () => {
    const letters = new Set(sections.map((s) => s.code));
    for (const d of divisions) {
      expect(d.code).toMatch(/^\d{2}$/);
      expect(letters.has(d.section), d.code).toBe(true);
    }
    const sectionOfDivision = new Map(divisions.map((d) => [d.code, d.section]));
    expect(sectionOfDivision.get("01")).toBe("A");
    expect(sectionOfDivision.get("33")).toBe("C");
    expect(sectionOfDivision.get("35")).toBe("D");
    expect(sectionOfDivision.get("47")).toBe("G");
    expect(sectionOfDivision.get("62")).toBe("J");
    expect(sectionOfDivision.get("86")).toBe("Q");
    expect(sectionOfDivision.get("99")).toBe("U");
  });

  it("labels everything briefly in Danish and English", () => {
    for (const i of DB07) {
      expect(i.labelDa.trim().length, i.code).toBeGreaterThan(1);
      expect(i.labelEn.trim().length, i.code).toBeGreaterThan(1);
      expect(i.labelDa.length, i.code).toBeLessThanOrEqual(45);
      expect(i.labelEn.length, i.code).toBeLessThanOrEqual(45);
    }
    const label = (code: string) => DB07.find((i) => i.code === code);
    expect(label("F")).toMatchObject({ labelDa: "Bygge og anlæg", labelEn: "Construction" });
    expect(label("41")).toMatchObject({ labelDa: "Opførelse af bygninger", labelEn: "Construction of buildings" });
    expect(label("62")).toMatchObject({
      labelDa: "IT-konsulenter mv.",
      labelEn: "Computer programming and consultancy",
    });
  });

  it("knows the section of a code", () => {
    expect(sectionOf("41")).toBe("F");
    expect(sectionOf("56")).toBe("I");
    expect(sectionOf("86")).toBe("Q");
    expect(sectionOf("Q")).toBe("Q");
    expect(sectionOf("q")).toBe("Q");
    expect(sectionOf("47.11")).toBe("G");
    expect(sectionOf("471100")).toBe("G");
    for (const d of divisions) expect(sectionOf(d.code)).toBe(d.section);
    expect(sectionOf("00")).toBeUndefined();
    expect(sectionOf("04")).toBeUndefined();
    expect(sectionOf("V")).toBeUndefined();
    expect(sectionOf("")).toBeUndefined();
    expect(sectionOf("1")).toBeUndefined();
  });
});

describe("postcodes of the seeded municipalities", async () => {
  const { POSTCODES_BY_MUNICIPALITY } = await import("./postcodes");
  const { isDanishPostcode } = await import("../../app/domain/phone");
  it("cover every initial partner, with valid Danish postcodes of known municipalities", () => {
    for (const code of INITIAL_PARTNER_CODES)
      expect(POSTCODES_BY_MUNICIPALITY[code]?.length, String(code)).toBeGreaterThan(0);
    for (const [code, list] of Object.entries(POSTCODES_BY_MUNICIPALITY)) {
      expect(
        MUNICIPALITIES.some((m) => m.code === Number(code)),
        code,
      ).toBe(true);
      for (const p of list) expect(isDanishPostcode(p), p).toBe(true);
    }
  });
});
