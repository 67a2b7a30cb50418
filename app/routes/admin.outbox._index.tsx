import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { z } from "zod";
import { requirePermission } from "../auth/permissions.server";
import { listMessages } from "../services/messages.server";
import { channels, messageStatuses } from "../domain/enums";
import { formatDateTime } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";

export const meta = pageMeta("outbox");

const filterSchema = z.object({
  status: z.enum(messageStatuses).optional().catch(undefined),
  channel: z.enum(channels).optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:outbox:any");
  const url = new URL(request.url);
  const filter = filterSchema.parse(Object.fromEntries(url.searchParams));
  return { filter, list: listMessages(filter, pageOf(url.searchParams)) };
}

export function statusBadge(status: string) {
  return status === "failed" || status === "held"
    ? "mb-badge mb-badge--bad"
    : status === "sent" || status === "delivered"
      ? "mb-badge mb-badge--good"
      : "mb-badge";
}

export default function Outbox() {
  const { t, i18n } = useTranslation();
  const { filter, list } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("staff.outbox.title")}</h1>
      <p>{t("staff.outbox.intro")}</p>
      <Form method="get" className="mb-filters">
        <div className="form-group">
          <label className="form-label" htmlFor="status">
            {t("staff.outbox.status")}
          </label>
          <select className="form-select" id="status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("staff.outbox.all")}</option>
            {messageStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`enum.messageStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="channel">
            {t("staff.outbox.channel")}
          </label>
          <select className="form-select" id="channel" name="channel" defaultValue={filter.channel ?? ""}>
            <option value="">{t("staff.outbox.all")}</option>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`enum.channel.${c}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("common.actions.filter")}
        </button>
      </Form>
      <PageSummary window={list} />
      {list.total === 0 ? (
        <p>{t("staff.outbox.none")}</p>
      ) : (
        <div className="mb-table-wrap" {...scrollRegion(t("staff.outbox.title"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("staff.outbox.channel")}</th>
                <th scope="col">{t("staff.outbox.template")}</th>
                <th scope="col">{t("staff.outbox.recipient")}</th>
                <th scope="col">{t("staff.outbox.status")}</th>
                <th scope="col">{t("staff.outbox.attempts")}</th>
                <th scope="col">{t("staff.outbox.created")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/admin/outbox/${m.id}`} aria-label={`${t("staff.outbox.view")} #${m.id}`}>
                      {m.id}
                    </Link>
                  </td>
                  <td>{t(`enum.channel.${m.channel}`)}</td>
                  <td>
                    {m.template} <span lang={m.locale}>({m.locale})</span>
                  </td>
                  <td>{m.recipient}</td>
                  <td>
                    <span className={statusBadge(m.status)}>{t(`enum.messageStatus.${m.status}`)}</span>
                  </td>
                  <td>{m.attempts}</td>
                  <td>{formatDateTime(m.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager window={list} />
    </>
  );
}
