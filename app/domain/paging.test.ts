import { describe, expect, it } from "vitest";
import { MAX_PAGE, offsetOf, pageCount, pageFrom, pageLinks, paged } from "./paging";

describe("paging", () => {
  it("reads a page number from the URL, page 1 for anything odd", () => {
    expect(pageFrom("3")).toBe(3);
    for (const v of [null, undefined, "", "0", "-2", "1.5", "abc", "1e3", String(MAX_PAGE + 1), "99999"]) expect(pageFrom(v), String(v)).toBe(1);
  });
  it("counts pages and offsets", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(50)).toBe(1);
    expect(pageCount(51)).toBe(2);
    expect(offsetOf(1)).toBe(0);
    expect(offsetOf(3)).toBe(100);
    expect(paged([1, 2], 102, 3)).toEqual({ rows: [1, 2], total: 102, page: 3, pages: 3, pageSize: 50 });
  });
  it("links the first, the last and the neighbours, with gaps", () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(1, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageLinks(10, 10)).toEqual([1, null, 9, 10]);
  });
});
