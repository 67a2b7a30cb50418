/**
 * Goals in the report (issue 21): its own section beside the report, a table by industry section with the same cell
 * formatting and small-group rule as every other figure (app/domain/goal-report.ts).
 */
import { useTranslation } from "../../i18n/use-translation";
import type { GoalReport, GoalReportRow } from "../../domain/goal-report";
import { UNKNOWN_SECTION } from "../../domain/goal-report";
import { TableWrap } from "../TableWrap";
import { useCellFormat } from "./ReportView";

export function GoalReportSection({ report, sections }: { report: GoalReport; sections: Record<string, string> }) {
  const { t } = useTranslation();
  const f = useCellFormat();
  const label = (key: string) =>
    key === UNKNOWN_SECTION ? t("between.report.unknownSection") : `${key} ${sections[key] ?? ""}`.trim();
  const cells = (r: GoalReportRow) => (
    <>
      <td>{f.count(r.completed)}</td>
      <td>{f.count(r.withPlan)}</td>
      <td>{f.number(r.setPerCourse)}</td>
      <td>{f.number(r.reachedPerCourse)}</td>
      <td>{f.share(r.reachedShare)}</td>
    </>
  );
  return (
    <section aria-labelledby="report-goals" className="mb-report-block">
      <h2 id="report-goals">{t("between.report.title")}</h2>
      <p>{t("between.report.intro")}</p>
      <TableWrap labelledBy="report-goals">
        <table className="table table--zebra table--compact" data-table="goals">
          <caption className="sr-only">{t("between.report.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("between.report.section")}</th>
              <th scope="col">{t("between.report.completed")}</th>
              <th scope="col">{t("between.report.withPlan")}</th>
              <th scope="col">{t("between.report.setPerCourse")}</th>
              <th scope="col">{t("between.report.reachedPerCourse")}</th>
              <th scope="col">{t("between.report.reachedShare")}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{label(r.key)}</th>
                {cells(r)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-key="total">
              <th scope="row">{t("between.report.total")}</th>
              {cells(report.total)}
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </section>
  );
}
