import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { availabilitySchema } from "../schemas/volunteer";
import { getOwnMentor, setOwnAvailability } from "../services/mentor-home.server";
import { ErrorSummary, TextField } from "../components/forms";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("availability");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:mentor:own");
  const m = getOwnMentor(user.id);
  if (!m) throw notFound();
  return { pausedFrom: m.pausedFrom ?? "", pausedTo: m.pausedTo ?? "" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:mentor:own");
  const submission = parseWithZod(await request.formData(), { schema: availabilitySchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const v = submission.value;
  const ok =
    v.intent === "clear"
      ? setOwnAvailability(user.id, null, null)
      : setOwnAvailability(user.id, v.pausedFrom ?? null, v.pausedTo ?? null);
  if (!ok) throw notFound();
  return redirect("/mentor?saved=availability");
}

export default function Availability() {
  const { t } = useTranslation();
  const current = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "availability",
    lastResult,
    defaultValue: current,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: availabilitySchema }),
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <p>
          <Link to="/mentor">{t("common.actions.back")}</Link>
        </p>
        <h1>{t("volunteer.availability.title")}</h1>
        <p>{t("volunteer.availability.intro")}</p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            field={fields.pausedFrom}
            label={t("volunteer.availability.from")}
            type="date"
            className="input-width-s"
          />
          <TextField
            field={fields.pausedTo}
            label={t("volunteer.availability.to")}
            hint={t("volunteer.availability.toHint")}
            type="date"
            optional
            className="input-width-s"
          />
          <button type="submit" name="intent" value="pause" className="button button-primary">
            {t("volunteer.availability.pause")}
          </button>{" "}
          {current.pausedFrom ? (
            <button type="submit" name="intent" value="clear" className="button button-secondary" formNoValidate>
              {t("volunteer.availability.clear")}
            </button>
          ) : null}
        </Form>
      </div>
    </div>
  );
}
