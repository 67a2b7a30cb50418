/**
 * Lists are paged in SQL: a page number from the URL (?side=2; anything odd is page 1), the rows of that page by
 * LIMIT/OFFSET in a stable order, and the true total from COUNT(*). Pure helpers for both ends.
 */

export const PAGE_SIZE = 50;
/** No list is paged deeper than this (a filter finds what 500 pages would not). */
export const MAX_PAGE = 500;

export type Paged<T> = { rows: T[]; total: number; page: number; pages: number; pageSize: number };

/** The page a URL asks for: 1..MAX_PAGE, page 1 for anything else. */
export function pageFrom(value: string | null | undefined): number {
  if (!value || !/^\d{1,4}$/.test(value)) return 1;
  const n = Number(value);
  return n >= 1 && n <= MAX_PAGE ? n : 1;
}

export function pageCount(total: number, pageSize = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function offsetOf(page: number, pageSize = PAGE_SIZE): number {
  return (Math.max(1, page) - 1) * pageSize;
}

export function paged<T>(rows: T[], total: number, page: number, pageSize = PAGE_SIZE): Paged<T> {
  return { rows, total, page, pages: pageCount(total, pageSize), pageSize };
}

/** The links a pager shows: first, last, the current page and its neighbours, with gaps (null) between. */
export function pageLinks(page: number, pages: number): (number | null)[] {
  const keep = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...keep].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null);
    out.push(p);
  });
  return out;
}
