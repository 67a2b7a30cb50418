import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { getLocale } from "../i18n/locale.server";
import { reportFilterSchema } from "../schemas/reports";
import {
  reportPage,
  recentQuarters,
  reportLabels,
  reportMunicipalities,
  resolveFilter,
} from "../services/reports.server";
import { ReportView } from "../components/reports/ReportView";
import { ReportFilter, filterQuery } from "../components/reports/ReportFilter";
import { ReportExports } from "../components/reports/ReportExports";
import { formatDate } from "../i18n/format";
import reportsCss from "../styles/reports.css";
import { pageMeta } from "../i18n/meta";
import { GoalReportSection } from "../components/reports/GoalReport";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta = pageMeta("reports");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:report:any");
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
  const locale = await getLocale(request, user);
  return {
    filter,
    ...reportPage(scope, filter),
    labels: reportLabels(locale),
    quarters: recentQuarters(12),
    municipalities: reportMunicipalities(),
  };
}

export default function CoordinatorReports() {
  const { t, i18n } = useTranslation();
  const { filter, report, labels, quarters, municipalities, goals } = useLoaderData<typeof loader>();
  const municipality = filter.municipality
    ? labels.municipalities[String(filter.municipality)]
    : t("reports.allMunicipalities");
  return (
    <>
      <h1>{t("reports.title")}</h1>
      <p>{t("reports.intro")}</p>
      <p>
        <a href={`/koordinator/rapporter/virksomheder${filterQuery(filter)}`}>{t("companies.report.toCompanies")}</a>
      </p>
      <ReportFilter filter={filter} quarters={quarters} municipalities={municipalities} />
      <p role="status" className="mb-report-period">
        <strong>{municipality}</strong>:{" "}
        {t("reports.generated", {
          from: formatDate(filter.from, i18n.language),
          to: formatDate(filter.to, i18n.language),
          date: formatDate(report.asOf, i18n.language),
        })}
      </p>
      <ReportView
        report={report}
        labels={labels}
        showMunicipalities
        exportsSlot={<ReportExports base="/koordinator/rapporter/eksport" filter={filter} />}
      />
      <GoalReportSection report={goals} sections={labels.sections} />
    </>
  );
}
