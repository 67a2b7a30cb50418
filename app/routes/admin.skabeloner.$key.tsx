import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { z } from "zod";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { isRtl, messageLanguages, type MessageLanguage } from "../domain/enums";
import { templateEditSchema, templateResetSchema } from "../schemas/messaging";
import {
  checkTemplateText,
  deleteOverride,
  previewTemplate,
  saveOverride,
  templateForEdit,
  type Preview,
} from "../services/templates.server";
import { audit } from "../services/audit.server";
import { Alert, ErrorSummary, TextArea, TextField } from "../components/forms";
import type { CopyText } from "../../emails/editable";
import { pageMeta } from "../i18n/meta";
import { templateName } from "../components/template-name";

export const meta = pageMeta("template");

const langSchema = z.enum(messageLanguages).catch("da");

function load(params: { key?: string }, language: MessageLanguage) {
  const tpl = templateForEdit(params.key ?? "", language);
  if (!tpl) throw notFound();
  return tpl;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "manage:template:any");
  const language = langSchema.parse(new URL(request.url).searchParams.get("lang") ?? "da");
  const tpl = load(params, language);
  const preview = await previewTemplate(tpl.key, language, tpl.overrides);
  const { overrides: _o, ...rest } = tpl;
  void _o;
  return { tpl: rest, preview };
}

type ActionData = { result: SubmissionResult<string[]>; preview: Preview | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "manage:template:any");
  const form = await request.formData();
  if (form.get("intent") === "reset") {
    const sub = parseWithZod(form, { schema: templateResetSchema });
    if (sub.status !== "success") return data<ActionData>({ result: sub.reply(), preview: null }, { status: 400 });
    const tpl = load(params, sub.value.language);
    if (deleteOverride(tpl.key, sub.value.language))
      audit(user, "update", "message_template", null, { key: tpl.key, language: sub.value.language, action: "reset" });
    return redirect(`/admin/skabeloner/${tpl.key}?lang=${sub.value.language}&done=reset`);
  }
  const submission = parseWithZod(form, { schema: templateEditSchema });
  if (submission.status !== "success")
    return data<ActionData>({ result: submission.reply(), preview: null }, { status: 400 });
  const v = submission.value;
  const tpl = load(params, v.language);
  const text: CopyText = {
    subject: v.subject,
    heading: v.heading ?? "",
    body: v.body,
    actionLabel: v.actionLabel ?? "",
    sms: v.sms ?? "",
  };
  const preview = await previewTemplate(tpl.key, v.language, { ...tpl.overrides, [v.language]: text });
  const fieldErrors = checkTemplateText(tpl.key, text, tpl.placeholders, preview);
  if (Object.keys(fieldErrors).length)
    return data<ActionData>({ result: submission.reply({ fieldErrors }), preview }, { status: 400 });
  if (v.intent === "preview") return { result: submission.reply(), preview } satisfies ActionData;
  saveOverride(tpl.key, v.language, text, user.id);
  audit(user, "update", "message_template", null, { key: tpl.key, language: v.language, action: "edit" });
  return redirect(`/admin/skabeloner/${tpl.key}?lang=${v.language}&done=saved`);
}

/** The editor starts afresh when the stored text changes (another language, saved, reset to the file text). */
export default function TemplateEdit() {
  const { tpl } = useLoaderData<typeof loader>();
  return <TemplateEditor key={`${tpl.language}|${tpl.state}|${JSON.stringify(tpl.text)}`} />;
}

function TemplateEditor() {
  const { t } = useTranslation();
  const { tpl, preview: savedPreview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  const [form, fields] = useForm({
    id: `template-${tpl.language}`,
    lastResult: actionData?.result,
    defaultValue: { ...tpl.text, language: tpl.language },
    shouldRevalidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: templateEditSchema }),
  });
  const draft = actionData?.preview ?? null;
  const preview = draft ?? savedPreview;
  const dir = isRtl(tpl.language) ? "rtl" : "ltr";
  const langName = t(`enum.messageLanguage.${tpl.language}`);
  return (
    <>
      <p>
        <Link to="/admin/skabeloner">{t("common.actions.back")}</Link>
      </p>
      <h1>{t("messaging.templates.editTitle", { name: templateName(t, tpl.key) })}</h1>
      <p>{t("messaging.templates.editIntro", { example: "{{name}}" })}</p>
      {done === "saved" ? <Alert kind="success">{t("messaging.templates.saved")}</Alert> : null}
      {done === "reset" ? <Alert kind="success">{t("messaging.templates.resetDone")}</Alert> : null}

      <nav aria-labelledby="lang-nav">
        <h2 id="lang-nav" className="h4">
          {t("messaging.templates.chooseLanguage")}
        </h2>
        <ul className="mb-lang-list no-max-width">
          {tpl.languages.map((l) => (
            <li key={l.language}>
              <Link
                to={`?lang=${l.language}`}
                aria-current={l.language === tpl.language ? "page" : undefined}
                data-testid={`lang-${l.language}`}
              >
                {t(`enum.messageLanguage.${l.language}`)}
              </Link>{" "}
              <span
                className={
                  l.state === "missing"
                    ? "mb-badge mb-badge--warn"
                    : l.state === "edited"
                      ? "mb-badge mb-badge--good"
                      : "mb-badge"
                }
              >
                {t(`messaging.templates.state.${l.state}`)}
              </span>
            </li>
          ))}
        </ul>
      </nav>

      <h2>{t("messaging.templates.currentLanguage", { language: langName })}</h2>
      {tpl.state === "missing" ? (
        <Alert kind="warning">{t("messaging.templates.fallbackWarning", { language: langName })}</Alert>
      ) : null}
      {tpl.notEditable ? <Alert kind="info">{t("messaging.templates.notEditable")}</Alert> : null}
      {tpl.placeholders.length ? (
        <p>{t("messaging.templates.placeholders", { list: tpl.placeholders.map((p) => `{{${p}}}`).join(", ") })}</p>
      ) : null}
      {tpl.reference ? (
        <details>
          <summary>{t("messaging.templates.reference")}</summary>
          <pre className="mb-pre" lang="da">
            {[tpl.reference.subject, "", tpl.reference.body, "", tpl.reference.sms].join("\n")}
          </pre>
        </details>
      ) : null}

      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} lang={tpl.language} dir={dir}>
        <input type="hidden" name="language" value={tpl.language} />
        <TextField field={fields.subject} label={t("messaging.templates.subject")} />
        <TextField
          field={fields.heading}
          label={t("messaging.templates.heading")}
          hint={t("messaging.templates.headingHint")}
          optional
        />
        <TextArea
          field={fields.body}
          label={t("messaging.templates.body")}
          hint={t("messaging.templates.bodyHint")}
          rows={6}
        />
        {tpl.hasAction ? (
          <TextField
            field={fields.actionLabel}
            label={t("messaging.templates.actionLabel")}
            hint={t("messaging.templates.actionHint")}
            optional
          />
        ) : null}
        <TextArea
          field={fields.sms}
          label={t("messaging.templates.sms")}
          hint={t("messaging.templates.smsHint")}
          optional
          rows={3}
        />
        <div dir="ltr">
          <button type="submit" name="intent" value="preview" className="button button-secondary">
            {t("messaging.templates.preview")}
          </button>{" "}
          <button type="submit" name="intent" value="save" className="button button-primary">
            {t("messaging.templates.save")}
          </button>
        </div>
      </Form>
      {tpl.state === "edited" ? (
        <Form method="post" className="mb-inline-form">
          <input type="hidden" name="language" value={tpl.language} />
          <button type="submit" name="intent" value="reset" className="button button-tertiary">
            {t("messaging.templates.reset")}
          </button>
        </Form>
      ) : null}

      <section aria-labelledby="preview-title" data-testid="preview">
        <h2 id="preview-title">{t("messaging.templates.previewTitle")}</h2>
        <p>{draft ? t("messaging.templates.previewDraft") : t("messaging.templates.previewSaved")}</p>
        {preview.failed ? <Alert kind="error">{t("messaging.templates.previewFailed")}</Alert> : null}
        {preview.fallback ? (
          <Alert kind="warning">{t("messaging.templates.fallbackWarning", { language: langName })}</Alert>
        ) : null}
        <h3>{t("messaging.templates.emailPreview")}</h3>
        <p>
          <strong>{t("messaging.templates.subject")}:</strong>{" "}
          <span
            data-testid="preview-subject"
            lang={preview.fallback ? "da" : tpl.language}
            dir={preview.fallback ? "ltr" : dir}
          >
            {preview.subject}
          </span>
        </p>
        {preview.html ? (
          <iframe
            title={t("messaging.templates.emailPreview")}
            className="mb-preview"
            sandbox=""
            srcDoc={preview.html}
            data-testid="preview-email"
          />
        ) : null}
        <h3>{t("messaging.templates.smsPreview")}</h3>
        <pre
          className="mb-pre"
          lang={preview.fallback ? "da" : tpl.language}
          dir={preview.fallback ? "ltr" : dir}
          data-testid="preview-sms"
        >
          {preview.sms}
        </pre>
        <p data-testid="preview-segments">
          {t("messaging.templates.segments", {
            count: preview.segments,
            encoding: preview.encoding,
            units: preview.units,
          })}
        </p>
        {preview.smsHasLink ? <Alert kind="warning">{t("messaging.templates.linkInSms")}</Alert> : null}
      </section>
    </>
  );
}
