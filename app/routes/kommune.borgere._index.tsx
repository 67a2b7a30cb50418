import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { forbidden, requireStaff } from "../auth/guards.server";
import { listReferrals } from "../services/referrals.server";
import { municipalityInfo } from "../services/municipalities.server";
import { referralListFilterSchema } from "../schemas/referral";
import { menteeStatuses } from "../domain/enums";
import { formatDate } from "../i18n/format";

export const meta: MetaFunction = () => [{ title: "Henviste borgere · Mentorbro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "caseworker");
  if (scope.kind !== "municipality") throw forbidden();
  const filter = referralListFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { municipality: municipalityInfo(scope.code), filter, rows: listReferrals(scope, filter) };
}

export default function Referrals() {
  const { t, i18n } = useTranslation();
  const { municipality, filter, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("referrals.list.title", { municipality: municipality?.name ?? "" })}</h1>
      <p>{t("referrals.list.intro")}</p>
      {municipality?.isPartner ? <p><Link to="/kommune/borgere/ny" className="button button-primary">{t("referrals.list.refer")}</Link></p> : null}
      <Form method="get" className="mb-filters" aria-label={t("common.actions.filter")}>
        <div className="form-group">
          <label className="form-label" htmlFor="status">{t("referrals.list.status")}</label>
          <select className="form-select" id="status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("referrals.list.anyStatus")}</option>
            {menteeStatuses.map((s) => <option key={s} value={s}>{t(`enum.menteeStatus.${s}`)}</option>)}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="q">{t("referrals.list.search")}</label>
          <input className="form-input" id="q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">{t("common.actions.filter")}</button>
      </Form>
      <p role="status">{t("referrals.list.shown", { count: rows.length })}</p>
      {rows.length === 0 ? <p>{t("referrals.list.none")}</p> : (
        <div className="mb-table-wrap">
          <table className="table table--zebra" data-testid="referrals">
            <thead><tr>
              <th scope="col">{t("referrals.list.name")}</th><th scope="col">{t("referrals.list.birthYear")}</th>
              <th scope="col">{t("referrals.list.referredAt")}</th><th scope="col">{t("referrals.list.status")}</th><th scope="col">{t("referrals.list.outcome")}</th>
            </tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Link to={`/kommune/borgere/${r.id}`}>{r.firstName} {r.lastName}</Link></td>
                  <td>{r.birthYear}</td>
                  <td>{formatDate(r.referredAt, i18n.language)}</td>
                  <td>{t(`enum.menteeStatus.${r.status}`)}</td>
                  <td>{r.outcome ? `${t(`enum.outcomeType.${r.outcome.type}`)} (${formatDate(r.outcome.date, i18n.language)})` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
