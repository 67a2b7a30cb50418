import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireCaseworker } from "../auth/permissions.server";
import { correctionFormFor, correctMentee, recordChanges } from "../services/mentee-corrections.server";
import { divisionOptions } from "../services/municipalities.server";
import { correctionSchema } from "../schemas/referral";
import { CHANGES_PAGE_PARAM, CorrectionForm, RecordChanges } from "../components/MenteeCorrection";
import { Alert } from "../components/forms";
import { pageOf } from "../domain/paging";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("correction");

/** The caseworker corrects a citizen of their own municipality (any other "does not exist"). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const id = idParam(params.id);
  const current = correctionFormFor(scope, id, user);
  if (!current) throw notFound();
  return {
    current,
    divisions: divisionOptions(),
    changes: recordChanges(id, pageOf(new URL(request.url).searchParams, CHANGES_PAGE_PARAM)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireCaseworker(request);
  const id = idParam(params.id);
  const s = parseWithZod(await request.formData(), { schema: correctionSchema });
  if (s.status !== "success") return data(s.reply(), { status: 400 });
  const fields = correctMentee(scope, id, user, s.value);
  if (!fields) throw notFound();
  return redirect(`/kommune/borgere/${id}/ret?done=${fields.length ? "correct" : "nothing"}#changes-title`);
}

export default function CaseworkerCorrection() {
  const { t } = useTranslation();
  const { current, divisions, changes } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <>
      <p>
        <Link to={`/kommune/borgere/${current.id}`}>{t("common.actions.back")}</Link>
      </p>
      <h1>{t("referrals.corrections.title", { name: `${current.firstName} ${current.lastName}` })}</h1>
      {done ? (
        <Alert kind="success">{t(`referrals.corrections.done.${done === "nothing" ? "nothing" : "correct"}`)}</Alert>
      ) : null}
      <RecordChanges changes={changes} />
      <CorrectionForm current={current} divisions={divisions} lastResult={lastResult} />
    </>
  );
}
