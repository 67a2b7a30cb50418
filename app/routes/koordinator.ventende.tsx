import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { queueMunicipalities, waitingQueue } from "../services/waiting-queue.server";
import { industriesInFilterOrder as industries } from "../domain/industries";
import { queueFilterSchema } from "../schemas/referral";
import { formatDate } from "../i18n/format";
import { FilterBar, FilterSelect } from "../components/Filters";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";
import { closedRequestsToHandle } from "../services/match-request-reads.server";
import { MatchRequestNotices, NOTICES_PAGE_PARAM } from "../components/MatchRequestNotices";

export const meta = pageMeta("waiting");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:mentee:any");
  const url = new URL(request.url);
  const filter = queueFilterSchema.parse(Object.fromEntries(url.searchParams));
  return {
    filter,
    list: waitingQueue(filter, pageOf(url.searchParams)),
    municipalities: queueMunicipalities(),
    // Issue 19: citizens whose mentor said no or did not answer come first, above the queue.
    notices: closedRequestsToHandle(pageOf(url.searchParams, NOTICES_PAGE_PARAM)),
  };
}

export default function Queue() {
  const { t, i18n } = useTranslation();
  const { filter, list, municipalities, notices } = useLoaderData<typeof loader>();
  const en = i18n.language === "en";
  const labels = new Map(industries.map((i) => [i.code, en ? i.labelEn : i.labelDa]));
  return (
    <>
      <h1>{t("referrals.queue.title")}</h1>
      <p>{t("referrals.queue.intro")}</p>
      <MatchRequestNotices page={notices} />
      <FilterBar submit={t("common.actions.filter")}>
        <FilterSelect
          name="industry"
          label={t("referrals.queue.industry")}
          value={filter.industry}
          empty={t("referrals.queue.any")}
          options={industries.map((i) => ({
            value: i.code,
            label: `${i.level === "section" ? "" : "\u00a0\u00a0"}${i.code} ${en ? i.labelEn : i.labelDa}`,
          }))}
        />
        <FilterSelect
          name="municipality"
          label={t("referrals.queue.municipality")}
          value={filter.municipality}
          empty={t("referrals.queue.any")}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      </FilterBar>
      <PageSummary window={list} />
      {list.total === 0 ? (
        <p>{t("referrals.queue.none")}</p>
      ) : (
        <div className="mb-table-wrap" {...scrollRegion(t("referrals.queue.title"))}>
          <table className="table table--zebra" data-testid="queue">
            <thead>
              <tr>
                <th scope="col">{t("referrals.queue.name")}</th>
                <th scope="col">{t("referrals.queue.municipality")}</th>
                <th scope="col">{t("referrals.queue.referredAt")}</th>
                <th scope="col">{t("referrals.queue.waiting")}</th>
                <th scope="col">{t("referrals.queue.wishedIndustries")}</th>
                <th scope="col">{t("referrals.queue.language")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/koordinator/mentees/${r.id}`}>
                      {r.firstName} {r.lastName}
                    </Link>
                  </td>
                  <td>{r.municipalityName}</td>
                  <td>{formatDate(r.referredAt, i18n.language)}</td>
                  <td data-days={r.waitingDays}>{t("referrals.queue.waitingDays", { count: r.waitingDays })}</td>
                  <td>{r.wishedIndustryCodes.map((c) => `${c} ${labels.get(c) ?? ""}`.trim()).join(", ")}</td>
                  <td>{t(`enum.messageLanguage.${r.language}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager window={list} />
    </>
  );
}
