import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { coordinatorSchemas, type CoordinatorIntent } from "../../schemas/courses";
import { ErrorSummary, type AnyField } from "../forms";

export type ActionFormProps<I extends CoordinatorIntent = CoordinatorIntent> = {
  intent: I;
  title: string;
  intro?: string;
  lastResult?: SubmissionResult<string[]>;
  defaults: Record<string, string>;
  render: (fields: Record<string, AnyField>) => ReactNode;
  submit?: string;
};

/** One coordinator form: its own Conform instance (errors stay on the form that was sent), a hidden intent. */
export function ActionForm<I extends CoordinatorIntent>({
  intent,
  title,
  intro,
  lastResult,
  defaults,
  render,
  submit,
}: ActionFormProps<I>) {
  const [form, fields] = useForm({
    id: `form-${intent}`,
    lastResult,
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: coordinatorSchemas[intent] }),
  });
  return (
    <div className="mb-action">
      <h3 id={`form-${intent}-title`}>{title}</h3>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby={`form-${intent}-title`}>
        <input type="hidden" name="intent" value={intent} />
        {render(fields)}
        <button type="submit" className="button button-primary">
          {submit ?? title}
        </button>
      </Form>
    </div>
  );
}
