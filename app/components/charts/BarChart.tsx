import { useId } from "react";
import { scrollRegion } from "../TableWrap";
import { MIN_CHART_SCALE } from "./scale";

export type Bar = { label: string; value: number | null; valueLabel: string };

/**
 * Horizontal bars as inline SVG. Readable without colour: every bar carries its category and its value as text, bars
 * are hatched as well as filled, and a bar without a value (too few, no data) says so in words. The figures are also in
 * the table the page puts beside the chart; the SVG is one image with a title and a description for screen readers.
 */
export function BarChart({
  title,
  description,
  bars,
  max = 1,
}: {
  title: string;
  description: string;
  bars: Bar[];
  max?: number;
}) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, "");
  const row = 30;
  const labelW = 215;
  const barW = 185;
  const width = labelW + barW + 60;
  const height = bars.length * row + 10;
  const scale = (v: number) => (max > 0 ? Math.max(0, Math.min(1, v / max)) * barW : 0);
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
        <defs>
          <pattern id={`${uid}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" className="mb-chart__fill" />
            <line x1="0" y1="0" x2="0" y2="6" className="mb-chart__hatch" />
          </pattern>
        </defs>
        <line x1={labelW} y1={0} x2={labelW} y2={height} className="mb-chart__axis" />
        {bars.map((b, i) => {
          const y = i * row + 5;
          const w = b.value == null ? 0 : scale(b.value);
          return (
            <g key={b.label}>
              <text
                x={labelW - 8}
                y={y + row / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="mb-chart__label"
              >
                {b.label}
              </text>
              {b.value != null ? (
                <rect
                  x={labelW}
                  y={y + 4}
                  width={Math.max(w, 1)}
                  height={row - 10}
                  fill={`url(#${uid}-hatch)`}
                  className="mb-chart__bar"
                />
              ) : null}
              <text x={labelW + w + 6} y={y + row / 2} dominantBaseline="middle" className="mb-chart__value">
                {b.valueLabel}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
