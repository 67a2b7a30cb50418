/** What a mentor may see of their mentee (the minimum, with the competence assessment's shared part). */
import { useTranslation } from "../../i18n/use-translation";
import type { MentorCourseData } from "../../routes/mentor.forloeb.$id";
import { industryLabel } from "../CourseParts";

export function MenteeForMentor({ d }: { d: MentorCourseData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="mentee-title">
      <h2 id="mentee-title">{t("courses.page.mentee")}</h2>
      <dl className="mb-dl">
        <dt>{t("courses.page.phone")}</dt>
        <dd>{d.mentee.phone ?? "–"}</dd>
        <dt>{t("courses.page.email")}</dt>
        <dd>{d.mentee.email ?? "–"}</dd>
        <dt>{t("courses.page.languages")}</dt>
        <dd>{d.mentee.languages.join(", ") || "–"}</dd>
        <dt>{t("courses.page.danishLevel")}</dt>
        <dd>{t(`enum.danishLevel.${d.mentee.danishLevel}`)}</dd>
        <dt>{t("courses.page.goals")}</dt>
        <dd>{d.mentee.goals.map((g) => t(`enum.goal.${g}`)).join(", ") || "–"}</dd>
        <dt>{t("courses.page.industries")}</dt>
        <dd>{d.mentee.wishedIndustryCodes.map((c) => industryLabel(c, lng)).join(", ") || "–"}</dd>
        {d.competence ? (
          <>
            <dt>{t("competence.mentor.education")}</dt>
            <dd>
              {d.competence.educations
                .map((e) =>
                  [t(`enum.iscedLevel.${e.level}`), e.field, e.recognised ? t("competence.mentor.recognised") : null]
                    .filter(Boolean)
                    .join(", "),
                )
                .join("; ") || "–"}
            </dd>
            <dt>{t("competence.mentor.experience")}</dt>
            <dd>
              {d.competence.experience
                .map(
                  (e) =>
                    `${e.occupation} (${t("competence.mentor.years", { count: e.years })}${e.industryCode ? `, ${industryLabel(e.industryCode, lng)}` : ""})`,
                )
                .join("; ") || "–"}
            </dd>
            <dt>{t("competence.mentor.wishedOccupations")}</dt>
            <dd>{d.competence.wishedOccupations.join(", ") || "–"}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
