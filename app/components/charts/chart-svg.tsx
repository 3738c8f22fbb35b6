import { formatValue, maxValue, valueTicks, type ChartData, type ChartFormat, type ChartKind } from '~/utils/chart-data'

// The plot box is 240 px high (app.css, .chart__plot) and as wide as the page gives it. The plot area
// sits 72 px from the left (value labels), 12 px from the right and top, 28 px from the bottom (labels),
// like chart.js's layout, so the server's drawing and chart.js's fill the same box the same way.
const HEIGHT = 240
const LEFT = 72
const TOP = 12
const BOTTOM = 28
const PLOT_H = HEIGHT - TOP - BOTTOM
/** The plot area's own width, in its units: it is stretched to whatever width the page has. */
const AREA_W = 1000
/**
 * At most this many x labels are written (fewer when they are long, half of them in a plot box under
 * 420 px); the others are left out so they never overlap.
 */
const MAX_X_LABELS = 8

/** Coordinates to a tenth of a unit: the page's HTML carries no 15-digit fractions. */
const round = (n: number) => Math.round(n * 10) / 10

/** Series colours are CSS classes (chart__series--1…6), so the theme decides them, in print too. */
export function seriesClass(index: number): string {
  return `chart__series chart__series--${(index % 6) + 1}`
}

/**
 * The chart drawn on the server: it prints and needs no JavaScript. It is aria-hidden because the
 * table beside it carries the same numbers for assistive technology; for a pointer, each label's
 * column has a <title> with the label and every series' value there.
 *
 * Three layers fill the plot box: the value axis (pixels), the plot area (stretched to the box's width,
 * strokes and dots kept at their size) and the label axis (placed in percent of the area's width). No
 * inline style: the stylesheet places them (the CSP allows no style attributes).
 */
export function ChartSvg({
  kind,
  data,
  format,
  cells,
}: {
  kind: ChartKind
  data: ChartData
  format: ChartFormat
  /** cells[series][label]: each value as the table writes it (formatted once for both). */
  cells: string[][]
}) {
  const { labels, series } = data
  const ticks = valueTicks(maxValue(kind, data), format)
  const top = ticks[ticks.length - 1] || 1
  /** A value's height in the plot area (and in the box, less TOP). */
  const y = (value: number) => PLOT_H - (Math.max(0, value) / top) * PLOT_H
  const slot = AREA_W / Math.max(1, labels.length)
  const xCenter = (i: number) => slot * i + slot / 2
  // As many labels as fit a plot area about 380 px wide (a chart in a half-width card) at ~6.5 px a character.
  const longest = Math.max(1, ...labels.map((label) => label.length))
  const fit = Math.max(1, Math.floor(380 / (longest * 6.5 + 12)))
  const labelEvery = Math.max(1, Math.ceil(labels.length / Math.min(MAX_X_LABELS, fit)))
  const groupWidth = slot * 0.8
  const barWidth = kind === 'bar' ? groupWidth / Math.max(1, series.length) : groupWidth
  const written = labels.flatMap((label, i) => (i % labelEvery === 0 ? [{ label, i }] : []))

  return (
    <>
      <svg className="chart__svg" aria-hidden="true">
        {ticks.map((tick) => (
          <text
            key={tick}
            className="chart__y-label"
            x={LEFT - 6}
            y={round(TOP + y(tick))}
            dy="0.32em"
            textAnchor="end"
          >
            {formatValue(tick, format)}
          </text>
        ))}
      </svg>
      <svg className="chart__area" viewBox={`0 0 ${AREA_W} ${PLOT_H}`} preserveAspectRatio="none" aria-hidden="true">
        {ticks.map((tick) => (
          <line
            key={tick}
            className="chart__grid"
            x1={0}
            x2={AREA_W}
            y1={round(y(tick))}
            y2={round(y(tick))}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {series.map((s, si) => {
          if (kind === 'line') {
            // One path; a gap (null) lifts the pen, so the line breaks there as chart.js draws it.
            const line = s.values
              .map((v, i) =>
                v === null
                  ? ''
                  : `${i && s.values[i - 1] !== null ? 'L' : 'M'}${xCenter(i).toFixed(1)} ${y(v).toFixed(1)}`,
              )
              .join('')
            // Dots are zero-length strokes with round caps: circles at any stretch.
            const dots =
              labels.length <= 31
                ? s.values.flatMap((v, i) => (v === null ? [] : [`M${xCenter(i).toFixed(1)} ${y(v).toFixed(1)}h0`]))
                : []
            return (
              <g key={s.name} className={seriesClass(si)} fill="none" stroke="currentColor">
                <path d={line} strokeWidth={2} strokeLinejoin="round" vectorEffect="non-scaling-stroke" />
                {dots.length ? (
                  <path d={dots.join('')} strokeWidth={5} strokeLinecap="round" vectorEffect="non-scaling-stroke" />
                ) : null}
              </g>
            )
          }
          return (
            <g key={s.name} className={seriesClass(si)} fill="currentColor">
              {s.values.map((v, i) => {
                if (v === null) return null
                const below =
                  kind === 'stacked'
                    ? series.slice(0, si).reduce((sum, other) => sum + Math.max(0, other.values[i] ?? 0), 0)
                    : 0
                const x = xCenter(i) - groupWidth / 2 + (kind === 'bar' ? barWidth * si : 0)
                return (
                  <rect
                    key={i}
                    x={round(x)}
                    y={round(y(below + v))}
                    width={round(Math.max(1, barWidth * 0.95))}
                    height={round(Math.max(0, y(below) - y(below + v)))}
                  />
                )
              })}
            </g>
          )
        })}
        {labels.map((label, i) => (
          // Over each label's column, its numbers as a native hover title (and with JavaScript, until chart.js draws).
          <rect key={label} className="chart__hit" x={round(slot * i)} y={0} width={round(slot)} height={PLOT_H}>
            <title>{[label, ...series.map((s, si) => `${s.name}: ${cells[si]?.[i] ?? ''}`)].join('\n')}</title>
          </rect>
        ))}
      </svg>
      <svg className="chart__x-axis" aria-hidden="true">
        {written.map(({ label, i }, n) => (
          <text
            key={label}
            className={n % 2 ? 'chart__x-label chart__x-label--alternate' : 'chart__x-label'}
            x={`${((xCenter(i) / AREA_W) * 100).toFixed(2)}%`}
            y={BOTTOM - 8}
            textAnchor="middle"
          >
            {label}
          </text>
        ))}
      </svg>
    </>
  )
}
