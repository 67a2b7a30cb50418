import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { countDueForRetention, getRetentionMonths, setRetentionMonths } from "../services/retention.server";
import { jobOverview } from "../jobs.server";
import { retentionSchema } from "../schemas/privacy";
import { Alert, ErrorSummary, TextField } from "../components/forms";
import { today } from "../utils/clock";
import { formatDate, formatDateTime } from "../i18n/format";
import { scrollRegion } from "../components/TableWrap";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("retention");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:retention:any");
  const due = countDueForRetention(today());
  return { months: getRetentionMonths(), due: due.mentees + due.mentors, jobs: jobOverview() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:retention:any");
  const submission = parseWithZod(await request.formData(), { schema: retentionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  setRetentionMonths(submission.value.months, user);
  return redirect("/admin/opbevaring?saved=1");
}

export default function Retention() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { months, due, jobs } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "retention",
    lastResult,
    defaultValue: { months: String(months) },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: retentionSchema }),
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8">
        <h1>{t("privacy.retention.title")}</h1>
        <p>{t("privacy.retention.intro")}</p>
        {params.get("saved") ? <Alert kind="success">{t("privacy.retention.saved")}</Alert> : null}
        <p>{t("privacy.retention.due", { count: due })}</p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            field={fields.months}
            label={t("privacy.retention.months")}
            hint={t("privacy.retention.monthsHint")}
            inputMode="numeric"
            className="input-width-xs"
          />
          <button type="submit" className="button button-primary">
            {t("privacy.retention.save")}
          </button>
        </Form>

        <section aria-labelledby="h-jobs" data-testid="jobs">
          <h2 id="h-jobs">{t("privacy.jobs.title")}</h2>
          <p>{t("privacy.jobs.intro")}</p>
          <div className="mb-table-wrap" {...scrollRegion(t("privacy.jobs.title"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("privacy.jobs.job")}</th>
                  <th scope="col">{t("privacy.jobs.lastDay")}</th>
                  <th scope="col">{t("privacy.jobs.status")}</th>
                  <th scope="col">{t("privacy.jobs.lastSuccess")}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr key={j.job} data-job={j.job}>
                    <th scope="row">{t(`privacy.jobs.name.${j.job}`, { defaultValue: j.job })}</th>
                    <td>{j.lastDay ? formatDate(j.lastDay, lng) : "–"}</td>
                    <td>
                      <span
                        className={`mb-badge${j.status === "failed" ? " mb-badge--bad" : j.status === "done" ? " mb-badge--good" : ""}`}
                      >
                        {t(`privacy.jobs.statusName.${j.status}`)}
                      </span>
                      {j.status === "failed" ? <> {t("privacy.jobs.attempts", { count: j.attempts })}</> : null}
                      {j.lastError ? (
                        <>
                          <br />
                          <span className="mb-job-error">
                            {t("privacy.jobs.error")}: <code>{j.lastError}</code>
                          </span>
                        </>
                      ) : null}
                      {j.nextAttemptAt ? (
                        <>
                          <br />
                          {t("privacy.jobs.retryAt", { at: formatDateTime(j.nextAttemptAt, lng) })}
                        </>
                      ) : null}
                      {j.failedDays.length > (j.status === "failed" ? 1 : 0) ? (
                        <>
                          <br />
                          {t("privacy.jobs.failedDays", {
                            count: j.failedDays.length,
                            days: j.failedDays.map((d) => formatDate(d, lng)).join(", "),
                          })}
                        </>
                      ) : null}
                    </td>
                    <td>{j.lastSuccessAt ? formatDateTime(j.lastSuccessAt, lng) : t("privacy.jobs.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}
