/** Parts of the whole-pool run pages (issue 17): the scope in words, the status, the progress bar, a table of pairs. */
import { Form, useRevalidator } from "@remix-run/react";
import { Link } from "./Link";
import { useEffect } from "react";
import { useTranslation } from "../i18n/use-translation";
import type { PoolScope } from "../domain/pool-scope";
import { regions } from "../domain/enums";
import { MUNICIPALITIES } from "../../db/reference/municipalities";
import type { JobProgress } from "../../db/schema";
import { formatNumber, formatPercent } from "../i18n/format";
import { MatchReasons, industryLabel } from "./MatchReasons";
import { matchRefusalText } from "./match-refusal";
import { scrollRegion } from "./TableWrap";

const municipalityName = new Map(MUNICIPALITIES.map((m) => [m.code, m.name]));

export function PoolScopeText({ scope }: { scope: PoolScope }) {
  const { t, i18n } = useTranslation();
  const area =
    scope.area === "country"
      ? t("matching.run.areas.country")
      : scope.area === "region"
        ? (regions.find((r) => r.code === scope.region)?.name ?? String(scope.region))
        : (municipalityName.get(scope.municipality) ?? String(scope.municipality));
  return (
    <>
      {scope.section
        ? t("matching.run.scopeSection", { area, section: industryLabel(scope.section, i18n.language) })
        : area}
    </>
  );
}

export function RunStatus({ status }: { status: "queued" | "running" | "done" | "failed" | "cancelled" }) {
  const { t } = useTranslation();
  return <>{t(`matching.run.statuses.${status}`)}</>;
}

/**
 * A job's page follows it live with JavaScript (revalidating every second while it works); without JavaScript the page
 * renders `<noscript><meta http-equiv="refresh">` instead, which does not fire when scripts run.
 */
export function useLiveWhile(working: boolean): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [working, revalidator]);
}

/**
 * The progress bar: the stage in words (with the component while solving) and a native <progress>. `stages` is where
 * the stages' words are (a job kind's own keys; the matching run's by default); `detail` is said after the stage.
 */
export function RunProgress({
  progress,
  stages = "matching.run.stages",
  detail,
}: {
  progress: JobProgress | null;
  stages?: string;
  detail?: string;
}) {
  const { t, i18n } = useTranslation();
  const p = progress ?? { stage: "queued", done: 0, total: 0 };
  const stage = t(`${stages}.${p.stage}`, { defaultValue: p.stage }) + (detail ? ` · ${detail}` : "");
  const share = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return (
    <div className="form-group">
      <label className="form-label" htmlFor="run-progress">
        {t("matching.run.progress")}
      </label>
      <p role="status" data-testid="run-stage">
        {p.components && p.components > 1
          ? t("matching.run.stageComponent", { stage, component: p.component, components: p.components })
          : t("matching.run.stage", { stage })}
        {p.total > 0 ? ` · ${formatPercent(share, i18n.language)}` : null}
      </p>
      <progress id="run-progress" max={p.total > 0 ? p.total : undefined} value={p.total > 0 ? p.done : undefined}>
        {formatPercent(share, i18n.language)}
      </progress>
    </div>
  );
}

type Pair = {
  menteeId: number;
  mentorId: number;
  score: number;
  reasons: { key: string; params?: Record<string, string | number | string[]> }[];
  requestId: number | null;
  sharedIndustry: boolean;
  refusal: string | null;
  menteeName: string;
  menteeMunicipality: string;
  mentorName: string;
  mentorMunicipality: string;
  industryCode: string;
};

/**
 * A page of pairs; each not yet approved has its own approve form (one pair: the mentor is asked), except a pair without
 * a shared industry, which links to the citizen's candidates page where the approval needs a reason.
 */
export function PairsTable({ pairs, caption }: { pairs: Pair[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="mb-table-wrap" {...scrollRegion(caption)}>
      <table className="table table--zebra">
        <thead>
          <tr>
            <th scope="col">{t("matching.pool.mentee")}</th>
            <th scope="col">{t("matching.pool.mentor")}</th>
            <th scope="col">{t("matching.pool.score")}</th>
            <th scope="col">{t("matching.pool.reasons")}</th>
            <th scope="col">{t("matching.run.status")}</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={p.menteeId}>
              <td>
                {p.menteeName}
                <br />
                <span className="form-hint">{p.menteeMunicipality}</span>
                <br />
                <Link
                  to={`/koordinator/mentees/${p.menteeId}/kandidater`}
                  aria-label={t("matching.pool.replaceFor", { name: p.menteeName })}
                >
                  {t("matching.pool.replace")}
                </Link>
              </td>
              <td>
                {p.mentorName}
                <br />
                <span className="form-hint">
                  {p.mentorMunicipality} · {industryLabel(p.industryCode, i18n.language)}
                </span>
              </td>
              <td>{formatNumber(p.score, i18n.language, 1)}</td>
              <td>
                <MatchReasons reasons={p.reasons} />
              </td>
              <td>
                {p.requestId ? (
                  <span className="mb-badge">{t("matching.run.approved")}</span>
                ) : !p.sharedIndustry ? (
                  <Link
                    to={`/koordinator/mentees/${p.menteeId}/kandidater`}
                    aria-label={t("matching.run.needsReasonFor", { mentee: p.menteeName, mentor: p.mentorName })}
                  >
                    {t("matching.run.needsReason")}
                  </Link>
                ) : (
                  <>
                    {p.refusal ? (
                      <p className="form-hint">
                        {t("matching.run.refused", { reason: matchRefusalText(t, p.refusal) })}
                      </p>
                    ) : null}
                    <Form method="post">
                      <input type="hidden" name="intent" value="approve" />
                      <input type="hidden" name="menteeId" value={p.menteeId} />
                      <button
                        type="submit"
                        className="button button-secondary"
                        aria-label={t("matching.run.approvePair", { mentee: p.menteeName, mentor: p.mentorName })}
                      >
                        {t("matching.run.approve")}
                      </button>
                    </Form>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
