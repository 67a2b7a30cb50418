/**
 * The pager under every paged list: "1–50 af 19 579" (the true total) and links to pages that keep the list's other
 * search parameters (filter, sort, another list's page). Plain links, so it works without JavaScript. `?side=N` is
 * the page parameter of a page's main list; a second list on the same page passes its own `param`.
 */
import { useLocation } from "@remix-run/react";
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import { PAGE_PARAM, pageLinks, type PageWindow } from "../domain/paging";
import { formatNumber } from "../i18n/format";

export { PAGE_PARAM };

/** The page's own path with the page parameter set (the first page has none): a plain link (components/Link). */
function hrefFor(pathname: string, search: string, page: number, param: string, hash?: string): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete(param);
  else params.set(param, String(page));
  const q = params.toString();
  return `${pathname}${q ? `?${q}` : ""}${hash ? `#${hash}` : ""}`;
}

/** The "1–50 af 19 579" line: a live status, so a screen reader hears the new count after filtering. */
export function PageSummary({ window: w, noun }: { window: PageWindow; noun?: string }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <p role="status" data-testid="page-summary">
      {w.total === 0
        ? t("common.paging.none")
        : t("common.paging.summary", { from: n(w.from), to: n(w.to), total: n(w.total), count: w.total })}
      {noun ? ` ${noun}` : null}
    </p>
  );
}

/**
 * `param`: the page parameter (default `side`); `label`: the nav's accessible name when a page has two pagers;
 * `hash`: an element id the links jump to (the list's heading, for a list further down a detail page).
 */
export function Pager({
  window: w,
  param = PAGE_PARAM,
  label,
  hash,
}: {
  window: PageWindow;
  param?: string;
  label?: string;
  hash?: string;
}) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (w.pages <= 1) return null;
  const href = (p: number) => hrefFor(pathname, search, p, param, hash);
  return (
    <nav className="pagination mb-pager" aria-label={label ?? t("common.paging.label")}>
      <ul className="pagination__items">
        {w.page > 1 ? (
          <li className="pagination-item">
            <Link className="button button-secondary" to={href(w.page - 1)} rel="prev">
              {t("common.actions.previous")}
            </Link>
          </li>
        ) : null}
        {pageLinks(w.page, w.pages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className="pagination-item pagination-overflow" aria-hidden="true">
              <span>…</span>
            </li>
          ) : (
            <li key={p} className="pagination-item pagination-number">
              <Link
                className={`button${p === w.page ? " current-page" : ""}`}
                to={href(p)}
                aria-current={p === w.page ? "page" : undefined}
                aria-label={t("common.paging.page", { page: p })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {w.page < w.pages ? (
          <li className="pagination-item">
            <Link className="button button-secondary" to={href(w.page + 1)} rel="next">
              {t("common.actions.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
