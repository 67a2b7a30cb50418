import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requirePermission } from "../auth/permissions.server";
import { searchAuditLog } from "../services/audit.server";
import { auditFilterSchema } from "../schemas/privacy";
import { auditActions } from "../domain/enums";
import { formatDateTime } from "../i18n/format";
import { FilterBar, FilterInput, FilterSelect } from "../components/Filters";
import { pageMeta } from "../i18n/meta";
import { scrollRegion } from "../components/TableWrap";
import { PageSummary, Pager } from "../components/Pager";
import { pageOf } from "../domain/paging";

export const meta = pageMeta("accessLog");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read:audit-log:any");
  const url = new URL(request.url);
  const filter = auditFilterSchema.parse(Object.fromEntries(url.searchParams));
  return { filter, list: searchAuditLog(filter, pageOf(url.searchParams)) };
}

const ENTITY_TYPES = ["mentee", "mentor", "user", "message", "setting", "course"] as const;

export default function AccessLog() {
  const { t, i18n } = useTranslation();
  const { filter, list } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("privacy.accessLog.title")}</h1>
      <p>{t("privacy.accessLog.intro")}</p>
      <FilterBar submit={t("common.actions.search")}>
        <FilterSelect
          name="entityType"
          label={t("privacy.accessLog.entityType")}
          value={filter.entityType}
          empty={t("privacy.accessLog.any")}
          options={ENTITY_TYPES.map((e) => ({ value: e, label: t(`privacy.entityType.${e}`) }))}
        />
        <FilterInput name="entityId" label={t("privacy.accessLog.entityId")} value={filter.entityId} numeric narrow />
        <FilterInput
          name="actorUserId"
          label={t("privacy.accessLog.actor")}
          value={filter.actorUserId}
          numeric
          narrow
        />
        <FilterSelect
          name="action"
          label={t("privacy.accessLog.action")}
          value={filter.action}
          empty={t("privacy.accessLog.any")}
          options={auditActions.map((a) => ({ value: a, label: t(`privacy.action.${a}`) }))}
        />
        <FilterInput name="from" label={t("privacy.accessLog.from")} value={filter.from} type="date" />
        <FilterInput name="to" label={t("privacy.accessLog.to")} value={filter.to} type="date" />
      </FilterBar>
      <PageSummary window={list} />
      {list.total === 0 ? (
        <p>{t("privacy.accessLog.none")}</p>
      ) : (
        <div className="mb-table-wrap" {...scrollRegion(t("privacy.accessLog.title"))}>
          <table className="table table--zebra">
            <thead>
              <tr>
                <th scope="col">{t("privacy.accessLog.when")}</th>
                <th scope="col">{t("privacy.accessLog.who")}</th>
                <th scope="col">{t("privacy.accessLog.role")}</th>
                <th scope="col">{t("privacy.accessLog.action")}</th>
                <th scope="col">{t("privacy.accessLog.entity")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(r.at, i18n.language)}</td>
                  <td>
                    {r.actorName ?? "—"}
                    {r.actorUserId ? ` (#${r.actorUserId})` : ""}
                  </td>
                  <td>{r.actorRole ? t(`common.roleName.${r.actorRole}`) : "—"}</td>
                  <td>{t(`privacy.action.${r.action}`)}</td>
                  <td>
                    {(r.entityType === "mentee" || r.entityType === "mentor") && r.entityId ? (
                      <Link to={`/persondata/${r.entityType}/${r.entityId}`}>
                        {t(`privacy.entityType.${r.entityType}`)} #{r.entityId}
                      </Link>
                    ) : (
                      <>
                        {t(`privacy.entityType.${r.entityType}`, { defaultValue: r.entityType })}
                        {r.entityId ? ` #${r.entityId}` : ""}
                      </>
                    )}
                  </td>
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
