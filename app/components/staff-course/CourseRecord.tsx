/** A course's record: the surveys, the pauses and the history of its status. */
import { useTranslation } from "../../i18n/use-translation";
import { formatDate, formatDateTime } from "../../i18n/format";
import { scrollRegion } from "../TableWrap";
import type { StaffCourseData } from "../../routes/koordinator.forloeb.$id";

export function CourseRecord({ d }: { d: StaffCourseData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <>
      {d.begun || d.surveys.length ? (
        <section aria-labelledby="surveys-title">
          <h2 id="surveys-title">{t("courses.survey.answers")}</h2>
          {d.surveys.length ? (
            <div className="mb-table-wrap" {...scrollRegion(t("courses.survey.answers"))}>
              <table className="table table--zebra">
                <thead>
                  <tr>
                    <th scope="col">{t("courses.survey.kind")}</th>
                    <th scope="col">{t("courses.survey.respondent")}</th>
                    <th scope="col">{t("courses.survey.answered")}</th>
                    <th scope="col">{t("courses.survey.satisfactionShort")}</th>
                    <th scope="col">{t("courses.survey.closerShort")}</th>
                    <th scope="col">{t("courses.survey.comment")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.surveys.map((s) => (
                    <tr key={s.id}>
                      <td>{t(`enum.surveyKind.${s.kind}`)}</td>
                      <td>{t(`enum.surveyRespondent.${s.respondent}`)}</td>
                      <td>
                        {s.answeredAt
                          ? formatDateTime(s.answeredAt, lng)
                          : s.sentAt
                            ? t("courses.survey.notAnswered")
                            : t("courses.survey.notSent")}
                      </td>
                      <td>{s.satisfaction ?? ""}</td>
                      <td>{s.closerToJob ? t(`enum.closerToJob.${s.closerToJob}`) : ""}</td>
                      <td>{s.comment}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("courses.survey.none")}</p>
          )}
        </section>
      ) : null}

      {d.pauses.length ? (
        <section aria-labelledby="pauses-title">
          <h2 id="pauses-title">{t("courses.staff.pauses")}</h2>
          <ul>
            {d.pauses.map((p) => (
              <li key={p.id}>
                {p.toDate
                  ? t("courses.staff.pauseClosed", { from: formatDate(p.fromDate, lng), to: formatDate(p.toDate, lng) })
                  : t("courses.staff.pauseOpen", { from: formatDate(p.fromDate, lng) })}
                {p.reason ? ` · ${p.reason}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("courses.staff.history")}</h2>
        <ul>
          {d.history.map((h) => (
            <li key={h.id}>
              {formatDateTime(h.at, lng)}: {h.fromStatus ? t(`enum.courseStatus.${h.fromStatus}`) : "–"} →{" "}
              {t(`enum.courseStatus.${h.toStatus}`)}
              {h.reason ? ` (${h.reason})` : ""}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
