import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { resetSchema } from "../schemas/auth";
import { isResetTokenValid, setPasswordWithToken } from "../services/accounts.server";
import { replyWith } from "../services/kernel.server";
import { NewPasswordForm } from "../components/NewPasswordForm";
import { Alert } from "../components/forms";
import { pageMeta } from "../i18n/meta";

// The global Referrer-Policy (same-origin) keeps the token in the URL from leaking to other sites.
// The link is a secret and the page may greet the person: nothing may keep it.
export const headers = () => ({ "Cache-Control": "no-store" });
export const meta = pageMeta("newPassword");

export async function loader({ params }: LoaderFunctionArgs) {
  return { valid: isResetTokenValid(params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const set = await setPasswordWithToken(params.token ?? "", submission.value.password);
  if (!set.ok) return data(replyWith(submission, set, { hideFields: ["password", "confirm"] }), { status: 400 });
  return redirect("/login?reset=1");
}

export default function Reset() {
  const { t } = useTranslation();
  const { valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (!valid) {
    return (
      <div>
        <h1>{t("auth.reset.title")}</h1>
        <Alert kind="error">{t("auth.reset.invalidLink")}</Alert>
        <p>
          <Link to="/glemt-adgangskode">{t("auth.login.forgot")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("auth.reset.title")}</h1>
        <NewPasswordForm id="reset" lastResult={lastResult} submitLabel={t("auth.reset.submit")} />
      </div>
    </div>
  );
}
