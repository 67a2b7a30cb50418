/**
 * The company side's report: openings and places (about companies, shown as they are), placements and their outcomes
 * (about people: the small-group rule), companies' engagement, each chart with its table, and the downloads.
 */
import type { ReactNode } from "react";
import { useTranslation } from "../../i18n/use-translation";
import type { CompanyReport, OpeningRow, PlacementRow } from "../../domain/company-statistics";
import { formatNumber, formatPercent } from "../../i18n/format";
import { BarChart } from "../charts/BarChart";
import { useCellFormat, type ReportLabelsView } from "./ReportView";
import { filterQuery } from "./ReportFilter";

function Region({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="mb-table-wrap" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

function Cards({ items }: { items: { id: string; label: string; value: string }[] }) {
  return (
    <ul className="mb-cards nobullet-list no-max-width">
      {items.map((i) => (
        <li key={i.id} className="mb-card" data-figure={i.id}>
          <span className="mb-card__value">{i.value}</span>
          <span>{i.label}</span>
        </li>
      ))}
    </ul>
  );
}

/** A titled block with one table (or "no data"), as a focusable named region that scrolls on a phone. */
function TableBlock({
  id,
  title,
  empty,
  head,
  children,
}: {
  id: string;
  title: string;
  empty: boolean;
  head: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="mb-report-block">
      <h3 id={id}>{title}</h3>
      {empty ? (
        <p>{t("reports.breakdown.empty")}</p>
      ) : (
        <Region labelledBy={id}>
          <table className="table table--zebra table--compact" data-table={id}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.breakdown.key")}</th>
                {head}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </Region>
      )}
    </section>
  );
}

function OpeningTable({
  id,
  title,
  rows,
  keyLabel,
}: {
  id: string;
  title: string;
  rows: OpeningRow[];
  keyLabel: (k: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <TableBlock
      id={id}
      title={title}
      empty={rows.length === 0}
      head={
        <>
          <th scope="col">{t("companies.report.openings")}</th>
          <th scope="col">{t("companies.report.places")}</th>
          <th scope="col">{t("companies.report.openPlaces")}</th>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.key} data-key={r.key}>
          <th scope="row">{keyLabel(r.key)}</th>
          <td>{n(r.openings)}</td>
          <td>{n(r.places)}</td>
          <td>{n(r.openPlaces)}</td>
        </tr>
      ))}
    </TableBlock>
  );
}

function PlacementTable({
  id,
  title,
  rows,
  keyLabel,
}: {
  id: string;
  title: string;
  rows: PlacementRow[];
  keyLabel: (k: string) => string;
}) {
  const { t } = useTranslation();
  const f = useCellFormat();
  return (
    <TableBlock
      id={id}
      title={title}
      empty={rows.length === 0}
      head={
        <>
          <th scope="col">{t("companies.report.started")}</th>
          <th scope="col">{t("companies.report.running")}</th>
          <th scope="col">{t("companies.report.ended")}</th>
          <th scope="col">{t("companies.report.movedOn")}</th>
          <th scope="col">{t("companies.report.movedOnShare")}</th>
        </>
      }
    >
      {rows.map((r) => (
        <tr key={r.key} data-key={r.key}>
          <th scope="row">{keyLabel(r.key)}</th>
          <td>{f.count(r.started)}</td>
          <td>{f.count(r.running)}</td>
          <td>{f.count(r.ended)}</td>
          <td>{f.count(r.movedOn)}</td>
          <td>{f.share(r.movedOnShare)}</td>
        </tr>
      ))}
    </TableBlock>
  );
}

export const COMPANIES_SHOWN = 50;

export function CompanyReportView({
  report: r,
  labels,
  showMunicipalities,
  exportBase,
  filter,
}: {
  report: CompanyReport;
  labels: ReportLabelsView;
  showMunicipalities: boolean;
  exportBase: string;
  filter: { from: string; to: string; municipality: number | null };
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const f = useCellFormat();
  const n = (v: number) => formatNumber(v, lng);
  const section = (k: string) => (labels.sections[k] ? `${k} ${labels.sections[k]}` : k);
  const municipality = (k: string) => labels.municipalities[k] ?? k;
  const type = (k: string) => t(`enum.openingType.${k}`);
  const dist = r.outcomes.filter((o) => o.count.kind !== "value" || o.count.value > 0);
  return (
    <div className="mb-report">
      <p className="mb-note">
        {t("reports.smallGroupNote")} {t("companies.report.peopleNote")}
      </p>

      <section aria-labelledby="cr-totals">
        <h2 id="cr-totals">{t("companies.report.totals")}</h2>
        <Cards
          items={[
            { id: "openings", label: t("companies.report.openingsCard"), value: n(r.totals.openings) },
            { id: "places", label: t("companies.report.placesCard"), value: n(r.totals.places) },
            { id: "openPlaces", label: t("companies.report.openPlacesCard"), value: n(r.totals.openPlaces) },
            { id: "started", label: t("companies.report.startedCard"), value: f.count(r.totals.started) },
            { id: "ended", label: t("companies.report.endedCard"), value: f.count(r.totals.ended) },
            {
              id: "movedOnShare",
              label: t("companies.report.movedOnShareCard"),
              value: f.share(r.totals.movedOnShare),
            },
          ]}
        />
        <p className="mb-note">{t("companies.report.movedOnDefinition")}</p>
      </section>

      <section aria-labelledby="cr-outcomes" className="mb-report-block">
        <h2 id="cr-outcomes">{t("companies.report.outcomesTitle")}</h2>
        {dist.length === 0 ? (
          <p>{t("companies.report.noEnded")}</p>
        ) : (
          <div className="mb-chart-pair">
            <BarChart
              title={t("companies.report.outcomesTitle")}
              description={t("reports.chart.distributionDesc")}
              bars={dist.map((o) => ({
                label: t(`enum.outcomeType.${o.type}`),
                value: o.share.kind === "value" ? o.share.value : null,
                valueLabel: f.share(o.share),
              }))}
            />
            <Region labelledBy="cr-outcomes-caption">
              <table className="table table--compact" data-table="cr-outcomes">
                <caption id="cr-outcomes-caption">
                  {t("reports.chart.tableCaption", { title: t("companies.report.outcomesTitle") })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t("reports.outcomes.type")}</th>
                    <th scope="col">{t("companies.report.placementsCol")}</th>
                    <th scope="col">{t("reports.outcomes.share")}</th>
                  </tr>
                </thead>
                <tbody>
                  {dist.map((o) => (
                    <tr key={o.type} data-key={o.type}>
                      <th scope="row">{t(`enum.outcomeType.${o.type}`)}</th>
                      <td>{f.count(o.count)}</td>
                      <td>{f.share(o.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Region>
          </div>
        )}
      </section>

      <section aria-labelledby="cr-placements" className="mb-report-block">
        <h2 id="cr-placements">{t("companies.report.placementsTitle")}</h2>
        <PlacementTable
          id="cr-placements-type"
          title={t("companies.report.byType")}
          rows={r.placements.byType}
          keyLabel={type}
        />
        <PlacementTable
          id="cr-placements-industry"
          title={t("companies.report.byIndustry")}
          rows={r.placements.bySection}
          keyLabel={section}
        />
        {showMunicipalities ? (
          <PlacementTable
            id="cr-placements-municipality"
            title={t("companies.report.byCitizenMunicipality")}
            rows={r.placements.byMunicipality}
            keyLabel={municipality}
          />
        ) : null}
      </section>

      <section aria-labelledby="cr-openings" className="mb-report-block">
        <h2 id="cr-openings">{t("companies.report.openingsTitle")}</h2>
        {r.openings.bySection.length ? (
          <BarChart
            title={t("companies.report.placesByIndustry")}
            description={t("companies.report.placesByIndustryDesc")}
            max={Math.max(1, ...r.openings.bySection.map((x) => x.places))}
            bars={r.openings.bySection.map((x) => ({
              label: section(x.key),
              value: x.places,
              valueLabel: n(x.places),
            }))}
          />
        ) : null}
        <OpeningTable
          id="cr-openings-type"
          title={t("companies.report.byType")}
          rows={r.openings.byType}
          keyLabel={type}
        />
        <OpeningTable
          id="cr-openings-industry"
          title={t("companies.report.byIndustry")}
          rows={r.openings.bySection}
          keyLabel={section}
        />
        {showMunicipalities ? (
          <OpeningTable
            id="cr-openings-municipality"
            title={t("companies.report.byMunicipality")}
            rows={r.openings.byMunicipality}
            keyLabel={municipality}
          />
        ) : null}
      </section>

      <section aria-labelledby="cr-engagement" className="mb-report-block">
        <h2 id="cr-engagement">{t("companies.report.engagementTitle")}</h2>
        <Cards
          items={[
            { id: "withOpenings", label: t("companies.report.withOpenings"), value: n(r.engagement.withOpenings) },
            { id: "taking", label: t("companies.report.taking"), value: n(r.engagement.taking) },
            {
              id: "repeat",
              label: t("companies.report.repeat"),
              value: `${n(r.engagement.repeat)}${r.engagement.repeatShare != null ? ` (${formatPercent(r.engagement.repeatShare, lng)})` : ""}`,
            },
            {
              id: "openingsPerCompany",
              label: t("companies.report.openingsPerCompany"),
              value:
                r.engagement.openingsPerCompany == null
                  ? t("reports.none")
                  : formatNumber(r.engagement.openingsPerCompany, lng, 1),
            },
          ]}
        />
        {r.companies.length === 0 ? (
          <p>{t("reports.breakdown.empty")}</p>
        ) : (
          <Region labelledBy="cr-companies-caption">
            <table className="table table--zebra table--compact" data-table="cr-companies">
              <caption id="cr-companies-caption">
                {t("companies.report.companiesCaption", {
                  shown: Math.min(COMPANIES_SHOWN, r.companies.length),
                  count: r.companies.length,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("companies.field.name")}</th>
                  <th scope="col">{t("companies.field.municipality")}</th>
                  <th scope="col">{t("companies.report.openings")}</th>
                  <th scope="col">{t("companies.report.places")}</th>
                  <th scope="col">{t("companies.report.taken")}</th>
                </tr>
              </thead>
              <tbody>
                {r.companies.slice(0, COMPANIES_SHOWN).map((c) => (
                  <tr key={c.companyId}>
                    <th scope="row">{c.name}</th>
                    <td>{municipality(String(c.municipalityCode))}</td>
                    <td>{n(c.openings)}</td>
                    <td>{n(c.places)}</td>
                    <td>{f.count(c.taken)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Region>
        )}
      </section>

      <section aria-labelledby="cr-exports" className="mb-noprint">
        <h2 id="cr-exports">{t("reports.exports.title")}</h2>
        <p>{t("companies.report.exportsIntro")}</p>
        <ul>
          <li>
            <a href={`${exportBase}/xlsx${filterQuery(filter)}`} download>
              {t("companies.report.xlsx")}
            </a>
          </li>
          <li>
            <a href={`${exportBase}/csv${filterQuery(filter, { table: "company_summary" })}`} download>
              {t("companies.report.csvSummary")}
            </a>
          </li>
          <li>
            <a href={`${exportBase}/csv${filterQuery(filter, { table: "placements" })}`} download>
              {t("companies.report.csvPlacements")}
            </a>
          </li>
          <li>
            <a href={`${exportBase}/csv${filterQuery(filter, { table: "companies" })}`} download>
              {t("companies.report.csvCompanies")}
            </a>
          </li>
        </ul>
      </section>
    </div>
  );
}
