import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/use-translation";
import { filterQuery } from "./ReportFilter";

/**
 * The exports: the small tables are plain download links (a download needs no JavaScript); the workbook and the course
 * list grow with the programme, so a button starts each as a background job (a POST) whose page shows the progress and
 * then the file.
 */
export function ReportExports({
  base,
  filter,
}: {
  base: string;
  filter: { from: string; to: string; municipality: number | null };
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="r-exports" className="mb-noprint">
      <h2 id="r-exports">{t("reports.exports.title")}</h2>
      <p>{t("reports.exports.intro")}</p>
      <ul>
        <li>
          <a href={`${base}/csv${filterQuery(filter, { table: "summary" })}`} download>
            {t("reports.exports.csvSummary")}
          </a>
        </li>
        <li>
          <a href={`${base}/csv${filterQuery(filter, { table: "outcomes" })}`} download>
            {t("reports.exports.csvOutcomes")}
          </a>
        </li>
      </ul>
      <p className="form-hint">{t("reports.exports.madeAsJob")}</p>
      <div className="mb-actions">
        <Form method="post" action={`${base}/xlsx${filterQuery(filter)}`}>
          <button type="submit" className="button">
            {t("reports.exports.xlsx")}
          </button>
        </Form>
        <Form method="post" action={`${base}/csv${filterQuery(filter, { table: "courses" })}`}>
          <button type="submit" className="button button-secondary">
            {t("reports.exports.csvCourses")}
          </button>
        </Form>
      </div>
    </section>
  );
}
