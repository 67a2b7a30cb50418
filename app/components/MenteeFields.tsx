/**
 * The fields a citizen's record shares across its forms: how to reach them (phone, email, channel, language), their
 * Danish, and their wished industries. Used by the referral form, the correction form and the competence page, so the
 * same question is asked, hinted and validated the same way everywhere.
 */
import type { TFunction } from "i18next";
import { useTranslation } from "../i18n/use-translation";
import { channels, danishLevels, messageLanguages } from "../domain/enums";
import { MAX_WISHED_INDUSTRIES } from "../schemas/referral";
import { ChoiceGroup, SelectField, TextField, translateError, type AnyField } from "./forms";
import { PlainSelect } from "./PlainFields";

/** The danskuddannelse modules a citizen can be on (1–6). */
const DANISH_MODULES = [1, 2, 3, 4, 5, 6] as const;

/** Options for a select or choice group of an enum, labelled from `enum.<ns>.<value>`. */
export function enumOptions<T extends string>(t: TFunction, values: readonly T[], ns: string) {
  return values.map((v) => ({ value: v, label: t(`enum.${ns}.${v}`) }));
}

/** Phone, email, preferred channel and message language, with the referral form's hints. */
export function ContactFields({
  fields,
}: {
  fields: { phone: AnyField; email: AnyField; preferredChannel: AnyField; language: AnyField };
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        field={fields.phone}
        label={t("referrals.form.phone")}
        hint={t("referrals.form.phoneHint")}
        type="tel"
        optional
        inputMode="tel"
        autoComplete="off"
      />
      <TextField field={fields.email} label={t("referrals.form.email")} type="email" optional autoComplete="off" />
      <ChoiceGroup
        field={fields.preferredChannel}
        legend={t("referrals.form.preferredChannel")}
        options={enumOptions(t, channels, "channel")}
      />
      <SelectField
        field={fields.language}
        label={t("referrals.form.language")}
        hint={t("referrals.form.languageHint")}
        options={enumOptions(t, messageLanguages, "messageLanguage")}
      />
    </>
  );
}

/** Danish level and, optionally, the module of danskuddannelse the citizen is on. */
export function DanishFields({ fields }: { fields: { danishLevel: AnyField; danishModule: AnyField } }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        field={fields.danishLevel}
        label={t("referrals.form.danishLevel")}
        options={enumOptions(t, danishLevels, "danishLevel")}
      />
      <SelectField
        field={fields.danishModule}
        label={t("referrals.form.danishModule")}
        optional
        placeholder={t("referrals.form.moduleNone")}
        options={DANISH_MODULES.map((n) => ({ value: String(n), label: t("referrals.form.moduleLabel", { n }) }))}
      />
    </>
  );
}

/**
 * Up to MAX_WISHED_INDUSTRIES wished industries as plain selects (`wishedIndustryCodes[i]`), so the form works without
 * JavaScript; `defaultValue(i)` is what the person typed last, or the record's value.
 */
export function WishedIndustriesFieldset({
  formId,
  errors,
  divisions,
  defaultValue,
}: {
  formId: string;
  /** The form's errors by field name (Conform's `form.allErrors`). */
  errors: Record<string, string[] | undefined>;
  divisions: { value: string; label: string }[];
  defaultValue: (i: number) => string;
}) {
  const { t } = useTranslation();
  const errs = (name: string) => (errors[name] ?? []).map((e) => translateError(t, e));
  return (
    <fieldset
      className={`form-group${errs("wishedIndustryCodes").length ? " form-error" : ""}`}
      id={`${formId}-wishedIndustryCodes`}
      tabIndex={-1}
    >
      <legend className="form-label">{t("referrals.form.wishedIndustries")}</legend>
      {errs("wishedIndustryCodes").map((e) => (
        <span key={e} className="form-error-message" role="alert">
          {e}
        </span>
      ))}
      {Array.from({ length: MAX_WISHED_INDUSTRIES }, (_, i) => (
        <PlainSelect
          key={i}
          name={`wishedIndustryCodes[${i}]`}
          label={`${t("referrals.queue.industry")} ${i + 1}`}
          errors={errs(`wishedIndustryCodes[${i}]`)}
          defaultValue={defaultValue(i)}
          formId={formId}
          placeholder={t("referrals.form.industryNone")}
          options={divisions}
        />
      ))}
    </fieldset>
  );
}
