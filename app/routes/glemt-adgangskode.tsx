import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { forgotSchema } from "../schemas/auth";
import { requestPasswordReset } from "../services/accounts.server";
import { clientAddress } from "../auth/client-address";
import { Alert, ErrorSummary, TextField } from "../components/forms";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("forgot");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  requestPasswordReset(submission.value.email, clientAddress(context));
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function Forgot() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "forgot",
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotSchema }),
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.forgot.title")}</h1>
        <p>{t("auth.forgot.intro")}</p>
        {actionData?.sent ? <Alert kind="success">{t("auth.forgot.sent")}</Alert> : null}
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField field={fields.email} label={t("auth.login.email")} type="email" autoComplete="email" />
          <button type="submit" className="button button-primary">
            {t("auth.forgot.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
