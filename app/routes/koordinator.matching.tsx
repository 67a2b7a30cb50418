import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { recentPoolRuns, startPoolRun } from "../services/pool-runs.server";
import { poolRunSchema, scopeOf } from "../schemas/matching";
import { assignmentModes } from "../domain/assignment";
import { poolAreas } from "../domain/pool-scope";
import { regions } from "../domain/enums";
import { MUNICIPALITIES } from "../../db/reference/municipalities";
import { sectionCodes } from "../domain/industries";
import { Alert, ChoiceGroup, ErrorSummary, SelectField } from "../components/forms";
import { industryLabel } from "../components/MatchReasons";
import { PoolScopeText, RunStatus } from "../components/PoolRun";
import { formatDateTime } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("matching");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "run:matching:any");
  return { runs: recentPoolRuns() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "run:matching:any");
  const submission = parseWithZod(await request.formData(), { schema: poolRunSchema });
  if (submission.status !== "success") return data({ reply: submission.reply(), busy: null }, { status: 400 });
  const r = startPoolRun({ scope: scopeOf(submission.value), mode: submission.value.mode }, user);
  if (!r.ok) return data({ reply: submission.reply(), busy: r.jobId }, { status: 409 });
  return redirect(`/koordinator/matching/${r.jobId}?startet=1`);
}

const municipalityOptions = [...MUNICIPALITIES]
  .sort((a, b) => a.name.localeCompare(b.name, "da"))
  .map((m) => ({ value: String(m.code), label: m.name }));

export default function Pool() {
  const { t, i18n } = useTranslation();
  const { runs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "pool-run",
    lastResult: actionData?.reply,
    defaultValue: { area: "country", mode: "best_score" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: poolRunSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <>
      <h1>{t("matching.pool.title")}</h1>
      <p>{t("matching.pool.intro")}</p>
      {actionData?.busy ? (
        <Alert kind="warning">
          {t("matching.run.busy")}{" "}
          <Link to={`/koordinator/matching/${actionData.busy}`}>{t("matching.run.busyLink")}</Link>
        </Alert>
      ) : null}
      <h2>{t("matching.run.start")}</h2>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} className="mb-pool-form">
        <ChoiceGroup
          field={fields.area}
          legend={t("matching.run.area")}
          options={poolAreas.map((a) => ({ value: a, label: t(`matching.run.areas.${a}`) }))}
        />
        <SelectField
          field={fields.region}
          label={t("matching.run.region")}
          optional
          placeholder={t("matching.run.chooseRegion")}
          options={regions.map((r) => ({ value: String(r.code), label: r.name }))}
        />
        <SelectField
          field={fields.municipality}
          label={t("matching.run.municipality")}
          optional
          placeholder={t("matching.run.chooseMunicipality")}
          options={municipalityOptions}
        />
        <SelectField
          field={fields.section}
          label={t("matching.run.section")}
          hint={t("matching.run.sectionHint")}
          optional
          placeholder={t("matching.run.sectionAll")}
          options={sectionCodes.map((c) => ({ value: c, label: industryLabel(c, i18n.language) }))}
        />
        <ChoiceGroup
          field={fields.mode}
          legend={t("matching.pool.mode")}
          options={assignmentModes.map((m) => ({ value: m, label: t(`matching.pool.modes.${m}`) }))}
        />
        <button type="submit" className="button button-primary">
          {t("matching.run.submit")}
        </button>
      </Form>

      <h2>{t("matching.run.recent")}</h2>
      {runs.length === 0 ? (
        <p>{t("matching.run.noRuns")}</p>
      ) : (
        <div className="mb-table-wrap" {...scrollRegion(t("matching.run.recent"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("matching.run.scope")}</th>
                <th scope="col">{t("matching.run.mode")}</th>
                <th scope="col">{t("matching.run.status")}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/koordinator/matching/${r.id}`}>{t("matching.run.title", { id: r.id })}</Link>
                    <br />
                    <span className="form-hint">{formatDateTime(r.createdAt, i18n.language)}</span>
                  </td>
                  <td>
                    <PoolScopeText scope={r.scope} />
                  </td>
                  <td>{t(`matching.pool.modes.${r.mode}`)}</td>
                  <td>
                    <RunStatus status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
