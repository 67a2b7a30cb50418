import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireStaff } from "../auth/guards.server";
import { CitizenHistory } from "../components/company/CitizenHistory";
import { citizenHistory } from "../services/placements.server";
import { getReferral } from "../services/referrals.server";
import { HISTORY_PAGE_PARAM, MESSAGES_PAGE_PARAM, ReferralDetail } from "../components/ReferralDetail";
import { pageOf } from "../domain/paging";
import { pageMeta } from "../i18n/meta";
import { liveLinkCount, markCallHandled, openCallRequests, sendCitizenLink } from "../services/citizen-page.server";
import { callHandledSchema, citizenLinkSchema } from "../schemas/between";
import { CitizenPageAdmin } from "../components/CitizenPageAdmin";

export const meta = pageMeta("citizen");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "coordinator", "admin");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const url = new URL(request.url);
  const r = getReferral(scope, id, user, { messages: pageOf(url.searchParams, MESSAGES_PAGE_PARAM), history: pageOf(url.searchParams, HISTORY_PAGE_PARAM) }); // a logged read
  if (!r) throw notFound();
  return { r, history: citizenHistory(scope, id), links: liveLinkCount(id), calls: openCallRequests(id) };
}

/** The citizen's own page (issue 21): send a new link, close the old ones, mark a "call me" as handled. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request, "coordinator", "admin");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0 || !getReferral(scope, id, user)) throw notFound();
  const form = await request.formData();
  if (form.get("intent") === "call_handled") {
    const s = parseWithZod(form, { schema: callHandledSchema });
    if (s.status !== "success" || !markCallHandled(user, id, s.value.callId)) throw notFound();
    return redirect(`/koordinator/mentees/${id}?done=call#citizen-page-title`);
  }
  const s = parseWithZod(form, { schema: citizenLinkSchema });
  if (s.status !== "success") return data({ failed: true }, { status: 400 });
  if (!sendCitizenLink(user, id, { replace: s.value.replace, via: "coordinator" })) return data({ failed: true }, { status: 409 });
  return redirect(`/koordinator/mentees/${id}?done=link#citizen-page-title`);
}

export default function CoordinatorMentee() {
  const { t } = useTranslation();
  const { r, history, links, calls } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const m = r.mentee;
  return (
    <>
      <p><Link to="/koordinator/ventende">{t("common.actions.back")}</Link></p>
      <h1>{m.firstName} {m.lastName}</h1>
      {m.status === "waiting" ? <p><Link to={`/koordinator/mentees/${m.id}/kandidater`} className="button button-primary">{t("referrals.detail.candidates")}</Link></p> : null}
      <CitizenHistory menteeId={m.id} items={history} coursePath={(id) => `/koordinator/forloeb/${id}`} />
      <ReferralDetail r={r} />
      <CitizenPageAdmin links={links} calls={calls} failed={Boolean(actionData?.failed)} />
    </>
  );
}
