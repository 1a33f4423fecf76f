/**
 * A server-rendered horizontal bar chart in SVG (no client JavaScript, no library). The chart is
 * an image with a text alternative; the accessible data table beside it carries the figures.
 */
export interface Bar {
  label: string;
  value: number;
  /** Optional second value drawn as a thinner bar (e.g. the 90th percentile). */
  second?: number | null;
}

export function BarChart({
  id,
  title,
  bars,
  limit,
  limitLabel,
  secondLabel,
  valueLabel,
}: {
  id: string;
  title: string;
  bars: Bar[];
  limit?: number;
  limitLabel?: string;
  secondLabel?: string;
  valueLabel?: string;
}) {
  const labelWidth = 250;
  const barArea = 360;
  const rowHeight = bars.some((b) => b.second != null) ? 34 : 26;
  const top = 28;
  const height = top + bars.length * rowHeight + 24;
  const max = Math.max(1, limit ?? 0, ...bars.map((b) => Math.max(b.value, b.second ?? 0)));
  const x = (v: number) => labelWidth + (v / max) * barArea;
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${labelWidth + barArea + 60} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      {valueLabel || secondLabel ? (
        <g fontSize="12">
          <rect x={10} y={6} width={12} height={12} fill="#12385c" />
          <text x={26} y={16}>
            {valueLabel}
          </text>
          {secondLabel ? (
            <>
              <rect x={220} y={9} width={12} height={6} fill="#7a8a99" />
              <text x={236} y={16}>
                {secondLabel}
              </text>
            </>
          ) : null}
          {limitLabel ? (
            <>
              <line x1={430} x2={442} y1={12} y2={12} stroke="#b00020" strokeWidth={3} strokeDasharray="4 2" />
              <text x={446} y={16}>
                {limitLabel}
              </text>
            </>
          ) : null}
        </g>
      ) : null}
      {bars.map((b, i) => {
        const y = top + i * rowHeight;
        return (
          <g key={`${b.label}-${i}`} fontSize="12">
            <text x={labelWidth - 6} y={y + 13} textAnchor="end">
              {b.label.length > 34 ? `${b.label.slice(0, 33)}…` : b.label}
            </text>
            <rect x={labelWidth} y={y + 2} width={Math.max(0, x(b.value) - labelWidth)} height={14} fill="#12385c" />
            <text x={x(b.value) + 4} y={y + 13}>
              {b.value}
            </text>
            {b.second != null ? (
              <rect x={labelWidth} y={y + 19} width={Math.max(0, x(b.second) - labelWidth)} height={7} fill="#7a8a99" />
            ) : null}
          </g>
        );
      })}
      {limit ? (
        <line
          x1={x(limit)}
          x2={x(limit)}
          y1={top - 4}
          y2={height - 16}
          stroke="#b00020"
          strokeWidth={2}
          strokeDasharray="6 3"
        />
      ) : null}
    </svg>
  );
}
