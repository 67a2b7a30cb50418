import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { candidatesFor } from "../services/match-candidates.server";
import { requestMatch } from "../services/match-requests.server";
import { matchRefusal } from "../services/match-approval.server";
import { replyWith } from "../services/kernel.server";
import { requestsForMentee } from "../services/match-request-reads.server";
import { profileReasonsForMentors } from "../services/competence.server";
import { hardRules, type HardRule } from "../domain/matching";
import { pageOf } from "../domain/paging";
import { PageSummary, Pager } from "../components/Pager";
import { approveSchema } from "../schemas/matching";
import { Alert, translateError } from "../components/forms";
import { MatchReasons, industryLabel, languageName } from "../components/MatchReasons";
import { matchRefusalText } from "../components/match-refusal";
import { formatDate, formatNumber } from "../i18n/format";
import { today } from "../utils/clock";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("candidates");

/** `?udelukket=<rule>` shows a page of the mentors that rule excludes first. */
const EXCLUDED_PARAM = "udelukket";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "run:matching:any");
  const id = idParam(params.id);
  const url = new URL(request.url);
  const asked = url.searchParams.get(EXCLUDED_PARAM);
  const excluded = (hardRules as readonly string[]).includes(asked ?? "") ? (asked as HardRule) : undefined;
  const result = candidatesFor(id, user, undefined, { excluded, page: pageOf(url.searchParams) });
  if (!result) throw notFound();
  // The competence assessment's evidence beside the engine's reasons (experience in the mentor's industry).
  const fromProfile = profileReasonsForMentors(
    id,
    result.candidates.map((c) => c.mentor.industryCode),
  );
  const candidates = result.candidates.map((c) => {
    const extra = fromProfile.get(c.mentor.industryCode);
    return extra ? { ...c, reasons: [...c.reasons, extra] } : c;
  });
  return { ...result, candidates, requests: requestsForMentee(id), today: today() };
}

/** The reply to one candidate's approval form: Conform's reply (errors beside their fields, what was typed). */
type ActionResult = { mentorId: number | null; reply: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "approve:match:any");
  const id = idParam(params.id);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: approveSchema });
  const mentorIdRaw = Number(form.get("mentorId"));
  const mentorId = Number.isInteger(mentorIdRaw) && mentorIdRaw > 0 ? mentorIdRaw : null;
  if (submission.status !== "success")
    return data<ActionResult>({ mentorId, reply: submission.reply() }, { status: 400 });
  const v = submission.value;
  // Issue 19: the approval asks the mentor; the course is created when the mentor says yes.
  const r = requestMatch({
    menteeId: id,
    mentorId: v.mentorId,
    startDate: v.startDate,
    reason: v.manualReason ?? null,
    actor: user,
  });
  if (r.ok) return redirect(`/koordinator/mentees/${id}/kandidater?anmodet=${r.value.requestId}`);
  if (r.formErrors.includes(matchRefusal("mentee_not_found"))) throw notFound();
  return data<ActionResult>({ mentorId, reply: replyWith(submission, r) }, { status: 409 });
}

export default function Candidates() {
  const { t, i18n } = useTranslation();
  const {
    mentee,
    candidates,
    excludedTotal,
    excludedCounts,
    excludedPage,
    total,
    weightsVersion,
    requests,
    today: todayDate,
  } = useLoaderData<typeof loader>();
  const open = requests.find((r) => r.status === "requested");
  const n = (x: number) => formatNumber(x, i18n.language);
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const name = `${mentee.firstName} ${mentee.lastName}`;
  const waiting = mentee.status === "waiting";
  const formError = (reply: SubmissionResult<string[]> | undefined) => reply?.error?.[""]?.[0];
  return (
    <>
      <p>
        <Link to="/koordinator/matching">{t("matching.candidates.back")}</Link>
      </p>
      <h1>{t("matching.candidates.title", { name })}</h1>
      {params.get("anmodet") ? <Alert kind="success">{t("matching.candidates.requested")}</Alert> : null}
      {result && result.mentorId === null && formError(result.reply) ? (
        <Alert kind="error">{matchRefusalText(t, formError(result.reply)!)}</Alert>
      ) : null}

      <h2>{t("matching.candidates.profile")}</h2>
      <dl className="mb-dl">
        <dt>{t("matching.candidates.status")}</dt>
        <dd>{t(`enum.menteeStatus.${mentee.status}`)}</dd>
        <dt>{t("matching.candidates.municipality")}</dt>
        <dd>{mentee.municipalityName}</dd>
        <dt>{t("matching.candidates.industries")}</dt>
        <dd>{mentee.wishedIndustryCodes.map((c) => industryLabel(c, i18n.language)).join(", ") || "–"}</dd>
        <dt>{t("matching.candidates.languages")}</dt>
        <dd>{mentee.languages.map((l) => languageName(t, l, i18n.language)).join(", ") || "–"}</dd>
        <dt>{t("matching.candidates.danishLevel")}</dt>
        <dd>{t(`enum.danishLevel.${mentee.danishLevel}`)}</dd>
        <dt>{t("matching.candidates.goals")}</dt>
        <dd>{mentee.goals.map((g) => t(`enum.goal.${g}`)).join(", ") || "–"}</dd>
      </dl>
      <p className="form-hint">{t("matching.candidates.weightsVersion", { version: weightsVersion })}</p>

      {requests.length ? (
        <section aria-labelledby="h-requests">
          <h2 id="h-requests">{t("matching.candidates.requestsTitle")}</h2>
          <ul data-testid="match-requests">
            {requests.map((r) => (
              <li key={r.id}>
                {t("matching.candidates.requestStatus", {
                  mentor: `${r.mentorFirstName} ${r.mentorLastName}`,
                  status: t(`matching.requestStatus.${r.status}`),
                  date: formatDate((r.answeredAt ?? r.requestedAt).slice(0, 10), i18n.language),
                })}
                {r.noIndustry ? (
                  <>
                    {" "}
                    · <span className="mb-badge mb-badge--warn">{t("matching.candidates.noIndustry")}</span>
                  </>
                ) : null}
                {r.declineReason ? (
                  <>
                    <br />
                    {t("matching.candidates.declineReason", { reason: r.declineReason })}
                  </>
                ) : null}
                {r.reason ? (
                  <>
                    <br />
                    {t("matching.candidates.coordinatorReason", { reason: r.reason })}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {!waiting ? (
        <Alert kind="info">
          {t("matching.candidates.notWaiting", { status: t(`enum.menteeStatus.${mentee.status}`) })}
        </Alert>
      ) : open ? (
        <Alert kind="info">
          {t("matching.candidates.openRequest", {
            mentor: `${open.mentorFirstName} ${open.mentorLastName}`,
            deadline: formatDate(open.deadline.slice(0, 10), i18n.language),
          })}
        </Alert>
      ) : (
        <>
          <h2>{t("matching.candidates.count", { count: total })}</h2>
          <p>{t("matching.candidates.intro")}</p>
          {candidates.length === 0 ? <p>{t("matching.candidates.none")}</p> : null}
          <ol className="mb-candidates nobullet-list">
            {candidates.map((c, i) => {
              const mine = result?.mentorId === c.mentorId ? result.reply : undefined;
              const startErr = mine?.error?.startDate?.[0];
              const reasonErr = mine?.error?.manualReason?.[0];
              const typed = (name: string) => (mine?.initialValue as Record<string, string> | undefined)?.[name];
              const refused = formError(mine);
              const base = `c${c.mentorId}`;
              return (
                <li key={c.mentorId} className="mb-candidate" aria-labelledby={`${base}-h`}>
                  <h3 id={`${base}-h`}>{t("matching.candidates.rank", { rank: i + 1, name: c.mentor.name })}</h3>
                  <p>
                    <strong>
                      {t("matching.candidates.score", { score: formatNumber(c.score, i18n.language, 1) })}
                    </strong>
                    {" · "}
                    {t("matching.candidates.mentorInfo", {
                      municipality: c.mentor.municipalityName,
                      industry: industryLabel(c.mentor.industryCode, i18n.language),
                      free: c.mentor.free,
                      capacity: c.mentor.capacity,
                    })}
                    {c.sharedIndustry ? null : (
                      <>
                        {" · "}
                        <span className="mb-badge mb-badge--warn" data-testid="no-industry">
                          {t("matching.candidates.noIndustry")}
                        </span>
                      </>
                    )}
                  </p>
                  <MatchReasons reasons={c.reasons} />
                  {refused ? <Alert kind="error">{matchRefusalText(t, refused)}</Alert> : null}
                  <Form method="post" className="mb-approve-form">
                    <input type="hidden" name="mentorId" value={c.mentorId} />
                    {c.sharedIndustry ? null : <input type="hidden" name="noIndustry" value="1" />}
                    <div className={`form-group${startErr ? " form-error" : ""}`}>
                      <label className="form-label" htmlFor={`${base}-start`}>
                        {t("matching.candidates.startDate")}
                      </label>
                      {startErr ? (
                        <span className="form-error-message" id={`${base}-start-err`} role="alert">
                          {translateError(t, startErr)}
                        </span>
                      ) : null}
                      <input
                        className="form-input input-width-s"
                        type="date"
                        id={`${base}-start`}
                        name="startDate"
                        required
                        defaultValue={typed("startDate") ?? todayDate}
                        aria-invalid={startErr ? true : undefined}
                        aria-describedby={startErr ? `${base}-start-err` : undefined}
                      />
                    </div>
                    <div className={`form-group${reasonErr ? " form-error" : ""}`}>
                      <label className="form-label" htmlFor={`${base}-reason`}>
                        {t("matching.candidates.manualReason")}{" "}
                        <span className="weight-normal">
                          ({c.sharedIndustry ? t("common.form.optional") : t("matching.candidates.reasonRequired")})
                        </span>
                      </label>
                      {!c.sharedIndustry ? (
                        <span className="form-hint" id={`${base}-reason-hint`}>
                          {t("matching.candidates.noIndustryHint")}
                        </span>
                      ) : i > 0 ? (
                        <span className="form-hint" id={`${base}-reason-hint`}>
                          {t("matching.candidates.manualReasonHint")}
                        </span>
                      ) : null}
                      {reasonErr ? (
                        <span className="form-error-message" id={`${base}-reason-err`} role="alert">
                          {translateError(t, reasonErr)}
                        </span>
                      ) : null}
                      <textarea
                        className="form-input"
                        rows={2}
                        id={`${base}-reason`}
                        name="manualReason"
                        maxLength={500}
                        defaultValue={typed("manualReason") ?? ""}
                        aria-invalid={reasonErr ? true : undefined}
                        required={!c.sharedIndustry || undefined}
                        aria-describedby={
                          [
                            i > 0 || !c.sharedIndustry ? `${base}-reason-hint` : null,
                            reasonErr ? `${base}-reason-err` : null,
                          ]
                            .filter(Boolean)
                            .join(" ") || undefined
                        }
                      />
                    </div>
                    <button type="submit" className="button button-primary">
                      {t("matching.candidates.approve", { name: c.mentor.name })}
                    </button>
                  </Form>
                </li>
              );
            })}
          </ol>
        </>
      )}

      {excludedTotal > 0 ? (
        <section aria-labelledby="h-excluded" className="mb-excluded">
          <h2 id="h-excluded">
            {t("matching.candidates.excludedTitle", { count: excludedTotal, formatted: n(excludedTotal) })}
          </h2>
          <p>{t("matching.candidates.excludedIntro")}</p>
          <div
            className="mb-table-wrap"
            {...scrollRegion(
              t("matching.candidates.excludedTitle", { count: excludedTotal, formatted: n(excludedTotal) }),
            )}
          >
            <table className="table table--zebra" data-testid="excluded-counts">
              <thead>
                <tr>
                  <th scope="col">{t("matching.candidates.excludedRules")}</th>
                  <th scope="col">{t("matching.candidates.excludedCount")}</th>
                </tr>
              </thead>
              <tbody>
                {excludedCounts.map((c) => (
                  <tr key={c.rule}>
                    <td>{t(`matching.rule.${c.rule}`)}</td>
                    <td>
                      <Link
                        to={`?${EXCLUDED_PARAM}=${c.rule}#h-excluded-list`}
                        aria-current={excludedPage?.rule === c.rule ? "true" : undefined}
                        aria-label={t("matching.candidates.excludedShow", {
                          count: c.count,
                          formatted: n(c.count),
                          rule: t(`matching.rule.${c.rule}`),
                        })}
                      >
                        {n(c.count)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {excludedPage ? (
            <>
              <h3 id="h-excluded-list">{t(`matching.rule.${excludedPage.rule}`)}</h3>
              <PageSummary window={excludedPage} />
              <div className="mb-table-wrap" {...scrollRegion(t(`matching.rule.${excludedPage.rule}`))}>
                <table className="table table--zebra" data-testid="excluded">
                  <thead>
                    <tr>
                      <th scope="col">{t("matching.candidates.excludedMentor")}</th>
                      <th scope="col">{t("matching.candidates.municipality")}</th>
                      <th scope="col">{t("matching.candidates.excludedAllRules")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {excludedPage.rows.map((x) => (
                      <tr key={x.mentor.id}>
                        <td>{x.mentor.name}</td>
                        <td>{x.mentor.municipalityName}</td>
                        <td>
                          {x.rules
                            .map((r) =>
                              r === "outside_travel_area" && x.distanceKm !== null
                                ? `${t(`matching.rule.${r}`)} (${t("matching.candidates.excludedDistance", { km: Math.round(x.distanceKm), travel: x.travelKm })})`
                                : t(`matching.rule.${r}`),
                            )
                            .join("; ")}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager window={excludedPage} hash="h-excluded-list" label={t(`matching.rule.${excludedPage.rule}`)} />
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
