import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useCellFormat } from "./ReportView";

/** The report's period (a quarter, or from/to) and, for coordinators, municipality. A GET form: works without JS. */
export function ReportFilter({ filter, quarters, municipalities }: {
  filter: { from: string; to: string; quarter: string | null; municipality: number | null };
  quarters: string[];
  municipalities?: { code: number; name: string }[];
}) {
  const { t } = useTranslation();
  const f = useCellFormat();
  return (
    <Form method="get" className="mb-filters mb-noprint" aria-label={t("reports.filter.label")}>
      <div className="form-group">
        <label className="form-label" htmlFor="quarter">{t("reports.filter.quarter")}</label>
        <select className="form-select" id="quarter" name="quarter" defaultValue={filter.quarter ?? ""} aria-describedby="filter-hint">
          <option value="">{t("reports.filter.customPeriod")}</option>
          {quarters.map((q) => <option key={q} value={q}>{f.quarter(q)}</option>)}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="from">{t("reports.filter.from")}</label>
        <input className="form-input" type="date" id="from" name="from" defaultValue={filter.quarter ? "" : filter.from} />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor="to">{t("reports.filter.to")}</label>
        <input className="form-input" type="date" id="to" name="to" defaultValue={filter.quarter ? "" : filter.to} />
      </div>
      {municipalities ? (
        <div className="form-group">
          <label className="form-label" htmlFor="municipality">{t("reports.filter.municipality")}</label>
          <select className="form-select" id="municipality" name="municipality" defaultValue={filter.municipality ?? ""}>
            <option value="">{t("reports.filter.allMunicipalities")}</option>
            {municipalities.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button button-primary">{t("reports.filter.submit")}</button>
      <p id="filter-hint" className="form-hint mb-filters__hint">{t("reports.filter.hint")}</p>
    </Form>
  );
}

/** Query string for links that keep the report's filter (exports, print version). */
export function filterQuery(filter: { from: string; to: string; municipality: number | null }, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams({ from: filter.from, to: filter.to, ...(filter.municipality ? { municipality: String(filter.municipality) } : {}), ...extra });
  return `?${p.toString()}`;
}
