// A horizontal bar chart drawn on the server as SVG: no script, no chart library. Screen readers
// get its title and the caption's summary (role="img"); the table beside it holds every number. Each bar
// carries its value in text and the series differ by pattern as well as colour.
import { Fragment } from "react";

export type ChartSeries = {
  label: string /** A CSS colour, a token such as var(--success) so it follows the scheme. */;
  colour: string;
  pattern?: "solid" | "hatched" | "dotted";
};
export type ChartGroup = { label: string; values: Array<number | null> };

type BarChartProps = {
  id: string;
  title: string;
  /** What the chart shows in one or two sentences: the text alternative. */
  summary: string;
  series: ChartSeries[];
  groups: ChartGroup[];
  /** The value of a full-length bar; defaults to the largest value. */
  max?: number;
  format?: (value: number) => string;
  /** Written beside a bar with no value, in the page's language. */
  missing: string;
};

const WIDTH = 720;
const LABEL_WIDTH = 150;
const VALUE_WIDTH = 70;
const BAR = 16;
const BAR_GAP = 4;
const GROUP_GAP = 14;
const LEGEND = 34;

export function BarChart({ id, title, summary, series, groups, max, format = String, missing }: BarChartProps) {
  const scaleMax = max ?? Math.max(1, ...groups.flatMap((group) => group.values.map((value) => value ?? 0)));
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const groupHeight = series.length * (BAR + BAR_GAP) - BAR_GAP;
  const height = LEGEND + groups.length * (groupHeight + GROUP_GAP);
  // Each legend entry starts after the previous one's text (about 7.5 units a character at 13px).
  const legendOffsets = series.map((_, index) =>
    series.slice(0, index).reduce((x, item) => x + 20 + item.label.length * 7.5 + 24, LABEL_WIDTH),
  );
  return (
    <figure className="report-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-caption`}
        style={{ maxWidth: `${WIDTH}px`, height: "auto" }}
      >
        <title id={`${id}-title`}>{title}</title>
        <defs>
          {series.map((item, index) => (
            <pattern key={item.label} id={`${id}-fill-${index}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" style={{ fill: item.colour }} />
              {item.pattern === "hatched" ? <path d="M0,6 L6,0" stroke="#ffffff" strokeWidth="1.5" /> : null}
              {item.pattern === "dotted" ? <circle cx="3" cy="3" r="1.2" fill="#ffffff" /> : null}
            </pattern>
          ))}
        </defs>
        <g>
          {series.map((item, index) => (
            <g key={item.label} transform={`translate(${legendOffsets[index]}, 6)`}>
              <rect width="14" height="14" fill={`url(#${id}-fill-${index})`} stroke="currentColor" strokeWidth="0.5" />
              <text x="20" y="12" fontSize="13" fill="currentColor">
                {item.label}
              </text>
            </g>
          ))}
          {groups.map((group, groupIndex) => {
            const top = LEGEND + groupIndex * (groupHeight + GROUP_GAP);
            return (
              <Fragment key={group.label}>
                <text x={LABEL_WIDTH - 8} y={top + groupHeight / 2 + 5} fontSize="13" textAnchor="end" fill="currentColor">
                  {group.label}
                </text>
                {group.values.map((value, index) => {
                  const y = top + index * (BAR + BAR_GAP);
                  const length = value === null ? 0 : Math.max(value > 0 ? 2 : 0, (value / scaleMax) * plotWidth);
                  return (
                    <Fragment key={series[index]?.label ?? index}>
                      <rect x={LABEL_WIDTH} y={y} width={length} height={BAR} fill={`url(#${id}-fill-${index})`} />
                      <text x={LABEL_WIDTH + length + 6} y={y + BAR - 3} fontSize="12" className="report-chart__value">
                        {value === null ? missing : format(value)}
                      </text>
                    </Fragment>
                  );
                })}
              </Fragment>
            );
          })}
          <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={LEGEND - 4} y2={height - GROUP_GAP / 2} className="report-chart__axis" />
        </g>
      </svg>
      <figcaption id={`${id}-caption`} className="hint">
        {summary}
      </figcaption>
    </figure>
  );
}
