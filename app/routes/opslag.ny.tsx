import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { companyForEdit } from "../services/companies.server";
import { createOpening } from "../services/openings.server";
import { signupOptions } from "../services/volunteers.server";
import { openingSchema } from "../schemas/companies";
import { Alert } from "../components/forms";
import { OpeningForm } from "../components/company/OpeningForm";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("companies.titles.createOpening");

/** A new opening belongs to a company: ?virksomhed=<id> (the company page links here). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireScopedPermission(request, "manage:opening:any");
  const raw = new URL(request.url).searchParams.get("virksomhed");
  const company = raw ? companyForEdit(idParam(raw)) : null;
  if (raw && !company) throw notFound();
  return {
    company: company
      ? {
          id: company.id,
          name: company.name,
          industryCode: company.industryCode,
          municipalityCode: company.municipalityCode,
        }
      : null,
    municipalities: signupOptions().municipalities,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:opening:any");
  const companyId = idParam(new URL(request.url).searchParams.get("virksomhed"));
  const submission = parseWithZod(await request.formData(), { schema: openingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const opening = createOpening(companyId, submission.value, user);
  if (!opening) throw notFound();
  return redirect(`/opslag/${opening.id}?oprettet=1`);
}

export default function NewOpening() {
  const { t } = useTranslation();
  const { company, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  if (!company) {
    return (
      <>
        <h1>{t("companies.titles.createOpening")}</h1>
        <Alert kind="info">{t("companies.opening.pickCompany")}</Alert>
        <p>
          <Link to="/virksomheder">{t("companies.nav.companies")}</Link>
        </p>
      </>
    );
  }
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to={`/virksomheder/${company.id}`}>{t("companies.back.company", { name: company.name })}</Link>
        </p>
        <h1>{t("companies.opening.createFor", { name: company.name })}</h1>
        <OpeningForm
          lastResult={lastResult}
          municipalities={municipalities}
          submit={t("companies.opening.create")}
          defaults={{
            industryCode: company.industryCode,
            municipalityCode: String(company.municipalityCode),
            danishLevel: "none",
            places: "1",
          }}
        />
      </div>
    </div>
  );
}
