import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "../auth/guards.server";
import { currentWeights, saveWeights, weightsHistory } from "../services/matching.server";
import { weightsSchema } from "../schemas/matching";
import { weightKeys } from "../domain/matching";
import { Alert, ErrorSummary, TextField } from "../components/forms";
import { formatDateTime } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("weights");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return { current: currentWeights(), history: weightsHistory() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: weightsSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const version = saveWeights(submission.value, user);
  return redirect(`/admin/matchvaegte?saved=${version}`);
}

export default function MatchingWeights() {
  const { t, i18n } = useTranslation();
  const { current, history } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "weights", lastResult,
    defaultValue: Object.fromEntries(weightKeys.map((k) => [k, String(current.weights[k])])),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: weightsSchema }),
  });
  const saved = params.get("saved");
  return (
    <div className="row"><div className="col-12 col-md-10">
      <h1>{t("matching.weights.title")}</h1>
      <p>{t("matching.weights.intro")}</p>
      {saved ? <Alert kind="success">{t("matching.weights.saved", { version: saved.replace(/\D/g, "").slice(0, 9) })}</Alert> : null}
      <p><strong>{t("matching.weights.current", { version: current.version })}</strong></p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {weightKeys.map((k) => (
          <TextField key={k} field={fields[k]} label={t(`matching.weights.fields.${k}`)} hint={t(`matching.weights.hints.${k}`)} inputMode="numeric" className="input-width-xs" />
        ))}
        <button type="submit" className="button button-primary">{t("matching.weights.save")}</button>
      </Form>
      <h2>{t("matching.weights.history")}</h2>
      <div className="mb-table-wrap" {...scrollRegion(t("matching.weights.history"))}>
        <table className="table table--zebra">
          <thead><tr>
            <th scope="col">{t("matching.weights.version")}</th><th scope="col">{t("matching.weights.created")}</th>
            <th scope="col">{t("matching.weights.by")}</th><th scope="col">{t("matching.weights.values")}</th>
          </tr></thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.version}>
                <td>{h.version}</td>
                <td>{formatDateTime(h.createdAt, i18n.language)}</td>
                <td>{h.createdBy ?? "–"}</td>
                <td>{weightKeys.map((k) => `${t(`matching.weights.fields.${k}`)}: ${h.weights[k] ?? "–"}`).join(" · ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div></div>
  );
}
