import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { listMunicipalities } from "../services/municipalities.server";
import { formatDate } from "../i18n/format";
import { FilterBar } from "../components/Filters";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";

export const meta = pageMeta("municipalities");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:municipality:any");
  const url = new URL(request.url);
  const partnersOnly = url.searchParams.get("partnere") === "1";
  const list = listMunicipalities({ partnersOnly }, pageOf(url.searchParams));
  return { partnersOnly, partners: list.partners, list };
}

export default function Municipalities() {
  const { t, i18n } = useTranslation();
  const { list, partners, partnersOnly } = useLoaderData<typeof loader>();
  const d = (v: string | null) => (v ? formatDate(v, i18n.language) : "–");
  return (
    <>
      <h1>{t("municipalities.list.title")}</h1>
      <p>{t("municipalities.list.intro")}</p>
      <p role="status">{t("municipalities.list.partners", { count: partners })}</p>
      <FilterBar submit={t("common.actions.filter")}>
        <div className="form-group">
          <div className="form-group-checkbox">
            <input
              className="form-checkbox"
              type="checkbox"
              id="partnere"
              name="partnere"
              value="1"
              defaultChecked={partnersOnly}
            />
            <label htmlFor="partnere">{t("municipalities.list.filterPartners")}</label>
          </div>
        </div>
      </FilterBar>
      <div className="mb-table-wrap" {...scrollRegion(t("municipalities.list.title"))}>
        <table className="table table--zebra" data-testid="municipalities">
          <thead>
            <tr>
              <th scope="col">{t("municipalities.list.name")}</th>
              <th scope="col">{t("municipalities.list.code")}</th>
              <th scope="col">{t("municipalities.list.partner")}</th>
              <th scope="col">{t("municipalities.list.agreement")}</th>
              <th scope="col">{t("municipalities.list.dpa")}</th>
              <th scope="col">{t("municipalities.list.quota")}</th>
              <th scope="col">{t("municipalities.list.caseworkers")}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((m) => (
              <tr key={m.code}>
                <td>
                  <Link to={`/admin/kommuner/${m.code}`}>{m.name}</Link>
                </td>
                <td>{m.code}</td>
                <td>
                  {m.isPartner ? (
                    <>
                      <span className="mb-badge mb-badge--good">{t("municipalities.list.partnerYes")}</span>
                      {m.partnerSince
                        ? ` ${t("municipalities.list.partnerSinceShort", { date: d(m.partnerSince) })}`
                        : ""}
                    </>
                  ) : (
                    t("municipalities.list.partnerNo")
                  )}
                </td>
                <td>{d(m.agreementDate)}</td>
                <td>{d(m.dpaDate)}</td>
                <td>
                  {m.coursesThisYear}
                  {m.yearlyQuota != null ? ` / ${m.yearlyQuota}` : ""}
                </td>
                <td>{m.caseworkers}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageSummary window={list} />
      <Pager window={list} />
    </>
  );
}
