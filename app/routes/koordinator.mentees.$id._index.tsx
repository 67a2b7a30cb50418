import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound, requireStaff } from "../auth/guards.server";
import { CitizenHistory } from "../components/company/CitizenHistory";
import { citizenHistory } from "../services/placements.server";
import { getReferral } from "../services/referrals.server";
import { HISTORY_PAGE_PARAM, MESSAGES_PAGE_PARAM, ReferralDetail } from "../components/ReferralDetail";
import { pageOf } from "../domain/paging";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("citizen");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request, "coordinator", "admin");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  const url = new URL(request.url);
  const r = getReferral(scope, id, user, { messages: pageOf(url.searchParams, MESSAGES_PAGE_PARAM), history: pageOf(url.searchParams, HISTORY_PAGE_PARAM) }); // a logged read
  if (!r) throw notFound();
  return { r, history: citizenHistory(scope, id) };
}

export default function CoordinatorMentee() {
  const { t } = useTranslation();
  const { r, history } = useLoaderData<typeof loader>();
  const m = r.mentee;
  return (
    <>
      <p><Link to="/koordinator/ventende">{t("common.actions.back")}</Link></p>
      <h1>{m.firstName} {m.lastName}</h1>
      {m.status === "waiting" ? <p><Link to={`/koordinator/mentees/${m.id}/kandidater`} className="button button-primary">{t("referrals.detail.candidates")}</Link></p> : null}
      <CitizenHistory menteeId={m.id} items={history} coursePath={(id) => `/koordinator/forloeb/${id}`} />
      <ReferralDetail r={r} />
    </>
  );
}
