import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "../auth/guards.server";
import { approveMatch, runPool } from "../services/matching.server";
import { poolApproveSchema, poolQuerySchema } from "../schemas/matching";
import { assignmentModes } from "../domain/assignment";
import { Alert } from "../components/forms";
import { MatchReasons, industryLabel } from "../components/MatchReasons";
import { formatNumber } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("matching");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "coordinator", "admin");
  const url = new URL(request.url);
  const q = poolQuerySchema.parse({ mode: url.searchParams.get("mode") ?? undefined, run: url.searchParams.get("run") ?? undefined });
  return { mode: q.mode, result: q.run ? runPool(q.mode) : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "coordinator", "admin");
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: poolApproveSchema });
  if (submission.status !== "success") return data({ error: "nothingSelected" as const }, { status: 400 });
  const v = submission.value;
  const chosen = [...new Set(v.intent === "all" ? v.all : v.pair)];
  if (!chosen.length) return data({ error: "nothingSelected" as const }, { status: 400 });
  let approved = 0;
  let failed = 0;
  for (const p of chosen) {
    const [menteeId, mentorId] = p.split(":").map(Number);
    const r = approveMatch({ menteeId, mentorId, actor: user });
    if (r.ok) approved++; else failed++;
  }
  return redirect(`/koordinator/matching?mode=${v.mode}&approved=${approved}&failed=${failed}`);
}

export default function Pool() {
  const { t, i18n } = useTranslation();
  const { mode, result } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const approved = params.get("approved");
  return (
    <>
      <h1>{t("matching.pool.title")}</h1>
      <p>{t("matching.pool.intro")}</p>
      {approved !== null ? <Alert kind="success">{t("matching.pool.result", { approved: Number(approved) || 0, failed: Number(params.get("failed")) || 0 })}</Alert> : null}
      {actionData?.error ? <Alert kind="error">{t(`matching.pool.${actionData.error}`)}</Alert> : null}

      <Form method="get" className="mb-pool-form">
        <input type="hidden" name="run" value="1" />
        <fieldset className="form-group">
          <legend className="form-label">{t("matching.pool.mode")}</legend>
          <ul className="nobullet-list">
            {assignmentModes.map((m) => (
              <li key={m}>
                <input className="form-radio" type="radio" id={`mode-${m}`} name="mode" value={m} defaultChecked={m === mode} />
                <label htmlFor={`mode-${m}`}>{t(`matching.pool.modes.${m}`)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className="button button-primary">{t("matching.pool.run")}</button>
      </Form>

      {result ? (
        <section aria-labelledby="proposal-h">
          <h2 id="proposal-h">{t(`matching.pool.modes.${result.mode}`)}</h2>
          <p>{t("matching.pool.summary", { pairs: result.pairs.length, waiting: result.waiting, mentors: result.mentorsAvailable, total: formatNumber(result.totalScore, i18n.language, 1) })}</p>
          {result.pairs.length === 0 ? <p>{t("matching.pool.none")}</p> : (
            <Form method="post">
              <input type="hidden" name="mode" value={result.mode} />
              {result.pairs.map((p) => <input key={`all-${p.menteeId}`} type="hidden" name="all" value={`${p.menteeId}:${p.mentorId}`} />)}
              <div className="mb-table-wrap" {...scrollRegion(t("matching.pool.title"))}>
                <table className="table table--zebra">
                  <thead><tr>
                    <th scope="col">{t("matching.pool.select")}</th>
                    <th scope="col">{t("matching.pool.mentee")}</th>
                    <th scope="col">{t("matching.pool.mentor")}</th>
                    <th scope="col">{t("matching.pool.score")}</th>
                    <th scope="col">{t("matching.pool.reasons")}</th>
                  </tr></thead>
                  <tbody>
                    {result.pairs.map((p) => (
                      <tr key={p.menteeId}>
                        <td>
                          {/* DKFDS draws the box on the label; the wrapper keeps box and input in this cell. */}
                          <div className="form-group-checkbox">
                            <input className="form-checkbox" type="checkbox" id={`pair-${p.menteeId}`} name="pair" value={`${p.menteeId}:${p.mentorId}`} />
                            <label htmlFor={`pair-${p.menteeId}`}><span className="sr-only">{t("matching.pool.selectPair", { mentee: p.menteeName, mentor: p.mentor.name })}</span></label>
                          </div>
                        </td>
                        <td>
                          {p.menteeName}<br /><span className="form-hint">{p.menteeMunicipality}</span><br />
                          <Link to={`/koordinator/mentees/${p.menteeId}/kandidater`} aria-label={t("matching.pool.replaceFor", { name: p.menteeName })}>{t("matching.pool.replace")}</Link>
                        </td>
                        <td>{p.mentor.name}<br /><span className="form-hint">{p.mentor.municipalityName} · {industryLabel(p.mentor.industryCode, i18n.language)}</span></td>
                        <td>{formatNumber(p.score, i18n.language, 1)}</td>
                        <td><MatchReasons reasons={p.reasons} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <button type="submit" name="intent" value="selected" className="button button-primary">{t("matching.pool.approveSelected")}</button>{" "}
              <button type="submit" name="intent" value="all" className="button button-secondary">{t("matching.pool.approveAll")}</button>
            </Form>
          )}
          {result.unmatched.length ? (
            <details>
              <summary>{t("matching.pool.unmatched", { count: result.unmatched.length })}</summary>
              <ul>
                {result.unmatched.map((u) => <li key={u.id}><Link to={`/koordinator/mentees/${u.id}/kandidater`}>{u.name}</Link> ({u.municipalityName})</li>)}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
