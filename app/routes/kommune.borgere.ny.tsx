import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireCaseworker } from "../auth/permissions.server";
import { referralSchema, MAX_EXPERIENCE_ROWS } from "../schemas/referral";
import { createReferral } from "../services/referrals.server";
import { replyWith } from "../services/kernel.server";
import { municipalityInfo, divisionOptions } from "../services/municipalities.server";
import { educationLevels, englishLevels, genderPreferences, genders, goals, menteeGroups } from "../domain/enums";
import { consentVersions, CURRENT_CONSENT_VERSION, referralConsentPurposes } from "../domain/referrals";
import {
  Alert,
  Checkbox,
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  TextField,
  TextArea,
  translateError,
} from "../components/forms";
import { formatDate } from "../i18n/format";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";
import { PlainInput, PlainSelect } from "../components/PlainFields";
import { ContactFields, DanishFields, enumOptions, WishedIndustriesFieldset } from "../components/MenteeFields";

export const meta = pageMeta("refer");

const EXPERIENCE_ROWS = 3;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const muni = municipalityInfo(scope.code);
  return { municipality: muni, divisions: divisionOptions(), recordedBy: user.name, today: today() };
}

type Duplicate = { id: number; status: string; referredAt: string };

/** What was typed comes back to the page, but no value longer than any field allows (junk posts stay cheap to answer). */
function trimmed<T extends { initialValue?: unknown }>(reply: T): T {
  const cut = (v: unknown): unknown =>
    typeof v === "string"
      ? v.slice(0, 400)
      : Array.isArray(v)
        ? v.slice(0, 10).map(cut)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v as Record<string, unknown>)
                .slice(0, 60)
                .map(([k, x]) => [k, cut(x)]),
            )
          : v;
  return { ...reply, initialValue: cut(reply.initialValue) as T["initialValue"] };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const submission = parseWithZod(await request.formData(), { schema: referralSchema });
  if (submission.status !== "success") {
    return data({ result: trimmed(submission.reply()), duplicates: [] as Duplicate[] }, { status: 400 });
  }
  const res = createReferral(user, scope, submission.value);
  if (res.ok) return redirect(`/kommune/borgere/${res.value.id}?created=1`);
  // 409 for a possible duplicate: nothing saved yet, the caseworker must confirm "save anyway". 403: not a partner.
  return data(
    { result: replyWith(submission, res), duplicates: (res.duplicates ?? []) as Duplicate[] },
    { status: res.duplicates ? 409 : 403 },
  );
}

/** Initial value of a nested path in the last submission, for the hand-made inputs below. */
function initial(result: SubmissionResult<string[]> | undefined, path: (string | number)[]): string {
  let v: unknown = result?.initialValue;
  for (const p of path) v = v && typeof v === "object" ? (v as Record<string | number, unknown>)[p] : undefined;
  return typeof v === "string" ? v : "";
}

export default function Refer() {
  const { t, i18n } = useTranslation();
  const { municipality, divisions, recordedBy, today: todayDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = actionData?.result;
  const [form, fields] = useForm({
    id: "referral",
    lastResult,
    shouldValidate: "onSubmit",
    defaultValue: {
      consentVersion: CURRENT_CONSENT_VERSION,
      consentDate: todayDate,
      preferredChannel: "sms",
      language: "da",
      danishLevel: "du2",
      englishLevel: "none",
      educationLevel: "none",
      mentorGenderPreference: "none",
      group: "refugee",
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: referralSchema }),
  });
  const errs = (name: string) => (form.allErrors[name] ?? []).map((e) => translateError(t, e));
  const opt = <T extends string>(values: readonly T[], ns: string) => enumOptions(t, values, ns);
  const lang = i18n.language === "en" ? "en" : "da";
  const divisionOpts = divisions.map((d) => ({
    value: d.code,
    label: `${d.code} ${lang === "en" ? d.labelEn : d.labelDa}`,
  }));
  const duplicates = actionData?.duplicates ?? [];

  if (!municipality?.isPartner) {
    return (
      <>
        <h1>{t("referrals.form.title")}</h1>
        <Alert kind="warning">{t("referrals.form.notPartner")}</Alert>
      </>
    );
  }

  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p>
          <Link to="/kommune/borgere">{t("referrals.detail.back")}</Link>
        </p>
        <h1>{t("referrals.form.title")}</h1>
        <p>{t("referrals.form.intro")}</p>
        {duplicates.length ? (
          <Alert kind="warning" heading={t("referrals.form.duplicateTitle")}>
            <p>
              {t("referrals.form.duplicateBody", {
                count: duplicates.length,
                dates: duplicates.map((d) => formatDate(d.referredAt, i18n.language)).join(", "),
              })}
            </p>
            <ul>
              {duplicates.map((d) => (
                <li key={d.id}>
                  <Link to={`/kommune/borgere/${d.id}`}>
                    {t("referrals.form.duplicateSee")} ({t(`enum.menteeStatus.${d.status}`)})
                  </Link>
                </li>
              ))}
            </ul>
          </Alert>
        ) : (
          <ErrorSummary form={form} />
        )}
        <Form method="post" {...getFormProps(form)}>
          <h2>{t("referrals.form.sectionPerson")}</h2>
          <TextField field={fields.firstName} label={t("referrals.form.firstName")} autoComplete="off" />
          <TextField field={fields.lastName} label={t("referrals.form.lastName")} autoComplete="off" />
          <TextField
            field={fields.birthYear}
            label={t("referrals.form.birthYear")}
            hint={t("referrals.form.birthYearHint")}
            inputMode="numeric"
            className="input-width-xs"
          />
          <SelectField
            field={fields.gender}
            label={t("referrals.form.gender")}
            optional
            placeholder={t("referrals.form.genderNone")}
            options={opt(genders, "gender")}
          />
          <ChoiceGroup
            field={fields.group}
            legend={t("referrals.form.group")}
            options={opt(menteeGroups, "menteeGroup")}
          />
          <Checkbox field={fields.jobReady} label={t("referrals.form.jobReady")} />

          <h2>{t("referrals.form.sectionContact")}</h2>
          <p className="form-hint">{t("referrals.form.contactHint")}</p>
          <ContactFields fields={fields} />

          <h2>{t("referrals.form.sectionSkills")}</h2>
          <DanishFields fields={fields} />
          <SelectField
            field={fields.englishLevel}
            label={t("referrals.form.englishLevel")}
            options={opt(englishLevels, "englishLevel")}
          />
          <SelectField
            field={fields.educationLevel}
            label={t("referrals.form.educationLevel")}
            options={opt(educationLevels, "educationLevel")}
          />
          <TextField field={fields.educationField} label={t("referrals.form.educationField")} optional />
          <TextField field={fields.educationCountry} label={t("referrals.form.educationCountry")} optional />

          <h2>{t("referrals.form.sectionExperience")}</h2>
          <p className="form-hint">{t("referrals.form.experienceIntro", { max: EXPERIENCE_ROWS })}</p>
          {errs("experience").map((e) => (
            <p key={e} className="form-error-message" role="alert">
              {e}
            </p>
          ))}
          {Array.from({ length: Math.min(EXPERIENCE_ROWS, MAX_EXPERIENCE_ROWS) }, (_, i) => (
            <fieldset key={i} className="mb-stack">
              <legend className="h4">{t("referrals.form.experienceRow", { n: i + 1 })}</legend>
              <PlainInput
                name={`experience[${i}].title`}
                label={t("referrals.form.jobTitle")}
                errors={errs(`experience[${i}].title`)}
                defaultValue={initial(lastResult, ["experience", i, "title"])}
                formId={form.id}
              />
              <PlainInput
                name={`experience[${i}].years`}
                label={t("referrals.form.years")}
                errors={errs(`experience[${i}].years`)}
                defaultValue={initial(lastResult, ["experience", i, "years"])}
                formId={form.id}
                inputMode="numeric"
              />
              <PlainSelect
                name={`experience[${i}].industryCode`}
                label={t("referrals.form.industry")}
                errors={errs(`experience[${i}].industryCode`)}
                defaultValue={initial(lastResult, ["experience", i, "industryCode"])}
                formId={form.id}
                placeholder={t("referrals.form.industryNone")}
                options={divisionOpts}
              />
            </fieldset>
          ))}

          <h2>{t("referrals.form.sectionWishes")}</h2>
          <WishedIndustriesFieldset
            formId={form.id}
            errors={form.allErrors}
            divisions={divisionOpts}
            defaultValue={(i) => initial(lastResult, ["wishedIndustryCodes", i])}
          />
          <TextField field={fields.wishedOccupation} label={t("referrals.form.wishedOccupation")} optional />
          <ChoiceGroup field={fields.goals} legend={t("referrals.form.goals")} options={opt(goals, "goal")} multiple />
          <TextArea
            field={fields.availability}
            label={t("referrals.form.availability")}
            hint={t("referrals.form.availabilityHint")}
            optional
            rows={2}
          />
          <Checkbox field={fields.drivingLicence} label={t("referrals.form.drivingLicence")} />
          <ChoiceGroup
            field={fields.mentorGenderPreference}
            legend={t("referrals.form.mentorGenderPreference")}
            options={opt(genderPreferences, "genderPreference")}
          />
          <Checkbox
            field={fields.needsConsideration}
            label={t("referrals.form.needsConsideration")}
            hint={t("referrals.form.needsConsiderationHint")}
          />

          <h2>{t("referrals.form.sectionConsent")}</h2>
          <p>{t("referrals.form.consentIntro")}</p>
          <ChoiceGroup
            field={fields.consentPurposes}
            legend={t("referrals.form.consentPurposes")}
            options={opt(referralConsentPurposes, "consentPurpose")}
            multiple
          />
          <SelectField
            field={fields.consentVersion}
            label={t("referrals.form.consentVersion")}
            options={consentVersions.map((v) => ({ value: v, label: v }))}
          />
          <TextField field={fields.consentDate} label={t("referrals.form.consentDate")} type="date" />
          <p>{t("referrals.form.consentRecordedBy", { name: recordedBy })}</p>

          {duplicates.length ? (
            <Checkbox field={fields.confirmDuplicate} label={t("referrals.form.confirmDuplicate")} />
          ) : null}
          <button type="submit" className="button button-primary">
            {t("referrals.form.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
