import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { listMentees } from "../services/mentees.server";
import { municipalityName } from "../services/dashboard.server";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("jobcentre");

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "caseworker");
  if (scope.kind !== "municipality") throw new Response("Forbidden", { status: 403 });
  return { municipality: municipalityName(scope.code), mentees: listMentees(scope) };
}

export default function CaseworkerStart() {
  const { t, i18n } = useTranslation();
  const { municipality, mentees } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("staff.start.caseworker.title", { municipality })}</h1>
      <p>{t("staff.start.caseworker.intro")}</p>
      <p><Link to="/kommune/borgere/ny" className="button button-primary">{t("referrals.list.refer")}</Link>{" "}
        <Link to="/kommune/borgere" className="button button-secondary">{t("referrals.nav.list")}</Link></p>
      <h2>{t("staff.mentees.listTitle")}</h2>
      {mentees.length === 0 ? <p>{t("staff.mentees.none")}</p> : (
        <div className="mb-table-wrap" {...scrollRegion(t("staff.mentees.listTitle"))}>
          <table className="table table--zebra">
            <thead><tr><th scope="col">{t("staff.mentees.name")}</th><th scope="col">{t("staff.mentees.birthYear")}</th><th scope="col">{t("staff.mentees.status")}</th><th scope="col">{t("staff.mentees.referredAt")}</th></tr></thead>
            <tbody>
              {mentees.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/kommune/borgere/${m.id}`}>{m.firstName} {m.lastName}</Link></td>
                  <td>{m.birthYear}</td>
                  <td>{t(`enum.menteeStatus.${m.status}`)}</td>
                  <td>{formatDate(m.referredAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
