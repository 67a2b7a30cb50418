/**
 * The citizen's survey, reached through the personal link in an SMS or email: no account, the citizen's own language
 * (and direction), works without JavaScript. The token decides everything: it belongs to one survey of one course,
 * expires, and is spent when answered. Unknown, expired and used links all answer without revealing anything.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { answerSurveyByToken, surveyByToken } from "../services/surveys.server";
import { surveySchema } from "../schemas/courses";
import { surveyCopy } from "../i18n/survey-copy";
import { isRtl, type MessageLanguage } from "../domain/enums";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${surveyCopy[d?.language ?? "da"].title} · Mentorbro` },
  { name: "robots", content: "noindex" },
];
// The global Referrer-Policy (same-origin) keeps the token from leaking to other sites; "no-referrer" would make the
// browser send `Origin: null` on the form post, which Remix refuses.
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ params }: LoaderFunctionArgs) {
  const link = surveyByToken(params.token ?? "");
  const language: MessageLanguage = link.state === "invalid" ? "da" : link.language;
  return data(
    { state: link.state, language },
    { status: link.state === "invalid" ? 404 : link.state === "expired" ? 410 : 200 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const link = surveyByToken(token);
  if (link.state !== "open") return redirect(`/s/${encodeURIComponent(token)}`);
  const submission = parseWithZod(await request.formData(), { schema: surveySchema });
  if (submission.status !== "success") {
    return data(
      { errors: Object.keys(submission.error ?? {}), values: submission.payload as Record<string, unknown> },
      { status: 400 },
    );
  }
  const result = answerSurveyByToken(token, submission.value);
  return redirect(`/s/${encodeURIComponent(token)}${result.ok ? "?tak=1" : ""}`);
}

export default function PublicSurvey() {
  const { state, language } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const c = surveyCopy[language];
  const dir = isRtl(language) ? "rtl" : "ltr";
  const errors = new Set(actionData?.errors ?? []);
  const values: Record<string, unknown> = actionData?.values ?? {};
  if (state !== "open") {
    const text = params.get("tak")
      ? c.thanks
      : state === "answered"
        ? c.answered
        : state === "expired"
          ? c.expired
          : c.invalid;
    return (
      <div lang={language} dir={dir}>
        <h1>{c.title}</h1>
        <p role="status">{text}</p>
      </div>
    );
  }
  return (
    <div lang={language} dir={dir} className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{c.title}</h1>
        <p>{c.intro}</p>
        <Form method="post" noValidate>
          <fieldset
            className={`form-group${errors.has("satisfaction") ? " form-error" : ""}`}
            aria-describedby={errors.has("satisfaction") ? "satisfaction-error" : undefined}
          >
            <legend className="form-label">{c.satisfaction}</legend>
            {errors.has("satisfaction") ? (
              <span className="form-error-message" id="satisfaction-error" role="alert">
                {c.required}
              </span>
            ) : null}
            <ul className="nobullet-list">
              {[1, 2, 3, 4, 5].map((n) => (
                <li key={n}>
                  <input
                    className="form-radio"
                    type="radio"
                    id={`satisfaction-${n}`}
                    name="satisfaction"
                    value={n}
                    defaultChecked={String(values.satisfaction) === String(n)}
                  />
                  <label htmlFor={`satisfaction-${n}`}>
                    {n}
                    {n === 1 ? ` – ${c.scaleLow}` : n === 5 ? ` – ${c.scaleHigh}` : ""}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset
            className={`form-group${errors.has("closerToJob") ? " form-error" : ""}`}
            aria-describedby={errors.has("closerToJob") ? "closer-error" : undefined}
          >
            <legend className="form-label">{c.closer}</legend>
            {errors.has("closerToJob") ? (
              <span className="form-error-message" id="closer-error" role="alert">
                {c.required}
              </span>
            ) : null}
            <ul className="nobullet-list">
              {(["yes", "no", "unsure"] as const).map((v) => (
                <li key={v}>
                  <input
                    className="form-radio"
                    type="radio"
                    id={`closer-${v}`}
                    name="closerToJob"
                    value={v}
                    defaultChecked={values.closerToJob === v}
                  />
                  <label htmlFor={`closer-${v}`}>{c[v]}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className={`form-group${errors.has("comment") ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="comment">
              {c.comment}
            </label>
            <span className="form-hint" id="comment-hint">
              {c.commentHint}
            </span>
            {errors.has("comment") ? (
              <span className="form-error-message" id="comment-error" role="alert">
                {c.commentInvalid}
              </span>
            ) : null}
            <textarea
              id="comment"
              name="comment"
              className="form-input"
              rows={4}
              maxLength={1000}
              aria-describedby={errors.has("comment") ? "comment-hint comment-error" : "comment-hint"}
              aria-invalid={errors.has("comment") || undefined}
              defaultValue={typeof values.comment === "string" ? values.comment.slice(0, 1000) : ""}
            />
          </div>
          <button type="submit" className="button button-primary">
            {c.submit}
          </button>
        </Form>
      </div>
    </div>
  );
}
