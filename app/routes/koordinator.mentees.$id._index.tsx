import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requireScopedPermission } from "../auth/permissions.server";
import { CitizenHistory } from "../components/company/CitizenHistory";
import { citizenHistory } from "../services/placements.server";
import { getReferral } from "../services/referral-reads.server";
import { HISTORY_PAGE_PARAM, MESSAGES_PAGE_PARAM, ReferralDetail } from "../components/ReferralDetail";
import { pageOf } from "../domain/paging";
import { pageMeta } from "../i18n/meta";
import { liveLinkCount, sendCitizenLink } from "../services/citizen-links.server";
import { markCallHandled, openCallRequests } from "../services/citizen-requests.server";
import { callHandledSchema, citizenLinkSchema, requeueSchema } from "../schemas/between";
import { requeueAllowed, requeueMentee } from "../services/second-chance.server";
import { Alert } from "../components/forms";
import { CitizenPageAdmin } from "../components/CitizenPageAdmin";
import { CHANGES_PAGE_PARAM, RecordChanges } from "../components/MenteeCorrection";
import { recordChanges } from "../services/mentee-corrections.server";

export const meta = pageMeta("citizen");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:mentee:any");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const url = new URL(request.url);
  const r = getReferral(scope, id, user, {
    messages: pageOf(url.searchParams, MESSAGES_PAGE_PARAM),
    history: pageOf(url.searchParams, HISTORY_PAGE_PARAM),
  }); // a logged read
  if (!r) throw notFound();
  return {
    r,
    history: citizenHistory(scope, id),
    links: liveLinkCount(id),
    calls: openCallRequests(id),
    changes: recordChanges(id, pageOf(url.searchParams, CHANGES_PAGE_PARAM)),
    canRequeue: requeueAllowed(id),
  };
}

/** The citizen's own page (issue 21): send a new link, close the old ones, mark a "call me" as handled. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "update:mentee:any");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0 || !getReferral(scope, id, user)) throw notFound();
  const form = await request.formData();
  if (form.get("intent") === "requeue") {
    const s = parseWithZod(form, { schema: requeueSchema });
    if (s.status !== "success" || !requeueMentee(user, id))
      return data({ failed: false, requeueFailed: true }, { status: 409 });
    return redirect(`/koordinator/mentees/${id}?done=requeued`);
  }
  if (form.get("intent") === "call_handled") {
    const s = parseWithZod(form, { schema: callHandledSchema });
    if (s.status !== "success" || !markCallHandled(user, id, s.value.callId).ok) throw notFound();
    return redirect(`/koordinator/mentees/${id}?done=call#citizen-page-title`);
  }
  const s = parseWithZod(form, { schema: citizenLinkSchema });
  if (s.status !== "success") return data({ failed: true }, { status: 400 });
  if (!sendCitizenLink(user, id, { replace: s.value.replace, via: "coordinator" }).ok)
    return data({ failed: true }, { status: 409 });
  return redirect(`/koordinator/mentees/${id}?done=link#citizen-page-title`);
}

export default function CoordinatorMentee() {
  const { t } = useTranslation();
  const { r, history, links, calls, changes, canRequeue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as { failed?: boolean; requeueFailed?: boolean } | undefined;
  const [params] = useSearchParams();
  const m = r.mentee;
  return (
    <>
      <p>
        <Link to="/koordinator/ventende">{t("common.actions.back")}</Link>
      </p>
      <h1>
        {m.firstName} {m.lastName}
      </h1>
      {params.get("done") === "requeued" ? <Alert kind="success">{t("referrals.detail.requeued")}</Alert> : null}
      {actionData?.requeueFailed ? <Alert kind="error">{t("referrals.detail.requeueFailed")}</Alert> : null}
      {canRequeue ? (
        <Form method="post" className="mb-stack">
          <p>{t("referrals.detail.requeueText")}</p>
          <input type="hidden" name="intent" value="requeue" />
          <button type="submit" className="button button-primary">
            {t("referrals.detail.requeue")}
          </button>
        </Form>
      ) : null}
      {m.status === "waiting" ? (
        <p>
          <Link to={`/koordinator/mentees/${m.id}/kandidater`} className="button button-primary">
            {t("referrals.detail.candidates")}
          </Link>
        </p>
      ) : null}
      {r.mentee.anonymisedAt ? null : (
        <p>
          <Link to={`/koordinator/mentees/${m.id}/ret`}>{t("referrals.corrections.link")}</Link>
        </p>
      )}
      <CitizenHistory menteeId={m.id} items={history} coursePath={(id) => `/koordinator/forloeb/${id}`} />
      <ReferralDetail r={r} />
      <RecordChanges changes={changes} />
      <CitizenPageAdmin links={links} calls={calls} failed={Boolean(actionData?.failed)} />
    </>
  );
}
