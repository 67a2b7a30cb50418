import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { listPlacements } from "../services/placements.server";
import { placementFilterSchema } from "../schemas/companies";
import { openingTypes, placementStatuses } from "../domain/enums";
import { pageParamSchema } from "../domain/paging";
import { FilterBar, FilterSelect } from "../components/Filters";
import { PageSummary, Pager } from "../components/Pager";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("companies.titles.placements");

/** Placements of citizens within scope (a caseworker: their own municipality's). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireScopedPermission(request, "read:placement:own-municipality");
  const url = new URL(request.url);
  const filter = placementFilterSchema.parse(Object.fromEntries(url.searchParams));
  return {
    filter,
    list: listPlacements(scope, filter, pageParamSchema.parse(url.searchParams.get("side") ?? undefined)),
  };
}

export default function Placements() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { filter, list } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("companies.placements.listTitle")}</h1>
      <p>{t("companies.placements.intro")}</p>
      <FilterBar submit={t("common.actions.filter")}>
        <FilterSelect
          name="status"
          label={t("companies.placement.status")}
          value={filter.status ?? "running"}
          options={[
            { value: "running", label: t("companies.placements.running") },
            ...placementStatuses.map((s) => ({ value: s, label: t(`enum.placementStatus.${s}`) })),
            { value: "all", label: t("companies.list.any") },
          ]}
        />
        <FilterSelect
          name="type"
          label={t("companies.opening.type")}
          value={filter.type}
          empty={t("companies.list.any")}
          options={openingTypes.map((v) => ({ value: v, label: t(`enum.openingType.${v}`) }))}
        />
      </FilterBar>
      <PageSummary window={list} />
      {list.rows.length === 0 ? (
        <p>{t("companies.placements.none")}</p>
      ) : (
        <div className="mb-table-wrap" role="region" tabIndex={0} aria-label={t("companies.placements.listTitle")}>
          <table className="table table--zebra" data-testid="placements">
            <thead>
              <tr>
                <th scope="col">{t("companies.placement.citizen")}</th>
                <th scope="col">{t("companies.opening.company")}</th>
                <th scope="col">{t("companies.opening.type")}</th>
                <th scope="col">{t("companies.placement.period")}</th>
                <th scope="col">{t("companies.placement.status")}</th>
                <th scope="col">{t("companies.placement.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/placeringer/${p.id}`}>
                      {p.firstName} {p.lastName}
                    </Link>{" "}
                    ({p.municipalityName})
                  </td>
                  <td>
                    {p.companyName} · {p.occupation}
                  </td>
                  <td>{t(`enum.openingType.${p.type}`)}</td>
                  <td>
                    {formatDate(p.startDate, lng)} –{" "}
                    {p.endedOn ? formatDate(p.endedOn, lng) : p.plannedEndDate ? formatDate(p.plannedEndDate, lng) : ""}
                  </td>
                  <td>{t(`enum.placementStatus.${p.status}`)}</td>
                  <td>{p.outcomeType ? t(`enum.outcomeType.${p.outcomeType}`) : ""}</td>
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
