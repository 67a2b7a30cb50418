/**
 * Opt-out page from the link in every email to a mentee. The token is opaque (encrypted, authenticated); the page asks
 * before it acts (a mail scanner that follows links must not unsubscribe anyone) and works without JavaScript.
 * It speaks the citizen's message language (right-to-left where the script is), with links to read it in Danish or
 * English, e.g. when a caseworker helps.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { channels, isRtl, messageLanguages, type Channel, type MessageLanguage } from "../domain/enums";
import { optOut, optOutState, readOptOutToken } from "../messaging/preferences.server";
import { optOutSchema } from "../schemas/messaging";
import { audit } from "../services/audit.server";
import { optOutCopy } from "../i18n/opt-out-copy";
import { citizenPageLanguage } from "../i18n/citizen-language";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${optOutCopy[d?.language ?? "da"].title} · Mentorbro` },
  { name: "robots", content: "noindex" },
];
// The global Referrer-Policy (same-origin) keeps the token from leaking to other sites (see s.$token.tsx).
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const person = readOptOutToken(params.token ?? "");
  const state = person ? optOutState(person) : null;
  if (!state) {
    const language = citizenPageLanguage(request, "da");
    return data(
      { valid: false as const, stopped: [] as Channel[], language, own: "da" as MessageLanguage },
      { status: 404 },
    );
  }
  const own = (messageLanguages as readonly string[]).includes(state.language)
    ? (state.language as MessageLanguage)
    : "da";
  const stopped = channels.filter((c) => (c === "sms" ? state.smsOptOutAt : state.emailOptOutAt));
  return data({ valid: true as const, stopped, language: citizenPageLanguage(request, own), own });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const person = readOptOutToken(params.token ?? "");
  if (!person || !optOutState(person)) return data({ invalid: true, error: false }, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: optOutSchema });
  if (submission.status !== "success") return data({ invalid: false, error: true }, { status: 400 });
  if (optOut(person, submission.value.channels, "opted out by link")) {
    audit(null, "update", "mentee", person.id, { action: "opt_out", channels: submission.value.channels, via: "link" });
  }
  const sprog = new URL(request.url).searchParams.get("sprog");
  return redirect(`/afmeld/${params.token}?done=1${sprog === "da" || sprog === "en" ? `&sprog=${sprog}` : ""}`);
}

export default function OptOut() {
  const { valid, stopped, language, own } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const c = optOutCopy[language];
  const dir = isRtl(language) ? "rtl" : "ltr";
  const readIn = [...new Set<MessageLanguage>([own, "da", "en"])].filter((l) => l !== language);
  const error = Boolean(actionData?.error);
  const stillOn = channels.filter((ch) => !stopped.includes(ch));
  return (
    <div lang={language} dir={dir} className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{c.title}</h1>
        <p>
          {readIn.map((l, i) => (
            <span key={l}>
              {i ? " · " : null}
              <a href={`?sprog=${l}`} lang={l} hrefLang={l} dir={isRtl(l) ? "rtl" : "ltr"}>
                {optOutCopy[l].languageName}
              </a>
            </span>
          ))}
        </p>
        {!valid || actionData?.invalid ? (
          <div className="alert alert-error" role="alert">
            <div className="alert-body">
              <p className="alert-text">{c.invalid}</p>
            </div>
          </div>
        ) : (
          <>
            {params.get("done") ? (
              <div className="alert alert-success" role="status">
                <div className="alert-body">
                  <p className="alert-text">{c.done}</p>
                </div>
              </div>
            ) : null}
            {stopped.length ? (
              <p data-testid="opt-out-state">
                {c.already.replace(
                  "{channels}",
                  stopped.map((ch) => (ch === "sms" ? c.smsName : c.emailName)).join(", "),
                )}
              </p>
            ) : null}
            <p>{c.intro}</p>
            {error ? (
              <div className="alert alert-error" role="alert" aria-labelledby="opt-out-summary">
                <div className="alert-body">
                  <p className="alert-heading" id="opt-out-summary">
                    {c.errorTitle}
                  </p>
                  <ul className="alert-text">
                    <li>
                      <a href="#opt-out-channels">{c.chooseOne}</a>
                    </li>
                  </ul>
                </div>
              </div>
            ) : null}
            <Form method="post" noValidate>
              <fieldset
                id="opt-out-channels"
                tabIndex={-1}
                className={`form-group${error ? " form-error" : ""}`}
                aria-describedby={error ? "opt-out-channels-error" : undefined}
              >
                <legend className="form-label">{c.channels}</legend>
                {error ? (
                  <span className="form-error-message" id="opt-out-channels-error">
                    {c.chooseOne}
                  </span>
                ) : null}
                <ul className="nobullet-list">
                  {channels.map((ch) => (
                    <li key={ch} className="form-group-checkbox">
                      <input
                        className="form-checkbox"
                        type="checkbox"
                        id={`opt-out-${ch}`}
                        name="channels"
                        value={ch}
                        defaultChecked={!error && stillOn.includes(ch)}
                      />
                      <label htmlFor={`opt-out-${ch}`}>{ch === "sms" ? c.sms : c.email}</label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <button type="submit" className="button button-primary">
                {c.submit}
              </button>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
