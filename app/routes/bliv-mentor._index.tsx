import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { volunteerSignupSchema, MENTOR_CONSENT_VERSION } from "../schemas/volunteer";
import { signUpVolunteer, signupOptions } from "../services/volunteers.server";
import { replyWith } from "../services/kernel.server";
import { clientAddress } from "../auth/client-address";
import { getLocale } from "../i18n/locale.server";
import { Alert, Checkbox, ErrorSummary, TextField } from "../components/forms";
import { MentorProfileFields } from "../components/MentorProfileFields";
import { pageMeta } from "../i18n/meta";
import { recruitmentPreset } from "../domain/demand";

export const meta = pageMeta("becomeMentor");

/**
 * A recruitment link from `/koordinator/behov` (`?branche=Q&kommune=751`) chooses industry and municipality and is
 * counted: the form carries its source, stored on the mentor at sign-up. A link naming an unknown section or
 * municipality is an ordinary sign-up.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const options = signupOptions();
  const url = new URL(request.url);
  return {
    options,
    consentVersion: MENTOR_CONSENT_VERSION,
    recruitment: recruitmentPreset(options, url.searchParams.get("branche"), url.searchParams.get("kommune")),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: volunteerSignupSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  // A filled honeypot is a bot: answer exactly as for a person, store nothing.
  if (submission.value.website) return redirect("/bliv-mentor/tak");
  const result = signUpVolunteer(submission.value, await getLocale(request), clientAddress(context));
  if (!result.ok) return data(replyWith(submission, result), { status: 429 });
  return redirect("/bliv-mentor/tak");
}

export default function Signup() {
  const { t, i18n } = useTranslation();
  const { options, consentVersion, recruitment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "signup",
    lastResult: actionData,
    defaultValue: {
      travelKm: "15",
      capacity: "1",
      menteeGenderPreference: "none",
      ...(recruitment
        ? {
            industryCode: recruitment.industryCode,
            municipalityCode: String(recruitment.municipalityCode),
            source: recruitment.source,
          }
        : {}),
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: volunteerSignupSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t("volunteer.signup.title")}</h1>
        <p className="font-lead">{t("volunteer.signup.intro")}</p>
        {recruitment ? (
          <Alert kind="info">
            {t("volunteer.signup.recruitment", {
              industry: `${recruitment.section} ${i18n.language === "en" ? recruitment.sectionLabelEn : recruitment.sectionLabelDa}`,
              municipality: recruitment.municipalityName,
            })}
          </Alert>
        ) : null}
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <fieldset className="mb-fieldset">
            <legend className="h2">{t("volunteer.signup.sectionYou")}</legend>
            <TextField field={fields.firstName} label={t("volunteer.signup.firstName")} autoComplete="given-name" />
            <TextField field={fields.lastName} label={t("volunteer.signup.lastName")} autoComplete="family-name" />
            <TextField field={fields.email} label={t("volunteer.signup.email")} type="email" autoComplete="email" />
            <TextField
              field={fields.phone}
              label={t("volunteer.signup.phone")}
              hint={t("volunteer.signup.phoneHint")}
              type="tel"
              autoComplete="tel"
              inputMode="tel"
            />
          </fieldset>
          <MentorProfileFields fields={fields} options={options} />
          <fieldset className="mb-fieldset">
            <legend className="h2">{t("volunteer.signup.sectionConsent")}</legend>
            <Checkbox field={fields.consentData} label={t("volunteer.signup.consentData")} />
            <Checkbox field={fields.consentConfidentiality} label={t("volunteer.signup.consentConfidentiality")} />
            <p className="form-hint">{t("volunteer.signup.consentVersion", { version: consentVersion })}</p>
          </fieldset>
          {fields.source.initialValue ? (
            <input type="hidden" name={fields.source.name} value={String(fields.source.initialValue)} />
          ) : null}
          <div className="mb-hp" aria-hidden="true">
            <label htmlFor={fields.website.id}>{t("volunteer.signup.honeypot")}</label>
            <input
              {...getInputProps(fields.website, { type: "text" })}
              key={fields.website.key}
              tabIndex={-1}
              autoComplete="off"
            />
          </div>
          <button type="submit" className="button button-primary">
            {t("volunteer.signup.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
