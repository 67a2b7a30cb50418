/**
 * Supply and demand (issue 19): waiting citizens against free mentors by DB07 section × municipality and region, the
 * shortages with a recruitment link each, the longest waits, trends per month and sign-ups per recruitment link.
 * Every chart has a table beside it. Programme-wide, for coordinators and admins: figures are exact (decision 009).
 */
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "../components/Link";
import { useTranslation } from "../i18n/use-translation";
import { requireScopedPermission } from "../auth/permissions.server";
import { supplyAndDemand } from "../services/demand.server";
import { recruitmentPath, shortages, totalsBy, type Cell } from "../domain/demand";
import { pageWindow, pageParamSchema } from "../domain/paging";
import { regions } from "../domain/enums";
import { waitingDays } from "../domain/referrals";
import { BarChart } from "../components/charts/BarChart";
import { LineChart } from "../components/charts/LineChart";
import { TableWrap } from "../components/TableWrap";
import { StatCards } from "../components/StatCards";
import { PageSummary, Pager } from "../components/Pager";
import { formatDate, formatMonth, formatNumber } from "../i18n/format";
import { pageMeta } from "../i18n/meta";
import { industryByCode } from "../domain/industries";
import reportsCss from "../styles/reports.css";

export const meta = pageMeta("demand");
export const links: LinksFunction = () => [{ rel: "stylesheet", href: reportsCss }];

/** Shortage rows per page (the cells are at most 21 sections × 98 municipalities, counted in SQL). */
const SHORTAGE_PAGE = 25;
const CHART_BARS = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireScopedPermission(request, "read:demand:any");
  const side = pageParamSchema.parse(new URL(request.url).searchParams.get("side") ?? undefined);
  const data = supplyAndDemand();
  const short = shortages(data.cells);
  const w = pageWindow(short.length, side, SHORTAGE_PAGE);
  const shortagePage = short
    .slice(w.offset, w.offset + w.pageSize)
    .map((c) => ({ ...c, waitDays: c.oldestReferredAt ? waitingDays(c.oldestReferredAt, data.today) : null }));
  const topShortages = short.slice(0, CHART_BARS);
  // Only the names the page shows go with it (the sections' labels are the static DB07 vocabulary).
  const shown = new Set([...shortagePage, ...topShortages].map((c) => c.municipalityCode));
  return {
    ...data,
    cells: undefined,
    labels: {
      municipalities: Object.fromEntries(Object.entries(data.labels.municipalities).filter(([c]) => shown.has(+c))),
    },
    shortageCount: short.length,
    shortageWindow: w,
    shortagePage,
    topShortages,
    regions: totalsBy(data.cells, "region"),
    sections: totalsBy(data.cells, "section"),
  };
}

export default function Demand() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const d = useLoaderData<typeof loader>();
  const n = (v: number) => formatNumber(v, lng);
  const section = (code: string) => {
    const s = industryByCode(code);
    return `${code} ${s ? (lng === "en" ? s.labelEn : s.labelDa) : ""}`.trim();
  };
  const muni = (code: number) => d.labels.municipalities[code] ?? String(code);
  const region = (code: string) => regions.find((r) => String(r.code) === code)?.name ?? code;
  const cellName = (c: Pick<Cell, "section" | "municipalityCode">) =>
    `${section(c.section)}, ${muni(c.municipalityCode)}`;
  const maxGap = Math.max(1, ...d.topShortages.map((c) => c.gap));
  const maxRegion = Math.max(1, ...d.regions.map((r) => Math.max(r.waiting, r.freeMentors)));
  const maxTrend = Math.max(1, ...d.trends.flatMap((m) => [m.referred, m.signups, m.started, m.waitingAtEnd]));
  const monthLabel = (m: string) => formatMonth(m, lng);
  const trendSeries = (["waitingAtEnd", "referred", "signups", "started"] as const).map((k, i) => ({
    name: t(`demand.trends.${k}`),
    values: d.trends.map((m) => m[k] / maxTrend),
    valueLabels: d.trends.map((m) => n(m[k])),
    marker: i % 2 ? ("square" as const) : ("circle" as const),
    dashed: i >= 2,
  }));
  return (
    <div className="mb-report">
      <h1>{t("demand.title")}</h1>
      <p>{t("demand.intro")}</p>
      <StatCards
        items={[
          { label: t("demand.totals.waiting"), value: d.totals.waiting, to: "/koordinator/ventende" },
          { label: t("demand.totals.freeMentors"), value: d.totals.freeMentors },
          { label: t("demand.totals.shortages"), value: d.shortageCount },
        ]}
      />

      <section aria-labelledby="d-shortages" className="mb-report-block">
        <h2 id="d-shortages">{t("demand.shortages.title")}</h2>
        <p>{t("demand.shortages.intro")}</p>
        {d.shortageCount ? (
          <>
            <div className="mb-chart-pair mb-chart-pair--wide">
              <BarChart
                title={t("demand.shortages.chart", { count: d.topShortages.length })}
                description={t("demand.shortages.chartDesc")}
                max={maxGap}
                bars={d.topShortages.map((c) => ({ label: cellName(c), value: c.gap, valueLabel: n(c.gap) }))}
              />
            </div>
            <PageSummary window={d.shortageWindow} />
            <TableWrap labelledBy="d-shortages-caption">
              <table className="table table--compact" data-testid="shortages">
                <caption id="d-shortages-caption">{t("demand.shortages.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("demand.col.section")}</th>
                    <th scope="col">{t("demand.col.municipality")}</th>
                    <th scope="col">{t("demand.col.waiting")}</th>
                    <th scope="col">{t("demand.col.freeMentors")}</th>
                    <th scope="col">{t("demand.col.gap")}</th>
                    <th scope="col">{t("demand.col.longestWait")}</th>
                    <th scope="col">{t("demand.col.openPlaces")}</th>
                    <th scope="col">{t("demand.col.recruit")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.shortagePage.map((c) => (
                    <tr key={`${c.section}-${c.municipalityCode}`}>
                      <th scope="row">{section(c.section)}</th>
                      <td>{muni(c.municipalityCode)}</td>
                      <td>{n(c.waiting)}</td>
                      <td>{n(c.freeMentors)}</td>
                      <td>{n(c.gap)}</td>
                      <td>{c.waitDays != null ? t("demand.days", { count: c.waitDays }) : "–"}</td>
                      <td>{n(c.openPlaces)}</td>
                      <td>
                        <a
                          href={recruitmentPath(c.section, c.municipalityCode)}
                          aria-label={t("demand.recruitLabel", { cell: cellName(c) })}
                        >
                          {t("demand.recruit")}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            <Pager window={d.shortageWindow} hash="d-shortages" />
            <p className="mb-note">{t("demand.shortages.linkNote")}</p>
          </>
        ) : (
          <p>{t("demand.shortages.none")}</p>
        )}
      </section>

      <section aria-labelledby="d-regions" className="mb-report-block">
        <h2 id="d-regions">{t("demand.regions.title")}</h2>
        <div className="mb-chart-pair">
          <BarChart
            title={t("demand.regions.title")}
            description={t("demand.regions.chartDesc")}
            max={maxRegion}
            bars={d.regions.flatMap((r) => [
              { label: `${region(r.key)}: ${t("demand.col.waiting")}`, value: r.waiting, valueLabel: n(r.waiting) },
              {
                label: `${region(r.key)}: ${t("demand.col.freeMentors")}`,
                value: r.freeMentors,
                valueLabel: n(r.freeMentors),
              },
            ])}
          />
          <TotalsTable
            id="d-regions-table"
            caption={t("demand.regions.caption")}
            keyHeader={t("demand.col.region")}
            rows={d.regions}
            keyLabel={region}
          />
        </div>
      </section>

      <section aria-labelledby="d-sections" className="mb-report-block">
        <h2 id="d-sections">{t("demand.sections.title")}</h2>
        <TotalsTable
          id="d-sections-table"
          caption={t("demand.sections.caption")}
          keyHeader={t("demand.col.section")}
          rows={d.sections}
          keyLabel={section}
        />
      </section>

      <section aria-labelledby="d-trends" className="mb-report-block">
        <h2 id="d-trends">{t("demand.trends.title")}</h2>
        <div className="mb-chart-pair mb-chart-pair--wide">
          <LineChart
            title={t("demand.trends.title")}
            description={t("demand.trends.chartDesc")}
            categories={d.trends.map((m) => monthLabel(m.month).split(" "))}
            formatAxis={(v) => n(Math.round(v * maxTrend))}
            series={trendSeries}
          />
          <TableWrap labelledBy="d-trends-caption">
            <table className="table table--compact" data-testid="trends">
              <caption id="d-trends-caption">{t("demand.trends.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("demand.col.month")}</th>
                  <th scope="col">{t("demand.trends.waitingAtEnd")}</th>
                  <th scope="col">{t("demand.trends.referred")}</th>
                  <th scope="col">{t("demand.trends.signups")}</th>
                  <th scope="col">{t("demand.trends.started")}</th>
                </tr>
              </thead>
              <tbody>
                {d.trends.map((m) => (
                  <tr key={m.month}>
                    <th scope="row">{monthLabel(m.month)}</th>
                    <td>{n(m.waitingAtEnd)}</td>
                    <td>{n(m.referred)}</td>
                    <td>{n(m.signups)}</td>
                    <td>{n(m.started)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </div>
      </section>

      <section aria-labelledby="d-waits" className="mb-report-block">
        <h2 id="d-waits">{t("demand.waits.title", { count: d.longestWaits.length })}</h2>
        {d.longestWaits.length ? (
          <TableWrap labelledBy="d-waits">
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">{t("demand.col.citizen")}</th>
                  <th scope="col">{t("demand.col.municipality")}</th>
                  <th scope="col">{t("demand.col.wishes")}</th>
                  <th scope="col">{t("demand.col.referred")}</th>
                  <th scope="col">{t("demand.col.waited")}</th>
                </tr>
              </thead>
              <tbody>
                {d.longestWaits.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/koordinator/mentees/${m.id}`}>
                        {m.firstName} {m.lastName}
                      </Link>
                    </th>
                    <td>{m.municipalityName}</td>
                    <td>{m.wishedIndustryCodes.join(", ")}</td>
                    <td>{formatDate(m.referredAt, lng)}</td>
                    <td>{t("demand.days", { count: m.days })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("demand.waits.none")}</p>
        )}
      </section>

      <section aria-labelledby="d-links" className="mb-report-block">
        <h2 id="d-links">{t("demand.links.title")}</h2>
        <p>{t("demand.links.intro")}</p>
        {d.links.length ? (
          <TableWrap labelledBy="d-links">
            <table className="table table--compact" data-testid="link-counts">
              <thead>
                <tr>
                  <th scope="col">{t("demand.col.link")}</th>
                  <th scope="col">{t("demand.links.signups")}</th>
                  <th scope="col">{t("demand.links.approved")}</th>
                </tr>
              </thead>
              <tbody>
                {d.links.map((l) => (
                  <tr key={l.source}>
                    <th scope="row">{cellName(l)}</th>
                    <td>{n(l.signups)}</td>
                    <td>{n(l.approved)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t("demand.links.none")}</p>
        )}
      </section>
    </div>
  );
}

function TotalsTable({
  id,
  caption,
  keyHeader,
  rows,
  keyLabel,
}: {
  id: string;
  caption: string;
  keyHeader: string;
  rows: { key: string; waiting: number; freeMentors: number; openPlaces: number; gap: number }[];
  keyLabel: (k: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <TableWrap labelledBy={`${id}-caption`}>
      <table className="table table--compact" data-testid={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{t("demand.col.waiting")}</th>
            <th scope="col">{t("demand.col.freeMentors")}</th>
            <th scope="col">{t("demand.col.gap")}</th>
            <th scope="col">{t("demand.col.openPlaces")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{keyLabel(r.key)}</th>
              <td>{n(r.waiting)}</td>
              <td>{n(r.freeMentors)}</td>
              <td>{n(r.gap)}</td>
              <td>{n(r.openPlaces)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
