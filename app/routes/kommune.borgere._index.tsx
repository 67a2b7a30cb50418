import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireCaseworker } from "../auth/permissions.server";
import { listReferrals } from "../services/referral-reads.server";
import { municipalityInfo } from "../services/municipalities.server";
import { referralListFilterSchema } from "../schemas/referral";
import { menteeStatuses } from "../domain/enums";
import { formatDate } from "../i18n/format";
import { FilterBar, FilterInput, FilterSelect } from "../components/Filters";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";

export const meta = pageMeta("referrals");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireCaseworker(request);
  const url = new URL(request.url);
  const filter = referralListFilterSchema.parse(Object.fromEntries(url.searchParams));
  return {
    municipality: municipalityInfo(scope.code),
    filter,
    list: listReferrals(scope, filter, pageOf(url.searchParams)),
  };
}

export default function Referrals() {
  const { t, i18n } = useTranslation();
  const { municipality, filter, list } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("referrals.list.title", { municipality: municipality?.name ?? "" })}</h1>
      <p>{t("referrals.list.intro")}</p>
      {municipality?.isPartner ? (
        <p>
          <Link to="/kommune/borgere/ny" className="button button-primary">
            {t("referrals.list.refer")}
          </Link>
        </p>
      ) : null}
      <FilterBar submit={t("common.actions.filter")}>
        <FilterSelect
          name="status"
          label={t("referrals.list.status")}
          value={filter.status}
          empty={t("referrals.list.anyStatus")}
          options={menteeStatuses.map((s) => ({ value: s, label: t(`enum.menteeStatus.${s}`) }))}
        />
        <FilterInput name="q" label={t("referrals.list.search")} value={filter.q} type="search" />
      </FilterBar>
      <PageSummary window={list} />
      {list.total === 0 ? (
        <p>{t("referrals.list.none")}</p>
      ) : (
        <div className="mb-table-wrap" {...scrollRegion(t("common.titles.referrals"))}>
          <table className="table table--zebra" data-testid="referrals">
            <thead>
              <tr>
                <th scope="col">{t("referrals.list.name")}</th>
                <th scope="col">{t("referrals.list.birthYear")}</th>
                <th scope="col">{t("referrals.list.referredAt")}</th>
                <th scope="col">{t("referrals.list.status")}</th>
                <th scope="col">{t("referrals.list.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/kommune/borgere/${r.id}`}>
                      {r.firstName} {r.lastName}
                    </Link>
                  </td>
                  <td>{r.birthYear}</td>
                  <td>{formatDate(r.referredAt, i18n.language)}</td>
                  <td>{t(`enum.menteeStatus.${r.status}`)}</td>
                  <td>
                    {r.outcome
                      ? `${t(`enum.outcomeType.${r.outcome.type}`)} (${formatDate(r.outcome.date, i18n.language)})`
                      : ""}
                  </td>
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
