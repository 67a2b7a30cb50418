/**
 * The course's goal plan (issue 21): read-only on the course pages, editable on the goal plan page (add a goal; each
 * goal's status and target date). Shared by the mentor's and the coordinator's pages; works without JavaScript.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import { goalKinds, type GoalKind, type GoalStatus } from "../domain/enums";
import { MAX_GOALS, nextGoalStatuses } from "../domain/goals";
import { addGoalSchema, updateGoalSchema } from "../schemas/between";
import { Alert, ErrorSummary, SelectField, TextField } from "./forms";
import { formatDate } from "../i18n/format";

export type GoalRow = {
  id: number;
  kind: GoalKind;
  text: string | null;
  status: GoalStatus;
  targetDate: string | null;
  statusOn: string;
};

const statusClass: Record<GoalStatus, string> = {
  planned: "mb-badge",
  in_progress: "mb-badge mb-badge--warn",
  reached: "mb-badge mb-badge--good",
  dropped: "mb-badge",
};

function useGoalName() {
  const { t } = useTranslation();
  return (g: Pick<GoalRow, "kind" | "text">) => (g.kind === "own" ? (g.text ?? "") : t(`enum.goalKind.${g.kind}`));
}

/** The plan as a list, for the course pages. */
export function GoalPlanSection({ goals, editPath }: { goals: GoalRow[]; editPath: string | null }) {
  const { t, i18n } = useTranslation();
  const name = useGoalName();
  return (
    <section aria-labelledby="goals-title">
      <h2 id="goals-title">{t("between.goals.title")}</h2>
      {goals.length ? (
        <ul className="mb-goals">
          {goals.map((g) => (
            <li key={g.id}>
              {name(g)} <span className={statusClass[g.status]}>{t(`enum.goalStatus.${g.status}`)}</span>{" "}
              <span className="weight-normal">
                ({t("between.goals.since", { date: formatDate(g.statusOn, i18n.language) })}
                {g.targetDate ? `, ${t("between.goals.by", { date: formatDate(g.targetDate, i18n.language) })}` : ""})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("between.goals.none")}</p>
      )}
      {editPath ? (
        <p>
          <Link to={editPath}>{t("between.goals.edit")}</Link>
        </p>
      ) : null}
    </section>
  );
}

type ActionData = { intent: string | null; goalId?: number; result: unknown } | undefined;

export function GoalPlanPage({
  d,
  actionData,
  back,
  done,
}: {
  d: { menteeFirstName: string; goals: GoalRow[]; canEdit: boolean };
  actionData: ActionData;
  back: string;
  done: string | null;
}) {
  const { t } = useTranslation();
  const live = d.goals.filter((g) => g.status !== "dropped").length;
  const addResult = actionData?.intent === "add" ? (actionData.result as SubmissionResult<string[]>) : undefined;
  return (
    <>
      <p>
        <Link to={back}>{t("common.actions.back")}</Link>
      </p>
      <h1>{t("between.goals.pageTitle", { name: d.menteeFirstName })}</h1>
      <p>{t("between.goals.intro")}</p>
      {done === "added" ? <Alert kind="success">{t("between.goals.added")}</Alert> : null}
      {done === "updated" ? <Alert kind="success">{t("between.goals.updated")}</Alert> : null}
      {!d.canEdit ? <p>{t("between.goals.readOnly")}</p> : null}
      {d.goals.length ? (
        <ul className="nobullet-list mb-stack">
          {d.goals.map((g) => (
            <li key={g.id}>
              <GoalStatusForm
                g={g}
                canEdit={d.canEdit}
                lastResult={
                  actionData?.intent === "update" && actionData.goalId === g.id
                    ? (actionData.result as SubmissionResult<string[]>)
                    : undefined
                }
              />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("between.goals.none")}</p>
      )}
      {d.canEdit ? live < MAX_GOALS ? <AddGoal lastResult={addResult} /> : <p>{t("between.goals.full")}</p> : null}
    </>
  );
}

function GoalStatusForm({
  g,
  canEdit,
  lastResult,
}: {
  g: GoalRow;
  canEdit: boolean;
  lastResult?: SubmissionResult<string[]>;
}) {
  const { t, i18n } = useTranslation();
  const name = useGoalName()(g);
  const [form, f] = useForm({
    id: `goal-${g.id}`,
    lastResult,
    defaultValue: { status: g.status, targetDate: g.targetDate ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateGoalSchema }),
  });
  return (
    <div className="mb-action">
      <h2 className="h3" id={`goal-${g.id}-title`}>
        {name}
      </h2>
      <p>
        <span className={statusClass[g.status]}>{t(`enum.goalStatus.${g.status}`)}</span>{" "}
        {t("between.goals.since", { date: formatDate(g.statusOn, i18n.language) })}
      </p>
      {canEdit ? (
        <>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)} aria-labelledby={`goal-${g.id}-title`}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="goalId" value={g.id} />
            <SelectField
              field={f.status}
              label={t("between.goals.status")}
              options={nextGoalStatuses(g.status).map((s) => ({ value: s, label: t(`enum.goalStatus.${s}`) }))}
            />
            <TextField field={f.targetDate} label={t("between.goals.targetDate")} type="date" optional />
            <button
              type="submit"
              className="button button-secondary"
              aria-label={t("between.goals.saveLabel", { goal: name })}
            >
              {t("between.goals.save")}
            </button>
          </Form>
        </>
      ) : null}
    </div>
  );
}

function AddGoal({ lastResult }: { lastResult?: SubmissionResult<string[]> }) {
  const { t } = useTranslation();
  const [form, f] = useForm({
    id: "goal-add",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addGoalSchema }),
  });
  return (
    <section aria-labelledby="goal-add-title" className="mb-action">
      <h2 id="goal-add-title">{t("between.goals.add")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby="goal-add-title">
        <input type="hidden" name="intent" value="add" />
        <SelectField
          field={f.kind}
          label={t("between.goals.kind")}
          placeholder=""
          options={goalKinds.map((k) => ({ value: k, label: t(`enum.goalKind.${k}`) }))}
        />
        <TextField field={f.text} label={t("between.goals.text")} hint={t("between.goals.textHint")} optional />
        <TextField field={f.targetDate} label={t("between.goals.targetDate")} type="date" optional />
        <button type="submit" className="button button-primary">
          {t("between.goals.add")}
        </button>
      </Form>
    </section>
  );
}
