/**
 * One of several forms on a page, told apart by a hidden `intent`: its own Conform instance, so errors stay on the
 * form that was sent, with an error summary and the fields next to their errors. The schema validates in the browser
 * too; the server's answer (`lastResult`) wins.
 */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z } from "zod";
import { ErrorSummary, type AnyField } from "./forms";

export function IntentForm({
  id,
  intent,
  schema,
  title,
  intro,
  lastResult,
  defaults,
  render,
  submit,
  hidden,
  headingLevel = 3,
  secondary,
}: {
  /** Unique on the page (the same intent may appear once per row). */
  id: string;
  intent: string;
  schema: z.ZodType;
  title: string;
  intro?: ReactNode;
  lastResult?: SubmissionResult<string[]>;
  defaults?: Record<string, string>;
  render?: (fields: Record<string, AnyField>) => ReactNode;
  submit?: string;
  hidden?: Record<string, string | number>;
  headingLevel?: 2 | 3 | 4;
  secondary?: boolean;
}) {
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaults,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="mb-action">
      <Heading id={`${id}-title`}>{title}</Heading>
      {intro ? <div>{intro}</div> : null}
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)} aria-labelledby={`${id}-title`}>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden ?? {}).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        {render ? render(fields) : null}
        <button type="submit" className={`button ${secondary ? "button-secondary" : "button-primary"}`}>
          {submit ?? title}
        </button>
      </Form>
    </div>
  );
}
