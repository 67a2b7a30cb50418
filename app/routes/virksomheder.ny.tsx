import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { companyByCvr, createCompany } from "../services/companies.server";
import { replyWith } from "../services/kernel.server";
import { signupOptions } from "../services/volunteers.server";
import { companySchema } from "../schemas/companies";
import { CompanyForm } from "../components/company/CompanyForm";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("companies.titles.create");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:company:any");
  return { municipalities: signupOptions().municipalities, defaultMunicipality: user.municipalityCode ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:company:any");
  const submission = parseWithZod(await request.formData(), { schema: companySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), existing: null }, { status: 400 });
  const r = createCompany(submission.value, user);
  if (r.ok) return redirect(`/virksomheder/${r.value.id}?oprettet=1`);
  return data({ result: replyWith(submission, r), existing: companyByCvr(submission.value.cvr) }, { status: 409 });
}

export default function NewCompany() {
  const { t } = useTranslation();
  const { municipalities, defaultMunicipality } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to="/virksomheder">{t("companies.back.list")}</Link>
        </p>
        <h1>{t("companies.titles.create")}</h1>
        <p>{t("companies.form.intro")}</p>
        <CompanyForm
          lastResult={actionData?.result}
          existing={actionData?.existing}
          municipalities={municipalities}
          defaults={{ municipalityCode: defaultMunicipality ? String(defaultMunicipality) : "" }}
          submit={t("companies.form.create")}
        />
      </div>
    </div>
  );
}
