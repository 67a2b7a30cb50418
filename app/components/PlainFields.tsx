/**
 * Inputs without a Conform field of their own, for list fields named by hand (`wishedIndustryCodes[0]`,
 * `experience[1].title`): label, error and what was typed, like the Conform fields in forms.tsx.
 */
type PlainProps = { name: string; label: string; errors: string[]; defaultValue: string; formId: string };

export function PlainInput({
  name,
  label,
  errors,
  defaultValue,
  formId,
  inputMode,
}: PlainProps & { inputMode?: "numeric" }) {
  const id = `${formId}-${name}`;
  return (
    <div className={`form-group${errors.length ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {errors.length ? (
        <span className="form-error-message" id={`${id}-error`} role="alert">
          {errors.join(". ")}
        </span>
      ) : null}
      <input
        className="form-input"
        id={id}
        name={name}
        defaultValue={defaultValue}
        inputMode={inputMode}
        autoComplete="off"
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        key={`${name}:${defaultValue}`}
      />
    </div>
  );
}

export function PlainSelect({
  name,
  label,
  errors,
  defaultValue,
  formId,
  placeholder,
  options,
}: PlainProps & { placeholder: string; options: { value: string; label: string }[] }) {
  const id = `${formId}-${name}`;
  return (
    <div className={`form-group${errors.length ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {errors.length ? (
        <span className="form-error-message" id={`${id}-error`} role="alert">
          {errors.join(". ")}
        </span>
      ) : null}
      <select
        className="form-select"
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}-error` : undefined}
        key={`${name}:${defaultValue}`}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
