import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { getLocale } from "../i18n/locale.server";
import { reportFilterSchema } from "../schemas/reports";
import { recentQuarters, reportLabels, reportMunicipalities, resolveFilter } from "../services/reports.server";
import { buildCompanyReport } from "../services/company-reports.server";
import { CompanyReportView } from "../components/reports/CompanyReportView";
import { ReportFilter, filterQuery } from "../components/reports/ReportFilter";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import reportsCss from "../styles/reports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta = pageMeta("companies.titles.report");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:report:any");
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
  return {
    filter,
    report: buildCompanyReport(scope, filter),
    labels: reportLabels(await getLocale(request, user)),
    quarters: recentQuarters(12),
    municipalities: reportMunicipalities(),
  };
}

export default function CoordinatorCompanyReport() {
  const { t, i18n } = useTranslation();
  const { filter, report, labels, quarters, municipalities } = useLoaderData<typeof loader>();
  const where = filter.municipality
    ? labels.municipalities[String(filter.municipality)]
    : t("reports.allMunicipalities");
  return (
    <>
      <p>
        <Link to={`/koordinator/rapporter${filterQuery(filter)}`}>{t("companies.report.toCourses")}</Link>
      </p>
      <h1>{t("companies.report.title")}</h1>
      <p>{t("companies.report.intro")}</p>
      <ReportFilter filter={filter} quarters={quarters} municipalities={municipalities} />
      <p role="status" className="mb-report-period">
        <strong>{where}</strong>:{" "}
        {t("companies.report.period", {
          from: formatDate(filter.from, i18n.language),
          to: formatDate(filter.to, i18n.language),
        })}
      </p>
      <CompanyReportView
        report={report}
        labels={labels}
        showMunicipalities
        exportBase="/koordinator/rapporter/virksomheder/eksport"
        filter={filter}
      />
    </>
  );
}
