/**
 * The filter forms above lists and reports: a GET form (the URL keeps the filter, so it can be bookmarked and works
 * without JavaScript) with a row of labelled selects and inputs and one submit button.
 */
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "../i18n/use-translation";

export function FilterBar({
  label,
  submit,
  primary,
  className,
  after,
  children,
}: {
  /** The form's accessible name (default "Filter"). */
  label?: string;
  submit: string;
  primary?: boolean;
  className?: string;
  /** Shown after the button (e.g. a hint on its own line). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form
      method="get"
      className={`mb-filters${className ? ` ${className}` : ""}`}
      aria-label={label ?? t("common.actions.filter")}
    >
      {children}
      <button type="submit" className={`button ${primary ? "button-primary" : "button-secondary"}`}>
        {submit}
      </button>
      {after}
    </Form>
  );
}

export function FilterSelect({
  name,
  label,
  value,
  empty,
  options,
  describedBy,
}: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  /** The first option, meaning "no filter" (left out when a value is always chosen). */
  empty?: string;
  options: readonly { value: string | number; label: string }[];
  describedBy?: string;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={name}>
        {label}
      </label>
      <select className="form-select" id={name} name={name} defaultValue={value ?? ""} aria-describedby={describedBy}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FilterInput({
  name,
  label,
  value,
  type = "text",
  numeric,
  narrow,
}: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  type?: "text" | "search" | "date";
  /** A number typed on a phone's number pad. */
  numeric?: boolean;
  narrow?: boolean;
}) {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={name}>
        {label}
      </label>
      <input
        className={`form-input${narrow ? " input-width-xs" : ""}`}
        id={name}
        name={name}
        type={type}
        inputMode={numeric ? "numeric" : undefined}
        defaultValue={value ?? ""}
      />
    </div>
  );
}
