import { useTranslation } from "react-i18next";
import { filterQuery } from "./ReportFilter";

/** Download links (plain links: a download needs no JavaScript). */
export function ReportExports({ base, filter }: { base: string; filter: { from: string; to: string; municipality: number | null } }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="r-exports" className="mb-noprint">
      <h2 id="r-exports">{t("reports.exports.title")}</h2>
      <p>{t("reports.exports.intro")}</p>
      <ul>
        <li><a href={`${base}/xlsx${filterQuery(filter)}`} download>{t("reports.exports.xlsx")}</a></li>
        <li><a href={`${base}/csv${filterQuery(filter, { table: "summary" })}`} download>{t("reports.exports.csvSummary")}</a></li>
        <li><a href={`${base}/csv${filterQuery(filter, { table: "outcomes" })}`} download>{t("reports.exports.csvOutcomes")}</a></li>
        <li><a href={`${base}/csv${filterQuery(filter, { table: "courses" })}`} download>{t("reports.exports.csvCourses")}</a></li>
      </ul>
    </section>
  );
}
