import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { forbidden, requireUser } from "../auth/guards.server";
import { secondFactorRequired, setTotpSecret } from "../auth/mfa.server";
import { can } from "../auth/permissions.server";
import { newTotpSecret, otpauthUri, verifyTotp } from "../auth/totp";
import { codeSchema, enableTotpSchema } from "../schemas/mfa";
import { Alert, ErrorSummary, TextField } from "../components/forms";
import { audit } from "../services/audit.server";
import { now } from "../utils/clock";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("security");

/** The one page an admin without a second factor may open: every other page sends them here (requireUser). */
async function requireSecurityUser(request: Request) {
  const user = await requireUser(request, { setUp: true });
  if (!can(user, "manage:second-factor:own")) throw forbidden();
  return user;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireSecurityUser(request);
  const required = secondFactorRequired(user.role);
  if (user.totpSecret) return { enabled: true as const, required, secret: null, uri: null };
  const secret = newTotpSecret();
  return { enabled: false as const, required, secret, uri: otpauthUri(secret, user.email) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireSecurityUser(request);
  const form = await request.formData();
  if (user.totpSecret) {
    // An admin keeps the second factor: it is what stands between a leaked password (or reset link) and the admin pages.
    if (secondFactorRequired(user.role)) throw forbidden();
    const submission = parseWithZod(form, { schema: codeSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), secret: null }, { status: 400 });
    if (!verifyTotp(user.totpSecret, submission.value.code, now().getTime()))
      return data(
        { result: submission.reply({ fieldErrors: { code: ["auth.mfa.invalid"] } }), secret: null },
        { status: 400 },
      );
    setTotpSecret(user.id, null);
    audit(user, "update", "user", user.id, { totp: "disabled" });
    return redirect("/konto/sikkerhed");
  }
  const submission = parseWithZod(form, { schema: enableTotpSchema });
  // A failed attempt keeps the same secret on screen (the user has already added it to their app).
  const typedSecret = String(form.get("secret") ?? "");
  const keep = /^[A-Z2-7]{32}$/.test(typedSecret) ? typedSecret : null;
  if (submission.status !== "success") return data({ result: submission.reply(), secret: keep }, { status: 400 });
  if (!verifyTotp(submission.value.secret, submission.value.code, now().getTime()))
    return data(
      { result: submission.reply({ fieldErrors: { code: ["auth.mfa.invalid"] } }), secret: keep },
      { status: 400 },
    );
  setTotpSecret(user.id, submission.value.secret);
  audit(user, "update", "user", user.id, { totp: "enabled" });
  return redirect("/konto/sikkerhed");
}

export default function Security() {
  const { t } = useTranslation();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { enabled, required } = loaded;
  const secret = actionData?.secret ?? loaded.secret;
  const uri = actionData?.secret
    ? (loaded.uri?.replace(/secret=[A-Z2-7]+/, `secret=${actionData.secret}`) ?? null)
    : loaded.uri;
  const [form, fields] = useForm({ id: "totp", lastResult: actionData?.result });
  return (
    <div className="row">
      <div className="col-12 col-md-8">
        <h1>{t("auth.security.title")}</h1>
        <p>{t("auth.security.intro")}</p>
        {required && !enabled ? <Alert kind="warning">{t("auth.security.required")}</Alert> : null}
        <Alert kind={enabled ? "success" : "info"}>
          {enabled ? t("auth.security.enabled") : t("auth.security.disabled")}
        </Alert>
        {enabled && required ? (
          <p>{t("auth.security.requiredKeep")}</p>
        ) : (
          <>
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)}>
              {enabled ? (
                <p>{t("auth.security.disableIntro")}</p>
              ) : (
                <>
                  <p>{t("auth.security.step1")}</p>
                  <p>
                    <code data-testid="totp-secret">{secret}</code>
                  </p>
                  <p>
                    <a href={uri ?? "#"}>{t("auth.security.uri")}</a>
                  </p>
                  <p>{t("auth.security.step2")}</p>
                  <input type="hidden" name="secret" value={secret ?? ""} />
                </>
              )}
              <TextField
                field={fields.code}
                label={t("auth.mfa.code")}
                inputMode="numeric"
                autoComplete="one-time-code"
                className="input-width-s"
              />
              <button type="submit" className="button button-primary">
                {enabled ? t("auth.security.disable") : t("auth.security.enable")}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
