import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireCaseworker } from "../auth/permissions.server";
import { getLocale } from "../i18n/locale.server";
import { reportFilterSchema } from "../schemas/reports";
import { reportPage, reportLabels, resolveFilter } from "../services/reports.server";
import { ReportView } from "../components/reports/ReportView";
import { filterQuery } from "../components/reports/ReportFilter";
import { PrintButton } from "../components/reports/PrintButton";
import { formatDate } from "../i18n/format";
import reportsCss from "../styles/reports.css";
import { pageMeta } from "../i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];
export const meta = pageMeta("reportPrint");

/** The caseworker's report for printing or saving as PDF: the same figures, no filter form or links (print CSS). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const filter = resolveFilter(scope, reportFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams)));
  const locale = await getLocale(request, user);
  return { filter, report: reportPage(scope, filter).report, labels: reportLabels(locale) };
}

export default function PrintableReport() {
  const { t, i18n } = useTranslation();
  const { filter, report, labels } = useLoaderData<typeof loader>();
  const municipality = labels.municipalities[String(filter.municipality)] ?? String(filter.municipality);
  return (
    <div className="mb-print">
      <p className="mb-noprint">
        <Link to={`/kommune/rapport${filterQuery(filter)}`}>{t("reports.backToReport")}</Link> <PrintButton />
      </p>
      <h1>{t("reports.printTitle", { municipality })}</h1>
      <p className="mb-report-period">
        {t("reports.generated", {
          from: formatDate(filter.from, i18n.language),
          to: formatDate(filter.to, i18n.language),
          date: formatDate(report.asOf, i18n.language),
        })}
      </p>
      <ReportView report={report} labels={labels} showMunicipalities />
    </div>
  );
}
