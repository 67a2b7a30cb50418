/**
 * The coordinator's side of the citizen's own page (issue 21), on the citizen's staff page: how many live links they
 * have (never the links), sending a new one (optionally closing the others), and open "call me" requests.
 */
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { Alert } from "./forms";
import { formatDateTime } from "../i18n/format";

export function CitizenPageAdmin({
  links,
  calls,
  failed,
}: {
  links: number;
  calls: { id: number; requestedAt: string }[];
  failed: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <section aria-labelledby="citizen-page-title" className="mb-stack">
      <h2 id="citizen-page-title" tabIndex={-1}>
        {t("between.citizen.title")}
      </h2>
      {done === "link" ? <Alert kind="success">{t("between.citizen.sent")}</Alert> : null}
      {done === "call" ? <Alert kind="success">{t("between.citizen.handledDone")}</Alert> : null}
      {failed ? <Alert kind="error">{t("between.citizen.cannotSend")}</Alert> : null}
      <p>{t("between.citizen.intro")}</p>
      <p>{t("between.citizen.links", { count: links })}</p>
      <Form method="post" className="mb-inline-form">
        <input type="hidden" name="intent" value="citizen_link" />
        <button type="submit" className="button button-secondary">
          {t("between.citizen.send")}
        </button>
      </Form>{" "}
      <Form method="post" className="mb-inline-form" aria-describedby="replace-hint">
        <input type="hidden" name="intent" value="citizen_link" />
        <input type="hidden" name="replace" value="on" />
        <button type="submit" className="button button-tertiary">
          {t("between.citizen.replace")}
        </button>
      </Form>
      <p className="form-hint" id="replace-hint">
        {t("between.citizen.replaceHint")}
      </p>
      <h3>{t("between.citizen.calls")}</h3>
      {calls.length ? (
        <ul className="nobullet-list">
          {calls.map((c) => (
            <li key={c.id}>
              {t("between.citizen.callAt", { date: formatDateTime(c.requestedAt, i18n.language) })}{" "}
              <Form method="post" className="mb-inline-form">
                <input type="hidden" name="intent" value="call_handled" />
                <input type="hidden" name="callId" value={c.id} />
                <button type="submit" className="button button-secondary">
                  {t("between.citizen.handled")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("between.citizen.noCalls")}</p>
      )}
    </section>
  );
}
