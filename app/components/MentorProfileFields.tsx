/**
 * The fields of a mentor's profile, shared by the public sign-up and the mentor's own profile page.
 * Plain form controls: the whole form works without JavaScript.
 */
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { genderPreferences, genders, goals, spokenLanguages } from "../domain/enums";
import { travelOptions } from "../schemas/volunteer";
import { languageName } from "../i18n/format";
import { ChoiceGroup, SelectField, TextArea, TextField, translateError } from "./forms";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, any>;
export type Division = { code: string; section: string; labelDa: string; labelEn: string };
export type ProfileOptions = { municipalities: { code: number; name: string }[]; divisions: Division[] };

function divisionLabel(d: Division, lng: string) {
  return `${d.code} ${lng === "en" ? d.labelEn : d.labelDa}`;
}

/** A select of DB07 divisions grouped by section; `multiple` for the network industries. */
function DivisionSelect({ field, label, hint, divisions, multiple }: { field: AnyField; label: string; hint?: string; divisions: Division[]; multiple?: boolean }) {
  const { t, i18n } = useTranslation();
  const errors = (field.errors ?? []).map((e: string) => translateError(t, e));
  const initial = field.initialValue;
  const defaultValue: string | string[] = multiple
    ? (Array.isArray(initial) ? initial.map(String) : initial ? [String(initial)] : [])
    : (typeof initial === "string" ? initial : "");
  const sections = [...new Set(divisions.map((d) => d.section))];
  const describedBy = [hint ? field.descriptionId : null, errors.length ? field.errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`form-group${errors.length ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={field.id}>
        {label}{multiple ? <span className="weight-normal"> ({t("common.form.optional")})</span> : null}
      </label>
      {hint ? <span className="form-hint" id={field.descriptionId}>{hint}</span> : null}
      {errors.length ? <span className="form-error-message" id={field.errorId} role="alert">{errors.join(". ")}</span> : null}
      <select id={field.id} name={field.name} className="form-select" multiple={multiple} size={multiple ? 8 : undefined}
        defaultValue={defaultValue} key={field.key} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy}>
        {multiple ? null : <option value="">{t("volunteer.signup.choose")}</option>}
        {sections.map((s) => (
          <optgroup key={s} label={s}>
            {divisions.filter((d) => d.section === s).map((d) => <option key={d.code} value={d.code}>{divisionLabel(d, i18n.language)}</option>)}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function MentorProfileFields({ fields, options }: { fields: Record<string, any>; options: ProfileOptions }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const otherLanguages = spokenLanguages.filter((l) => l !== "da");
  return (
    <>
      <fieldset className="mb-fieldset">
        <legend className="h2">{t("volunteer.signup.sectionWhere")}</legend>
        <TextField field={fields.postcode} label={t("volunteer.signup.postcode")} inputMode="numeric" autoComplete="postal-code" className="input-width-xs" />
        <SelectField field={fields.municipalityCode} label={t("volunteer.signup.municipality")} hint={t("volunteer.signup.municipalityHint")}
          placeholder={t("volunteer.signup.choose")} options={options.municipalities.map((m) => ({ value: String(m.code), label: m.name }))} />
        <SelectField field={fields.travelKm} label={t("volunteer.signup.travelKm")}
          options={travelOptions.map((km) => ({ value: String(km), label: t("volunteer.signup.travelOption", { km }) }))} />
      </fieldset>

      <fieldset className="mb-fieldset">
        <legend className="h2">{t("volunteer.signup.sectionWork")}</legend>
        <TextField field={fields.jobTitle} label={t("volunteer.signup.jobTitle")} autoComplete="organization-title" />
        <TextField field={fields.employer} label={t("volunteer.signup.employer")} hint={t("volunteer.signup.employerHint")} optional autoComplete="organization" />
        <DivisionSelect field={fields.industryCode} label={t("volunteer.signup.industry")} hint={t("volunteer.signup.industryHint")} divisions={options.divisions} />
        <DivisionSelect field={fields.networkIndustryCodes} label={t("volunteer.signup.network")} hint={t("volunteer.signup.networkHint")} divisions={options.divisions} multiple />
        <TextField field={fields.yearsExperience} label={t("volunteer.signup.years")} type="number" inputMode="numeric" className="input-width-xs" />
        <ChoiceGroup field={fields.isManager} legend={t("volunteer.signup.manager")}
          options={[{ value: "yes", label: t("common.yes") }, { value: "no", label: t("common.no") }]} />
        <ChoiceGroup field={fields.languages} legend={t("volunteer.signup.languages")} hint={t("volunteer.signup.languagesHint")} multiple
          options={otherLanguages.map((l) => ({ value: l, label: languageName(l, lng) }))} />
      </fieldset>

      <fieldset className="mb-fieldset">
        <legend className="h2">{t("volunteer.signup.sectionMatch")}</legend>
        <ChoiceGroup field={fields.offers} legend={t("volunteer.signup.offers")} multiple
          options={goals.map((g) => ({ value: g, label: t(`enum.goal.${g}`) }))} />
        <SelectField field={fields.gender} label={t("volunteer.signup.gender")} optional placeholder={t("volunteer.signup.genderUnset")}
          options={genders.map((g) => ({ value: g, label: t(`enum.gender.${g}`) }))} />
        <ChoiceGroup field={fields.menteeGenderPreference} legend={t("volunteer.signup.menteeGender")}
          options={genderPreferences.map((g) => ({ value: g, label: t(`enum.genderPreference.${g}`) }))} />
        <TextField field={fields.earliestStart} label={t("volunteer.signup.earliestStart")} type="date" optional className="input-width-s" />
        <SelectField field={fields.capacity} label={t("volunteer.signup.capacity")}
          options={[1, 2, 3].map((n) => ({ value: String(n), label: String(n) }))} />
        <TextArea field={fields.motivation} label={t("volunteer.signup.motivation")} hint={t("volunteer.signup.motivationHint")} rows={4} />
      </fieldset>
    </>
  );
}
