import type { ReactNode } from "react";
import { useTranslation } from "../../i18n/use-translation";
import type { BreakdownRow, Cell, Distribution, Report } from "../../domain/statistics";
import { formatNumber, formatPercent } from "../../i18n/format";
import { BarChart } from "../charts/BarChart";
import { LineChart } from "../charts/LineChart";
import { TableWrap } from "../TableWrap";

export type ReportLabelsView = { municipalities: Record<string, string>; sections: Record<string, string> };

/**
 * Quarter labels per language, made once: a report over 25 years names about a hundred quarters in its table and its
 * chart, and a translation call costs more than the rest of a cell (the translations do not change while the server runs).
 */
const quarterLabels = new Map<string, { label: string; lines: string[] }>();

/** Formats cells: a value, "too few to show" (never the number), or "no data". */
export function useCellFormat() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  // The three words of a cell without a value, translated once per table rather than once per cell.
  const words = { tooFew: t("reports.tooFew"), hidden: t("reports.hidden"), none: t("reports.none") };
  const other = (c: Cell) => (c.kind === "too_few" ? words.tooFew : c.kind === "hidden" ? words.hidden : words.none);
  const quarterOf = (key: string) => {
    const k = `${lng}|${key}`;
    let q = quarterLabels.get(k);
    if (!q) {
      const m = /^(\d{4})-Q(\d)$/.exec(key);
      q = m
        ? {
            label: t("reports.quarterLabel", { q: m[2], year: m[1] }),
            lines: [t("reports.quarterShort", { q: m[2] }), m[1]],
          }
        : { label: key, lines: [key] };
      if (m) quarterLabels.set(k, q);
    }
    return q;
  };
  return {
    count: (c: Cell) => (c.kind === "value" ? formatNumber(c.value, lng) : other(c)),
    share: (c: Cell) => (c.kind === "value" ? formatPercent(c.value, lng) : other(c)),
    number: (c: Cell, digits = 1) => (c.kind === "value" ? formatNumber(c.value, lng, digits) : other(c)),
    base: (c: Cell) =>
      c.kind === "value" ? formatNumber(c.n, lng) : c.kind === "none" ? formatNumber(0, lng) : other(c),
    quarter: (key: string) => quarterOf(key).label,
    quarterLines: (key: string) => quarterOf(key).lines,
  };
}

function CellCards({ items }: { items: { label: string; value: string; id: string }[] }) {
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

function DistributionBlock({ title, distribution, id }: { title: string; distribution: Distribution; id: string }) {
  const { t } = useTranslation();
  const f = useCellFormat();
  const label = (type: string) =>
    type === "none_registered" ? t("reports.outcomes.noneRegistered") : t(`enum.outcomeType.${type}`);
  return (
    <section aria-labelledby={id} className="mb-report-block">
      <h3 id={id}>{title}</h3>
      <div className="mb-chart-pair">
        <BarChart
          title={title}
          description={t("reports.chart.distributionDesc")}
          bars={distribution.map((d) => ({
            label: label(d.type),
            value: d.share.kind === "value" ? d.share.value : null,
            valueLabel: f.share(d.share),
          }))}
        />
        <TableWrap labelledBy={`${id}-caption`}>
          <table className="table table--compact" data-table={id}>
            <caption id={`${id}-caption`}>{t("reports.chart.tableCaption", { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.outcomes.type")}</th>
                <th scope="col">{t("reports.outcomes.courses")}</th>
                <th scope="col">{t("reports.outcomes.share")}</th>
              </tr>
            </thead>
            <tbody>
              {distribution.map((d) => (
                <tr key={d.type}>
                  <th scope="row">{label(d.type)}</th>
                  <td>{f.count(d.count)}</td>
                  <td>{f.share(d.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </div>
      <p className="mb-note">{t("reports.outcomes.severalNote")}</p>
    </section>
  );
}

export function BreakdownTable({
  id,
  title,
  rows: unsorted,
  keyLabel,
  showReferred = true,
  sortByLabel = false,
}: {
  id: string;
  title: string;
  rows: BreakdownRow[];
  keyLabel: (key: string) => string;
  showReferred?: boolean;
  sortByLabel?: boolean;
}) {
  const { i18n } = useTranslation();
  const rows = sortByLabel
    ? [...unsorted].sort((a, b) => keyLabel(a.key).localeCompare(keyLabel(b.key), i18n.language))
    : unsorted;
  const { t } = useTranslation();
  const f = useCellFormat();
  return (
    <section aria-labelledby={id} className="mb-report-block">
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{t("reports.breakdown.empty")}</p>
      ) : (
        <TableWrap labelledBy={id}>
          <table className="table table--zebra table--compact" data-table={id}>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.breakdown.key")}</th>
                {showReferred ? <th scope="col">{t("reports.breakdown.referred")}</th> : null}
                <th scope="col">{t("reports.breakdown.completed")}</th>
                <th scope="col">{t("reports.breakdown.positive")}</th>
                <th scope="col">{t("reports.breakdown.rate")}</th>
                <th scope="col">{t("reports.breakdown.rateFollowup")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <th scope="row">{keyLabel(r.key)}</th>
                  {showReferred ? <td>{f.count(r.referred)}</td> : null}
                  <td>{f.count(r.completed)}</td>
                  <td>{f.count(r.positive)}</td>
                  <td>{f.share(r.rate)}</td>
                  <td>{f.share(r.rateFollowup)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

/** The whole report: counts, outcomes with charts, process figures, the quarter line and the breakdowns. */
/** `exact`: the figures are the caseworker's own municipality's, shown without small-group suppression (decision 009). */
export function ReportView({
  report,
  labels,
  showMunicipalities,
  exportsSlot,
  exact = false,
}: {
  report: Report;
  labels: ReportLabelsView;
  showMunicipalities: boolean;
  exportsSlot?: ReactNode;
  exact?: boolean;
}) {
  const { t } = useTranslation();
  const f = useCellFormat();
  const r = report;
  const c = r.counts;
  const quarters = r.breakdowns.quarter;
  const val = (x: Cell) => (x.kind === "value" ? x.value : null);
  return (
    <div className="mb-report">
      <p className="mb-note">
        {exact ? (
          t("reports.exactNote")
        ) : (
          <>
            {t("reports.smallGroupNote")} {t("reports.hiddenNote")}
          </>
        )}
      </p>

      <section aria-labelledby="r-counts">
        <h2 id="r-counts">{t("reports.counts.title")}</h2>
        <CellCards
          items={[
            { id: "referred", label: t("reports.counts.referred"), value: f.count(c.referred) },
            { id: "matched", label: t("reports.counts.matched"), value: f.count(c.matched) },
            { id: "waiting", label: t("reports.counts.waiting"), value: f.count(c.waiting) },
            { id: "active", label: t("reports.counts.active"), value: f.count(c.active) },
            { id: "completed", label: t("reports.counts.completed"), value: f.count(c.completed) },
            { id: "endedEarly", label: t("reports.counts.endedEarly"), value: f.count(c.endedEarly) },
            { id: "withdrawn", label: t("reports.counts.withdrawn"), value: f.count(c.withdrawn) },
          ]}
        />
      </section>

      <section aria-labelledby="r-outcomes">
        <h2 id="r-outcomes">{t("reports.outcomes.title")}</h2>
        <CellCards
          items={[
            { id: "outcomeRate", label: t("reports.outcomes.rate"), value: f.share(r.outcomes.rate) },
            { id: "positive", label: t("reports.outcomes.positive"), value: f.count(r.outcomes.positive) },
            { id: "outcomeBase", label: t("reports.outcomes.base"), value: f.count(r.outcomes.base) },
          ]}
        />
        <DistributionBlock
          id="r-dist-end"
          title={t("reports.outcomes.distributionTitle")}
          distribution={r.outcomes.distribution}
        />
        <h3 id="r-followup">{t("reports.outcomes.followupTitle")}</h3>
        <CellCards
          items={[
            { id: "followupRate", label: t("reports.outcomes.followupRate"), value: f.share(r.followup.rate) },
            { id: "followupBase", label: t("reports.outcomes.followupBase"), value: f.count(r.followup.base) },
            { id: "awaiting", label: t("reports.outcomes.awaiting"), value: f.count(r.followup.awaiting) },
          ]}
        />
        <DistributionBlock
          id="r-dist-3m"
          title={t("reports.outcomes.followupDistributionTitle")}
          distribution={r.followup.distribution}
        />
      </section>

      <section aria-labelledby="r-process">
        <h2 id="r-process">{t("reports.process.title")}</h2>
        <TableWrap labelledBy="r-process">
          <table className="table table--compact" data-table="process">
            <caption className="sr-only">{t("reports.process.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("reports.process.figure")}</th>
                <th scope="col">{t("reports.process.value")}</th>
                <th scope="col">{t("reports.process.base")}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["daysMedian", r.daysToMatch.median, f.number(r.daysToMatch.median, 0)],
                  ["daysP90", r.daysToMatch.p90, f.number(r.daysToMatch.p90, 0)],
                  ["hoursMedian", r.hoursPerCourse.median, f.number(r.hoursPerCourse.median, 1)],
                  ["onTrack", r.onTrack.share, f.share(r.onTrack.share)],
                  ["retention", r.mentorRetention.share, f.share(r.mentorRetention.share)],
                  ["satisfaction", r.satisfaction.all, f.number(r.satisfaction.all, 1)],
                  ["satisfactionMentee", r.satisfaction.mentee, f.number(r.satisfaction.mentee, 1)],
                  ["satisfactionMentor", r.satisfaction.mentor, f.number(r.satisfaction.mentor, 1)],
                  ["satisfied", r.satisfaction.satisfiedShare, f.share(r.satisfaction.satisfiedShare)],
                ] as const
              ).map(([key, cell, shown]) => (
                <tr key={key}>
                  <th scope="row">{t(`reports.process.${key}`)}</th>
                  <td>{shown}</td>
                  <td>{f.base(cell)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>

      <section aria-labelledby="r-quarters">
        <h2 id="r-quarters">{t("reports.quarters.title")}</h2>
        <div className="mb-chart-pair mb-chart-pair--wide">
          <LineChart
            title={t("reports.quarters.chartTitle")}
            description={t("reports.quarters.chartDesc")}
            categories={quarters.map((q) => f.quarterLines(q.key))}
            formatAxis={(v) => f.share({ kind: "value", value: v, n: 5 })}
            series={[
              {
                name: t("reports.quarters.atEnd"),
                values: quarters.map((q) => val(q.rate)),
                valueLabels: quarters.map((q) => (q.rate.kind === "value" ? f.share(q.rate) : "")),
                marker: "circle",
              },
              {
                name: t("reports.quarters.atFollowup"),
                values: quarters.map((q) => val(q.rateFollowup)),
                valueLabels: quarters.map((q) => (q.rateFollowup.kind === "value" ? f.share(q.rateFollowup) : "")),
                marker: "square",
                dashed: true,
              },
            ]}
          />
          <BreakdownTable
            id="r-by-quarter"
            title={t("reports.breakdown.quarter")}
            rows={quarters}
            keyLabel={f.quarter}
          />
        </div>
      </section>

      <section aria-labelledby="r-breakdowns">
        <h2 id="r-breakdowns">{t("reports.breakdown.title")}</h2>
        {showMunicipalities ? (
          <BreakdownTable
            id="r-by-municipality"
            title={t("reports.breakdown.municipality")}
            rows={r.breakdowns.municipality}
            keyLabel={(k) => labels.municipalities[k] ?? k}
            sortByLabel
          />
        ) : null}
        <BreakdownTable
          id="r-by-industry"
          title={t("reports.breakdown.industry")}
          rows={r.breakdowns.industry}
          showReferred={false}
          keyLabel={(k) => (labels.sections[k] ? `${k} ${labels.sections[k]}` : k)}
        />
        <BreakdownTable
          id="r-by-group"
          title={t("reports.breakdown.group")}
          rows={r.breakdowns.group}
          keyLabel={(k) => t(`enum.menteeGroup.${k}`)}
        />
        <BreakdownTable
          id="r-by-danish"
          title={t("reports.breakdown.danishLevel")}
          rows={r.breakdowns.danishLevel}
          keyLabel={(k) => t(`enum.danishLevel.${k}`)}
        />
      </section>

      {exportsSlot}
    </div>
  );
}
