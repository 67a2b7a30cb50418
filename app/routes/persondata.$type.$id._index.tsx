import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "../i18n/use-translation";
import { forbidden, notFound } from "../auth/guards.server";
import { can, requireScopedPermission } from "../auth/permissions.server";
import { parsePerson, personInScope, personSummary } from "../services/privacy.server";
import { erasePerson } from "../services/privacy-erasure.server";
import { giveConsent, withdrawConsent } from "../services/privacy-consents.server";
import { consentActionSchema, eraseSchema } from "../schemas/privacy";
import { Alert, Checkbox, ErrorSummary } from "../components/forms";
import { formatDate, formatDateTime } from "../i18n/format";
import { messagesForPerson } from "../services/messages.server";
import { PERSON_MESSAGES_PAGE_PARAM, PersonMessages } from "../components/person-messages";
import { pageOf } from "../domain/paging";
import { optIn } from "../messaging/preferences.server";
import { optInSchema } from "../schemas/messaging";
import { audit } from "../services/audit.server";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";

export const meta = pageMeta("personalData");

export const CONSENT_TEXT_VERSION = "2026-01";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "read:personal-data:own-municipality");
  const { type, id } = parsePerson(params);
  const person = personSummary(type, id, scope, user);
  if (!person) throw notFound();
  const page = pageOf(new URL(request.url).searchParams, PERSON_MESSAGES_PAGE_PARAM);
  return {
    type,
    id,
    person,
    canErase: can(user, "erase:personal-data:any"),
    messages: messagesForPerson(type, id, page),
    canOpenMessages: can(user, "read:outbox:any"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireScopedPermission(request, "manage:personal-data:own-municipality");
  const { type, id } = parsePerson(params);
  if (!personInScope(type, id, scope)) throw notFound();
  const form = await request.formData();
  if (form.get("intent") === "erase") {
    if (!can(user, "erase:personal-data:any")) throw forbidden();
    const submission = parseWithZod(form, { schema: eraseSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    if (!erasePerson(type, id, scope, user)) throw notFound();
    return redirect(`/persondata/${type}/${id}?done=erased`);
  }
  if (form.get("intent") === "opt_in") {
    if (!can(user, "restore:consent:any") || type !== "mentee") throw forbidden();
    const submission = parseWithZod(form, { schema: optInSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    optIn({ type: "mentee", id }, submission.value.channel);
    audit(user, "update", "mentee", id, { action: "opt_in", channel: submission.value.channel });
    return redirect(`/persondata/${type}/${id}?done=opt_in`);
  }
  const submission = parseWithZod(form, { schema: consentActionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent, purpose } = submission.value;
  const change = { type, id, purpose, scope, actor: user };
  const ok = intent === "withdraw" ? withdrawConsent(change) : giveConsent(change, CONSENT_TEXT_VERSION);
  void ok; // false only when there was nothing to withdraw
  return redirect(`/persondata/${type}/${id}?done=${intent}`);
}

export default function PersonData() {
  const { t, i18n } = useTranslation();
  const { type, id, person, canErase, messages, canOpenMessages } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "erase",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eraseSchema }),
  });
  const done = params.get("done");
  const typeLabel = t(`privacy.entityType.${type}`);
  return (
    <>
      <h1>{t("privacy.person.title", { type: typeLabel, id })}</h1>
      <p>
        {person.name} ·{" "}
        {t(type === "mentee" ? `enum.menteeStatus.${person.status}` : `enum.mentorStatus.${person.status}`)}
      </p>
      {person.anonymisedAt ? (
        <p>
          <span className="mb-badge mb-badge--warn">
            {t("privacy.person.anonymised", { date: formatDate(person.anonymisedAt, i18n.language) })}
          </span>
        </p>
      ) : null}
      {done === "erased" ? <Alert kind="success">{t("privacy.person.erased")}</Alert> : null}
      {done === "withdraw" ? <Alert kind="success">{t("privacy.person.withdrawnDone")}</Alert> : null}
      {done === "give" ? <Alert kind="success">{t("privacy.person.givenDone")}</Alert> : null}

      <h2>{t("privacy.person.exportTitle")}</h2>
      <ul>
        <li>
          <a href={`/persondata/${type}/${id}/eksport`} download>
            {t("privacy.person.exportJson")}
          </a>
        </li>
        <li>
          <a href={`/persondata/${type}/${id}/udskrift`}>{t("privacy.person.exportHtml")}</a>
        </li>
      </ul>

      <h2>{t("privacy.person.consentTitle")}</h2>
      <div className="mb-table-wrap" {...scrollRegion(t("privacy.person.consentTitle"))}>
        <table className="table table--zebra">
          <thead>
            <tr>
              <th scope="col">{t("privacy.person.purpose")}</th>
              <th scope="col">{t("privacy.person.version")}</th>
              <th scope="col">{t("privacy.person.given")}</th>
              <th scope="col">{t("privacy.person.withdrawn")}</th>
              <th scope="col">
                <span className="sr-only">{t("privacy.person.withdraw")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {person.consents.map((c) => (
              <tr key={c.id}>
                <td>{t(`enum.consentPurpose.${c.purpose}`)}</td>
                <td>{c.textVersion}</td>
                <td>{formatDateTime(c.givenAt, i18n.language)}</td>
                <td>{c.withdrawnAt ? formatDateTime(c.withdrawnAt, i18n.language) : t("privacy.person.active")}</td>
                <td>
                  <Form method="post" className="mb-inline-form">
                    <input type="hidden" name="purpose" value={c.purpose} />
                    {c.withdrawnAt ? (
                      <button
                        type="submit"
                        name="intent"
                        value="give"
                        className="button button-tertiary"
                        aria-label={`${t("privacy.person.give")}: ${t(`enum.consentPurpose.${c.purpose}`)}`}
                      >
                        {t("privacy.person.give")}
                      </button>
                    ) : (
                      <button
                        type="submit"
                        name="intent"
                        value="withdraw"
                        className="button button-secondary"
                        aria-label={`${t("privacy.person.withdraw")}: ${t(`enum.consentPurpose.${c.purpose}`)}`}
                      >
                        {t("privacy.person.withdraw")}
                      </button>
                    )}
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {done === "opt_in" ? <Alert kind="success">{t("messaging.person.optedIn")}</Alert> : null}
      <PersonMessages messages={messages} canOpen={canOpenMessages} canOptIn={canOpenMessages} />

      {canErase && !person.anonymisedAt ? (
        <section aria-labelledby="erase-title">
          <h2 id="erase-title">{t("privacy.person.eraseTitle")}</h2>
          <p>{t("privacy.person.eraseIntro")}</p>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="intent" value="erase" />
            <Checkbox field={fields.confirm} label={t("privacy.person.eraseConfirm")} />
            <button type="submit" className="button button-primary">
              {t("privacy.person.erase")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
