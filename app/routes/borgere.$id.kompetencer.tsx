import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { citizenPath, notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { getCompetence, saveCompetence } from "../services/competence.server";
import { replyWith } from "../services/kernel.server";
import { competenceSchema, profileOf } from "../schemas/competence";
import { englishLevels, iscedLevels } from "../domain/enums";
import {
  MAX_EDUCATIONS,
  MAX_EXPERIENCE,
  MAX_WISHED_INDUSTRIES,
  MAX_WISHED_OCCUPATIONS,
  type Profile,
} from "../domain/competence";
import { Alert, Checkbox, ErrorSummary, SelectField, TextArea, TextField, translateError } from "../components/forms";
import { industryOptions } from "../components/CourseParts";
import { DanishFields, enumOptions } from "../components/MenteeFields";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("competence.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:competence:own-municipality");
  const c = getCompetence(scope, idParam(params.id), user); // a logged read
  if (!c) throw notFound();
  return {
    ...c,
    backTo: citizenPath(user, c.citizen.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "update:competence:own-municipality");
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: competenceSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const r = saveCompetence(scope, id, profileOf(submission.value), user);
  if (!r) throw notFound();
  if (!r.ok) return data(replyWith(submission, r), { status: 409 });
  return redirect(`/borgere/${id}/kompetencer?gemt=${r.value.version}`);
}

const pad = <T,>(xs: T[], n: number, empty: T): T[] => [
  ...xs,
  ...Array.from({ length: Math.max(0, n - xs.length) }, () => empty),
];

/** The form's shape as fields see it (the schema's preprocessed lists type as unknown). */
type CompetenceForm = ReturnType<typeof defaults>;

/** The profile as the form's default values (strings; extra empty rows to fill in). */
function defaults(p: Profile) {
  const s = (v: number | null) => (v == null ? "" : String(v));
  return {
    educations: pad(
      p.educations.map((e) => ({
        level: e.level,
        field: e.field ?? "",
        country: e.country ?? "",
        year: s(e.year),
        recognised: e.recognised ? "on" : "",
      })),
      Math.min(MAX_EDUCATIONS, p.educations.length + 1),
      { level: "", field: "", country: "", year: "", recognised: "" },
    ),
    experience: pad(
      p.experience.map((e) => ({
        occupation: e.occupation,
        industryCode: e.industryCode ?? "",
        years: String(e.years),
        country: e.country ?? "",
      })),
      Math.min(MAX_EXPERIENCE, Math.max(2, p.experience.length + 1)),
      { occupation: "", industryCode: "", years: "", country: "" },
    ),
    danishLevel: p.danishLevel,
    danishModule: s(p.danishModule),
    englishLevel: p.englishLevel,
    drivingLicence: p.drivingLicence ? "on" : "",
    certificates: p.certificates.join("\n"),
    hoursPerWeek: s(p.hoursPerWeek),
    availableFrom: p.availableFrom ?? "",
    wishedIndustryCodes: pad([...p.wishedIndustryCodes], MAX_WISHED_INDUSTRIES, ""),
    wishedOccupations: pad([...p.wishedOccupations], MAX_WISHED_OCCUPATIONS, ""),
    summary: p.summary ?? "",
  };
}

export default function CompetencePage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const c = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm<CompetenceForm>({
    id: "competence",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: defaults(c.profile as Profile),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: competenceSchema }) as never,
  });
  const opt = <T extends string>(values: readonly T[], ns: string) => enumOptions(t, values, ns);
  const divisions = industryOptions(lng);
  const name = `${c.citizen.firstName} ${c.citizen.lastName}`;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p>
          <Link to={c.backTo}>{t("competence.back", { name })}</Link>
        </p>
        <h1>{t("competence.heading", { name })}</h1>
        <p>{t("competence.intro")}</p>
        {params.get("gemt") ? (
          <Alert kind="success">{t("competence.saved", { version: params.get("gemt") })}</Alert>
        ) : null}
        <p data-testid="competence-version">
          {c.assessed
            ? t("competence.current", {
                version: c.version,
                date: formatDate(c.updatedAt, lng),
                name: c.updatedByName ?? "",
              })
            : t("competence.fromReferral")}
        </p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <h2>{t("competence.section.education")}</h2>
          {fields.educations.getFieldList().map((row, i) => {
            const f = row.getFieldset();
            return (
              <fieldset key={row.key} className="mb-fieldset">
                <legend className="h4">{t("competence.educationRow", { n: i + 1 })}</legend>
                <SelectField
                  field={f.level}
                  label={t("competence.field.level")}
                  placeholder={t("competence.choose")}
                  options={opt(iscedLevels, "iscedLevel")}
                />
                <TextField
                  field={f.field}
                  label={t("competence.field.educationField")}
                  hint={t("competence.field.educationFieldHint")}
                  optional
                />
                <TextField field={f.country} label={t("competence.field.country")} optional />
                <TextField
                  field={f.year}
                  label={t("competence.field.year")}
                  inputMode="numeric"
                  className="input-width-xs"
                  optional
                />
                <Checkbox field={f.recognised} label={t("competence.field.recognised")} />
              </fieldset>
            );
          })}

          <h2>{t("competence.section.experience")}</h2>
          <p className="form-hint">{t("competence.experienceHint")}</p>
          {fields.experience.getFieldList().map((row, i) => {
            const f = row.getFieldset();
            return (
              <fieldset key={row.key} className="mb-fieldset">
                <legend className="h4">{t("competence.experienceRow", { n: i + 1 })}</legend>
                <TextField field={f.occupation} label={t("competence.field.occupation")} />
                <SelectField
                  field={f.industryCode}
                  label={t("competence.field.industry")}
                  placeholder={t("competence.choose")}
                  options={divisions}
                  optional
                />
                <TextField
                  field={f.years}
                  label={t("competence.field.years")}
                  inputMode="numeric"
                  className="input-width-xs"
                />
                <TextField field={f.country} label={t("competence.field.country")} optional />
              </fieldset>
            );
          })}

          <h2>{t("competence.section.languages")}</h2>
          <DanishFields fields={fields} />
          <SelectField
            field={fields.englishLevel}
            label={t("competence.field.englishLevel")}
            options={opt(englishLevels, "englishLevel")}
          />

          <h2>{t("competence.section.more")}</h2>
          <Checkbox field={fields.drivingLicence} label={t("competence.field.drivingLicence")} />
          <TextArea
            field={fields.certificates}
            label={t("competence.field.certificates")}
            hint={t("competence.field.certificatesHint")}
            optional
            rows={3}
          />
          <TextField
            field={fields.hoursPerWeek}
            label={t("competence.field.hoursPerWeek")}
            inputMode="numeric"
            className="input-width-xs"
            optional
          />
          <TextField field={fields.availableFrom} label={t("competence.field.availableFrom")} type="date" optional />

          <h2>{t("competence.section.wishes")}</h2>
          <fieldset className="mb-fieldset" id={fields.wishedIndustryCodes.id} tabIndex={-1}>
            <legend className="form-label">{t("competence.field.wishedIndustries")}</legend>
            {(fields.wishedIndustryCodes.errors ?? []).length ? (
              <p className="form-error-message" role="alert">
                {translateError(t, (fields.wishedIndustryCodes.errors ?? [""])[0])}
              </p>
            ) : null}
            {fields.wishedIndustryCodes.getFieldList().map((f, i) => (
              <SelectField
                key={f.key}
                field={f}
                label={t("competence.field.wishedIndustry", { n: i + 1 })}
                placeholder={t("competence.choose")}
                options={divisions}
                optional
              />
            ))}
          </fieldset>
          <fieldset className="mb-fieldset">
            <legend className="form-label">{t("competence.field.wishedOccupations")}</legend>
            {fields.wishedOccupations.getFieldList().map((f, i) => (
              <TextField key={f.key} field={f} label={t("competence.field.wishedOccupation", { n: i + 1 })} optional />
            ))}
          </fieldset>
          <TextArea
            field={fields.summary}
            label={t("competence.field.summary")}
            hint={t("competence.field.summaryHint")}
            optional
            rows={4}
          />
          <button type="submit" className="button button-primary">
            {t("competence.submit")}
          </button>
        </Form>

        <section aria-labelledby="competence-history">
          <h2 id="competence-history">{t("competence.history.title")}</h2>
          {c.history.length === 0 ? (
            <p>{t("competence.history.none")}</p>
          ) : (
            <div className="mb-table-wrap" role="region" tabIndex={0} aria-labelledby="competence-history">
              <table className="table table--zebra">
                <thead>
                  <tr>
                    <th scope="col">{t("competence.history.version")}</th>
                    <th scope="col">{t("competence.history.when")}</th>
                    <th scope="col">{t("competence.history.by")}</th>
                    <th scope="col">{t("competence.history.changed")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.history.map((h) => (
                    <tr key={h.version}>
                      <td>{h.version}</td>
                      <td>{formatDate(h.createdAt, lng)}</td>
                      <td>{h.createdByName ?? ""}</td>
                      <td>{h.changed.map((f) => t(`competence.fieldName.${f}`)).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
