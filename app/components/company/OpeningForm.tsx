/** The opening form (create and edit): one schema for browser and server, errors next to their fields. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "../../i18n/use-translation";
import { openingSchema } from "../../schemas/companies";
import { danishLevels, openingTypes } from "../../domain/enums";
import { ErrorSummary, SelectField, TextArea, TextField } from "../forms";
import { IndustryAndMunicipality } from "./CompanyForm";

export function OpeningForm({
  lastResult,
  defaults,
  municipalities,
  submit,
}: {
  lastResult?: SubmissionResult<string[]>;
  defaults?: Record<string, string>;
  municipalities: { code: number; name: string }[];
  submit: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "opening",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: openingSchema }),
  });
  return (
    <>
      <ErrorSummary form={form} />
      <Form method="post" {...getFormProps(form)}>
        <SelectField
          field={fields.type}
          label={t("companies.opening.type")}
          placeholder={t("competence.choose")}
          options={openingTypes.map((v) => ({ value: v, label: t(`enum.openingType.${v}`) }))}
          hint={t("companies.opening.typeHint")}
        />
        <TextField
          field={fields.occupation}
          label={t("companies.opening.occupation")}
          hint={t("companies.opening.occupationHint")}
        />
        <IndustryAndMunicipality
          fields={{ industryCode: fields.industryCode, municipalityCode: fields.municipalityCode }}
          municipalities={municipalities}
          municipalityLabel={t("companies.opening.municipality")}
        />
        <TextField field={fields.startDate} label={t("companies.opening.startDate")} type="date" optional />
        <TextField
          field={fields.durationWeeks}
          label={t("companies.opening.durationWeeks")}
          hint={t("companies.opening.durationHint")}
          inputMode="numeric"
          className="input-width-xs"
          optional
        />
        <TextField
          field={fields.weeklyHours}
          label={t("companies.opening.weeklyHours")}
          inputMode="numeric"
          className="input-width-xs"
          optional
        />
        <SelectField
          field={fields.danishLevel}
          label={t("companies.opening.danishLevel")}
          hint={t("companies.opening.danishLevelHint")}
          options={danishLevels.map((v) => ({
            value: v,
            label: v === "none" ? t("companies.opening.noDanishRequirement") : t(`enum.danishLevel.${v}`),
          }))}
        />
        <TextField
          field={fields.places}
          label={t("companies.opening.places")}
          inputMode="numeric"
          className="input-width-xs"
        />
        <TextField field={fields.deadline} label={t("companies.opening.deadline")} type="date" optional />
        <TextArea
          field={fields.description}
          label={t("companies.opening.description")}
          hint={t("companies.opening.descriptionHint")}
          optional
          rows={4}
        />
        <button type="submit" className="button button-primary">
          {submit}
        </button>
      </Form>
    </>
  );
}
