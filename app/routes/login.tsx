import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { getSessionUser, createUserSession } from "../auth/session.server";
import { safeRedirect, startPath } from "../auth/guards.server";
import { clientAddress } from "../auth/client-address";
import { loginSchema } from "../schemas/auth";
import { login, LOGIN_RATE_LIMITED } from "../services/accounts.server";
import { replyWith } from "../services/kernel.server";
import { needsSecondFactor, startSecondFactor } from "../auth/mfa.server";
import { Alert, ErrorSummary, TextField } from "../components/forms";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("login");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user) throw redirect(startPath(user.role));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await login(email, password, clientAddress(context));
  if (!result.ok) {
    return data(replyWith(submission, result, { hideFields: ["password"] }), {
      status: result.formErrors.includes(LOGIN_RATE_LIMITED) ? 429 : 400,
    });
  }
  const user = result.value;
  if (needsSecondFactor(user)) {
    return redirect("/login/kode", { headers: { "Set-Cookie": await startSecondFactor(user.id, redirectTo) } });
  }
  const cookie = await createUserSession(user.id);
  return redirect(safeRedirect(redirectTo, startPath(user.role)), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: loginSchema }),
    shouldValidate: "onSubmit",
  });
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.login.title")}</h1>
        <p>{t("auth.login.intro")}</p>
        {params.get("reset") === "1" ? <Alert kind="success">{t("auth.login.resetDone")}</Alert> : null}
        {params.get("loggedOut") === "1" ? <Alert kind="info">{t("auth.logout.done")}</Alert> : null}
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <TextField field={fields.email} label={t("auth.login.email")} type="email" autoComplete="username" />
          <TextField
            field={fields.password}
            label={t("auth.login.password")}
            type="password"
            autoComplete="current-password"
          />
          <button type="submit" className="button button-primary">
            {t("auth.login.submit")}
          </button>
        </Form>
        <p>
          <Link to="/glemt-adgangskode">{t("auth.login.forgot")}</Link>
        </p>
      </div>
    </div>
  );
}
