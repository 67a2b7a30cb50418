import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { currentWeights, saveWeights, weightsHistory } from "../services/match-context.server";
import { matchSettingsSchema, weightsSchema } from "../schemas/matching";
import { getMatchSettings, saveMatchSettings } from "../services/match-settings.server";
import { weightKeys } from "../domain/matching";
import { Alert, Checkbox, ErrorSummary, TextField } from "../components/forms";
import { formatDateTime } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("weights");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:match-weights:any");
  return { current: currentWeights(), history: weightsHistory(), settings: getMatchSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:match-weights:any");
  const form = await request.formData();
  // Issue 19: the matching settings (industry first, the mentor's answer time) are a second form on this page.
  if (form.get("intent") === "settings") {
    const s = parseWithZod(form, { schema: matchSettingsSchema });
    if (s.status !== "success") return data({ settings: s.reply() }, { status: 400 });
    saveMatchSettings(s.value, user);
    return redirect("/admin/matchvaegte?saved=settings#settings-title");
  }
  const submission = parseWithZod(form, { schema: weightsSchema });
  if (submission.status !== "success") return data({ weights: submission.reply() }, { status: 400 });
  const version = saveWeights(submission.value, user);
  return redirect(`/admin/matchvaegte?saved=${version}`);
}

export default function MatchingWeights() {
  const { t, i18n } = useTranslation();
  const { current, history, settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lastResult = result && "weights" in result ? result.weights : undefined;
  const [settingsForm, settingsFields] = useForm({
    id: "match-settings",
    lastResult: result && "settings" in result ? result.settings : undefined,
    defaultValue: {
      proposeNoIndustryPairs: settings.proposeNoIndustryPairs ? "on" : undefined,
      requestDays: String(settings.requestDays),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: matchSettingsSchema }),
  });
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "weights",
    lastResult,
    defaultValue: Object.fromEntries(weightKeys.map((k) => [k, String(current.weights[k])])),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: weightsSchema }),
  });
  const saved = params.get("saved");
  return (
    <div className="row">
      <div className="col-12 col-md-10">
        <h1>{t("matching.weights.title")}</h1>
        <p>{t("matching.weights.intro")}</p>
        {saved && saved !== "settings" ? (
          <Alert kind="success">{t("matching.weights.saved", { version: saved.replace(/\D/g, "").slice(0, 9) })}</Alert>
        ) : null}
        <p>
          <strong>{t("matching.weights.current", { version: current.version })}</strong>
        </p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          {weightKeys.map((k) => (
            <TextField
              key={k}
              field={fields[k]}
              label={t(`matching.weights.fields.${k}`)}
              hint={t(`matching.weights.hints.${k}`)}
              inputMode="numeric"
              className="input-width-xs"
            />
          ))}
          <button type="submit" className="button button-primary">
            {t("matching.weights.save")}
          </button>
        </Form>
        <h2 id="settings-title">{t("matching.settings.title")}</h2>
        <p>{t("matching.settings.intro")}</p>
        {saved === "settings" ? <Alert kind="success">{t("matching.settings.saved")}</Alert> : null}
        <ErrorSummary form={settingsForm} />
        <Form method="post" {...getFormProps(settingsForm)}>
          <input type="hidden" name="intent" value="settings" />
          <Checkbox
            field={settingsFields.proposeNoIndustryPairs}
            label={t("matching.settings.proposeNoIndustry")}
            hint={t("matching.settings.proposeNoIndustryHint")}
          />
          <TextField
            field={settingsFields.requestDays}
            label={t("matching.settings.requestDays")}
            hint={t("matching.settings.requestDaysHint")}
            inputMode="numeric"
            className="input-width-xs"
          />
          <button type="submit" className="button button-primary">
            {t("matching.settings.save")}
          </button>
        </Form>
        <h2>{t("matching.weights.history")}</h2>
        <div className="mb-table-wrap" {...scrollRegion(t("matching.weights.history"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("matching.weights.version")}</th>
                <th scope="col">{t("matching.weights.created")}</th>
                <th scope="col">{t("matching.weights.by")}</th>
                <th scope="col">{t("matching.weights.values")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.version}>
                  <td>{h.version}</td>
                  <td>{formatDateTime(h.createdAt, i18n.language)}</td>
                  <td>{h.createdBy ?? "–"}</td>
                  <td>
                    {weightKeys.map((k) => `${t(`matching.weights.fields.${k}`)}: ${h.weights[k] ?? "–"}`).join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
