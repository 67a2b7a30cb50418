import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { mentorTips, registerMentorTip } from "../services/company-tips.server";
import { signupOptions } from "../services/volunteers.server";
import { mentorTipSchema } from "../schemas/companies";
import { openingTypes } from "../domain/enums";
import { Alert, Checkbox, ErrorSummary, SelectField, TextArea, TextField } from "../components/forms";
import { CompanyFields } from "../components/company/CompanyForm";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("companies.titles.tip");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "suggest:company:own");
  const tips = mentorTips(user.id);
  if (!tips) throw notFound();
  return { tips, municipalities: signupOptions().municipalities };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "suggest:company:own");
  const submission = parseWithZod(await request.formData(), { schema: mentorTipSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const r = registerMentorTip(user.id, submission.value);
  if (!r) throw notFound();
  return redirect(`/mentor/virksomhed?tak=${r.known ? "kendt" : "ny"}`);
}

export default function MentorTip() {
  const { t } = useTranslation();
  const { tips, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "tip",
    lastResult,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: mentorTipSchema }),
  });
  const thanks = params.get("tak");
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <h1>{t("companies.tip.title")}</h1>
        <p>{t("companies.tip.intro")}</p>
        {thanks ? (
          <Alert kind="success">{t(thanks === "kendt" ? "companies.tip.thanksKnown" : "companies.tip.thanks")}</Alert>
        ) : null}
        {tips.employer ? <p>{t("companies.tip.employer", { name: tips.employer })}</p> : null}
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <h2>{t("companies.tip.company")}</h2>
          <CompanyFields fields={fields} municipalities={municipalities} />
          <Checkbox field={fields.worksHere} label={t("companies.tip.worksHere")} />

          <h2>{t("companies.tip.contact")}</h2>
          <p className="form-hint">{t("companies.tip.contactHint")}</p>
          <TextField field={fields.contactName} label={t("companies.contacts.name")} optional />
          <TextField field={fields.contactRole} label={t("companies.contacts.role")} optional />
          <TextField
            field={fields.contactPhone}
            label={t("companies.contacts.phone")}
            type="tel"
            inputMode="tel"
            optional
          />
          <TextField field={fields.contactEmail} label={t("companies.contacts.email")} type="email" optional />

          <h2>{t("companies.tip.opening")}</h2>
          <Checkbox field={fields.withOpening} label={t("companies.tip.withOpening")} />
          <SelectField
            field={fields.openingType}
            label={t("companies.opening.type")}
            optional
            placeholder={t("competence.choose")}
            options={openingTypes.map((v) => ({ value: v, label: t(`enum.openingType.${v}`) }))}
          />
          <TextField field={fields.openingOccupation} label={t("companies.opening.occupation")} optional />
          <TextField
            field={fields.openingPlaces}
            label={t("companies.opening.places")}
            inputMode="numeric"
            className="input-width-xs"
            optional
          />
          <TextArea
            field={fields.openingNote}
            label={t("companies.tip.openingNote")}
            hint={t("companies.tip.openingNoteHint")}
            optional
            rows={3}
          />
          <button type="submit" className="button button-primary">
            {t("companies.tip.submit")}
          </button>
        </Form>

        <section aria-labelledby="my-tips">
          <h2 id="my-tips">{t("companies.tip.mine")}</h2>
          {tips.companies.length === 0 && tips.openings.length === 0 ? (
            <p>{t("companies.tip.none")}</p>
          ) : (
            <ul>
              {tips.companies.map((c) => (
                <li key={`c${c.id}`}>
                  {c.name} · {c.verified ? t("companies.tip.verified") : t("companies.tip.waiting")}
                </li>
              ))}
              {tips.openings.map((o) => (
                <li key={`o${o.id}`}>
                  {o.companyName}: {t(`enum.openingType.${o.type}`)}, {o.occupation} ·{" "}
                  {t(`enum.openingStatus.${o.status}`)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
