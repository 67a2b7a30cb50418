import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { mentorProfileSchema } from "../schemas/volunteer";
import { signupOptions } from "../services/volunteers.server";
import { getOwnMentor, updateOwnProfile } from "../services/mentor-home.server";
import { ErrorSummary, TextField } from "../components/forms";
import { MentorProfileFields } from "../components/MentorProfileFields";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("profile");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:mentor:own");
  const m = getOwnMentor(user.id);
  if (!m) throw notFound();
  return {
    options: signupOptions(),
    profile: {
      firstName: m.firstName,
      lastName: m.lastName,
      phone: m.phone,
      postcode: m.postcode,
      municipalityCode: String(m.municipalityCode),
      travelKm: String(m.travelKm),
      employer: m.employer ?? "",
      jobTitle: m.jobTitle,
      industryCode: m.industryCode,
      networkIndustryCodes: m.networkIndustryCodes,
      yearsExperience: String(m.yearsExperience),
      isManager: m.isManager ? "yes" : "no",
      languages: m.languages,
      gender: m.gender ?? "",
      menteeGenderPreference: m.menteeGenderPreference,
      offers: m.offers,
      earliestStart: m.earliestStart ?? "",
      capacity: String(m.capacity),
      motivation: m.motivation,
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:mentor:own");
  const submission = parseWithZod(await request.formData(), { schema: mentorProfileSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!updateOwnProfile(user.id, submission.value)) throw notFound();
  return redirect("/mentor?saved=profile");
}

export default function MentorProfile() {
  const { t } = useTranslation();
  const { options, profile } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "profile",
    lastResult,
    defaultValue: profile,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mentorProfileSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to="/mentor">{t("common.actions.back")}</Link>
        </p>
        <h1>{t("volunteer.profile.title")}</h1>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <fieldset className="mb-fieldset">
            <legend className="h2">{t("volunteer.signup.sectionYou")}</legend>
            <TextField field={fields.firstName} label={t("volunteer.signup.firstName")} autoComplete="given-name" />
            <TextField field={fields.lastName} label={t("volunteer.signup.lastName")} autoComplete="family-name" />
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
          <button type="submit" className="button button-primary">
            {t("common.actions.save")}
          </button>
        </Form>
      </div>
    </div>
  );
}
