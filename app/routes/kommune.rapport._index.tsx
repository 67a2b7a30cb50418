import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireCaseworker } from "../auth/permissions.server";
import { getLocale } from "../i18n/locale.server";
import { reportFilterSchema } from "../schemas/reports";
import { reportPage, recentQuarters, reportLabels, resolveFilter } from "../services/reports.server";
import { ReportView } from "../components/reports/ReportView";
import { ReportFilter, filterQuery } from "../components/reports/ReportFilter";
import { ReportExports } from "../components/reports/ReportExports";
import { formatDate } from "../i18n/format";
import reportsCss from "../styles/reports.css";
import { pageMeta } from "../i18n/meta";
import { GoalReportSection } from "../components/reports/GoalReport";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta = pageMeta("report");

/** A caseworker's report: their municipality only (the scope, whatever the query says). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
  const locale = await getLocale(request, user);
  // The caseworker's own municipality: exact figures (they see these citizens one by one); prints and exports hide small groups.
  return {
    filter,
    ...reportPage(scope, filter, "own_municipality"),
    labels: reportLabels(locale),
    quarters: recentQuarters(12),
  };
}

export default function CaseworkerReport() {
  const { t, i18n } = useTranslation();
  const { filter, report, labels, quarters, goals } = useLoaderData<typeof loader>();
  const municipality = labels.municipalities[String(filter.municipality)] ?? String(filter.municipality);
  return (
    <>
      <h1>{t("reports.caseworkerTitle", { municipality })}</h1>
      <p>{t("reports.caseworkerIntro")}</p>
      <ReportFilter filter={filter} quarters={quarters} />
      <p role="status" className="mb-report-period">
        {t("reports.generated", {
          from: formatDate(filter.from, i18n.language),
          to: formatDate(filter.to, i18n.language),
          date: formatDate(report.asOf, i18n.language),
        })}
      </p>
      <p>
        <Link to={`/kommune/rapport/udskrift${filterQuery(filter)}`}>{t("reports.printable")}</Link>
      </p>
      <p>
        <Link to={`/kommune/rapport/virksomheder${filterQuery(filter)}`}>{t("companies.report.toCompanies")}</Link>
      </p>
      <ReportView
        report={report}
        labels={labels}
        showMunicipalities
        exact
        exportsSlot={<ReportExports base="/kommune/rapport/eksport" filter={filter} />}
      />
      <GoalReportSection report={goals} sections={labels.sections} />
    </>
  );
}
