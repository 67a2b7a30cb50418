import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { z } from "zod";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { getMessage } from "../services/messages.server";
import { confirmHeldSent, retryMessage } from "../messaging/outbox.server";
import { isRtl } from "../domain/enums";
import { formatDateTime } from "../i18n/format";
import { Alert } from "../components/forms";
import { audit } from "../services/audit.server";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("message");

function parseId(v: string | undefined) {
  const id = Number(v);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

/** Retry a failed or held message, or (held) confirm it arrived after checking with the provider. */
const actionSchema = z.object({ intent: z.enum(["retry", "confirm"]).catch("retry") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  // Never the stored payload or secrets: the text is rendered again with every live link masked.
  const m = await getMessage(parseId(params.id));
  if (!m) throw notFound();
  return { message: m };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:outbox:any");
  const id = parseId(params.id);
  const { intent } = actionSchema.parse(Object.fromEntries(await request.formData()));
  if (intent === "confirm") {
    if (confirmHeldSent(id)) audit(user, "update", "message", id, { action: "confirm_sent" });
    return redirect(`/admin/outbox/${id}?confirmed=1`);
  }
  if (retryMessage(id)) audit(user, "update", "message", id, { action: "retry" });
  return redirect(`/admin/outbox/${id}?retried=1`);
}

export default function MessageDetail() {
  const { t, i18n } = useTranslation();
  const { message: m } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const dir = isRtl(m.locale) ? "rtl" : "ltr";
  const view = "error" in m.view || "erased" in m.view ? null : m.view;
  return (
    <>
      <p>
        <Link to="/admin/outbox">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("staff.outbox.messageTitle", { id: m.id })}</h1>
      {params.get("retried") ? <Alert kind="success">{t("staff.outbox.retried")}</Alert> : null}
      {params.get("confirmed") ? <Alert kind="success">{t("staff.outbox.confirmed")}</Alert> : null}
      <dl className="mb-dl">
        <dt>{t("staff.outbox.channel")}</dt>
        <dd>{t(`enum.channel.${m.channel}`)}</dd>
        <dt>{t("staff.outbox.template")}</dt>
        <dd>
          {m.template} ({m.locale})
        </dd>
        <dt>{t("staff.outbox.recipient")}</dt>
        <dd>{m.recipient}</dd>
        <dt>{t("staff.outbox.status")}</dt>
        <dd data-testid="message-status">{t(`enum.messageStatus.${m.status}`)}</dd>
        <dt>{t("staff.outbox.attempts")}</dt>
        <dd>{m.attempts}</dd>
        <dt>{t("staff.outbox.created")}</dt>
        <dd>{formatDateTime(m.createdAt, i18n.language)}</dd>
        {m.transport ? (
          <>
            <dt>{t("staff.outbox.transport")}</dt>
            <dd>{m.transport}</dd>
          </>
        ) : null}
        {m.lastError ? (
          <>
            <dt>{t("staff.outbox.error")}</dt>
            <dd>{m.lastError}</dd>
          </>
        ) : null}
        {m.status === "held" ? (
          <>
            <dt>{t("staff.outbox.reference")}</dt>
            <dd>
              <code>{m.idempotencyKey}</code>
            </dd>
          </>
        ) : null}
        {view ? (
          <>
            <dt>{t("staff.outbox.subject")}</dt>
            <dd lang={m.locale} dir={dir}>
              {view.subject}
            </dd>
          </>
        ) : null}
      </dl>
      {m.status === "held" ? (
        <Alert kind="warning" heading={t("staff.outbox.heldTitle")}>
          <p>{t("staff.outbox.heldText")}</p>
          <Form method="post">
            <button type="submit" name="intent" value="confirm" className="button button-primary">
              {t("staff.outbox.confirmSent")}
            </button>
            <button type="submit" name="intent" value="retry" className="button button-secondary">
              {t("staff.outbox.retryAnyway")}
            </button>
          </Form>
        </Alert>
      ) : null}
      {m.status === "failed" ? (
        <Form method="post">
          <button type="submit" name="intent" value="retry" className="button button-primary">
            {t("staff.outbox.retry")}
          </button>
        </Form>
      ) : null}
      {"error" in m.view ? <Alert kind="error">{t("staff.outbox.cannotShow", { error: m.view.error })}</Alert> : null}
      {"erased" in m.view ? <p>{t("staff.outbox.erased")}</p> : null}
      {view ? (
        <>
          <p data-testid="masked-note">{t("staff.outbox.masked")}</p>
          {view.editedSince ? <p>{t("staff.outbox.renderedToday")}</p> : null}
          <section aria-labelledby="text-version">
            <h2 id="text-version">{t("staff.outbox.textVersion")}</h2>
            <pre className="mb-pre" lang={m.locale} dir={dir} data-testid="message-text">
              {view.text}
            </pre>
          </section>
          {view.html ? (
            <section aria-labelledby="html-version">
              <h2 id="html-version">{t("staff.outbox.htmlVersion")}</h2>
              <iframe title={t("staff.outbox.htmlVersion")} className="mb-preview" sandbox="" srcDoc={view.html} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
