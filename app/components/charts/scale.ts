/**
 * The smallest a chart is drawn, as a share of its natural size: 13 px text stays at least 10 px and labels laid out
 * for the full width never overlap. Narrower screens scroll the chart sideways in its own focusable box.
 */
export const MIN_CHART_SCALE = 0.8;
