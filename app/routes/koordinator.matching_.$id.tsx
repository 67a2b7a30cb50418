import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import {
  approveFromRun,
  cancelPoolRun,
  pairSorts,
  poolRun,
  poolRunPairsPage,
  poolRunUnmatchedPage,
  RUN_NOT_FOUND,
  type PairSort,
} from "../services/pool-runs.server";
import { poolRunActionSchema } from "../schemas/matching";
import { pageOf } from "../domain/paging";
import { Alert } from "../components/forms";
import { PageSummary, Pager } from "../components/Pager";
import { PairsTable, PoolScopeText, RunProgress, RunStatus, useLiveWhile } from "../components/PoolRun";
import { StatCards } from "../components/StatCards";
import { formatDateTime, formatNumber } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("matchingRun");

/** Seconds between refreshes of a page without JavaScript while the run works. */
const REFRESH_SECONDS = 2;
const OTHER_PAGE = "anden-side";
const UNMATCHED_PAGE = "uden-side";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "run:matching:any");
  const id = idParam(params.id);
  const run = poolRun(id);
  if (!run) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const sortParam = url.searchParams.get("sort");
  const sort: PairSort = (pairSorts as readonly string[]).includes(sortParam ?? "")
    ? (sortParam as PairSort)
    : "score_desc";
  if (run.status !== "done") return { run, sort, industry: null, other: null, unmatched: null };
  return {
    run,
    sort,
    industry: poolRunPairsPage(id, true, pageOf(url.searchParams), sort),
    other: poolRunPairsPage(id, false, pageOf(url.searchParams, OTHER_PAGE), sort),
    unmatched: poolRunUnmatchedPage(id, pageOf(url.searchParams, UNMATCHED_PAGE)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "approve:match:any");
  const id = idParam(params.id);
  const submission = parseWithZod(await request.formData(), { schema: poolRunActionSchema });
  if (submission.status !== "success") return data({ error: "bad_request" as const }, { status: 400 });
  const v = submission.value;
  const back = new URL(request.url);
  if (v.intent === "cancel") {
    const r = cancelPoolRun(id, user);
    if (!r.ok && r.formErrors.includes(RUN_NOT_FOUND)) throw new Response("Not found", { status: 404 });
    return redirect(`/koordinator/matching/${id}`);
  }
  const r = approveFromRun(id, v.menteeId, user);
  if (!r) return data({ error: "not_done" as const }, { status: 409 });
  back.searchParams.set("godkendt", String(r.approved));
  back.searchParams.set("afvist", String(r.failed));
  return redirect(`${back.pathname}?${back.searchParams.toString()}`);
}

export default function PoolRunPage() {
  const { t, i18n } = useTranslation();
  const { run, sort, industry, other, unmatched } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const working = run.status === "queued" || run.status === "running";
  // With JavaScript the page follows the run live; without it the <noscript> refresh below reloads it.
  useLiveWhile(working);
  const approvedCount = params.get("godkendt");
  const n = (x: number) => formatNumber(x, i18n.language);
  const sortHref = (s: PairSort) => {
    const p = new URLSearchParams(params);
    p.set("sort", s);
    p.delete("side");
    p.delete(OTHER_PAGE);
    p.delete("godkendt");
    p.delete("afvist");
    return `?${p.toString()}`;
  };
  const summary = run.summary;
  return (
    <>
      {working ? (
        <noscript>
          <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />
        </noscript>
      ) : null}
      <p>
        <Link to="/koordinator/matching">{t("matching.pool.title")}</Link>
      </p>
      <h1>{t("matching.run.title", { id: run.id })}</h1>
      <ul className="nobullet-list">
        <li>
          {t("matching.run.scope")}: <PoolScopeText scope={run.scope} />
        </li>
        <li>
          {t("matching.run.mode")}: {t(`matching.pool.modes.${run.mode}`)}
        </li>
        <li>
          {t("matching.run.status")}:{" "}
          <strong data-testid="run-status">
            <RunStatus status={run.status} />
          </strong>
        </li>
        <li>
          {run.requestedBy
            ? t("matching.run.requested", { name: run.requestedBy, at: formatDateTime(run.createdAt, i18n.language) })
            : t("matching.run.requestedAt", { at: formatDateTime(run.createdAt, i18n.language) })}
        </li>
        {run.weightsVersion ? <li>{t("matching.run.weightsVersion", { version: run.weightsVersion })}</li> : null}
      </ul>
      {approvedCount !== null ? (
        <Alert kind="success">
          {t("matching.run.result", {
            approved: Number(approvedCount) || 0,
            failed: Number(params.get("afvist")) || 0,
          })}
        </Alert>
      ) : null}

      {working ? (
        <section aria-labelledby="progress-h">
          <h2 id="progress-h">{t("matching.run.progress")}</h2>
          {params.get("startet") ? <Alert kind="info">{t("matching.run.started")}</Alert> : null}
          <RunProgress progress={run.progress} />
          <p className="form-hint">{t("matching.run.refreshing")}</p>
          {run.cancelRequested ? (
            <p>{t("matching.run.cancelRequested")}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="cancel" />
              <button type="submit" className="button button-secondary">
                {t("matching.run.cancel")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
      {run.status === "failed" ? (
        <Alert kind="error">{t("matching.run.failed", { error: run.error ?? "" })}</Alert>
      ) : null}
      {run.status === "cancelled" ? <Alert kind="info">{t("matching.run.cancelled")}</Alert> : null}

      {summary && industry && other && unmatched ? (
        <>
          <section aria-labelledby="summary-h">
            <h2 id="summary-h">{t("matching.run.summaryTitle")}</h2>
            <StatCards
              items={[
                { label: t("matching.run.summary.waiting"), value: summary.waiting },
                { label: t("matching.run.summary.mentors"), value: summary.mentorsAvailable },
                { label: t("matching.run.summary.pairs"), value: summary.pairs },
                { label: t("matching.run.summary.industryPairs"), value: summary.industryPairs },
                { label: t("matching.run.summary.otherPairs"), value: summary.otherPairs },
                { label: t("matching.run.summary.unmatched"), value: summary.unmatched },
              ]}
            />
            {summary.pairs === 0 ? <p>{t("matching.pool.none")}</p> : null}
            {summary.meanScore !== null ? (
              <p>{t("matching.run.meanScore", { score: formatNumber(summary.meanScore, i18n.language, 1) })}</p>
            ) : null}
            {summary.unmatched ? (
              <div className="mb-table-wrap" {...scrollRegion(t("matching.run.unmatchedReason"))}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("matching.run.unmatchedReason")}</th>
                      <th scope="col">{t("matching.run.count")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(summary.unmatchedByReason)
                      .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
                      .map(([r, count]) => (
                        <tr key={r}>
                          <td>{reasonText(t, r)}</td>
                          <td>{n(count ?? 0)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>

          <nav aria-label={t("matching.run.sort")}>
            <p>
              {t("matching.run.sort")}:{" "}
              {sort === "score_desc" ? (
                <strong aria-current="true">{t("matching.run.sortScoreDesc")}</strong>
              ) : (
                <Link to={sortHref("score_desc")}>{t("matching.run.sortScoreDesc")}</Link>
              )}
              {" · "}
              {sort === "score_asc" ? (
                <strong aria-current="true">{t("matching.run.sortScoreAsc")}</strong>
              ) : (
                <Link to={sortHref("score_asc")}>{t("matching.run.sortScoreAsc")}</Link>
              )}
            </p>
          </nav>

          <section aria-labelledby="industry-h">
            <h2 id="industry-h">{t("matching.run.industryTitle")}</h2>
            <PageSummary window={industry} />
            {industry.rows.length ? (
              <>
                <PairsTable pairs={industry.rows} caption={t("matching.run.industryTitle")} />
                {industry.rows.some((p) => !p.requestId) ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="approvePage" />
                    {industry.rows
                      .filter((p) => !p.requestId)
                      .map((p) => (
                        <input key={p.menteeId} type="hidden" name="menteeId" value={p.menteeId} />
                      ))}
                    <button type="submit" className="button button-primary">
                      {t("matching.run.approvePage")}
                    </button>
                  </Form>
                ) : null}
              </>
            ) : null}
            <Pager window={industry} label={t("matching.run.industryTitle")} hash="industry-h" />
          </section>

          {other.total ? (
            <section aria-labelledby="other-h">
              <h2 id="other-h">{t("matching.run.otherTitle")}</h2>
              <p>{t("matching.run.otherIntro")}</p>
              <PageSummary window={other} />
              <PairsTable pairs={other.rows} caption={t("matching.run.otherTitle")} />
              <Pager window={other} param={OTHER_PAGE} label={t("matching.run.otherTitle")} hash="other-h" />
            </section>
          ) : null}

          {unmatched.total ? (
            <section aria-labelledby="unmatched-h">
              <h2 id="unmatched-h">{t("matching.run.unmatchedTitle")}</h2>
              <PageSummary window={unmatched} />
              <ul>
                {unmatched.rows.map((u) => (
                  <li key={u.menteeId}>
                    <Link to={`/koordinator/mentees/${u.menteeId}/kandidater`}>{u.name}</Link> ({u.municipality}):{" "}
                    {reasonText(t, u.reason)}
                  </li>
                ))}
              </ul>
              <Pager
                window={unmatched}
                param={UNMATCHED_PAGE}
                label={t("matching.run.unmatchedTitle")}
                hash="unmatched-h"
              />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function reasonText(t: (k: string) => string, reason: string): string {
  return reason === "mentors_taken" ? t("matching.run.reasons.mentors_taken") : t(`matching.rule.${reason}`);
}
