import { describe, expect, it } from "vitest";
import { MUNICIPALITIES } from "./municipalities";
import { DB07, sectionOf } from "./db07";
import { INITIAL_PARTNER_CODES } from "./index";

describe("municipalities", () => {
  it("are the 98 kommuner, without Christiansø", () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(MUNICIPALITIES.some((m) => m.code === 411)).toBe(false);
    for (const m of MUNICIPALITIES) expect(String(m.code)).toMatch(/^\d{3}$/);
  });
  it("fall in the five regions with the right counts", () => {
    const count = (r: number) => MUNICIPALITIES.filter((m) => m.regionCode === r).length;
    expect([count(1081), count(1082), count(1083), count(1084), count(1085)]).toEqual([11, 19, 22, 29, 17]);
  });
  it("have centroids inside Denmark", () => {
    for (const m of MUNICIPALITIES) {
      expect(m.lat, m.name).toBeGreaterThan(54.5);
      expect(m.lat, m.name).toBeLessThan(57.8);
      expect(m.lng, m.name).toBeGreaterThan(8);
      expect(m.lng, m.name).toBeLessThan(15.3);
    }
  });
  it("include the partner municipalities named in public material, by code", () => {
    const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));
    expect(byCode.get(751)).toBe("Aarhus");
    expect(byCode.get(430)).toBe("Faaborg-Midtfyn");
    expect(byCode.get(707)).toBe("Norddjurs");
    expect(byCode.get(101)).toBe("København");
    expect(byCode.get(185)).toBe("Tårnby");
    expect(INITIAL_PARTNER_CODES).toHaveLength(13);
    for (const c of INITIAL_PARTNER_CODES) expect(byCode.has(c)).toBe(true);
  });
});

describe("DB07", () => {
  const sections = DB07.filter((i) => i.level === "section");
  const divisions = DB07.filter((i) => i.level === "division");
  it("has 21 sections A-U and 88 two-digit divisions", () => {
    expect(sections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRSTU");
    expect(divisions).toHaveLength(88);
    expect(new Set(DB07.map((i) => i.code)).size).toBe(DB07.length);
    for (const d of divisions) {
      expect(d.code).toMatch(/^\d{2}$/);
      expect(sections.some((s) => s.code === d.section)).toBe(true);
    }
  });
  it("labels everything in Danish and English", () => {
    for (const i of DB07) {
      expect(i.labelDa.length).toBeGreaterThan(1);
      expect(i.labelEn.length).toBeGreaterThan(1);
    }
  });
  it("knows the section of a division", () => {
    expect(sectionOf("41")).toBe("F");
    expect(sectionOf("56")).toBe("I");
    expect(sectionOf("Q")).toBe("Q");
    expect(sectionOf("00")).toBeUndefined();
  });
});
