import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireRole } from "../auth/guards.server";
import { searchAuditLog } from "../services/audit.server";
import { auditFilterSchema } from "../schemas/privacy";
import { auditActions } from "../domain/enums";
import { formatDateTime } from "../i18n/format";

export const meta: MetaFunction = () => [{ title: "Adgangslog · Mentorbro" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { filter, rows: searchAuditLog(filter) };
}

const ENTITY_TYPES = ["mentee", "mentor", "user", "message", "setting", "course"] as const;

export default function AccessLog() {
  const { t, i18n } = useTranslation();
  const { filter, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("privacy.accessLog.title")}</h1>
      <p>{t("privacy.accessLog.intro")}</p>
      <Form method="get" className="mb-filters" aria-label={t("common.actions.filter")}>
        <div className="form-group">
          <label className="form-label" htmlFor="entityType">{t("privacy.accessLog.entityType")}</label>
          <select className="form-select" id="entityType" name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">{t("privacy.accessLog.any")}</option>
            {ENTITY_TYPES.map((e) => <option key={e} value={e}>{t(`privacy.entityType.${e}`)}</option>)}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="entityId">{t("privacy.accessLog.entityId")}</label>
          <input className="form-input input-width-xs" id="entityId" name="entityId" inputMode="numeric" defaultValue={filter.entityId ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="actorUserId">{t("privacy.accessLog.actor")}</label>
          <input className="form-input input-width-xs" id="actorUserId" name="actorUserId" inputMode="numeric" defaultValue={filter.actorUserId ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="action">{t("privacy.accessLog.action")}</label>
          <select className="form-select" id="action" name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("privacy.accessLog.any")}</option>
            {auditActions.map((a) => <option key={a} value={a}>{t(`privacy.action.${a}`)}</option>)}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="from">{t("privacy.accessLog.from")}</label>
          <input className="form-input" type="date" id="from" name="from" defaultValue={filter.from ?? ""} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="to">{t("privacy.accessLog.to")}</label>
          <input className="form-input" type="date" id="to" name="to" defaultValue={filter.to ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">{t("common.actions.search")}</button>
      </Form>
      <p role="status">{t("privacy.accessLog.shown", { count: rows.length })}</p>
      {rows.length === 0 ? <p>{t("privacy.accessLog.none")}</p> : (
        <div className="mb-table-wrap">
          <table className="table table--zebra">
            <thead><tr>
              <th scope="col">{t("privacy.accessLog.when")}</th><th scope="col">{t("privacy.accessLog.who")}</th>
              <th scope="col">{t("privacy.accessLog.role")}</th><th scope="col">{t("privacy.accessLog.action")}</th>
              <th scope="col">{t("privacy.accessLog.entity")}</th>
            </tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at, i18n.language)}</td>
                  <td>{r.actorName ?? "—"}{r.actorUserId ? ` (#${r.actorUserId})` : ""}</td>
                  <td>{r.actorRole ? t(`common.roleName.${r.actorRole}`) : "—"}</td>
                  <td>{t(`privacy.action.${r.action}`)}</td>
                  <td>
                    {(r.entityType === "mentee" || r.entityType === "mentor") && r.entityId
                      ? <Link to={`/persondata/${r.entityType}/${r.entityId}`}>{t(`privacy.entityType.${r.entityType}`)} #{r.entityId}</Link>
                      : <>{t(`privacy.entityType.${r.entityType}`, { defaultValue: r.entityType })}{r.entityId ? ` #${r.entityId}` : ""}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
