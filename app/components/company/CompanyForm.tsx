/** The company form (create and edit): one schema for browser and server, errors next to their fields. */
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { Link } from "../Link";
import { useTranslation } from "../../i18n/use-translation";
import { companySchema } from "../../schemas/companies";
import { companyProgrammes, companySizes } from "../../domain/enums";
import { Alert, ChoiceGroup, ErrorSummary, SelectField, TextField, type AnyField } from "../forms";
import { industryOptions } from "../CourseParts";

export type CompanyDefaults = Partial<
  Record<"name" | "cvr" | "industryCode" | "municipalityCode" | "street" | "postcode" | "city" | "size", string>
> & { programmes?: string[] };

type CompanyFieldSet = Record<
  "name" | "cvr" | "industryCode" | "municipalityCode" | "street" | "postcode" | "city" | "size",
  AnyField
>;

/** A DB07 industry and a municipality to choose (a company's, an opening's). */
export function IndustryAndMunicipality({
  fields,
  municipalities,
  municipalityLabel,
}: {
  fields: { industryCode: AnyField; municipalityCode: AnyField };
  municipalities: { code: number; name: string }[];
  municipalityLabel: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <SelectField
        field={fields.industryCode}
        label={t("companies.field.industry")}
        placeholder={t("competence.choose")}
        options={industryOptions(i18n.language)}
      />
      <SelectField
        field={fields.municipalityCode}
        label={municipalityLabel}
        placeholder={t("competence.choose")}
        options={municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
      />
    </>
  );
}

/** What identifies a company and where it is: the staff's company form and a mentor's tip ask the same. */
export function CompanyFields({
  fields,
  municipalities,
}: {
  fields: CompanyFieldSet;
  municipalities: { code: number; name: string }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField field={fields.name} label={t("companies.field.name")} autoComplete="organization" />
      <TextField
        field={fields.cvr}
        label={t("companies.field.cvr")}
        hint={t("companies.field.cvrHint")}
        inputMode="numeric"
        className="input-width-s"
      />
      <IndustryAndMunicipality
        fields={fields}
        municipalities={municipalities}
        municipalityLabel={t("companies.field.municipality")}
      />
      <TextField field={fields.street} label={t("companies.field.street")} optional autoComplete="street-address" />
      <TextField
        field={fields.postcode}
        label={t("companies.field.postcode")}
        optional
        inputMode="numeric"
        className="input-width-xs"
      />
      <TextField field={fields.city} label={t("companies.field.city")} optional />
      <SelectField
        field={fields.size}
        label={t("companies.field.size")}
        optional
        placeholder={t("companies.form.sizeUnknown")}
        options={companySizes.map((s) => ({ value: s, label: t(`enum.companySize.${s}`) }))}
      />
    </>
  );
}

export function CompanyForm({
  lastResult,
  defaults,
  municipalities,
  submit,
  existing,
}: {
  lastResult?: SubmissionResult<string[]>;
  defaults?: CompanyDefaults;
  municipalities: { code: number; name: string }[];
  submit: string;
  /** A company that already has this CVR number. */
  existing?: { id: number; name: string } | null;
}) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "company",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: companySchema }),
  });
  return (
    <>
      {existing ? (
        <Alert kind="warning" heading={t("companies.form.cvrTaken")}>
          <p>
            <Link to={`/virksomheder/${existing.id}`}>{t("companies.form.cvrTakenLink", { name: existing.name })}</Link>
          </p>
        </Alert>
      ) : (
        <ErrorSummary form={form} />
      )}
      <Form method="post" {...getFormProps(form)}>
        <CompanyFields fields={fields} municipalities={municipalities} />
        <ChoiceGroup
          field={fields.programmes}
          legend={t("companies.field.programmes")}
          multiple
          options={companyProgrammes.map((p) => ({ value: p, label: t(`enum.companyProgramme.${p}`) }))}
        />
        <button type="submit" className="button button-primary">
          {submit}
        </button>
      </Form>
    </>
  );
}
