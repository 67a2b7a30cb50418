/**
 * Read-only course status for the caseworker's citizen page: status, period, hours against the plan, confirmed
 * outcomes. The loader gets the data from `courseSummariesForMentee(scope, menteeId)` (scope-filtered).
 */
import { useTranslation } from "../i18n/use-translation";
import type { CourseSummaryData } from "../services/course-reads.server";
import { CommitmentBadge, formatHours, industryLabel } from "./CourseParts";
import { formatDate, formatNumber } from "../i18n/format";

export function CourseSummary({ courses }: { courses: CourseSummaryData[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="course-summary-title">
      <h2 id="course-summary-title">{t("courses.summary.title")}</h2>
      {courses.length ? (
        courses.map((c) => (
          <div key={c.id} className="mb-card">
            <h3>{t("courses.summary.course", { id: c.id })}</h3>
            <dl className="mb-dl">
              <dt>{t("courses.page.status")}</dt>
              <dd>
                {t(`enum.courseStatus.${c.status}`)}
                {c.commitmentStatus && c.status === "active" ? (
                  <>
                    {" "}
                    · <CommitmentBadge status={c.commitmentStatus} />
                  </>
                ) : null}
              </dd>
              {c.startDate ? (
                <>
                  <dt>{t("courses.page.start")}</dt>
                  <dd>{formatDate(c.startDate, lng)}</dd>
                </>
              ) : null}
              {c.endedOn ? (
                <>
                  <dt>{t("courses.page.endedOn")}</dt>
                  <dd>{formatDate(c.endedOn, lng)}</dd>
                </>
              ) : c.plannedEndDate ? (
                <>
                  <dt>{t("courses.page.plannedEnd")}</dt>
                  <dd>{formatDate(c.plannedEndDate, lng)}</dd>
                </>
              ) : null}
              {c.endReason ? (
                <>
                  <dt>{t("courses.summary.endReason")}</dt>
                  <dd>{t(`enum.endReason.${c.endReason}`)}</dd>
                </>
              ) : null}
              {c.totalTarget ? (
                <>
                  <dt>{t("courses.summary.hours")}</dt>
                  <dd>
                    {t("courses.hoursOf", {
                      logged: formatHours(c.totalLogged, lng),
                      target: formatNumber(c.totalTarget, lng),
                    })}
                  </dd>
                </>
              ) : null}
              <dt>{t("courses.summary.outcomes")}</dt>
              <dd>
                {c.outcomes.length ? (
                  <ul className="nobullet-list">
                    {c.outcomes.map((o) => (
                      <li key={o.id}>
                        {t(`enum.outcomeType.${o.type}`)} · {t(`enum.outcomePhase.${o.phase}`)} ·{" "}
                        {formatDate(o.outcomeDate, lng)}
                        {o.employerIndustryCode ? ` · ${industryLabel(o.employerIndustryCode, lng)}` : ""}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "–"
                )}
              </dd>
            </dl>
          </div>
        ))
      ) : (
        <p>{t("courses.summary.none")}</p>
      )}
    </section>
  );
}
