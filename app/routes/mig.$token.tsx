import type { SubmissionResult } from "@conform-to/react";
/**
 * The citizen's own page (issue 21), reached through their personal link: no account, their message language (and
 * direction), readable on a cheap phone, works without JavaScript. Shows what they already know (mentor's first name
 * and phone, the next meeting, their goals, the coordinator's contact) and lets them ask to be called, change phone
 * number or language (confirmed by a code to the number) and opt out. Every view is in the access log; views and
 * posts are rate-limited per client address. Unknown, expired and closed links answer without revealing anything.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { clientAddress } from "../auth/client-address";
import { config } from "../config.server";
import { isRtl, messageLanguages, type MessageLanguage } from "../domain/enums";
import { callMeSchema, contactChangeSchema, contactCodeSchema } from "../schemas/between";
import { citizenPageAllowed, citizenPageByToken } from "../services/citizen-page.server";
import {
  confirmContactChange,
  LINK_CLOSED,
  requestCall,
  startContactChange,
} from "../services/citizen-requests.server";
import { replyWith } from "../services/kernel.server";
import { citizenPageCopy, fill } from "../i18n/citizen-page-copy";
import { optOutCopy } from "../i18n/opt-out-copy";
import { citizenPageLanguage } from "../i18n/citizen-language";
import { formatMessageDate } from "../i18n/format";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: `${citizenPageCopy[d?.language ?? "da"].title} · Mentorbro` },
  { name: "robots", content: "noindex" },
];
// A page for its recipient only: never cached (the global Referrer-Policy keeps the token on this site).
export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!citizenPageAllowed(clientAddress(context), "view"))
    throw new Response("Too Many Requests", { status: 429, headers: { "Retry-After": "600" } });
  const page = citizenPageByToken(params.token ?? "");
  const own = page.state === "open" ? page.view.language : page.state === "invalid" ? "da" : page.language;
  const language = citizenPageLanguage(request, own);
  const stopNumber = config().SMS_STOP_NUMBER ?? null;
  if (page.state !== "open")
    return data(
      { state: page.state, language, own, view: null, stopNumber },
      { status: page.state === "invalid" ? 404 : 410 },
    );
  return { state: page.state, language, own, view: page.view, stopNumber };
}

type Errors = Partial<Record<"phone" | "language" | "code" | "form", string>>;

/**
 * The answer to one of the page's forms: Conform's reply. Its messages are keys of the page's own copy (`c.errors`, in
 * the citizen's language), from the services' results or from the form checks below.
 */
const answer = (reply: SubmissionResult<string[]>, status: number) => data({ reply }, { status });
/** A reply with only these errors, for a request that never reached a form's fields. */
const refusal = (errors: Errors): SubmissionResult<string[]> => ({
  status: "error",
  error: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "form" ? "" : k, [v!]])),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  if (!citizenPageAllowed(clientAddress(context), "post")) return answer(refusal({ form: "tooFast" }), 429);
  const form = await request.formData();
  const intent = form.get("intent");
  const sprog = new URL(request.url).searchParams.get("sprog");
  const back = (q: string) =>
    redirect(`/mig/${encodeURIComponent(token)}?${q}${sprog === "da" || sprog === "en" ? `&sprog=${sprog}` : ""}`);
  if (intent === "call") {
    const s = parseWithZod(form, { schema: callMeSchema });
    if (s.status !== "success") return answer(refusal({ form: "invalid" }), 400);
    const r = requestCall(token);
    if (r.ok) return back("done=call");
    return answer(replyWith(s, r), r.formErrors.includes(LINK_CLOSED) ? 410 : 409);
  }
  if (intent === "code") {
    const s = parseWithZod(form, { schema: contactCodeSchema });
    if (s.status !== "success") return answer(refusal({ code: "codeInvalid" }), 400);
    const r = confirmContactChange(token, s.value.changeId, s.value.code);
    return r.ok ? back("done=changed") : answer(replyWith(s, r, { hideFields: ["code"] }), 400);
  }
  const s = parseWithZod(form, { schema: contactChangeSchema });
  if (s.status !== "success") {
    const e = s.error ?? {};
    const fieldErrors = { phone: e.phone ? ["phoneInvalid"] : [], language: e.language ? ["invalid"] : [] };
    return answer(s.reply({ fieldErrors }), 400);
  }
  const r = startContactChange(token, s.value);
  if (!r.ok) return answer(replyWith(s, r), 400);
  return back("sent=1#code");
}

export default function CitizenPage() {
  const { state, language, own, view, stopNumber } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const c = citizenPageCopy[language];
  const dir = isRtl(language) ? "rtl" : "ltr";
  const readIn = [...new Set<MessageLanguage>([own, "da", "en"])].filter((l) => l !== language);
  const reply = actionData?.reply;
  const first = (name: string) => reply?.error?.[name]?.[0] ?? undefined;
  const err: Errors = { form: first(""), phone: first("phone"), language: first("language"), code: first("code") };
  const message = (key: string | undefined) =>
    key ? ((c.errors as Record<string, string>)[key] ?? c.errors.invalid) : null;
  const typed = (reply?.initialValue ?? {}) as { phone?: string; language?: string };
  const values = { phone: typed.phone?.slice(0, 30), language: typed.language };
  const langLinks = (
    <p className="mb-read-in">
      {readIn.map((l, i) => (
        <span key={l}>
          {i ? " · " : null}
          <a href={`?sprog=${l}`} lang={l} hrefLang={l} dir={isRtl(l) ? "rtl" : "ltr"}>
            {optOutCopy[l].languageName}
          </a>
        </span>
      ))}
    </p>
  );
  if (state !== "open" || !view) {
    const text =
      state === "expired" ? c.expired : state === "revoked" ? c.revoked : state === "closed" ? c.closed : c.invalid;
    return (
      <div lang={language} dir={dir} className="mb-citizen">
        <h1>{c.title}</h1>
        {langLinks}
        <p role="status">{text}</p>
        {state !== "closed" ? (
          <p>{stopNumber ? fill(c.newLinkSms, { number: stopNumber }) : c.newLinkCoordinator}</p>
        ) : null}
      </div>
    );
  }
  const done = params.get("done");
  const codeOpen = Boolean(view.pendingChange);
  return (
    <div lang={language} dir={dir} className="mb-citizen">
      <h1>{c.title}</h1>
      {langLinks}
      <p>{fill(c.hello, { name: view.firstName })}</p>
      {done === "changed" ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{c.changed}</p>
          </div>
        </div>
      ) : null}
      {err.form ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-heading">{c.errorTitle}</p>
            <p className="alert-text">{err.form === "tooFast" ? c.tooFast : message(err.form)}</p>
          </div>
        </div>
      ) : null}

      <section aria-labelledby="mig-mentor">
        <h2 id="mig-mentor">{c.mentorTitle}</h2>
        {view.mentor ? (
          <>
            <p>{fill(c.mentorName, { name: view.mentor.firstName })}</p>
            <p>
              {c.phone}:{" "}
              <a href={`tel:${view.mentor.phone}`} dir="ltr">
                {view.mentor.phone}
              </a>
            </p>
          </>
        ) : (
          <p>{c.noMentor}</p>
        )}
      </section>

      <section aria-labelledby="mig-meeting">
        <h2 id="mig-meeting">{c.meetingTitle}</h2>
        {view.nextMeeting ? (
          <dl className="mb-dl" data-testid="next-meeting">
            <dt>{c.forms[view.nextMeeting.form]}</dt>
            <dd>
              {fill(c.when, { date: formatMessageDate(view.nextMeeting.date, language), time: view.nextMeeting.time })}
            </dd>
            {view.nextMeeting.place ? (
              <>
                <dt>{c.place}</dt>
                <dd>{view.nextMeeting.place}</dd>
              </>
            ) : null}
            {view.nextMeeting.agenda ? (
              <>
                <dt>{c.agenda}</dt>
                <dd>{view.nextMeeting.agenda}</dd>
              </>
            ) : null}
          </dl>
        ) : (
          <p>{c.noMeeting}</p>
        )}
      </section>

      <section aria-labelledby="mig-goals">
        <h2 id="mig-goals">{c.goalsTitle}</h2>
        {view.goals.length ? (
          <ul>
            {view.goals.map((g, i) => (
              <li key={i}>
                {g.kind === "own" ? g.text : c.goals[g.kind]}: <strong>{c.statuses[g.status]}</strong>
              </li>
            ))}
          </ul>
        ) : (
          <p>{c.noGoals}</p>
        )}
      </section>

      <section aria-labelledby="mig-coordinator">
        <h2 id="mig-coordinator">{c.coordinatorTitle}</h2>
        <p>
          {fill(c.writeTo, { name: view.coordinator.name ?? "Mentorbro", email: "" })}
          <a href={`mailto:${view.coordinator.email}`} dir="ltr">
            {view.coordinator.email}
          </a>
        </p>
        {done === "call" ? (
          <p role="status">{c.callDone}</p>
        ) : view.callRequested ? (
          <p>{c.callAlready}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="call" />
            <button type="submit" className="button button-primary">
              {c.callMe}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="mig-contact">
        <h2 id="mig-contact">{c.contactTitle}</h2>
        {view.phoneHint ? (
          <p>
            {fill(c.phoneNow, { phone: "" })}
            <span dir="ltr">{view.phoneHint}</span>
          </p>
        ) : null}
        {codeOpen ? (
          <Form method="post" noValidate id="code">
            <input type="hidden" name="intent" value="code" />
            <input type="hidden" name="changeId" value={view.pendingChange!.id} />
            <p role="status">{c.codeSent}</p>
            <div className={`form-group${err.code ? " form-error" : ""}`}>
              <label className="form-label" htmlFor="mig-code">
                {c.code}
              </label>
              {err.code ? (
                <span className="form-error-message" id="mig-code-error" role="alert">
                  {message(err.code)}
                </span>
              ) : null}
              <input
                id="mig-code"
                name="code"
                className="form-input input-width-xs"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                dir="ltr"
                aria-invalid={err.code ? true : undefined}
                aria-describedby={err.code ? "mig-code-error" : undefined}
              />
            </div>
            <button type="submit" className="button button-primary">
              {c.confirm}
            </button>
          </Form>
        ) : null}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="contact" />
          <div className={`form-group${err.phone ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="mig-phone">
              {c.newPhone}
            </label>
            <span className="form-hint" id="mig-phone-hint">
              {c.newPhoneHint}
            </span>
            {err.phone ? (
              <span className="form-error-message" id="mig-phone-error" role="alert">
                {message(err.phone)}
              </span>
            ) : null}
            <input
              id="mig-phone"
              name="phone"
              type="tel"
              className="form-input"
              autoComplete="tel"
              dir="ltr"
              defaultValue={values.phone ?? ""}
              maxLength={30}
              aria-invalid={err.phone ? true : undefined}
              aria-describedby={err.phone ? "mig-phone-hint mig-phone-error" : "mig-phone-hint"}
            />
          </div>
          <div className={`form-group${err.language ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="mig-language">
              {c.language}
            </label>
            {err.language ? (
              <span className="form-error-message" id="mig-language-error" role="alert">
                {message(err.language)}
              </span>
            ) : null}
            <select
              id="mig-language"
              name="language"
              className="form-select"
              defaultValue={values.language || own}
              aria-describedby={err.language ? "mig-language-error" : undefined}
            >
              {messageLanguages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {optOutCopy[l].languageName}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-secondary">
            {c.sendCode}
          </button>
        </Form>
      </section>

      <section aria-labelledby="mig-messages">
        <h2 id="mig-messages">{c.messagesTitle}</h2>
        <p>
          <a href={view.optOutUrl}>{c.optOut}</a>
        </p>
      </section>
    </div>
  );
}
