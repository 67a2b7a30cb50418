/**
 * Planned meetings on the course pages (issue 21): the list with its "change or cancel" links, the one-tap
 * confirmation of a meeting that passed (duration and topics prefilled), and the plan/change form of the planning
 * page. Shared by the mentor's and the coordinator's pages; works without JavaScript.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import { meetingForms, meetingTopics } from "../domain/enums";
import type { PlannedView } from "../services/planned-meetings.server";
import { changeMeetingSchema, confirmMeetingSchema, planMeetingSchema } from "../schemas/between";
import { ChoiceGroup, ErrorSummary, SelectField, TextArea, TextField } from "./forms";
import { formatDate, formatNumber } from "../i18n/format";
import { scrollRegion } from "./TableWrap";

export const MEETING_DURATIONS = [30, 45, 60, 90, 120, 150, 180, 240];

export function durationOptions(t: (k: string, o?: Record<string, unknown>) => string, lng: string, extra?: number) {
  return [...new Set([...MEETING_DURATIONS, ...(extra ? [extra] : [])])]
    .sort((a, b) => a - b)
    .map((m) => ({
      value: String(m),
      label: t("courses.meeting.durationOption", {
        count: m / 60,
        hours: formatNumber(m / 60, lng, m % 60 === 0 ? 0 : m % 30 === 0 ? 1 : 2),
      }),
    }));
}

/** The course page's section: what is planned, what waits to be confirmed, and the link to plan. */
export function PlannedMeetingsSection({
  items,
  planPath,
  canPlan,
  canConfirm,
  confirmAction,
}: {
  items: PlannedView[];
  planPath: string;
  canPlan: boolean;
  canConfirm: boolean;
  confirmAction: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const awaiting = items.filter((p) => p.awaitsLogging);
  const upcoming = items.filter((p) => p.status === "planned" && !p.awaitsLogging);
  return (
    <section aria-labelledby="planned-title" className="mb-stack">
      <h2 id="planned-title" tabIndex={-1}>
        {t("between.meeting.title")}
      </h2>
      {canConfirm ? awaiting.map((p) => <ConfirmHeld key={p.id} p={p} action={confirmAction} />) : null}
      {upcoming.length ? (
        <PlannedTable items={upcoming} editPath={canPlan ? planPath : null} />
      ) : (
        <p>{t("between.meeting.none")}</p>
      )}
      {canPlan ? (
        <p>
          <Link to={planPath} className="button button-primary">
            {t("between.meeting.plan")}
          </Link>
        </p>
      ) : (
        <p>{t("between.meeting.notRunning")}</p>
      )}
      {items.some((p) => p.status !== "planned") ? (
        <details>
          <summary>{t("between.meeting.statusCol")}</summary>
          <ul>
            {items
              .filter((p) => p.status !== "planned")
              .map((p) => (
                <li key={p.id}>
                  {t("between.meeting.when", { date: formatDate(p.date, lng), time: p.time })}:{" "}
                  {t(`enum.plannedMeetingStatus.${p.status}`)}
                </li>
              ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

export function PlannedTable({ items, editPath }: { items: PlannedView[]; editPath: string | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <div className="mb-table-wrap" {...scrollRegion(t("between.meeting.title"))}>
      <table className="table table--zebra">
        <thead>
          <tr>
            <th scope="col">{t("between.meeting.whenCol")}</th>
            <th scope="col">{t("between.meeting.form")}</th>
            <th scope="col">{t("between.meeting.whereCol")}</th>
            <th scope="col">{t("between.meeting.agenda")}</th>
            {editPath ? (
              <th scope="col">
                <span className="sr-only">{t("between.meeting.edit")}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id}>
              <td>{t("between.meeting.when", { date: formatDate(p.date, lng), time: p.time })}</td>
              <td>{t(`enum.meetingForm.${p.form}`)}</td>
              <td>{p.place ?? "–"}</td>
              <td>{p.agenda ?? "–"}</td>
              {editPath ? (
                <td>
                  {p.changeable ? (
                    <Link
                      to={`${editPath}?m=${p.id}`}
                      aria-label={t("between.meeting.editLabel", { date: formatDate(p.date, lng) })}
                    >
                      {t("between.meeting.edit")}
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Was it held?" with the planned duration prefilled: one tap confirms; "did not happen" beside it. */
export function ConfirmHeld({
  p,
  action,
  lastResult,
}: {
  p: PlannedView;
  action?: string;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [form, f] = useForm({
    id: `confirm-${p.id}`,
    lastResult,
    defaultValue: { minutes: String(p.minutes) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: confirmMeetingSchema }),
  });
  const title = t("between.meeting.awaiting", { date: formatDate(p.date, lng) });
  return (
    <div className="mb-action">
      <h3 id={`confirm-${p.id}-title`}>{title}</h3>
      <p>{t("between.meeting.awaitingIntro")}</p>
      <ErrorSummary form={form} />
      <Form method="post" action={action} {...getFormProps(form)} aria-labelledby={`confirm-${p.id}-title`}>
        <input type="hidden" name="intent" value="confirm" />
        <input type="hidden" name="plannedId" value={p.id} />
        <SelectField
          field={f.minutes}
          label={t("courses.meeting.minutes")}
          options={durationOptions(t, lng, p.minutes)}
        />
        <ChoiceGroup
          field={f.topics}
          legend={t("courses.meeting.topics")}
          multiple
          options={meetingTopics.map((v) => ({ value: v, label: t(`enum.meetingTopic.${v}`) }))}
        />
        <button type="submit" className="button button-primary">
          {t("between.meeting.confirm")}
        </button>
      </Form>
      <Form method="post" action={action} className="mb-inline-form">
        <input type="hidden" name="intent" value="missed" />
        <input type="hidden" name="plannedId" value={p.id} />
        <button type="submit" className="button button-tertiary">
          {t("between.meeting.missed")}
        </button>
      </Form>
    </div>
  );
}

/** The plan form (new) or the change form (with cancel beside it). */
export function PlannedMeetingForm({
  editing,
  lastResult,
  cancelResult,
  defaultDate,
}: {
  editing: PlannedView | null;
  lastResult?: SubmissionResult<string[]>;
  cancelResult?: SubmissionResult<string[]>;
  defaultDate: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [form, f] = useForm({
    id: editing ? `planned-${editing.id}` : "planned-new",
    lastResult,
    defaultValue: editing
      ? {
          date: editing.date,
          time: editing.time,
          minutes: String(editing.minutes),
          form: editing.form,
          place: editing.place ?? "",
          agenda: editing.agenda ?? "",
        }
      : { date: defaultDate, time: "", minutes: "60", form: "in_person" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editing ? changeMeetingSchema : planMeetingSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <>
      <p>{t("between.meeting.intro")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={editing ? "change" : "plan"} />
        {editing ? <input type="hidden" name="plannedId" value={editing.id} /> : null}
        <TextField field={f.date} label={t("between.meeting.date")} type="date" />
        <TextField
          field={f.time}
          label={t("between.meeting.time")}
          hint={t("between.meeting.timeHint")}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="input-width-xs"
        />
        <SelectField
          field={f.minutes}
          label={t("between.meeting.minutes")}
          options={durationOptions(t, lng, editing?.minutes)}
        />
        <ChoiceGroup
          field={f.form}
          legend={t("between.meeting.form")}
          options={meetingForms.map((v) => ({ value: v, label: t(`enum.meetingForm.${v}`) }))}
        />
        <TextField field={f.place} label={t("between.meeting.place")} hint={t("between.meeting.placeHint")} optional />
        <TextArea field={f.agenda} label={t("between.meeting.agenda")} optional rows={3} />
        <button type="submit" className="button button-primary">
          {editing ? t("between.meeting.saveChange") : t("between.meeting.save")}
        </button>
      </Form>
      {editing ? <CancelPlanned id={editing.id} lastResult={cancelResult} /> : null}
    </>
  );
}

function CancelPlanned({ id, lastResult }: { id: number; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form] = useForm({ id: `cancel-${id}`, lastResult });
  return (
    <div className="mb-action">
      <h2 id="cancel-title">{t("between.meeting.cancel")}</h2>
      <p>{t("between.meeting.cancelIntro")}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby="cancel-title">
        <input type="hidden" name="intent" value="cancel" />
        <input type="hidden" name="plannedId" value={id} />
        <button type="submit" className="button button-secondary">
          {t("between.meeting.cancel")}
        </button>
      </Form>
    </div>
  );
}

type PageData = {
  course: { id: number; menteeFirstName: string; canPlan: boolean };
  editing: PlannedView | null;
  awaiting: PlannedView[];
  today: string;
};
type ActionData = { intent: string | null; result: unknown } | undefined;

/** The planning page of a course (mentor or coordinator): plan, or change/cancel one, and confirm the passed ones. */
export function PlanningPage({ d, actionData, back }: { d: PageData; actionData: ActionData; back: string }) {
  const { t } = useTranslation();
  const last = (intent: string) =>
    actionData?.intent === intent ? (actionData.result as SubmissionResult<string[]>) : undefined;
  return (
    <>
      <p>
        <Link to={back}>{t("common.actions.back")}</Link>
      </p>
      <h1>
        {d.editing
          ? t("between.meeting.changeTitle")
          : t("between.meeting.planTitle", { name: d.course.menteeFirstName })}
      </h1>
      {d.awaiting.map((p) => (
        <ConfirmHeld key={p.id} p={p} lastResult={last("confirm")} />
      ))}
      {d.course.canPlan || d.editing ? (
        <PlannedMeetingForm
          editing={d.editing}
          lastResult={last(d.editing ? "change" : "plan")}
          cancelResult={last("cancel")}
          defaultDate={d.today}
        />
      ) : (
        <p>{t("between.meeting.notRunning")}</p>
      )}
    </>
  );
}
