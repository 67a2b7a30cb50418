import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "../auth/guards.server";
import { dueForRetention, getRetentionMonths, setRetentionMonths } from "../services/privacy.server";
import { retentionSchema } from "../schemas/privacy";
import { Alert, ErrorSummary, TextField } from "../components/forms";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("retention");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const due = dueForRetention(today());
  return { months: getRetentionMonths(), due: due.menteeIds.length + due.mentorIds.length };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const submission = parseWithZod(await request.formData(), { schema: retentionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  setRetentionMonths(submission.value.months, user);
  return redirect("/admin/opbevaring?saved=1");
}

export default function Retention() {
  const { t } = useTranslation();
  const { months, due } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "retention", lastResult, defaultValue: { months: String(months) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retentionSchema }),
  });
  return (
    <div className="row"><div className="col-12 col-md-8">
      <h1>{t("privacy.retention.title")}</h1>
      <p>{t("privacy.retention.intro")}</p>
      {params.get("saved") ? <Alert kind="success">{t("privacy.retention.saved")}</Alert> : null}
      <p>{t("privacy.retention.due", { count: due })}</p>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <TextField field={fields.months} label={t("privacy.retention.months")} hint={t("privacy.retention.monthsHint")} inputMode="numeric" className="input-width-xs" />
        <button type="submit" className="button button-primary">{t("privacy.retention.save")}</button>
      </Form>
    </div></div>
  );
}
