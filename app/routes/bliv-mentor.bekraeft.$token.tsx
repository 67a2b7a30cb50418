import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { resetSchema } from "../schemas/auth";
import { completeVerification, verificationInfo } from "../services/volunteers.server";
import { replyWith } from "../services/kernel.server";
import { createUserSession } from "../auth/session.server";
import { Alert } from "../components/forms";
import { NewPasswordForm } from "../components/NewPasswordForm";
import { pageMeta } from "../i18n/meta";

// Opening the link changes nothing (mail scanners follow links); confirming is the POST that sets the password.
// The link is a secret and the page may greet the person: nothing may keep it.
export const headers = () => ({ "Cache-Control": "no-store" });
export const meta = pageMeta("verify");

export async function loader({ params }: LoaderFunctionArgs) {
  return verificationInfo(params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetSchema });
  const hide = { hideFields: ["password", "confirm"] };
  if (submission.status !== "success") return data(submission.reply(hide), { status: 400 });
  const done = await completeVerification(params.token ?? "", submission.value.password);
  if (!done.ok) return data(replyWith(submission, done, hide), { status: 400 });
  return redirect("/mentor", { headers: { "Set-Cookie": await createUserSession(done.value) } });
}

export default function Verify() {
  const { t } = useTranslation();
  const info = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (!info.valid) {
    return (
      <div>
        <h1>{t("volunteer.verify.title")}</h1>
        <Alert kind="error">{t("volunteer.verify.invalid")}</Alert>
        <p>
          <Link to="/bliv-mentor">{t("volunteer.signup.title")}</Link> ·{" "}
          <Link to="/login">{t("common.nav.login")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("volunteer.verify.title")}</h1>
        <p>{t("volunteer.verify.greeting", { name: info.firstName })}</p>
        <NewPasswordForm
          id="verify"
          lastResult={lastResult}
          submitLabel={t("volunteer.verify.submit")}
          labels={{ password: t("volunteer.verify.password"), confirm: t("volunteer.verify.confirm") }}
        />
      </div>
    </div>
  );
}
