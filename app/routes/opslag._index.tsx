import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { listOpenings } from "../services/openings.server";
import { signupOptions } from "../services/volunteers.server";
import { openingFilterSchema } from "../schemas/companies";
import { openingStatuses, openingTypes } from "../domain/enums";
import { pageParamSchema } from "../domain/paging";
import { FilterBar, FilterInput, FilterSelect } from "../components/Filters";
import { PageSummary, Pager } from "../components/Pager";
import { industryLabel } from "../components/CourseParts";
import { formatDate } from "../i18n/format";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("companies.titles.openings");

/** Every staff role sees openings in every municipality (labour demand is not personal data). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireScopedPermission(request, "read:opening:any");
  const url = new URL(request.url);
  const filter = openingFilterSchema.parse(Object.fromEntries(url.searchParams));
  const opts = signupOptions();
  return {
    filter,
    list: listOpenings(filter, pageParamSchema.parse(url.searchParams.get("side") ?? undefined)),
    municipalities: opts.municipalities,
    sections: opts.sections,
  };
}

export default function Openings() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { filter, list, municipalities, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("companies.openings.listTitle")}</h1>
      <p>{t("companies.openings.intro")}</p>
      <p>
        <Link to="/virksomheder" className="button button-secondary">
          {t("companies.openings.createVia")}
        </Link>
      </p>
      <FilterBar submit={t("common.actions.filter")}>
        <FilterInput name="q" label={t("companies.openings.search")} value={filter.q} type="search" />
        <FilterSelect
          name="status"
          label={t("companies.opening.status")}
          value={filter.status ?? "open"}
          options={[
            ...openingStatuses.map((s) => ({ value: s, label: t(`enum.openingStatus.${s}`) })),
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
        <FilterSelect
          name="municipality"
          label={t("companies.opening.municipality")}
          value={filter.municipality}
          empty={t("companies.list.any")}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
        <FilterSelect
          name="section"
          label={t("companies.field.section")}
          value={filter.section}
          empty={t("companies.list.any")}
          options={sections.map((s) => ({ value: s.code, label: `${s.code} ${lng === "en" ? s.labelEn : s.labelDa}` }))}
        />
      </FilterBar>
      <PageSummary window={list} />
      {list.rows.length === 0 ? (
        <p>{t("companies.openings.noneFound")}</p>
      ) : (
        <div className="mb-table-wrap" role="region" tabIndex={0} aria-label={t("companies.openings.listTitle")}>
          <table className="table table--zebra" data-testid="openings">
            <thead>
              <tr>
                <th scope="col">{t("companies.opening.occupation")}</th>
                <th scope="col">{t("companies.opening.type")}</th>
                <th scope="col">{t("companies.opening.company")}</th>
                <th scope="col">{t("companies.opening.municipality")}</th>
                <th scope="col">{t("companies.field.industry")}</th>
                <th scope="col">{t("companies.opening.placesTakenShort")}</th>
                <th scope="col">{t("companies.opening.deadline")}</th>
                <th scope="col">{t("companies.opening.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/opslag/${o.id}`}>{o.occupation}</Link>
                  </td>
                  <td>{t(`enum.openingType.${o.type}`)}</td>
                  <td>
                    <Link to={`/virksomheder/${o.companyId}`}>{o.companyName}</Link>
                  </td>
                  <td>{o.municipalityName}</td>
                  <td>{industryLabel(o.industryCode, lng)}</td>
                  <td>{t("companies.opening.takenOf", { taken: o.taken, places: o.places })}</td>
                  <td>{o.deadline ? formatDate(o.deadline, lng) : "–"}</td>
                  <td>{t(`enum.openingStatus.${o.status}`)}</td>
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
