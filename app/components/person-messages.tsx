import { Form } from "@remix-run/react";
import { Link } from "./Link";
import { useTranslation } from "../i18n/use-translation";
import { formatDate, formatDateTime } from "../i18n/format";
import type { Channel, MessageLanguage, MessageStatus } from "../domain/enums";
import type { Page } from "../domain/paging";
import { PageSummary, Pager } from "./Pager";
import { scrollRegion } from "./TableWrap";

/** The page parameter of this list (it sits on pages with other lists). */
export const PERSON_MESSAGES_PAGE_PARAM = "beskeder-side";

export type PersonMessagesData = {
  rows: Page<{
    id: number;
    channel: Channel;
    template: string;
    locale: MessageLanguage;
    status: MessageStatus;
    createdAt: string;
    deliveredAt: string | null;
  }>;
  prefs: {
    preferredChannel: Channel;
    language: MessageLanguage;
    smsOptOutAt: string | null;
    emailOptOutAt: string | null;
  } | null;
};

/**
 * "What was sent to this person": a section for any staff page about a mentee or mentor, a page at a time. Feed it
 * `messagesForPerson(type, id, pageOf(url.searchParams, PERSON_MESSAGES_PAGE_PARAM))` from
 * app/services/messages.server.ts (after the page's own scope check).
 * `canOpen` links each row to /admin/outbox/$id (coordinators and admins only). `canOptIn` shows a button per opt-out
 * that posts `intent=opt_in&channel=…` to the page (the persondata page handles it).
 */
export function PersonMessages({
  messages,
  canOpen,
  canOptIn = false,
}: {
  messages: PersonMessagesData;
  canOpen: boolean;
  canOptIn?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="messages-title" data-testid="person-messages">
      <h2 id="messages-title">{t("messaging.person.title")}</h2>
      <p>{t("messaging.person.intro")}</p>
      {messages.prefs ? (
        // A div, not a p: the opt-in buttons are forms, which a paragraph cannot hold (the browser would split it).
        <div className="body-text">
          {t("messaging.person.preferences", {
            channel: t(`enum.channel.${messages.prefs.preferredChannel}`),
            language: t(`enum.messageLanguage.${messages.prefs.language}`),
          })}
          {(["sms", "email"] as const).map((c) => {
            const at = c === "sms" ? messages.prefs!.smsOptOutAt : messages.prefs!.emailOptOutAt;
            if (!at) return null;
            return (
              <span key={c}>
                {" "}
                <span className="mb-badge mb-badge--warn">
                  {t(c === "sms" ? "messaging.person.smsOptOut" : "messaging.person.emailOptOut", {
                    date: formatDate(at, i18n.language),
                  })}
                </span>
                {canOptIn ? (
                  <Form method="post" className="mb-inline-form">
                    <input type="hidden" name="channel" value={c} />{" "}
                    <button type="submit" name="intent" value="opt_in" className="button button-tertiary">
                      {t(c === "sms" ? "messaging.person.optInSms" : "messaging.person.optInEmail")}
                    </button>
                  </Form>
                ) : null}
              </span>
            );
          })}
        </div>
      ) : null}
      {messages.rows.total === 0 ? (
        <p>{t("messaging.person.none")}</p>
      ) : (
        <>
          {messages.rows.pages > 1 ? <PageSummary window={messages.rows} /> : null}
          <div className="mb-table-wrap" {...scrollRegion(t("messaging.person.title"))}>
            <table className="table table--zebra">
              <thead>
                <tr>
                  <th scope="col">{t("messaging.person.when")}</th>
                  <th scope="col">{t("messaging.person.channel")}</th>
                  <th scope="col">{t("messaging.person.template")}</th>
                  <th scope="col">{t("messaging.person.status")}</th>
                </tr>
              </thead>
              <tbody>
                {messages.rows.rows.map((m) => (
                  <tr key={m.id}>
                    <td>
                      {canOpen ? (
                        <Link to={`/admin/outbox/${m.id}`} aria-label={t("messaging.person.open", { id: m.id })}>
                          {formatDateTime(m.createdAt, i18n.language)}
                        </Link>
                      ) : (
                        formatDateTime(m.createdAt, i18n.language)
                      )}
                    </td>
                    <td>{t(`enum.channel.${m.channel}`)}</td>
                    <td>
                      {m.template} <span lang={m.locale}>({m.locale})</span>
                    </td>
                    <td>
                      <span
                        className={
                          m.status === "failed" || m.status === "held"
                            ? "mb-badge mb-badge--bad"
                            : m.status === "sent" || m.status === "delivered"
                              ? "mb-badge mb-badge--good"
                              : "mb-badge"
                        }
                      >
                        {t(`enum.messageStatus.${m.status}`)}
                      </span>
                      {m.deliveredAt ? (
                        <>
                          {" "}
                          {t("messaging.person.delivered")} {formatDateTime(m.deliveredAt, i18n.language)}
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            window={messages.rows}
            param={PERSON_MESSAGES_PAGE_PARAM}
            hash="messages-title"
            label={t("messaging.person.title")}
          />
        </>
      )}
    </section>
  );
}
