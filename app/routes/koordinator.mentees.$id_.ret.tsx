import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { correctionFormFor, correctMentee, logIntakeCall, recordChanges } from "../services/mentee-corrections.server";
import { divisionOptions } from "../services/municipalities.server";
import { correctionSchema, intakeCallSchema } from "../schemas/referral";
import { CHANGES_PAGE_PARAM, CorrectionForm, IntakeCallForm, RecordChanges } from "../components/MenteeCorrection";
import { Alert } from "../components/forms";
import { pageOf } from "../domain/paging";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("correction");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "update:mentee:any");
  const id = idParam(params.id);
  const current = correctionFormFor(scope, id, user);
  if (!current) throw notFound();
  return {
    current,
    divisions: divisionOptions(),
    changes: recordChanges(id, pageOf(new URL(request.url).searchParams, CHANGES_PAGE_PARAM)),
    today: today(),
  };
}

/** Correct the record, or log the intake call. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "update:mentee:any");
  const id = idParam(params.id);
  const form = await request.formData();
  if (form.get("intent") === "intake") {
    const s = parseWithZod(form, { schema: intakeCallSchema });
    if (s.status !== "success") return data({ intent: "intake" as const, result: s.reply() }, { status: 400 });
    if (!logIntakeCall(scope, id, user, s.value).ok) throw notFound();
    return redirect(`/koordinator/mentees/${id}/ret?done=intake#changes-title`);
  }
  const s = parseWithZod(form, { schema: correctionSchema });
  if (s.status !== "success") return data({ intent: "correct" as const, result: s.reply() }, { status: 400 });
  const fields = correctMentee(scope, id, user, s.value);
  if (!fields) throw notFound();
  return redirect(`/koordinator/mentees/${id}/ret?done=${fields.length ? "correct" : "nothing"}#changes-title`);
}

export default function CoordinatorCorrection() {
  const { t } = useTranslation();
  const { current, divisions, changes, today: day } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <>
      <p>
        <Link to={`/koordinator/mentees/${current.id}`}>{t("common.actions.back")}</Link>
      </p>
      <h1>{t("referrals.corrections.title", { name: `${current.firstName} ${current.lastName}` })}</h1>
      {done ? (
        <Alert kind="success">
          {t(`referrals.corrections.done.${done === "intake" ? "intake" : done === "nothing" ? "nothing" : "correct"}`)}
        </Alert>
      ) : null}
      <RecordChanges changes={changes} />
      <IntakeCallForm today={day} lastResult={actionData?.intent === "intake" ? actionData.result : undefined} />
      <CorrectionForm
        current={current}
        divisions={divisions}
        lastResult={actionData?.intent === "correct" ? actionData.result : undefined}
      />
    </>
  );
}
