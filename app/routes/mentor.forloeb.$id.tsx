import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import {
  deleteMeeting,
  getMentorCourse,
  logMeeting,
  MEETING_EDIT_DAYS,
  proposeOutcome,
  updateMeeting,
} from "../services/meeting-log.server";
import { replyWith } from "../services/kernel.server";
import { answerMentorSurvey } from "../services/surveys.server";
import { minimalProfileForMentor } from "../services/competence.server";
import { deleteMeetingSchema, meetingSchema, proposeOutcomeSchema, surveySchema } from "../schemas/courses";
import { Alert, Checkbox, ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from "../components/forms";
import {
  CommitmentBadge,
  DueThisMonth,
  MeetingTable,
  MonthTable,
  formatHours,
  industryLabel,
  industryOptions,
} from "../components/CourseParts";
import { courseStage } from "../domain/course-status";
import { formatDate, formatNumber } from "../i18n/format";
import { closerToJobAnswers, meetingForms, meetingTopics, outcomeTypes } from "../domain/enums";
import { z } from "zod";
import { pageMeta } from "../i18n/meta";
import { getLocale } from "../i18n/locale.server";
import { plannedForCourse } from "../services/planned-meetings.server";
import { goalsForCourse } from "../services/goals.server";
import { tipsForMonth } from "../services/guidance.server";
import { PlannedMeetingsSection } from "../components/PlannedMeetings";
import { GoalPlanSection } from "../components/GoalPlan";
import { GuidanceTips } from "../components/Guidance";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("course");

const DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240, 300, 360];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:course:own");
  const course = getMentorCourse(user.id, idParam(params.id));
  if (!course) throw notFound();
  // The competence assessment in its minimal form only: education, experience, wishes (share_with_mentor).
  const month = course.commitment?.currentMonth?.index ?? null;
  return {
    ...course,
    editDays: MEETING_EDIT_DAYS,
    competence: minimalProfileForMentor(user.id, course.course.id),
    planned: plannedForCourse(course.course.id),
    goals: goalsForCourse(course.course.id),
    tips: tipsForMonth(month, await getLocale(request, user)),
    month,
  };
}

type Intent = "log" | "update" | "delete" | "propose" | "survey";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "log:meeting:own");
  const id = idParam(params.id);
  if (!getMentorCourse(user.id, id)) throw notFound();
  const form = await request.formData();
  const intentRaw = form.get("intent");
  const intent: Intent =
    intentRaw === "delete" || intentRaw === "propose" || intentRaw === "survey" || intentRaw === "update"
      ? intentRaw
      : "log";
  const bad = (result: unknown) => data({ intent, result }, { status: 400 });

  if (intent === "log" || intent === "update") {
    const submission = parseWithZod(form, { schema: meetingSchema });
    if (submission.status !== "success") return bad(submission.reply());
    const v = submission.value;
    const input = { date: v.date, minutes: v.minutes, form: v.form, topics: v.topics, nextStep: v.nextStep };
    const r =
      v.intent === "update" && v.meetingId
        ? updateMeeting(user.id, id, v.meetingId, input)
        : logMeeting(user.id, id, input);
    if (!r.ok) return bad(replyWith(submission, r));
    return redirect(`/mentor/forloeb/${id}?done=${v.intent === "update" ? "updated" : "saved"}`);
  }
  if (intent === "delete") {
    const submission = parseWithZod(form, { schema: deleteMeetingSchema });
    if (submission.status !== "success") return bad(submission.reply());
    const r = deleteMeeting(user.id, id, submission.value.meetingId);
    if (!r.ok) return bad(replyWith(submission, r));
    return redirect(`/mentor/forloeb/${id}?done=deleted`);
  }
  if (intent === "propose") {
    const submission = parseWithZod(form, { schema: proposeOutcomeSchema });
    if (submission.status !== "success") return bad(submission.reply());
    const r = proposeOutcome(user.id, id, submission.value);
    if (!r.ok) return bad(replyWith(submission, r));
    return redirect(`/mentor/forloeb/${id}?done=proposed`);
  }
  const submission = parseWithZod(form, {
    schema: surveySchema.extend({ surveyId: z.coerce.number().int().positive().max(2_147_483_647) }),
  });
  if (submission.status !== "success") return bad(submission.reply());
  const r = answerMentorSurvey(user.id, id, submission.value.surveyId, submission.value);
  if (!r.ok) return bad(replyWith(submission, r));
  return redirect(`/mentor/forloeb/${id}?done=survey#survey`);
}

export default function MentorCourse() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const meetingDone = done?.startsWith("meeting_") ? done.slice("meeting_".length) : null;
  const editId = Number(params.get("rediger"));
  const editing = d.meetings.find((m) => m.id === editId && m.editable) ?? null;
  const com = d.commitment;
  const resultFor = (intent: Intent) => (actionData?.intent === intent ? (actionData.result as never) : undefined);

  const [meetingForm, mf] = useForm({
    id: editing ? `meeting-${editing.id}` : "meeting",
    lastResult: resultFor(editing ? "update" : "log"),
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
  const [proposeForm, pf] = useForm({
    id: "propose",
    lastResult: resultFor("propose"),
    defaultValue: { outcomeDate: d.today },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: proposeOutcomeSchema }),
  });
  const [surveyForm, sf] = useForm({
    id: "survey-form",
    lastResult: resultFor("survey"),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: surveySchema }),
  });
  const deleteResult = resultFor("delete") as { error?: Record<string, string[]> } | undefined;

  const hoursLabel = (m: number) =>
    t("courses.meeting.durationOption", {
      count: m / 60,
      hours: formatNumber(m / 60, lng, m % 60 === 0 ? 0 : m % 30 === 0 ? 1 : 2),
    });

  return (
    <>
      <p>
        <Link to="/mentor">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("courses.page.title", { name: d.mentee.firstName })}</h1>
      {done === "saved" ? <Alert kind="success">{t("courses.meeting.saved")}</Alert> : null}
      {done === "updated" ? <Alert kind="success">{t("courses.meeting.updated")}</Alert> : null}
      {done === "deleted" ? <Alert kind="success">{t("courses.meeting.deleted")}</Alert> : null}
      {done === "proposed" ? <Alert kind="success">{t("courses.outcome.proposed")}</Alert> : null}
      {done === "survey" ? <Alert kind="success">{t("courses.survey.thanks")}</Alert> : null}
      {deleteResult?.error ? <Alert kind="error">{t("courses.meeting.notEditable")}</Alert> : null}
      {meetingDone ? (
        <Alert kind="success">
          {t(
            `between.meeting.${({ plan: "planned", change: "changed", cancel: "cancelled", confirm: "confirmed", missed: "markedMissed" } as Record<string, string>)[meetingDone] ?? "planned"}`,
          )}
        </Alert>
      ) : null}

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

      <PlannedMeetingsSection
        items={d.planned}
        planPath={`/mentor/forloeb/${d.course.id}/moede`}
        confirmAction={`/mentor/forloeb/${d.course.id}/moede`}
        canPlan={d.course.status === "approved" || d.course.status === "active"}
        canConfirm={d.course.status === "active"}
      />

      <GoalPlanSection
        goals={d.goals}
        editPath={
          d.course.status === "completed" || d.course.status === "ended_early"
            ? null
            : `/mentor/forloeb/${d.course.id}/maal`
        }
      />

      {d.tips.length && d.month ? <GuidanceTips tips={d.tips} month={d.month} /> : null}

      {d.canLog || editing ? (
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
      ) : null}

      {com ? (
        <section aria-labelledby="months-title">
          <h2 id="months-title">{t("courses.page.months")}</h2>
          <MonthTable months={com.months} />
        </section>
      ) : null}

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

      {d.openSurvey ? (
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
      ) : null}

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
    </>
  );
}
