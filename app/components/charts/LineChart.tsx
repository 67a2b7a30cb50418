import { useId } from "react";
import { scrollRegion } from "../TableWrap";
import { MIN_CHART_SCALE } from "./scale";

export type Series = {
  name: string;
  values: (number | null)[];
  valueLabels: string[];
  dashed?: boolean;
  marker: "circle" | "square";
};

/**
 * A line over categories (quarters) as inline SVG, for shares 0-1. Readable without colour: each series has its own line
 * style (solid / dashed) and point shape (circle / square), a legend in words, and the points carry their values as text.
 * A missing value (too few to show, no data) is a gap in the line, never a point at zero. Over more than 12 categories
 * only the points under a category label carry their value (the others would overlap; the table beside the chart has
 * every value), which also keeps a 25-year report's chart a few hundred elements instead of a thousand.
 */
export function LineChart({
  title,
  description,
  categories,
  series,
  formatAxis,
}: {
  /** Each category's label as lines of text (e.g. ["Q1", "2026"]). */
  title: string;
  description: string;
  categories: string[][];
  series: Series[];
  formatAxis: (v: number) => string;
}) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, "");
  const left = 56,
    right = 20,
    top = 40,
    bottom = 44;
  const step = Math.max(70, Math.min(110, 640 / Math.max(1, categories.length)));
  const plotW = Math.max(1, categories.length - 1) * step;
  const plotH = 200;
  const width = left + plotW + right + 40;
  const height = top + plotH + bottom;
  const x = (i: number) => left + 20 + (categories.length === 1 ? plotW / 2 : i * step);
  const y = (v: number) => top + plotH - Math.max(0, Math.min(1, v)) * plotH;
  const labelEvery = Math.ceil(categories.length / 12);
  const segments = (values: (number | null)[]) => {
    const out: string[] = [];
    let cur: string[] = [];
    values.forEach((v, i) => {
      if (v == null) {
        if (cur.length) out.push(cur.join(" "));
        cur = [];
        return;
      }
      cur.push(`${cur.length ? "L" : "M"}${x(i)},${y(v)}`);
    });
    if (cur.length) out.push(cur.join(" "));
    return out;
  };
  return (
    <figure className="mb-chart" {...scrollRegion(title)}>
      {/* Never drawn narrower than its text can be read (MIN_CHART_SCALE): on a phone the chart scrolls sideways instead. */}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${uid}-t ${uid}-d`}
        className="mb-chart__svg"
        preserveAspectRatio="xMinYMin meet"
        style={{ minWidth: `${Math.round(width * MIN_CHART_SCALE)}px` }}
      >
        <title id={`${uid}-t`}>{title}</title>
        <desc id={`${uid}-d`}>{description}</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={left} x2={left + plotW + 40} y1={y(v)} y2={y(v)} className="mb-chart__grid" />
            <text x={left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" className="mb-chart__label">
              {formatAxis(v)}
            </text>
          </g>
        ))}
        {categories.map((c, i) =>
          i % labelEvery === 0 ? (
            <text key={c.join(" ")} x={x(i)} y={top + plotH + 20} textAnchor="middle" className="mb-chart__label">
              {c.map((line, k) => (
                <tspan key={k} x={x(i)} dy={k === 0 ? 0 : 15}>
                  {line}
                </tspan>
              ))}
            </text>
          ) : null,
        )}
        {series.map((s, si) => (
          <g key={s.name} className={`mb-chart__series mb-chart__series--${si}`}>
            {segments(s.values).map((d) => (
              <path
                key={d}
                d={d}
                fill="none"
                strokeDasharray={s.dashed ? "8 5" : undefined}
                className="mb-chart__line"
              />
            ))}
            {s.values.map((v, i) =>
              v == null ? null : (
                <g key={i}>
                  {s.marker === "circle" ? (
                    <circle cx={x(i)} cy={y(v)} r={5} className="mb-chart__point" />
                  ) : (
                    <rect x={x(i) - 5} y={y(v) - 5} width={10} height={10} className="mb-chart__point" />
                  )}
                  {i % labelEvery === 0 ? (
                    <text x={x(i)} y={si === 0 ? y(v) - 10 : y(v) + 18} textAnchor="middle" className="mb-chart__value">
                      {s.valueLabels[i]}
                    </text>
                  ) : null}
                </g>
              ),
            )}
          </g>
        ))}
        {series.map((s, si) => (
          <g
            key={`legend-${s.name}`}
            transform={`translate(${left + si * 200}, 12)`}
            className={`mb-chart__series mb-chart__series--${si}`}
          >
            <line
              x1={0}
              x2={30}
              y1={0}
              y2={0}
              strokeDasharray={s.dashed ? "8 5" : undefined}
              className="mb-chart__line"
            />
            {s.marker === "circle" ? (
              <circle cx={15} cy={0} r={5} className="mb-chart__point" />
            ) : (
              <rect x={10} y={-5} width={10} height={10} className="mb-chart__point" />
            )}
            <text x={38} y={0} dominantBaseline="middle" className="mb-chart__label">
              {s.name}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
