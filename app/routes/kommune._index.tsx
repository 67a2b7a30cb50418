import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireCaseworker } from "../auth/permissions.server";
import { listReferrals, referralCounts } from "../services/referral-reads.server";
import { municipalityName } from "../services/dashboard.server";
import { menteeStatuses } from "../domain/enums";
import { formatDate, formatNumber } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("jobcentre");

/** The start page shows the newest few; the list (/kommune/borgere) pages through all of them. */
const NEWEST = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireCaseworker(request);
  const counts = referralCounts(scope);
  const newest = listReferrals(scope, {}, 1, NEWEST);
  return { municipality: municipalityName(scope.code), counts, newest };
}

export default function CaseworkerStart() {
  const { t, i18n } = useTranslation();
  const { municipality, counts, newest } = useLoaderData<typeof loader>();
  const n = (x: number) => formatNumber(x, i18n.language);
  return (
    <>
      <h1>{t("staff.start.caseworker.title", { municipality })}</h1>
      <p>{t("staff.start.caseworker.intro")}</p>
      <p>
        <Link to="/kommune/borgere/ny" className="button button-primary">
          {t("referrals.list.refer")}
        </Link>{" "}
        <Link to="/kommune/borgere" className="button button-secondary">
          {t("referrals.nav.list")}
        </Link>
      </p>
      {newest.total === 0 ? (
        <p>{t("staff.mentees.none")}</p>
      ) : (
        <>
          <h2>{t("staff.mentees.byStatusTitle")}</h2>
          <ul className="mb-cards" data-testid="status-counts">
            {menteeStatuses
              .filter((s) => counts[s])
              .map((s) => (
                <li key={s} className="mb-card">
                  <span className="mb-card__value">{n(counts[s])}</span>
                  <Link to={`/kommune/borgere?status=${s}`}>{t(`enum.menteeStatus.${s}`)}</Link>
                </li>
              ))}
          </ul>
          <h2>{t("staff.mentees.newestTitle")}</h2>
          <div className="mb-table-wrap" {...scrollRegion(t("staff.mentees.newestTitle"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("staff.mentees.name")}</th>
                  <th scope="col">{t("staff.mentees.birthYear")}</th>
                  <th scope="col">{t("staff.mentees.status")}</th>
                  <th scope="col">{t("staff.mentees.referredAt")}</th>
                </tr>
              </thead>
              <tbody>
                {newest.rows.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/kommune/borgere/${m.id}`}>
                        {m.firstName} {m.lastName}
                      </Link>
                    </td>
                    <td>{m.birthYear}</td>
                    <td>{t(`enum.menteeStatus.${m.status}`)}</td>
                    <td>{formatDate(m.referredAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link to="/kommune/borgere">
              {t("staff.mentees.showAll", { count: newest.total, formatted: n(newest.total) })}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
