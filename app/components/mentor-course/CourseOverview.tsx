/** The mentor's course at a glance: its stage, the dates, the hours logged against the commitment, what is due. */
import { useTranslation } from "../../i18n/use-translation";
import type { MentorCourseData } from "../../routes/mentor.forloeb.$id";
import { CommitmentBadge, DueThisMonth, formatHours } from "../CourseParts";
import { courseStage } from "../../domain/course-status";
import { formatDate, formatNumber } from "../../i18n/format";

export function CourseOverview({ d }: { d: MentorCourseData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const com = d.commitment;
  return (
    <>
      <dl className="mb-dl">
        <dt>{t("courses.page.status")}</dt>
        <dd>
          {t(`enum.courseStage.${courseStage(d.course, d.today)}`)}
          {com && courseStage(d.course, d.today) === "running" ? (
            <>
              {" "}
              · <CommitmentBadge status={com.status} />
            </>
          ) : null}
        </dd>
        {d.course.startDate ? (
          <>
            <dt>{t("courses.page.start")}</dt>
            <dd>{formatDate(d.course.startDate, lng)}</dd>
          </>
        ) : null}
        {d.course.endedOn ? (
          <>
            <dt>{t("courses.page.endedOn")}</dt>
            <dd>{formatDate(d.course.endedOn, lng)}</dd>
          </>
        ) : d.course.plannedEndDate ? (
          <>
            <dt>{t("courses.page.plannedEnd")}</dt>
            <dd>{formatDate(d.course.plannedEndDate, lng)}</dd>
          </>
        ) : null}
      </dl>

      {com ? (
        <ul className="mb-cards nobullet-list no-max-width">
          <li className="mb-card">
            <span className="mb-card__value">{formatHours(com.totalLogged, lng)}</span>
            <span>
              {t("courses.page.totalHours")}:{" "}
              {t("courses.hoursOf", {
                logged: formatHours(com.totalLogged, lng),
                target: formatNumber(com.totalTarget, lng),
              })}
            </span>
          </li>
          {com.currentMonth ? (
            <li className="mb-card">
              <span className="mb-card__value">{formatHours(com.currentMonth.loggedHours, lng)}</span>
              <span>
                {t("courses.page.thisMonth", { index: com.currentMonth.index })}:{" "}
                {t("courses.hoursOf", {
                  logged: formatHours(com.currentMonth.loggedHours, lng),
                  target: formatNumber(com.currentMonth.targetHours, lng),
                })}
              </span>
            </li>
          ) : null}
        </ul>
      ) : null}

      <section aria-labelledby="due-title">
        <h2 id="due-title">{t("courses.page.due")}</h2>
        {d.course.status === "approved" || d.course.status === "proposed" ? (
          <p>{t("courses.page.notStarted")}</p>
        ) : null}
        {d.course.status === "paused" ? <p>{t("courses.page.paused")}</p> : null}
        {d.course.status === "completed" || d.course.status === "ended_early" ? (
          <p>{t("courses.page.closed")}</p>
        ) : null}
        {d.course.status === "active" && com ? (
          <ul>
            {com.status === "no_contact" ? (
              <li>{t("courses.page.dueNoContact", { count: com.daysWithoutContact ?? 0 })}</li>
            ) : null}
            {com.currentMonth ? (
              <li>
                <DueThisMonth due={com.dueThisMonth} monthEnds={com.currentMonth.to} />
              </li>
            ) : null}
            {d.course.plannedEndDate ? (
              <li>{t("courses.page.dueEnd", { date: formatDate(d.course.plannedEndDate, lng) })}</li>
            ) : null}
          </ul>
        ) : null}
      </section>
    </>
  );
}
