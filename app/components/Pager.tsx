/**
 * Page links under a paged list: plain links that keep the list's filter (?side=N), so paging works without
 * JavaScript and a page can be bookmarked. Shows the true total and "page N of M".
 */
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageLinks } from "../domain/paging";

export function Pager({ page, pages, total, label }: { page: number; pages: number; total: number; label: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    if (p === 1) params.delete("side"); else params.set("side", String(p));
    const q = params.toString();
    return `${location.pathname}${q ? `?${q}` : ""}`;
  };
  return (
    <nav aria-label={label} className="mb-pager">
      <p role="status">{t("companies.list.total", { count: total })}{pages > 1 ? ` · ${t("common.pagination.page", { page, pages })}` : ""}</p>
      {pages > 1 ? (
        <ul className="nobullet-list mb-pager__list">
          {page > 1 ? <li><Link to={href(page - 1)} rel="prev">{t("common.actions.previous")}</Link></li> : null}
          {pageLinks(page, pages).map((p, i) => p === null
            ? <li key={`gap${i}`} aria-hidden="true">…</li>
            : <li key={p}>{p === page ? <span aria-current="page">{p}</span> : <Link to={href(p)} aria-label={t("companies.list.pageLabel", { page: p })}>{p}</Link>}</li>)}
          {page < pages ? <li><Link to={href(page + 1)} rel="next">{t("common.actions.next")}</Link></li> : null}
        </ul>
      ) : null}
    </nav>
  );
}
