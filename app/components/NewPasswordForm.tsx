/**
 * The choose-a-password form shared by password reset, caseworker invitation and volunteer verification: one schema
 * (`resetSchema`), the same fields and hints, the typed passwords never echoed back.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { resetSchema } from "../schemas/auth";
import { ErrorSummary, TextField } from "./forms";

export function NewPasswordForm({
  id,
  lastResult,
  submitLabel,
  username,
  labels,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  username?: string;
  labels?: { password: string; confirm: string };
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id,
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        {username ? (
          <input type="email" name="username" value={username} autoComplete="username" readOnly hidden />
        ) : null}
        <TextField
          field={fields.password}
          label={labels?.password ?? t("auth.reset.password")}
          hint={t("auth.reset.passwordHint")}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          field={fields.confirm}
          label={labels?.confirm ?? t("auth.reset.confirm")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit" className="button button-primary">
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
