import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { companyByCvr, companyForEdit, updateCompany } from "../services/companies.server";
import { replyWith } from "../services/kernel.server";
import { signupOptions } from "../services/volunteers.server";
import { companySchema } from "../schemas/companies";
import { CompanyForm } from "../components/company/CompanyForm";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("companies.titles.edit");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireScopedPermission(request, "manage:company:any");
  const c = companyForEdit(idParam(params.id));
  if (!c) throw notFound();
  return { company: c, municipalities: signupOptions().municipalities };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:company:any");
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: companySchema });
  if (submission.status !== "success") return data({ result: submission.reply(), existing: null }, { status: 400 });
  const r = updateCompany(id, submission.value, user);
  if (!r) throw notFound();
  if (r.ok) return redirect(`/virksomheder/${id}?gemt=1`);
  return data({ result: replyWith(submission, r), existing: companyByCvr(submission.value.cvr) }, { status: 409 });
}

export default function EditCompany() {
  const { t } = useTranslation();
  const { company: c, municipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to={`/virksomheder/${c.id}`}>{t("companies.back.company", { name: c.name })}</Link>
        </p>
        <h1>{t("companies.titles.edit")}</h1>
        <CompanyForm
          lastResult={actionData?.result}
          existing={actionData?.existing}
          municipalities={municipalities}
          submit={t("common.actions.save")}
          defaults={{
            name: c.name,
            cvr: c.cvr,
            industryCode: c.industryCode,
            municipalityCode: String(c.municipalityCode),
            street: c.street ?? "",
            postcode: c.postcode ?? "",
            city: c.city ?? "",
            size: c.size ?? "",
            programmes: c.programmes,
          }}
        />
      </div>
    </div>
  );
}
