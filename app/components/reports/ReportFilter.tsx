import { useTranslation } from "../../i18n/use-translation";
import { useCellFormat } from "./ReportView";
import { FilterBar, FilterInput, FilterSelect } from "../Filters";

/** The report's period (a quarter, or from/to) and, for coordinators, municipality. A GET form: works without JS. */
export function ReportFilter({
  filter,
  quarters,
  municipalities,
}: {
  filter: { from: string; to: string; quarter: string | null; municipality: number | null };
  quarters: string[];
  municipalities?: { code: number; name: string }[];
}) {
  const { t } = useTranslation();
  const f = useCellFormat();
  return (
    <FilterBar
      label={t("reports.filter.label")}
      submit={t("reports.filter.submit")}
      primary
      className="mb-noprint"
      after={
        <p id="filter-hint" className="form-hint mb-filters__hint">
          {t("reports.filter.hint")}
        </p>
      }
    >
      <FilterSelect
        name="quarter"
        label={t("reports.filter.quarter")}
        value={filter.quarter}
        empty={t("reports.filter.customPeriod")}
        options={quarters.map((q) => ({ value: q, label: f.quarter(q) }))}
        describedBy="filter-hint"
      />
      <FilterInput name="from" label={t("reports.filter.from")} value={filter.quarter ? "" : filter.from} type="date" />
      <FilterInput name="to" label={t("reports.filter.to")} value={filter.quarter ? "" : filter.to} type="date" />
      {municipalities ? (
        <FilterSelect
          name="municipality"
          label={t("reports.filter.municipality")}
          value={filter.municipality}
          empty={t("reports.filter.allMunicipalities")}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        />
      ) : null}
    </FilterBar>
  );
}

/** Query string for links that keep the report's filter (exports, print version). */
export function filterQuery(
  filter: { from: string; to: string; municipality: number | null },
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    ...(filter.municipality ? { municipality: String(filter.municipality) } : {}),
    ...extra,
  });
  return `?${p.toString()}`;
}
