/** The coordinators' guidance for mentors (issue 21): the introduction's pages and the tips per course month. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { listGuidance } from "../services/guidance.server";
import { Alert } from "../components/forms";
import { formatDate } from "../i18n/format";
import { scrollRegion } from "../components/TableWrap";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("guidance");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:guidance:any");
  return { pages: listGuidance() };
}

export default function GuidanceList() {
  const { t, i18n } = useTranslation();
  const { pages } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("between.guidance.admin.title")}</h1>
      <p>{t("between.guidance.admin.intro")}</p>
      {params.get("saved") ? <Alert kind="success">{t("between.guidance.admin.saved")}</Alert> : null}
      <p>
        <Link to="/koordinator/vejledning/ny" className="button button-primary">
          {t("between.guidance.admin.new")}
        </Link>
      </p>
      <div className="mb-table-wrap" {...scrollRegion(t("between.guidance.admin.title"))}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("between.guidance.admin.titleCol")}</th>
              <th scope="col">{t("between.guidance.admin.kind")}</th>
              <th scope="col">{t("between.guidance.admin.courseMonth")}</th>
              <th scope="col">{t("between.guidance.admin.version")}</th>
              <th scope="col">{t("between.guidance.admin.readers")}</th>
              <th scope="col">{t("between.guidance.admin.updatedCol")}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/koordinator/vejledning/${p.id}`}>{p.titleDa}</Link>
                  {p.active ? null : (
                    <>
                      {" "}
                      <span className="mb-badge">{t("between.guidance.admin.inactive")}</span>
                    </>
                  )}
                </td>
                <td>{t(`enum.guidanceKind.${p.kind}`)}</td>
                <td>{p.kind === "tip" ? (p.courseMonth ?? t("between.guidance.admin.anyMonth")) : "–"}</td>
                <td>{p.version}</td>
                <td>{p.kind === "introduction" ? p.readers : "–"}</td>
                <td>{formatDate(p.updatedAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
