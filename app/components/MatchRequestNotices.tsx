/**
 * The coordinator's start page item of issue 19: mentors who said no or let a request expire, with a link to find a
 * new mentor for each citizen. Data: `closedRequestsToHandle()` (app/services/match-request-reads.server.ts); a request
 * leaves the list when a new mentor is asked for the citizen, or the citizen no longer waits.
 */
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import type { Page } from "../domain/paging";
import type { ClosedRequest } from "../services/match-request-reads.server";
import { Pager } from "./Pager";

/** `?forespoergsler=N` pages the list (beside a page's own pager). */
export const NOTICES_PAGE_PARAM = "forespoergsler";

export function MatchRequestNotices({ page }: { page: Page<ClosedRequest> }) {
  const { t } = useTranslation();
  if (!page.total) return null;
  return (
    <section aria-labelledby="h-request-notices">
      <h2 id="h-request-notices">{t("matching.notices.title")}</h2>
      <p>{t("matching.notices.intro")}</p>
      <ul data-testid="request-notices">
        {page.rows.map((r) => (
          <li key={r.id}>
            {t("matching.notices.item", {
              mentee: r.menteeName,
              mentor: r.mentorName,
              status: t(`matching.requestStatus.${r.status}`),
            })}
            {r.declineReason ? <> ({r.declineReason})</> : null}
            {" · "}
            <Link to={`/koordinator/mentees/${r.menteeId}/kandidater`}>
              {t("matching.notices.find", { name: r.menteeName })}
            </Link>
          </li>
        ))}
      </ul>
      <Pager window={page} param={NOTICES_PAGE_PARAM} hash="h-request-notices" label={t("matching.notices.title")} />
    </section>
  );
}
