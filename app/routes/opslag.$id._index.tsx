import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { citizenPath, notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { changeOpeningStatus, getOpening } from "../services/openings.server";
import { candidatesForOpening } from "../services/opening-candidates.server";
import { answerProposal, proposeCitizen, type Answer } from "../services/opening-proposals.server";
import { fail, replyWith, type Failure } from "../services/kernel.server";
import { openingPageSchemas, type OpeningPageIntent } from "../schemas/companies";
import { Alert } from "../components/forms";
import { OpeningCandidates } from "../components/company/OpeningCandidates";
import { OpeningFacts, OpeningHistory } from "../components/company/OpeningFacts";
import { refusalText } from "../components/company/OpeningPage";
import { OpeningProposals } from "../components/company/OpeningProposals";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";
import { today } from "../utils/clock";

export const meta = pageMeta("companies.titles.opening");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:opening:any");
  const id = idParam(params.id);
  const o = getOpening(scope, id);
  if (!o) throw notFound();
  // The ranked citizens (within scope) are a logged read of each one shown.
  const ranked = o.status === "open" ? candidatesForOpening(scope, id, user) : null;
  return {
    o,
    ranked,
    citizenBase: citizenPath(user),
    today: today(),
  };
}

const isIntent = (v: unknown): v is OpeningPageIntent =>
  typeof v === "string" && Object.prototype.hasOwnProperty.call(openingPageSchemas, v);
type ActionData = {
  intent: OpeningPageIntent | null;
  row: number | null;
  result: SubmissionResult<string[]> | null;
  error?: string | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:opening:any");
  const id = idParam(params.id);
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isIntent(intent))
    return data<ActionData>(
      { intent: null, row: null, result: null, error: "companies.errors.notDone" },
      { status: 400 },
    );
  const submission = parseWithZod(form, { schema: openingPageSchemas[intent] });
  const rowOf = (k: string) => {
    const n = Number(form.get(k));
    return Number.isInteger(n) && n > 0 ? n : null;
  };
  const row = intent === "propose" ? rowOf("menteeId") : rowOf("proposalId");
  if (submission.status !== "success")
    return data<ActionData>({ intent, row, result: submission.reply() }, { status: 400 });
  const v = submission.value;
  // A refusal is shown beside the row's forms (its first message names it).
  const refuse = (failure: Failure, status = 409) =>
    data<ActionData>(
      { intent, row, result: replyWith(submission, failure), error: failure.formErrors[0] ?? null },
      { status },
    );

  if (intent === "confirm" || intent === "close" || intent === "reopen") {
    const r = changeOpeningStatus(id, intent, user);
    if (!r) throw notFound();
    if (!r.ok) return refuse(r);
    return redirect(`/opslag/${id}?done=${intent}`);
  }
  if (intent === "propose") {
    const p = v as { menteeId: number; openingId: number };
    if (p.openingId !== id) return refuse(fail("companies.errors.notDone"), 400);
    const r = proposeCitizen(scope, id, p.menteeId, user);
    if (!r) throw notFound();
    if (!r.ok) return refuse(r);
    return redirect(`/opslag/${id}?done=propose#proposals`);
  }
  const { proposalId, ...answer } = v as { proposalId: number } & Answer;
  const r = answerProposal(scope, id, proposalId, answer as Answer, user);
  if (!r) throw notFound();
  if (!r.ok) return refuse(r);
  if (r.value.placementId) return redirect(`/placeringer/${r.value.placementId}?oprettet=1`);
  return redirect(`/opslag/${id}?done=${intent}#proposals`);
}

export default function OpeningPage() {
  const { t } = useTranslation();
  const { o, ranked, citizenBase, today: todayDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const done = params.get("done");
  const last = (intent: OpeningPageIntent, row: number | null = null) =>
    actionData?.intent === intent && actionData.row === row ? (actionData.result ?? undefined) : undefined;
  const errorFor = (intent: OpeningPageIntent, row: number | null) =>
    actionData?.intent === intent && actionData.row === row && actionData.error ? actionData.error : null;
  const errorText = (e: string) => refusalText(t, e);
  const statusError = (["confirm", "close", "reopen"] as const).map((i) => errorFor(i, null)).find(Boolean);
  return (
    <>
      <p>
        <Link to="/opslag">{t("companies.back.openings")}</Link> ·{" "}
        <Link to={`/virksomheder/${o.companyId}`}>{o.companyName}</Link>
      </p>
      <h1>
        {t(`enum.openingType.${o.type}`)}: {o.occupation}
      </h1>
      {params.get("oprettet") ? <Alert kind="success">{t("companies.done.openingCreated")}</Alert> : null}
      {params.get("gemt") ? <Alert kind="success">{t("companies.done.saved")}</Alert> : null}
      {done ? <Alert kind="success">{t(`companies.done.${done}`)}</Alert> : null}
      {statusError ? <Alert kind="error">{errorText(statusError)}</Alert> : null}
      {actionData && actionData.intent === null ? <Alert kind="error">{t("companies.errors.notDone")}</Alert> : null}

      <OpeningFacts o={o} />
      <OpeningProposals o={o} citizenBase={citizenBase} todayDate={todayDate} last={last} errorFor={errorFor} />
      <OpeningCandidates o={o} ranked={ranked} errorFor={errorFor} />
      <OpeningHistory history={o.history} />
    </>
  );
}
