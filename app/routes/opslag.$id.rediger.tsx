import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { openingForEdit, updateOpening } from "../services/openings.server";
import { replyWith } from "../services/kernel.server";
import { signupOptions } from "../services/volunteers.server";
import { openingSchema } from "../schemas/companies";
import { OpeningForm } from "../components/company/OpeningForm";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("companies.titles.editOpening");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireScopedPermission(request, "manage:opening:any");
  const row = openingForEdit(idParam(params.id));
  if (!row) throw notFound();
  return { ...row, municipalities: signupOptions().municipalities };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user } = await requireScopedPermission(request, "manage:opening:any");
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: openingSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const r = updateOpening(id, submission.value, user);
  if (!r) throw notFound();
  if (r.ok) return redirect(`/opslag/${id}?gemt=1`);
  return data(replyWith(submission, r), { status: 409 });
}

export default function EditOpening() {
  const { t } = useTranslation();
  const { opening: o, companyName, municipalities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const s = (v: number | string | null) => (v == null ? "" : String(v));
  return (
    <div className="row">
      <div className="col-12 col-lg-8">
        <p>
          <Link to={`/opslag/${o.id}`}>{t("companies.back.opening")}</Link>
        </p>
        <h1>{t("companies.opening.editFor", { name: companyName })}</h1>
        <OpeningForm
          lastResult={lastResult}
          municipalities={municipalities}
          submit={t("common.actions.save")}
          defaults={{
            type: o.type,
            occupation: o.occupation,
            industryCode: o.industryCode,
            municipalityCode: String(o.municipalityCode),
            startDate: s(o.startDate),
            durationWeeks: s(o.durationWeeks),
            weeklyHours: s(o.weeklyHours),
            danishLevel: o.danishLevel,
            places: String(o.places),
            deadline: s(o.deadline),
            description: s(o.description),
          }}
        />
      </div>
    </div>
  );
}
