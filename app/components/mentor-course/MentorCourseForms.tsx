/** The mentor's answers on their course page: the survey when one is open, and the outcomes they propose. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/use-translation";
import type { MentorCourseData } from "../../routes/mentor.forloeb.$id";
import { Checkbox, ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from "../forms";
import { industryOptions } from "../CourseParts";
import { proposeOutcomeSchema, surveySchema } from "../../schemas/courses";
import { closerToJobAnswers, outcomeTypes } from "../../domain/enums";
import { formatDate } from "../../i18n/format";

export function MentorSurvey({ d, lastResult }: { d: MentorCourseData; lastResult: never }) {
  const { t } = useTranslation();
  const [surveyForm, sf] = useForm({
    id: "survey-form",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: surveySchema }),
  });
  if (!d.openSurvey) return null;
  return (
    <section aria-labelledby="survey" className="mb-stack">
      <h2 id="survey" tabIndex={-1}>
        {t("courses.survey.title")}
      </h2>
      <p>{t("courses.survey.mentorIntro", { kind: t(`enum.surveyKind.${d.openSurvey.kind}`) })}</p>
      <ErrorSummary form={surveyForm} />
      <Form method="post" {...getFormProps(surveyForm)}>
        <input type="hidden" name="intent" value="survey" />
        <input type="hidden" name="surveyId" value={d.openSurvey.id} />
        <ChoiceGroup
          field={sf.satisfaction}
          legend={t("courses.survey.satisfaction")}
          options={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(`courses.survey.scale${n}`) }))}
        />
        <ChoiceGroup
          field={sf.closerToJob}
          legend={t("courses.survey.closerToJobMentor")}
          options={closerToJobAnswers.map((v) => ({ value: v, label: t(`enum.closerToJob.${v}`) }))}
        />
        <TextArea field={sf.comment} label={t("courses.survey.comment")} optional rows={3} />
        <button type="submit" className="button button-primary">
          {t("courses.survey.submit")}
        </button>
      </Form>
    </section>
  );
}

export function OutcomeProposals({ d, lastResult }: { d: MentorCourseData; lastResult: never }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [proposeForm, pf] = useForm({
    id: "propose",
    lastResult,
    defaultValue: { outcomeDate: d.today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeOutcomeSchema }),
  });
  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">{t("courses.outcome.title")}</h2>
      {d.proposedOutcomes.length ? (
        <ul>
          {d.proposedOutcomes.map((o) => (
            <li key={o.id}>
              {t(`enum.outcomeType.${o.type}`)} · {formatDate(o.outcomeDate, lng)} ·{" "}
              {o.confirmed ? t("courses.outcome.confirmed") : t("courses.outcome.awaiting")}
            </li>
          ))}
        </ul>
      ) : null}
      {d.canPropose ? (
        <>
          <h3>{t("courses.outcome.proposeTitle")}</h3>
          <p>{t("courses.outcome.proposeIntro")}</p>
          <ErrorSummary form={proposeForm} />
          <Form method="post" {...getFormProps(proposeForm)}>
            <input type="hidden" name="intent" value="propose" />
            <SelectField
              field={pf.type}
              label={t("courses.outcome.type")}
              placeholder=""
              options={outcomeTypes.map((v) => ({ value: v, label: t(`enum.outcomeType.${v}`) }))}
            />
            <TextField field={pf.outcomeDate} label={t("courses.outcome.date")} type="date" />
            <SelectField
              field={pf.employerIndustryCode}
              label={t("courses.outcome.industry")}
              optional
              placeholder={t("courses.outcome.industryPlaceholder")}
              options={industryOptions(lng)}
            />
            <Checkbox field={pf.viaMentorNetwork} label={t("courses.outcome.viaNetwork")} />
            <button type="submit" className="button button-secondary">
              {t("courses.outcome.propose")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
