/**
 * Paging of every list: 50 rows a page by default, pages counted from 1, and the window a page shows of the true
 * total ("1–50 af 19 579"). Pure, so lists in SQL (LIMIT/OFFSET with a stable order) and the pager agree.
 */
import { z } from "zod";

export const PAGE_SIZE = 50;
/** Short lists inside a detail page (a person's messages, a mentor's history) show this many a page. */
export const SUB_PAGE_SIZE = 20;
/** The page parameter of a page's main list; a detail page's other lists have their own (`historik-side`, …). */
export const PAGE_PARAM = "side";
/** Deeper than this an OFFSET gets slow and nobody reads on; the filter is the way further. */
export const MAX_PAGE = 2000;

/** `?side=N` from a URL: anything odd means the first page, never an error. */
export const pageParamSchema = z.preprocess(
  (v) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : 1),
  z.number().int().min(1).max(MAX_PAGE).catch(1),
);

/** The page asked for in a URL's search parameters (`?side=N`, or another parameter for a second list). */
export function pageOf(params: URLSearchParams, param: string = PAGE_PARAM): number {
  return pageParamSchema.parse(params.get(param) ?? undefined);
}

export type PageWindow = {
  /** The page shown (clamped to the last page that has rows). */
  page: number;
  pageSize: number;
  /** The number of pages (at least 1). */
  pages: number;
  total: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  offset: number;
};

export function pageWindow(total: number, page: number, pageSize: number = PAGE_SIZE): PageWindow {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pages, MAX_PAGE);
  const offset = (p - 1) * pageSize;
  return {
    page: p,
    pageSize,
    pages,
    total,
    offset,
    from: total ? offset + 1 : 0,
    to: Math.min(total, offset + pageSize),
  };
}

export type Page<T> = PageWindow & { rows: T[] };

/**
 * Runs a paged list: the count first (so the page can be clamped), then one page of rows. `rows(limit, offset)` must
 * order by something unique at the end (e.g. `id`), so that pages neither repeat nor skip rows.
 */
export function paged<T>(
  page: number,
  count: () => number,
  rows: (limit: number, offset: number) => T[],
  pageSize = PAGE_SIZE,
): Page<T> {
  const w = pageWindow(count(), page, pageSize);
  return { ...w, rows: w.total ? rows(w.pageSize, w.offset) : [] };
}

/** The page numbers a pager links to: first, last, and two either side of the current, with gaps as null. */
export function pageLinks(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  // Only the pages shown are visited (1, the current ±2, the last), not every page of a long list.
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  for (const p of shown) {
    if (out.length && p > (out[out.length - 1] as number) + 1) out.push(null);
    out.push(p);
  }
  return out;
}
