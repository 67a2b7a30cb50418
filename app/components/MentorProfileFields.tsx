/**
 * The fields of a mentor's profile, shared by the public sign-up and the mentor's own profile page.
 * Plain form controls: the whole form works without JavaScript.
 */
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "../i18n/use-translation";
import { genderPreferences, genders, goals, spokenLanguages } from "../domain/enums";
import { travelOptions } from "../schemas/volunteer";
import { languageName } from "../i18n/format";
import { ChoiceGroup, describedBy, SelectField, TextArea, TextField, useFieldErrors, type AnyField } from "./forms";
export type Division = { code: string; section: string; labelDa: string; labelEn: string };
export type Section = { code: string; labelDa: string; labelEn: string };
export type ProfileOptions = {
  municipalities: { code: number; name: string }[];
  sections: Section[];
  divisions: Division[];
};

function industryLabel(d: Division | Section, lng: string) {
  return `${d.code} ${lng === "en" ? d.labelEn : d.labelDa}`;
}

/** A select of one DB07 division, grouped by section. */
function DivisionSelect({
  field,
  label,
  hint,
  sections,
  divisions,
}: {
  field: AnyField;
  label: string;
  hint?: string;
  sections: Section[];
  divisions: Division[];
}) {
  const { t, i18n } = useTranslation();
  const errors = useFieldErrors(field);
  const initial = typeof field.initialValue === "string" ? field.initialValue : "";
  return (
    <div className={`form-group${errors.length ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={field.id}>
        {label}
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
      <select
        id={field.id}
        name={field.name}
        className="form-select"
        defaultValue={initial}
        key={field.key}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={describedBy(field, hint)}
      >
        <option value="">{t("volunteer.signup.choose")}</option>
        {sections.map((s) => (
          <optgroup key={s.code} label={industryLabel(s, i18n.language)}>
            {divisions
              .filter((d) => d.section === s.code)
              .map((d) => (
                <option key={d.code} value={d.code}>
                  {industryLabel(d, i18n.language)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * Several DB07 divisions as checkboxes, one disclosure per section (a multiple select is hard to use on a phone and
 * needs Ctrl on a computer). Sections with a chosen division start open; with JavaScript each shows how many are chosen.
 */
function DivisionChecklist({
  field,
  legend,
  hint,
  sections,
  divisions,
}: {
  field: AnyField;
  legend: string;
  hint: string;
  sections: Section[];
  divisions: Division[];
}) {
  const { t, i18n } = useTranslation();
  const errors = useFieldErrors(field);
  const initial = field.initialValue;
  const [initialChosen] = useState(
    () => new Set<string>(Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : []),
  );
  const [chosen, setChosen] = useState(initialChosen);
  // Read from the boxes themselves: a box ticked before the page came alive counts too.
  const ref = useRef<HTMLFieldSetElement>(null);
  const sync = () => {
    const boxes = ref.current?.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked");
    if (boxes) setChosen(new Set([...boxes].map((b) => b.value)));
  };
  useEffect(sync, []);
  return (
    <fieldset
      ref={ref}
      onChange={sync}
      id={field.id}
      tabIndex={-1}
      className={`form-group${errors.length ? " form-error" : ""}`}
      aria-describedby={describedBy(field, hint)}
    >
      <legend className="form-label">
        {legend}
        <span className="weight-normal"> ({t("common.form.optional")})</span>
      </legend>
      <span className="form-hint" id={field.descriptionId}>
        {hint}
      </span>
      {errors.length ? (
        <span className="form-error-message" id={field.errorId} role="alert">
          {errors.join(". ")}
        </span>
      ) : null}
      {sections.map((s) => {
        const inSection = divisions.filter((d) => d.section === s.code);
        const count = inSection.filter((d) => chosen.has(d.code)).length;
        return (
          <details
            key={s.code}
            className="details mb-industry-section"
            open={inSection.some((d) => initialChosen.has(d.code))}
          >
            <summary className="details-summary">
              <span className="details-summary-text">{industryLabel(s, i18n.language)}</span>
              {count ? (
                <span className="weight-normal"> · {t("volunteer.signup.networkChosen", { count })}</span>
              ) : null}
            </summary>
            <ul className="nobullet-list details-text">
              {inSection.map((d) => {
                const id = `${field.id}-${d.code}`;
                return (
                  <li key={d.code} className="form-group-checkbox">
                    <input
                      className="form-checkbox"
                      type="checkbox"
                      id={id}
                      name={field.name}
                      value={d.code}
                      key={`${field.key ?? ""}${d.code}`}
                      defaultChecked={initialChosen.has(d.code)}
                    />
                    <label htmlFor={id}>{industryLabel(d, i18n.language)}</label>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}

export function MentorProfileFields({
  fields,
  options,
}: {
  fields: Record<string, AnyField>;
  options: ProfileOptions;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const otherLanguages = spokenLanguages.filter((l) => l !== "da");
  return (
    <>
      <fieldset className="mb-fieldset">
        <legend className="h2">{t("volunteer.signup.sectionWhere")}</legend>
        <TextField
          field={fields.postcode}
          label={t("volunteer.signup.postcode")}
          inputMode="numeric"
          autoComplete="postal-code"
          className="input-width-xs"
        />
        <SelectField
          field={fields.municipalityCode}
          label={t("volunteer.signup.municipality")}
          hint={t("volunteer.signup.municipalityHint")}
          placeholder={t("volunteer.signup.choose")}
          options={options.municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
        />
        <SelectField
          field={fields.travelKm}
          label={t("volunteer.signup.travelKm")}
          options={travelOptions.map((km) => ({
            value: String(km),
            label: t("volunteer.signup.travelOption", { km }),
          }))}
        />
      </fieldset>

      <fieldset className="mb-fieldset">
        <legend className="h2">{t("volunteer.signup.sectionWork")}</legend>
        <TextField field={fields.jobTitle} label={t("volunteer.signup.jobTitle")} autoComplete="organization-title" />
        <TextField
          field={fields.employer}
          label={t("volunteer.signup.employer")}
          hint={t("volunteer.signup.employerHint")}
          optional
          autoComplete="organization"
        />
        <DivisionSelect
          field={fields.industryCode}
          label={t("volunteer.signup.industry")}
          hint={t("volunteer.signup.industryHint")}
          sections={options.sections}
          divisions={options.divisions}
        />
        <DivisionChecklist
          field={fields.networkIndustryCodes}
          legend={t("volunteer.signup.network")}
          hint={t("volunteer.signup.networkHint")}
          sections={options.sections}
          divisions={options.divisions}
        />
        <TextField
          field={fields.yearsExperience}
          label={t("volunteer.signup.years")}
          type="number"
          inputMode="numeric"
          className="input-width-xs"
        />
        <ChoiceGroup
          field={fields.isManager}
          legend={t("volunteer.signup.manager")}
          options={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
        />
        <ChoiceGroup
          field={fields.languages}
          legend={t("volunteer.signup.languages")}
          hint={t("volunteer.signup.languagesHint")}
          multiple
          options={otherLanguages.map((l) => ({ value: l, label: languageName(l, lng) }))}
        />
      </fieldset>

      <fieldset className="mb-fieldset">
        <legend className="h2">{t("volunteer.signup.sectionMatch")}</legend>
        <ChoiceGroup
          field={fields.offers}
          legend={t("volunteer.signup.offers")}
          multiple
          options={goals.map((g) => ({ value: g, label: t(`enum.goal.${g}`) }))}
        />
        <SelectField
          field={fields.gender}
          label={t("volunteer.signup.gender")}
          optional
          placeholder={t("volunteer.signup.genderUnset")}
          options={genders.map((g) => ({ value: g, label: t(`enum.gender.${g}`) }))}
        />
        <ChoiceGroup
          field={fields.menteeGenderPreference}
          legend={t("volunteer.signup.menteeGender")}
          options={genderPreferences.map((g) => ({ value: g, label: t(`enum.genderPreference.${g}`) }))}
        />
        <TextField
          field={fields.earliestStart}
          label={t("volunteer.signup.earliestStart")}
          type="date"
          optional
          className="input-width-s"
        />
        <SelectField
          field={fields.capacity}
          label={t("volunteer.signup.capacity")}
          options={[1, 2, 3].map((n) => ({ value: String(n), label: String(n) }))}
        />
        <TextArea
          field={fields.motivation}
          label={t("volunteer.signup.motivation")}
          hint={t("volunteer.signup.motivationHint")}
          rows={4}
        />
      </fieldset>
    </>
  );
}
