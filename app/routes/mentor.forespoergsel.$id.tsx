import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { notFound } from "../auth/guards.server";
import { requirePermission } from "../auth/permissions.server";
import { answerRequest, REQUEST_NOT_FOUND } from "../services/match-requests.server";
import { replyWith } from "../services/kernel.server";
import { requestForMentor } from "../services/match-request-reads.server";
import { requestAnswerSchema } from "../schemas/matching";
import { Alert, translateError } from "../components/forms";
import { industryLabel } from "../components/MatchReasons";
import { formatDate, languageName } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { idParam } from "../utils/params.server";

export const meta = pageMeta("matchRequest");

/** A mentor's match request (issue 19): the citizen's minimal profile, yes or no. Only the mentor asked sees it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "answer:match-request:own");
  const r = requestForMentor(user.id, idParam(params.id));
  if (!r) throw notFound();
  return { r };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "answer:match-request:own");
  const id = idParam(params.id);
  const form = await request.formData();
  const s = parseWithZod(form, { schema: requestAnswerSchema });
  if (s.status !== "success") return data(s.reply(), { status: 400 });
  const r = answerRequest(
    user,
    id,
    s.value.answer === "accept" ? { accept: true } : { accept: false, reason: s.value.reason ?? null },
  );
  if (!r.ok) {
    if (r.formErrors.includes(REQUEST_NOT_FOUND)) throw notFound();
    return data(replyWith(s, r), { status: 409 });
  }
  const done = r.value;
  return redirect(
    done.status === "accepted" ? `/mentor/forloeb/${done.courseId}?accepted=1` : `/mentor/forespoergsel/${id}`,
  );
}

export default function MatchRequestPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { r } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const reasonErr = result?.error?.reason?.[0];
  const formError = result?.error?.[""]?.[0];
  return (
    <div>
      <p>
        <Link to="/mentor">{t("volunteer.request.back")}</Link>
      </p>
      <h1>{t("volunteer.request.title", { name: r.menteeFirstName })}</h1>
      {formError ? <Alert kind="error">{translateError(t, formError)}</Alert> : null}
      <p>{t("volunteer.request.intro", { name: r.menteeFirstName, municipality: r.municipality })}</p>
      <dl className="mb-dl">
        <dt>{t("matching.candidates.languages")}</dt>
        <dd>{r.languages.map((l) => languageName(l, lng)).join(", ") || "–"}</dd>
        <dt>{t("matching.candidates.danishLevel")}</dt>
        <dd>{t(`enum.danishLevel.${r.danishLevel}`)}</dd>
        <dt>{t("matching.candidates.industries")}</dt>
        <dd>{r.wishedIndustryCodes.map((c) => industryLabel(c, lng)).join(", ") || "–"}</dd>
        <dt>{t("matching.candidates.goals")}</dt>
        <dd>{r.goals.map((g) => t(`enum.goal.${g}`)).join(", ") || "–"}</dd>
        <dt>{t("volunteer.request.start")}</dt>
        <dd>{formatDate(r.startDate, lng)}</dd>
      </dl>
      {r.noIndustry ? <Alert kind="info">{t("volunteer.request.noIndustry")}</Alert> : null}
      {r.answerable ? (
        <>
          <p>
            <strong>{t("volunteer.request.deadline", { date: formatDate(r.deadline.slice(0, 10), lng) })}</strong>
          </p>
          <p>{t("volunteer.request.privacy", { name: r.menteeFirstName })}</p>
          <Form method="post">
            <input type="hidden" name="answer" value="accept" />
            <button type="submit" className="button button-primary">
              {t("volunteer.request.accept", { name: r.menteeFirstName })}
            </button>
          </Form>
          <h2 id="decline-title">{t("volunteer.request.declineTitle")}</h2>
          <Form method="post" aria-labelledby="decline-title">
            <input type="hidden" name="answer" value="decline" />
            <div className={`form-group${reasonErr ? " form-error" : ""}`}>
              <label className="form-label" htmlFor="decline-reason">
                {t("volunteer.request.reason")} <span className="weight-normal">({t("common.form.optional")})</span>
              </label>
              <span className="form-hint" id="decline-reason-hint">
                {t("volunteer.request.reasonHint")}
              </span>
              {reasonErr ? (
                <span className="form-error-message" id="decline-reason-err" role="alert">
                  {translateError(t, reasonErr)}
                </span>
              ) : null}
              <textarea
                className="form-input"
                id="decline-reason"
                name="reason"
                rows={3}
                maxLength={300}
                defaultValue={String(result?.initialValue?.reason ?? "")}
                aria-invalid={reasonErr ? true : undefined}
                aria-describedby={reasonErr ? "decline-reason-hint decline-reason-err" : "decline-reason-hint"}
              />
            </div>
            <button type="submit" className="button button-secondary">
              {t("volunteer.request.decline")}
            </button>
          </Form>
        </>
      ) : (
        <Alert kind="info">{t(`volunteer.request.closed.${r.status}`)}</Alert>
      )}
      {r.status === "accepted" && r.courseId ? (
        <p>
          <Link to={`/mentor/forloeb/${r.courseId}`}>
            {t("volunteer.request.toCourse", { name: r.menteeFirstName })}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
