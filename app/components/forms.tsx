/**
 * Form fields in DKFDS markup. Each shows its label, hint and error next to it, keeps what was typed, and ties the
 * error to the input with aria-describedby. Errors are i18n keys from the zod schema.
 */
import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
} from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "../i18n/use-translation";
import type { TFunction } from "i18next";

// Conform's metadata is generic over the schema (and not covariant in it); these components accept any form's fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: `unknown` would refuse every real field.
export type AnyField = FieldMetadata<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the same for a whole form.
type AnyForm = FormMetadata<any, any>;

export function translateError(t: TFunction, message: string): string {
  const [key, params] = message.split("|");
  if (!key.includes(".")) return message;
  return String(t(key, params ? JSON.parse(params) : undefined));
}

export function useFieldErrors(field: AnyField) {
  const { t } = useTranslation();
  return (field.errors ?? []).map((e: string) => translateError(t, e));
}

function FieldShell({
  field,
  label,
  hint,
  children,
  optional,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errors = useFieldErrors(field);
  return (
    <div className={`form-group${errors.length ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={field.id}>
        {label}
        {optional ? <span className="weight-normal"> ({t("common.form.optional")})</span> : null}
      </label>
      {hint ? (
        <span className="form-hint" id={field.descriptionId}>
          {hint}
        </span>
      ) : null}
      {errors.length ? (
        <span className="form-error-message" id={field.errorId} role="alert">
          {errors.join(". ")}
        </span>
      ) : null}
      {children}
    </div>
  );
}

export function describedBy(field: AnyField, hint?: ReactNode) {
  const ids = [hint ? field.descriptionId : null, field.errors?.length ? field.errorId : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

type TextProps = {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  type?: "text" | "email" | "tel" | "password" | "number" | "date" | "url" | "search";
  optional?: boolean;
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "email" | "text";
  className?: string;
};

export function TextField({
  field,
  label,
  hint,
  type = "text",
  optional,
  autoComplete,
  inputMode,
  className,
}: TextProps) {
  const f = field;
  const props = getInputProps(field, { type, ariaAttributes: true });
  return (
    <FieldShell field={f} label={label} hint={hint} optional={optional}>
      <input
        {...props}
        key={props.key}
        className={`form-input ${className ?? ""}`}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-describedby={describedBy(f, hint)}
      />
    </FieldShell>
  );
}

export function TextArea({ field, label, hint, optional, rows = 4 }: Omit<TextProps, "type"> & { rows?: number }) {
  const f = field;
  const props = getTextareaProps(field, { ariaAttributes: true });
  return (
    <FieldShell field={f} label={label} hint={hint} optional={optional}>
      <textarea {...props} key={props.key} className="form-input" rows={rows} aria-describedby={describedBy(f, hint)} />
    </FieldShell>
  );
}

export function SelectField({
  field,
  label,
  hint,
  optional,
  options,
  placeholder,
}: Omit<TextProps, "type"> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const f = field;
  const props = getSelectProps(field, { ariaAttributes: true });
  return (
    <FieldShell field={f} label={label} hint={hint} optional={optional}>
      <select {...props} key={props.key} className="form-select" aria-describedby={describedBy(f, hint)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A group of checkboxes (multi) or radios (single), as a fieldset with a legend. */
export function ChoiceGroup({
  field,
  legend,
  hint,
  options,
  multiple,
}: {
  field: AnyField;
  legend: ReactNode;
  hint?: ReactNode;
  options: { value: string; label: string }[];
  multiple?: boolean;
}) {
  const errors = useFieldErrors(field);
  const initial = field.initialValue;
  const selected = new Set(Array.isArray(initial) ? initial.map(String) : initial != null ? [String(initial)] : []);
  return (
    <fieldset
      id={field.id}
      tabIndex={-1}
      className={`form-group${errors.length ? " form-error" : ""}`}
      aria-describedby={describedBy(field, hint)}
    >
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={field.descriptionId}>
          {hint}
        </span>
      ) : null}
      {errors.length ? (
        <span className="form-error-message" id={field.errorId} role="alert">
          {errors.join(". ")}
        </span>
      ) : null}
      <ul className="nobullet-list">
        {options.map((o, i) => {
          const id = `${field.id}-${i}`;
          return (
            <li key={o.value} className={multiple ? "form-group-checkbox" : "form-group-radio"}>
              <input
                className={multiple ? "form-checkbox" : "form-radio"}
                type={multiple ? "checkbox" : "radio"}
                id={id}
                name={field.name}
                value={o.value}
                defaultChecked={selected.has(o.value)}
                key={`${field.key ?? ""}${o.value}`}
              />
              <label htmlFor={id}>{o.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function Checkbox({ field, label, hint }: { field: AnyField; label: ReactNode; hint?: ReactNode }) {
  const f = field;
  const errors = useFieldErrors(f);
  const props = getInputProps(field, { type: "checkbox", ariaAttributes: true });
  return (
    <div className={`form-group${errors.length ? " form-error" : ""}`}>
      {errors.length ? (
        <span className="form-error-message" id={field.errorId} role="alert">
          {errors.join(". ")}
        </span>
      ) : null}
      {hint ? (
        <span className="form-hint" id={field.descriptionId}>
          {hint}
        </span>
      ) : null}
      <div className="form-group-checkbox">
        <input {...props} key={props.key} className="form-checkbox" aria-describedby={describedBy(f, hint)} />
        <label htmlFor={field.id}>{label}</label>
      </div>
    </div>
  );
}

/** The error summary at the top of a form: links to every field in error. */
export function ErrorSummary({ form }: { form: AnyForm }) {
  const { t } = useTranslation();
  const all = form.allErrors;
  const entries = Object.entries(all).filter(([, v]) => v?.length);
  const formErrors = form.errors ?? [];
  if (!entries.length && !formErrors.length) return null;
  return (
    <div className="alert alert-error" role="alert" aria-labelledby={`${form.id}-error-summary`} tabIndex={-1}>
      <div className="alert-body">
        <p className="alert-heading" id={`${form.id}-error-summary`}>
          {t("common.form.errorSummary")}
        </p>
        {formErrors.map((e: string) => (
          <p key={e} className="alert-text">
            {translateError(t, e)}
          </p>
        ))}
        {entries.length ? (
          <ul className="alert-text">
            {entries
              .filter(([name]) => name !== "")
              .map(([name, errs]) => (
                <li key={name}>
                  <a href={`#${form.id}-${name}`}>{translateError(t, errs[0])}</a>
                </li>
              ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export function Alert({
  kind,
  heading,
  children,
}: {
  kind: "success" | "info" | "warning" | "error";
  heading?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${kind}`} role={kind === "error" ? "alert" : "status"}>
      <div className="alert-body">
        {heading ? <p className="alert-heading">{heading}</p> : null}
        {children ? <div className="alert-text">{children}</div> : null}
      </div>
    </div>
  );
}
