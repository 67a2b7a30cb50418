import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { parseWithZod } from "@conform-to/zod/v4";
import { requireScopedPermission } from "../auth/permissions.server";
import { coordinatorCounts } from "../services/dashboard.server";
import { applyCoordinatorAction } from "../services/course-actions.server";
import { followUpsDue, pendingOutcomes } from "../services/course-queues.server";
import { outcomeDecisionSchema } from "../schemas/courses";
import { StaffStart } from "../components/StatCards";
import { FollowUpTable } from "../components/FollowUpQueue";
import { Alert } from "../components/forms";
import { PageSummary, Pager } from "../components/Pager";
import { pageParamSchema } from "../domain/paging";
import { formatDate } from "../i18n/format";
import { scrollRegion } from "../components/TableWrap";
import { pageMeta } from "../i18n/meta";
import { closedRequestsToHandle } from "../services/match-request-reads.server";
import { MatchRequestNotices, NOTICES_PAGE_PARAM } from "../components/MatchRequestNotices";
import { pageOf } from "../domain/paging";

export const meta = pageMeta("coordinator");

/** How many courses at risk the start page shows (the follow-up page has them all). */
const RISK_ROWS = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "call:follow-up:any");
  const url = new URL(request.url);
  const side = pageParamSchema.parse(url.searchParams.get("resultater-side") ?? undefined);
  return {
    counts: coordinatorCounts(),
    risk: followUpsDue(scope, 1, user, { riskOnly: true, pageSize: RISK_ROWS }),
    pending: pendingOutcomes(side, 20),
    // Mentors who said no or let a request expire: each citizen needs a new mentor (issue 19).
    notices: closedRequestsToHandle(pageOf(url.searchParams, NOTICES_PAGE_PARAM)),
  };
}

/** Confirm or reject a mentor's outcome proposal from the queue (the course page offers the same, with the course). */
export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:course:any");
  const submission = parseWithZod(await request.formData(), { schema: outcomeDecisionSchema });
  if (submission.status !== "success") return data({ error: "common.form.invalid" }, { status: 400 });
  const { intent, courseId, outcomeId } = submission.value;
  const r = applyCoordinatorAction(scope, courseId, user, { intent, outcomeId });
  if (!r.ok) return data({ error: r.formErrors[0] ?? Object.values(r.fieldErrors).flat()[0] }, { status: 400 });
  if (intent === "reject_outcome")
    return redirect(`/koordinator/forloeb/${courseId}?done=reject_outcome#outcomes-title`);
  return redirect("/koordinator?done=confirm_outcome");
}

export default function CoordinatorStart() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { counts, risk, pending, notices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <StaffStart role="coordinator" counts={counts} />
      {params.get("done") === "confirm_outcome" ? (
        <Alert kind="success">{t("courses.outcome.confirmedDone")}</Alert>
      ) : null}
      {actionData?.error ? <Alert kind="error">{t(actionData.error)}</Alert> : null}

      <MatchRequestNotices page={notices} />

      <section aria-labelledby="risk-title">
        <h2 id="risk-title">{t("staff.start.risk.title")}</h2>
        <p>{t("staff.start.risk.intro")}</p>
        {risk.rows.length ? (
          <>
            <FollowUpTable rows={risk.rows} caption={t("staff.start.risk.title")} />
            {risk.total > risk.rows.length ? (
              <p>
                <Link to="/koordinator/opfoelgning">{t("staff.start.risk.all", { count: risk.total })}</Link>
              </p>
            ) : null}
          </>
        ) : (
          <p>{t("staff.start.risk.none")}</p>
        )}
      </section>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t("staff.start.pending.title")}</h2>
        <p>{t("staff.start.pending.intro")}</p>
        <PageSummary window={pending} />
        {pending.rows.length ? (
          <div className="mb-table-wrap" {...scrollRegion(t("staff.start.pending.title"))}>
            <table className="table table--zebra" data-testid="pending-outcomes">
              <thead>
                <tr>
                  <th scope="col">{t("courses.list.course")}</th>
                  <th scope="col">{t("courses.outcome.type")}</th>
                  <th scope="col">{t("courses.outcome.date")}</th>
                  <th scope="col">{t("courses.list.mentee")}</th>
                  <th scope="col">{t("courses.list.mentor")}</th>
                  <th scope="col">{t("staff.start.pending.decide")}</th>
                </tr>
              </thead>
              <tbody>
                {pending.rows.map((o) => (
                  <tr key={o.id}>
                    <td>
                      <Link to={`/koordinator/forloeb/${o.courseId}#outcomes-title`}>#{o.courseId}</Link>
                    </td>
                    <td>{t(`enum.outcomeType.${o.type}`)}</td>
                    <td>{formatDate(o.outcomeDate, lng)}</td>
                    <td>{o.menteeName}</td>
                    <td>{o.mentorName}</td>
                    <td>
                      <Form method="post" className="mb-inline-form">
                        <input type="hidden" name="courseId" value={o.courseId} />
                        <input type="hidden" name="outcomeId" value={o.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="confirm_outcome"
                          className="button button-secondary"
                          aria-label={t("staff.start.pending.confirmLabel", {
                            type: t(`enum.outcomeType.${o.type}`),
                            name: o.menteeName,
                          })}
                        >
                          {t("courses.outcome.confirm")}
                        </button>{" "}
                        <button
                          type="submit"
                          name="intent"
                          value="reject_outcome"
                          className="button button-tertiary"
                          aria-label={t("staff.start.pending.rejectLabel", {
                            type: t(`enum.outcomeType.${o.type}`),
                            name: o.menteeName,
                          })}
                        >
                          {t("staff.start.pending.correct")}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <Pager window={pending} param="resultater-side" hash="pending-title" />
      </section>
    </>
  );
}
