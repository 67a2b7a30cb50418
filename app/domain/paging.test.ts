import { describe, expect, it } from "vitest";
import { pageLinks, pageParamSchema, pageWindow, paged } from "./paging";

describe("paging", () => {
  it("shows the window of the true total", () => {
    expect(pageWindow(19_579, 1)).toMatchObject({ page: 1, pages: 392, from: 1, to: 50, offset: 0 });
    expect(pageWindow(19_579, 392)).toMatchObject({ page: 392, from: 19_551, to: 19_579, offset: 19_550 });
    expect(pageWindow(0, 3)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, offset: 0 });
  });
  it("clamps a page past the end to the last page", () => {
    expect(pageWindow(120, 9)).toMatchObject({ page: 3, from: 101, to: 120 });
  });
  it("reads ?side= leniently: anything odd is the first page", () => {
    expect(pageParamSchema.parse("4")).toBe(4);
    for (const v of [undefined, "", "0", "-2", "x", "1e3", "99999999"]) expect(pageParamSchema.parse(v)).toBe(1);
  });
  it("asks for rows only when there are any, with limit and offset of the page", () => {
    const calls: [number, number][] = [];
    const p = paged(
      2,
      () => 75,
      (limit, offset) => {
        calls.push([limit, offset]);
        return ["x"];
      },
    );
    expect(calls).toEqual([[50, 50]]);
    expect(p).toMatchObject({ total: 75, from: 51, to: 75, rows: ["x"] });
    expect(
      paged(
        1,
        () => 0,
        () => {
          throw new Error("not called");
        },
      ).rows,
    ).toEqual([]);
  });
  it("links first, last and the neighbourhood, with gaps", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(5, 10)).toEqual([1, null, 3, 4, 5, 6, 7, null, 10]);
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
  });
  it("visits only the pages it links, with the same answer as walking every page", () => {
    const walked = (page: number, pages: number) => {
      const out: (number | null)[] = [];
      for (let p = 1; p <= pages; p++) {
        if (p === 1 || p === pages || Math.abs(p - page) <= 2) out.push(p);
        else if (out[out.length - 1] !== null) out.push(null);
      }
      return out;
    };
    for (let pages = 1; pages <= 30; pages++)
      for (let page = 1; page <= pages; page++)
        expect(pageLinks(page, pages), `${page}/${pages}`).toEqual(walked(page, pages));
    expect(pageLinks(1000, 2000)).toEqual([1, null, 998, 999, 1000, 1001, 1002, null, 2000]);
  });
});
