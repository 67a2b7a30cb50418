import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { replyWith } from "../services/kernel.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { checkSecondFactor, clearSecondFactor, pendingSecondFactor } from "../auth/mfa.server";
import { createUserSession } from "../auth/session.server";
import { safeRedirect, startPath } from "../auth/guards.server";
import { codeSchema } from "../schemas/mfa";
import { ErrorSummary, TextField } from "../components/forms";
import { audit } from "../services/audit.server";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("code");

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await pendingSecondFactor(request))) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const pending = await pendingSecondFactor(request);
  if (!pending) throw redirect("/login");
  const submission = parseWithZod(await request.formData(), { schema: codeSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const checked = checkSecondFactor(pending.uid, submission.value.code);
  if (!checked.ok) return data(replyWith(submission, checked, { hideFields: ["code"] }), { status: 400 });
  const user = checked.value;
  audit({ id: user.id, role: user.role }, "login", "user", user.id, { secondFactor: true });
  const headers = new Headers();
  headers.append("Set-Cookie", await createUserSession(user.id));
  headers.append("Set-Cookie", await clearSecondFactor());
  return redirect(safeRedirect(pending.to, startPath(user.role)), { headers });
}

export default function SecondFactor() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "mfa",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: codeSchema }),
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.mfa.title")}</h1>
        <p>{t("auth.mfa.intro")}</p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <TextField
            field={fields.code}
            label={t("auth.mfa.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            className="input-width-s"
          />
          <button type="submit" className="button button-primary">
            {t("auth.mfa.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
