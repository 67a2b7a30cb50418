import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { listTemplatesForAdmin } from "../services/templates.server";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { templateName } from "../components/template-name";

export const meta = pageMeta("templates");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:template:any");
  return { templates: listTemplatesForAdmin() };
}

export default function Templates() {
  const { t } = useTranslation();
  const { templates } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("messaging.templates.title")}</h1>
      <p>{t("messaging.templates.intro")}</p>
      <div className="mb-table-wrap" {...scrollRegion(t("messaging.templates.title"))}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("messaging.templates.key")}</th>
              <th scope="col">{t("messaging.templates.audience")}</th>
              <th scope="col">{t("messaging.templates.languages")}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={tpl.key} data-testid={`template-${tpl.key}`}>
                <td>
                  <Link
                    to={`/admin/skabeloner/${tpl.key}`}
                    aria-label={t("messaging.templates.edit", { name: templateName(t, tpl.key) })}
                  >
                    {templateName(t, tpl.key)}
                  </Link>
                </td>
                <td>{t(`messaging.templates.audienceName.${tpl.audience}`)}</td>
                <td>
                  {tpl.missing.length ? (
                    <span className="mb-badge mb-badge--warn">
                      {t("messaging.templates.missing", {
                        languages: tpl.missing.map((l) => t(`enum.messageLanguage.${l}`)).join(", "),
                      })}
                    </span>
                  ) : (
                    <span className="mb-badge mb-badge--good">{t("messaging.templates.complete")}</span>
                  )}
                  {tpl.edited ? (
                    <>
                      {" "}
                      <span className="mb-badge">{t("messaging.templates.edited", { count: tpl.edited })}</span>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
