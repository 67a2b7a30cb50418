import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { listCompanies } from "../services/companies.server";
import { signupOptions } from "../services/volunteers.server";
import { companyFilterSchema } from "../schemas/companies";
import { companyProgrammes } from "../domain/enums";
import { pageParamSchema } from "../domain/paging";
import { FilterBar, FilterInput, FilterSelect } from "../components/Filters";
import { PageSummary, Pager } from "../components/Pager";
import { industryLabel } from "../components/CourseParts";
import { pageMeta } from "../i18n/meta";

export const meta = pageMeta("companies.titles.list");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireScopedPermission(request, "read:company:any");
  const url = new URL(request.url);
  const filter = companyFilterSchema.parse(Object.fromEntries(url.searchParams));
  const opts = signupOptions();
  return {
    filter,
    list: listCompanies(filter, pageParamSchema.parse(url.searchParams.get("side") ?? undefined)),
    municipalities: opts.municipalities,
    sections: opts.sections,
  };
}

export default function Companies() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { filter, list, municipalities, sections } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("companies.list.title")}</h1>
      <p>{t("companies.list.intro")}</p>
      <p>
        <Link to="/virksomheder/ny" className="button button-primary">
          {t("companies.list.create")}
        </Link>{" "}
        <Link to="/opslag" className="button button-secondary">
          {t("companies.nav.openings")}
        </Link>
      </p>
      <FilterBar submit={t("common.actions.filter")}>
        <FilterInput name="q" label={t("companies.list.search")} value={filter.q} type="search" />
        <FilterSelect
          name="municipality"
          label={t("companies.field.municipality")}
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
        <FilterSelect
          name="programme"
          label={t("companies.field.programmes")}
          value={filter.programme}
          empty={t("companies.list.any")}
          options={companyProgrammes.map((p) => ({ value: p, label: t(`enum.companyProgramme.${p}`) }))}
        />
        <FilterSelect
          name="unverified"
          label={t("companies.list.verification")}
          value={filter.unverified}
          empty={t("companies.list.any")}
          options={[{ value: "1", label: t("companies.list.onlyUnverified") }]}
        />
      </FilterBar>
      <PageSummary window={list} />
      {list.rows.length === 0 ? (
        <p>{t("companies.list.none")}</p>
      ) : (
        <div className="mb-table-wrap" role="region" tabIndex={0} aria-label={t("companies.list.title")}>
          <table className="table table--zebra" data-testid="companies">
            <thead>
              <tr>
                <th scope="col">{t("companies.field.name")}</th>
                <th scope="col">{t("companies.field.cvr")}</th>
                <th scope="col">{t("companies.field.municipality")}</th>
                <th scope="col">{t("companies.field.industry")}</th>
                <th scope="col">{t("companies.list.openOpenings")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/virksomheder/${c.id}`}>{c.name}</Link>
                    {c.verified ? null : (
                      <>
                        {" "}
                        <span className="mb-badge mb-badge--warn">{t("companies.unverified")}</span>
                      </>
                    )}
                  </td>
                  <td>{c.cvr}</td>
                  <td>{c.municipalityName}</td>
                  <td>{industryLabel(c.industryCode, lng)}</td>
                  <td>{c.openOpenings}</td>
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
