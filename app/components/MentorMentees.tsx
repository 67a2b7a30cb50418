/** The mentor's own mentee(s) on their start page: first name and municipality only (the minimal profile). */
import { useTranslation } from "react-i18next";
import { formatDate } from "../i18n/format";

export type MentorMentee = { courseId: number; firstName: string; municipalityName: string; startDate: string | null };

export function MentorMentees({ mentees }: { mentees: MentorMentee[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="my-mentee-h">
      <h2 id="my-mentee-h">{t("matching.mentor.title")}</h2>
      {mentees.length === 0 ? <p>{t("matching.mentor.none")}</p> : (
        <ul>
          {mentees.map((m) => (
            <li key={m.courseId}>
              {t("matching.mentor.item", { firstName: m.firstName, municipality: m.municipalityName })}
              {m.startDate ? ` (${t("matching.mentor.start", { date: formatDate(m.startDate, i18n.language) })})` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
