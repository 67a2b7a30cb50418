/** The mentor's meeting log: the form that logs or edits a meeting, the months, and the meetings with their actions. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Link } from "../Link";
import { useTranslation } from "../../i18n/use-translation";
import type { MentorCourseData } from "../../routes/mentor.forloeb.$id";
import { ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from "../forms";
import { MeetingTable, MonthTable } from "../CourseParts";
import { meetingSchema } from "../../schemas/courses";
import { meetingForms, meetingTopics } from "../../domain/enums";
import { formatDate, formatNumber } from "../../i18n/format";

const DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240, 300, 360];

type Editing = MentorCourseData["meetings"][number] | null;

export function MeetingLogForm({
  d,
  editing,
  lastResult,
}: {
  d: MentorCourseData;
  editing: Editing;
  lastResult: never;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [meetingForm, mf] = useForm({
    id: editing ? `meeting-${editing.id}` : "meeting",
    lastResult,
    defaultValue: editing
      ? {
          date: editing.date,
          minutes: String(editing.minutes),
          form: editing.form,
          topics: editing.topics as unknown as string,
          nextStep: editing.nextStep ?? "",
        }
      : { date: d.today, minutes: "60", form: "in_person" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: meetingSchema }),
    shouldRevalidate: "onBlur",
  });
  const hoursLabel = (m: number) =>
    t("courses.meeting.durationOption", {
      count: m / 60,
      hours: formatNumber(m / 60, lng, m % 60 === 0 ? 0 : m % 30 === 0 ? 1 : 2),
    });

  if (!d.canLog && !editing) return null;
  return (
    <section aria-labelledby="log-title" className="mb-log">
      <h2 id="log-title">{editing ? t("courses.meeting.editTitle") : t("courses.meeting.title")}</h2>
      <ErrorSummary form={meetingForm} />
      <Form method="post" {...getFormProps(meetingForm)} action={`/mentor/forloeb/${d.course.id}`}>
        <input type="hidden" name="intent" value={editing ? "update" : "log"} />
        {editing ? <input type="hidden" name="meetingId" value={editing.id} /> : null}
        <TextField field={mf.date} label={t("courses.meeting.date")} type="date" />
        <SelectField
          field={mf.minutes}
          label={t("courses.meeting.minutes")}
          options={[...new Set([...DURATIONS, ...(editing ? [editing.minutes] : [])])]
            .sort((a, b) => a - b)
            .map((m) => ({ value: String(m), label: hoursLabel(m) }))}
        />
        <ChoiceGroup
          field={mf.form}
          legend={t("courses.meeting.form")}
          options={meetingForms.map((v) => ({ value: v, label: t(`enum.meetingForm.${v}`) }))}
        />
        <ChoiceGroup
          field={mf.topics}
          legend={t("courses.meeting.topics")}
          multiple
          options={meetingTopics.map((v) => ({ value: v, label: t(`enum.meetingTopic.${v}`) }))}
        />
        <TextArea
          field={mf.nextStep}
          label={t("courses.meeting.nextStep")}
          hint={t("courses.meeting.nextStepHint")}
          optional
          rows={3}
        />
        <button type="submit" className="button button-primary">
          {editing ? t("courses.meeting.update") : t("courses.meeting.save")}
        </button>{" "}
        {editing ? (
          <Link to={`/mentor/forloeb/${d.course.id}`} className="button button-secondary">
            {t("courses.meeting.cancelEdit")}
          </Link>
        ) : null}
      </Form>
    </section>
  );
}

export function MeetingMonths({ d }: { d: MentorCourseData }) {
  const { t } = useTranslation();
  const com = d.commitment;
  return (
    <>
      {com ? (
        <section aria-labelledby="months-title">
          <h2 id="months-title">{t("courses.page.months")}</h2>
          <MonthTable months={com.months} />
        </section>
      ) : null}
    </>
  );
}

export function MentorMeetingList({ d }: { d: MentorCourseData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <section aria-labelledby="meetings-title">
      <h2 id="meetings-title">{t("courses.meeting.list")}</h2>
      <p>{t("courses.meeting.editWindow", { days: d.editDays })}</p>
      {d.meetings.length ? (
        <MeetingTable
          meetings={d.meetings}
          actions={(m) =>
            m.editable ? (
              <>
                <Link
                  to={`?rediger=${m.id}#log-title`}
                  aria-label={t("courses.meeting.editLabel", { date: formatDate(m.date, lng) })}
                >
                  {t("courses.meeting.edit")}
                </Link>{" "}
                <Form method="post" className="mb-inline-form">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="meetingId" value={m.id} />
                  <button
                    type="submit"
                    className="button button-tertiary"
                    aria-label={t("courses.meeting.deleteLabel", { date: formatDate(m.date, lng) })}
                  >
                    {t("courses.meeting.delete")}
                  </button>
                </Form>
              </>
            ) : null
          }
        />
      ) : (
        <p>{t("courses.meeting.none")}</p>
      )}
    </section>
  );
}
