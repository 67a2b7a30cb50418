import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReactNode } from "react";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { applyCoordinatorAction, type CoordinatorAction } from "../services/course-actions.server";
import { getCourseForStaff } from "../services/course-reads.server";
import { replyWith } from "../services/kernel.server";
import { coordinatorSchemas, isCoordinatorIntent, type CoordinatorIntent } from "../schemas/courses";
import {
  Alert,
  Checkbox,
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type AnyField,
} from "../components/forms";
import {
  CommitmentBadge,
  MeetingTable,
  MonthTable,
  formatHours,
  industryLabel,
  industryOptions,
} from "../components/CourseParts";
import { formatDate, formatDateTime, formatNumber } from "../i18n/format";
import { endReasons, followUpStatuses, followUpTargets, outcomePhases, outcomeTypes } from "../domain/enums";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { plannedForCourse } from "../services/planned-meetings.server";
import { goalsForCourse } from "../services/goals.server";
import { PlannedMeetingsSection } from "../components/PlannedMeetings";
import { GoalPlanSection } from "../components/GoalPlan";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("course");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:course:any");
  const course = getCourseForStaff(scope, idParam(params.id), user);
  if (!course) throw notFound();
  return {
    ...course,
    today: today(),
    planned: plannedForCourse(course.course.id),
    goals: goalsForCourse(course.course.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:course:any");
  const id = idParam(params.id);
  const form = await request.formData();
  const raw = form.get("intent");
  if (!isCoordinatorIntent(raw)) return data({ intent: null, result: null }, { status: 400 });
  const intent: CoordinatorIntent = raw;
  const submission = parseWithZod(form, { schema: coordinatorSchemas[intent] });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const r = applyCoordinatorAction(scope, id, user, submission.value as CoordinatorAction);
  if (!r.ok) {
    if (r.formErrors.includes("courses.errors.notFound") && intent !== "confirm_outcome" && intent !== "reject_outcome")
      throw notFound();
    return data({ intent, result: replyWith(submission, r) }, { status: 400 });
  }
  return redirect(`/koordinator/forloeb/${id}?done=${intent}`);
}

const doneKey: Record<string, string> = {
  outcome: "courses.outcome.registered",
  confirm_outcome: "courses.outcome.confirmedDone",
  reject_outcome: "courses.outcome.rejectedDone",
  follow_up: "courses.followUp.saved",
  meeting_plan: "between.meeting.planned",
  meeting_change: "between.meeting.changed",
  meeting_cancel: "between.meeting.cancelled",
};

export default function StaffCourse() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const c = d.course;
  const com = d.commitment;
  const can = (e: string) => (d.events as string[]).includes(e);
  const last = (intent: CoordinatorIntent) =>
    actionData?.intent === intent ? (actionData.result as SubmissionResult<string[]>) : undefined;
  const confirmError = last("confirm_outcome") ?? last("reject_outcome");

  return (
    <>
      <p>
        <Link to="/koordinator/forloeb">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("courses.staff.title", { id: c.id })}</h1>
      {done ? <Alert kind="success">{t(doneKey[done] ?? "courses.staff.done")}</Alert> : null}
      {confirmError ? <Alert kind="error">{t("courses.errors.notFound")}</Alert> : null}

      <dl className="mb-dl">
        <dt>{t("courses.staff.mentee")}</dt>
        <dd>
          {d.mentee.firstName} {d.mentee.lastName} · {d.mentee.phone ?? ""} {d.mentee.email ?? ""} ·{" "}
          {t(`enum.messageLanguage.${d.mentee.language}`)}
        </dd>
        <dt>{t("courses.staff.mentor")}</dt>
        <dd>
          {d.mentor.firstName} {d.mentor.lastName} · {d.mentor.phone} · {d.mentor.email} ·{" "}
          {t(`enum.mentorStatus.${d.mentor.status}`)}
        </dd>
        <dt>{t("courses.staff.municipality")}</dt>
        <dd>{d.municipalityName}</dd>
        <dt>{t("courses.page.status")}</dt>
        <dd>
          {t(`enum.courseStage.${d.stage}`)}
          {com && d.stage === "running" ? (
            <>
              {" "}
              · <CommitmentBadge status={com.status} />
            </>
          ) : null}
          {c.endReason ? <> · {t(`enum.endReason.${c.endReason}`)}</> : null}
        </dd>
        {c.noIndustryReason ? (
          <>
            <dt>{t("courses.staff.noIndustryReason")}</dt>
            <dd>{c.noIndustryReason}</dd>
          </>
        ) : null}
        {c.startDate ? (
          <>
            <dt>{t("courses.page.start")}</dt>
            <dd>{formatDate(c.startDate, lng)}</dd>
          </>
        ) : null}
        {c.plannedEndDate ? (
          <>
            <dt>{t("courses.page.plannedEnd")}</dt>
            <dd>{formatDate(c.plannedEndDate, lng)}</dd>
          </>
        ) : null}
        {c.endedOn ? (
          <>
            <dt>{t("courses.page.endedOn")}</dt>
            <dd>{formatDate(c.endedOn, lng)}</dd>
          </>
        ) : null}
        {com ? (
          <>
            <dt>{t("courses.page.totalHours")}</dt>
            <dd>
              {t("courses.hoursOf", {
                logged: formatHours(com.totalLogged, lng),
                target: formatNumber(com.totalTarget, lng),
              })}
            </dd>
          </>
        ) : null}
        {d.followUp ? (
          <>
            <dt>{t("courses.staff.followUpNext")}</dt>
            <dd>
              {formatDate(d.followUp.dueOn, lng)} – {formatDate(d.followUp.overdueOn, lng)}{" "}
              {d.followUp.state === "overdue" ? (
                <span className="mb-badge mb-badge--bad">{t("courses.followUp.overdue")}</span>
              ) : d.followUp.state === "due" ? (
                <span className="mb-badge mb-badge--warn">{t("courses.followUp.due")}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>

      {d.begun ? (
        <section aria-labelledby="meetings-title">
          <h2 id="meetings-title">{t("courses.meeting.list")}</h2>
          {d.meetings.length ? <MeetingTable meetings={d.meetings} /> : <p>{t("courses.meeting.none")}</p>}
        </section>
      ) : null}

      {com && d.begun ? (
        <section aria-labelledby="months-title">
          <h2 id="months-title">{t("courses.page.months")}</h2>
          <MonthTable months={com.months} />
        </section>
      ) : null}

      {d.events.length ? (
        <section aria-labelledby="actions-title">
          <h2 id="actions-title">{t("courses.staff.actions")}</h2>
          {can("start") ? (
            <ActionForm
              intent="start"
              title={t(d.stage === "starts_later" ? "courses.staff.moveStart" : "courses.staff.start")}
              intro={t(d.stage === "starts_later" ? "courses.staff.moveStartIntro" : "courses.staff.startIntro")}
              lastResult={last("start")}
              defaults={{ startDate: c.startDate ?? d.today }}
              render={(f) => <TextField field={f.startDate} label={t("courses.staff.startDate")} type="date" />}
            />
          ) : null}
          {can("pause") ? (
            <ActionForm
              intent="pause"
              title={t("courses.staff.pause")}
              lastResult={last("pause")}
              defaults={{ fromDate: d.today }}
              render={(f) => (
                <>
                  <TextField field={f.fromDate} label={t("courses.staff.pauseFrom")} type="date" />
                  <TextField field={f.reason} label={t("courses.staff.pauseReason")} optional />
                </>
              )}
            />
          ) : null}
          {can("resume") ? (
            <ActionForm
              intent="resume"
              title={t("courses.staff.resume")}
              intro={t("courses.staff.resumeIntro")}
              lastResult={last("resume")}
              defaults={{ toDate: d.today }}
              render={(f) => <TextField field={f.toDate} label={t("courses.staff.resumeOn")} type="date" />}
            />
          ) : null}
          {can("extend") ? (
            <ActionForm
              intent="extend"
              title={t("courses.staff.extend")}
              lastResult={last("extend")}
              defaults={{}}
              render={(f) => <TextField field={f.plannedEndDate} label={t("courses.staff.newEnd")} type="date" />}
            />
          ) : null}
          {can("complete") ? (
            <ActionForm
              intent="complete"
              title={t("courses.staff.complete")}
              intro={t("courses.staff.completeIntro")}
              lastResult={last("complete")}
              defaults={{ endedOn: d.today }}
              render={(f) => <TextField field={f.endedOn} label={t("courses.staff.endedOn")} type="date" />}
            />
          ) : null}
          {can("end_early") ? (
            <ActionForm
              intent="end_early"
              title={t("courses.staff.endEarly")}
              lastResult={last("end_early")}
              defaults={{ endedOn: d.today }}
              render={(f) => (
                <>
                  <TextField field={f.endedOn} label={t("courses.staff.endedOn")} type="date" />
                  <SelectField
                    field={f.reason}
                    label={t("courses.staff.endReason")}
                    placeholder=""
                    options={endReasons.map((v) => ({ value: v, label: t(`enum.endReason.${v}`) }))}
                  />
                  <TextArea field={f.note} label={t("courses.staff.endNote")} optional rows={2} />
                </>
              )}
            />
          ) : null}
          {can("cancel") ? (
            <ActionForm
              intent="cancel"
              title={t("courses.staff.cancel")}
              intro={t("courses.staff.cancelIntro")}
              lastResult={last("cancel")}
              defaults={{}}
              render={(f) => (
                <>
                  <SelectField
                    field={f.reason}
                    label={t("courses.staff.endReason")}
                    placeholder=""
                    options={endReasons.map((v) => ({ value: v, label: t(`enum.endReason.${v}`) }))}
                  />
                  <TextArea field={f.note} label={t("courses.staff.endNote")} optional rows={2} />
                </>
              )}
            />
          ) : null}
        </section>
      ) : null}

      <PlannedMeetingsSection
        items={d.planned}
        planPath={`/koordinator/forloeb/${c.id}/moede`}
        confirmAction={`/koordinator/forloeb/${c.id}/moede`}
        canPlan={c.status === "approved" || c.status === "active"}
        canConfirm={false}
      />

      <GoalPlanSection
        goals={d.goals}
        editPath={c.status === "proposed" ? null : `/koordinator/forloeb/${c.id}/maal`}
      />

      <section aria-labelledby="follow-up">
        <h2 id="follow-up" tabIndex={-1}>
          {t("courses.followUp.title")}
        </h2>
        {d.followUps.length ? (
          <div className="mb-table-wrap" {...scrollRegion(t("courses.followUp.title"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("courses.followUp.calledOn")}</th>
                  <th scope="col">{t("courses.followUp.target")}</th>
                  <th scope="col">{t("courses.followUp.status")}</th>
                  <th scope="col">{t("courses.followUp.notes")}</th>
                  <th scope="col">{t("courses.followUp.by")}</th>
                </tr>
              </thead>
              <tbody>
                {d.followUps.map((f) => (
                  <tr key={f.id}>
                    <td>{formatDate(f.calledOn, lng)}</td>
                    <td>{t(`enum.followUpTarget.${f.target}`)}</td>
                    <td>
                      {t(`enum.followUpStatus.${f.status}`)}
                      {f.escalatedAt ? (
                        <>
                          {" "}
                          · <span className="mb-badge mb-badge--warn">{t("courses.followUp.escalated")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{f.notes}</td>
                    <td>{f.byName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("courses.followUp.none")}</p>
        )}
        {d.stage === "completed" || d.stage === "ended_early" ? null : (
          <ActionForm
            intent="follow_up"
            title={t("courses.followUp.log")}
            lastResult={last("follow_up")}
            defaults={{ calledOn: d.today, target: "mentor", status: "on_track" }}
            render={(f) => (
              <>
                <TextField field={f.calledOn} label={t("courses.followUp.calledOn")} type="date" />
                <ChoiceGroup
                  field={f.target}
                  legend={t("courses.followUp.target")}
                  options={followUpTargets.map((v) => ({ value: v, label: t(`enum.followUpTarget.${v}`) }))}
                />
                <ChoiceGroup
                  field={f.status}
                  legend={t("courses.followUp.status")}
                  options={followUpStatuses.map((v) => ({ value: v, label: t(`enum.followUpStatus.${v}`) }))}
                />
                <TextArea
                  field={f.notes}
                  label={t("courses.followUp.notes")}
                  hint={t("courses.followUp.notesHint")}
                  optional
                  rows={3}
                />
                <Checkbox field={f.escalate} label={t("courses.followUp.escalate")} />
              </>
            )}
            submit={t("courses.followUp.save")}
          />
        )}
      </section>

      {d.begun || d.outcomes.length ? (
        <section aria-labelledby="outcomes-title">
          <h2 id="outcomes-title">{t("courses.outcome.title")}</h2>
          {d.outcomes.length ? (
            <div className="mb-table-wrap" {...scrollRegion(t("courses.outcome.title"))}>
              <table className="table table--zebra">
                <thead>
                  <tr>
                    <th scope="col">{t("courses.outcome.type")}</th>
                    <th scope="col">{t("courses.outcome.phase")}</th>
                    <th scope="col">{t("courses.outcome.date")}</th>
                    <th scope="col">{t("courses.outcome.industry")}</th>
                    <th scope="col">{t("courses.outcome.viaNetworkShort")}</th>
                    <th scope="col">{t("courses.page.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.outcomes.map((o) => (
                    <tr key={o.id}>
                      <td>{t(`enum.outcomeType.${o.type}`)}</td>
                      <td>{t(`enum.outcomePhase.${o.phase}`)}</td>
                      <td>{formatDate(o.outcomeDate, lng)}</td>
                      <td>{industryLabel(o.employerIndustryCode, lng)}</td>
                      <td>{o.viaMentorNetwork ? t("common.yes") : t("common.no")}</td>
                      <td>
                        {o.confirmed ? (
                          t("courses.outcome.confirmed")
                        ) : (
                          <Form method="post" className="mb-inline-form">
                            <input type="hidden" name="outcomeId" value={o.id} />
                            {t("courses.outcome.awaiting")}{" "}
                            <button
                              type="submit"
                              name="intent"
                              value="confirm_outcome"
                              className="button button-secondary"
                              aria-label={t("courses.outcome.confirmLabel", { type: t(`enum.outcomeType.${o.type}`) })}
                            >
                              {t("courses.outcome.confirm")}
                            </button>{" "}
                            <button
                              type="submit"
                              name="intent"
                              value="reject_outcome"
                              className="button button-tertiary"
                              aria-label={t("courses.outcome.rejectLabel", { type: t(`enum.outcomeType.${o.type}`) })}
                            >
                              {t("courses.outcome.reject")}
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p>{t("courses.outcome.none")}</p>
          )}
          {d.begun ? (
            <ActionForm
              intent="outcome"
              title={t("courses.outcome.registerTitle")}
              lastResult={last("outcome")}
              defaults={{ outcomeDate: d.today, phase: c.endedOn && c.endedOn < d.today ? "followup_3m" : "end" }}
              render={(f) => (
                <>
                  <SelectField
                    field={f.type}
                    label={t("courses.outcome.type")}
                    placeholder=""
                    options={outcomeTypes.map((v) => ({ value: v, label: t(`enum.outcomeType.${v}`) }))}
                  />
                  <SelectField
                    field={f.phase}
                    label={t("courses.outcome.phase")}
                    options={outcomePhases.map((v) => ({ value: v, label: t(`enum.outcomePhase.${v}`) }))}
                  />
                  <TextField field={f.outcomeDate} label={t("courses.outcome.date")} type="date" />
                  <SelectField
                    field={f.employerIndustryCode}
                    label={t("courses.outcome.industry")}
                    optional
                    placeholder={t("courses.outcome.industryPlaceholder")}
                    options={industryOptions(lng)}
                  />
                  <Checkbox field={f.viaMentorNetwork} label={t("courses.outcome.viaNetwork")} />
                </>
              )}
              submit={t("courses.outcome.register")}
            />
          ) : null}
        </section>
      ) : null}

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

/** One coordinator form: its own Conform instance (errors stay on the form that was sent), a hidden intent. */
function ActionForm<I extends CoordinatorIntent>({
  intent,
  title,
  intro,
  lastResult,
  defaults,
  render,
  submit,
}: {
  intent: I;
  title: string;
  intro?: string;
  lastResult?: SubmissionResult<string[]>;
  defaults: Record<string, string>;
  render: (fields: Record<string, AnyField>) => ReactNode;
  submit?: string;
}) {
  const [form, fields] = useForm({
    id: `form-${intent}`,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: coordinatorSchemas[intent] }),
  });
  return (
    <div className="mb-action">
      <h3 id={`form-${intent}-title`}>{title}</h3>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby={`form-${intent}-title`}>
        <input type="hidden" name="intent" value={intent} />
        {render(fields)}
        <button type="submit" className="button button-primary">
          {submit ?? title}
        </button>
      </Form>
    </div>
  );
}
