import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireCaseworker } from "../auth/permissions.server";
import { getLocale } from "../i18n/locale.server";
import { reportFilterSchema } from "../schemas/reports";
import { recentQuarters, reportLabels, resolveFilter } from "../services/reports.server";
import { buildCompanyReport } from "../services/company-reports.server";
import { CompanyReportView } from "../components/reports/CompanyReportView";
import { ReportFilter, filterQuery } from "../components/reports/ReportFilter";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import reportsCss from "../styles/reports.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta = pageMeta("companies.titles.report");

/** A caseworker's company report: their municipality's citizens and openings only (the scope, whatever the query says). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
  return {
    filter,
    report: buildCompanyReport(scope, filter),
    labels: reportLabels(await getLocale(request, user)),
    quarters: recentQuarters(12),
  };
}

export default function CaseworkerCompanyReport() {
  const { t, i18n } = useTranslation();
  const { filter, report, labels, quarters } = useLoaderData<typeof loader>();
  const municipality = labels.municipalities[String(filter.municipality)] ?? String(filter.municipality);
  return (
    <>
      <p>
        <Link to={`/kommune/rapport${filterQuery(filter)}`}>{t("companies.report.toCourses")}</Link>
      </p>
      <h1>{t("companies.report.caseworkerTitle", { municipality })}</h1>
      <p>{t("companies.report.caseworkerIntro")}</p>
      <ReportFilter filter={filter} quarters={quarters} />
      <p role="status" className="mb-report-period">
        {t("companies.report.period", {
          from: formatDate(filter.from, i18n.language),
          to: formatDate(filter.to, i18n.language),
        })}
      </p>
      <CompanyReportView
        report={report}
        labels={labels}
        showMunicipalities={false}
        exportBase="/kommune/rapport/virksomheder/eksport"
        filter={filter}
      />
    </>
  );
}
