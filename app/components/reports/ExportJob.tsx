/** The page of one report export made as a background job: its progress while it works, then the file's link. */
import { useSearchParams } from "@remix-run/react";
import { Link } from "../Link";
import { useTranslation } from "../../i18n/use-translation";
import type { JobProgress } from "../../../db/schema";
import { Alert } from "../forms";
import { RunProgress, RunStatus, useLiveWhile } from "../PoolRun";
import { formatDateTime, formatNumber } from "../../i18n/format";

/** Seconds between refreshes of the page without JavaScript while the export works. */
const REFRESH_SECONDS = 2;

type Job = {
  id: number;
  kind: "xlsx" | "csv_courses";
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  progress: JobProgress | null;
  error: string | null;
  createdAt: string;
  summary: { filename: string; rows: number; bytes: number } | null;
  expired: boolean;
};

export function ExportJobPage({
  job,
  reportPath,
  downloadPath,
}: {
  job: Job;
  reportPath: string;
  downloadPath: string;
}) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const working = job.status === "queued" || job.status === "running";
  useLiveWhile(working);
  const rows =
    job.progress?.stage === "rows"
      ? t("reports.exports.job.rows", {
          count: job.progress.done,
          formatted: formatNumber(job.progress.done, i18n.language),
        })
      : undefined;
  return (
    <>
      {working ? (
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <p>
        <Link to={reportPath}>{t("reports.exports.job.back")}</Link>
      </p>
      <h1>{t("reports.exports.job.title", { kind: t(`reports.exports.job.kinds.${job.kind}`) })}</h1>
      <ul className="nobullet-list">
        <li>
          {t("reports.exports.job.status")}:{" "}
          <strong data-testid="export-status">
            <RunStatus status={job.status} />
          </strong>
        </li>
        <li>{t("reports.exports.job.requestedAt", { at: formatDateTime(job.createdAt, i18n.language) })}</li>
      </ul>
      {params.get("startet") ? <Alert kind="info">{t("reports.exports.job.started")}</Alert> : null}
      {params.get("optaget") ? <Alert kind="info">{t("reports.exports.job.alreadyRunning")}</Alert> : null}
      {working ? (
        <section aria-label={t("matching.run.progress")}>
          <RunProgress progress={job.progress} stages="reports.exports.job.stages" detail={rows} />
          <p className="form-hint">{t("reports.exports.job.refreshing")}</p>
        </section>
      ) : null}
      {job.status === "done" && job.summary && !job.expired ? (
        <>
          <Alert kind="success">
            {t("reports.exports.job.ready", {
              rows: formatNumber(job.summary.rows, i18n.language),
              size: formatNumber(Math.ceil(job.summary.bytes / 1024), i18n.language),
            })}
          </Alert>
          <p>
            <a href={downloadPath} download={job.summary.filename} className="button">
              {t("reports.exports.job.download", { filename: job.summary.filename })}
            </a>
          </p>
        </>
      ) : null}
      {job.expired ? <Alert kind="info">{t("reports.exports.job.expired")}</Alert> : null}
      {job.status === "failed" ? (
        <Alert kind="error">{t("reports.exports.job.failed", { error: job.error ?? "" })}</Alert>
      ) : null}
      {job.status === "cancelled" ? <Alert kind="info">{t("reports.exports.job.cancelled")}</Alert> : null}
    </>
  );
}
