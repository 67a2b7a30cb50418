import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { resetSchema } from "../schemas/auth";
import { acceptInvitation, invitationFor } from "../services/municipalities.server";
import { NewPasswordForm } from "../components/NewPasswordForm";
import { Alert } from "../components/forms";
import { pageMeta } from "../i18n/meta";

// The global Referrer-Policy (same-origin) keeps the token in the URL from leaking to other sites.
// The link is a secret and the page may greet the person: nothing may keep it.
export const headers = () => ({ "Cache-Control": "no-store" });
export const meta = pageMeta("invitation");

export async function loader({ params }: LoaderFunctionArgs) {
  const inv = invitationFor(params.token ?? "");
  return {
    invitation: inv
      ? { name: inv.name, email: inv.email, municipality: inv.municipality ?? "", admin: inv.role === "admin" }
      : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetSchema });
  if (submission.status !== "success")
    return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const userId = await acceptInvitation(params.token ?? "", submission.value.password);
  if (!userId)
    return data(
      submission.reply({ formErrors: ["municipalities.invitation.invalid"], hideFields: ["password", "confirm"] }),
      { status: 400 },
    );
  return redirect("/login?reset=1");
}

export default function Invitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (!invitation) {
    return (
      <div>
        <h1>{t("municipalities.invitation.title")}</h1>
        <Alert kind="error">{t("municipalities.invitation.invalid")}</Alert>
      </div>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("municipalities.invitation.title")}</h1>
        <p>
          {t(invitation.admin ? "municipalities.invitation.introAdmin" : "municipalities.invitation.intro", invitation)}
        </p>
        <NewPasswordForm
          id="invitation"
          lastResult={lastResult}
          submitLabel={t("municipalities.invitation.submit")}
          username={invitation.email}
        />
      </div>
    </div>
  );
}
