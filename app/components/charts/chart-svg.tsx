import { formatValue, maxValue, valueTicks, type ChartData, type ChartFormat, type ChartKind } from '~/utils/chart-data'

const WIDTH = 640
const HEIGHT = 240
const LEFT = 72
const RIGHT = 12
const TOP = 12
const BOTTOM = 28
const PLOT_W = WIDTH - LEFT - RIGHT
const PLOT_H = HEIGHT - TOP - BOTTOM
/** At most this many x labels are written; the others are left out so they never overlap. */
const MAX_X_LABELS = 8

/** Series colours are CSS classes (chart__series--1…6), so the theme decides them, in print too. */
export function seriesClass(index: number): string {
  return `chart__series chart__series--${(index % 6) + 1}`
}

/**
 * The chart drawn on the server: it prints and needs no JavaScript. It is aria-hidden because the
 * table beside it carries the same numbers for assistive technology; for a pointer, each label's
 * column has a <title> with the label and every series' value there.
 */
export function ChartSvg({ kind, data, format }: { kind: ChartKind; data: ChartData; format: ChartFormat }) {
  const { labels, series } = data
  const ticks = valueTicks(maxValue(kind, data))
  const top = ticks[ticks.length - 1] || 1
  const y = (value: number) => TOP + PLOT_H - (Math.max(0, value) / top) * PLOT_H
  const slot = PLOT_W / Math.max(1, labels.length)
  const xCenter = (i: number) => LEFT + slot * i + slot / 2
  const labelEvery = Math.max(1, Math.ceil(labels.length / MAX_X_LABELS))
  const groupWidth = slot * 0.8
  const barWidth = kind === 'bar' ? groupWidth / Math.max(1, series.length) : groupWidth

  return (
    <svg className="chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="presentation" aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick} className="chart__grid">
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text x={LEFT - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {formatValue(tick, format)}
          </text>
        </g>
      ))}
      {labels.map((label, i) =>
        i % labelEvery === 0 ? (
          <text key={label} className="chart__x-label" x={xCenter(i)} y={HEIGHT - 8} textAnchor="middle">
            {label}
          </text>
        ) : null,
      )}
      {series.map((s, si) => {
        if (kind === 'line') {
          const points = s.values.map((v, i) => `${xCenter(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')
          return (
            <g key={s.name} className={seriesClass(si)}>
              <polyline points={points} fill="none" stroke="currentColor" strokeWidth={2} />
              {labels.length <= 31
                ? s.values.map((v, i) => <circle key={i} cx={xCenter(i)} cy={y(v)} r={2.5} fill="currentColor" />)
                : null}
            </g>
          )
        }
        return (
          <g key={s.name} className={seriesClass(si)}>
            {s.values.map((v, i) => {
              const below =
                kind === 'stacked'
                  ? series.slice(0, si).reduce((sum, other) => sum + Math.max(0, other.values[i] ?? 0), 0)
                  : 0
              const x = xCenter(i) - groupWidth / 2 + (kind === 'bar' ? barWidth * si : 0)
              const height = y(below) - y(below + v)
              return (
                <rect
                  key={i}
                  x={x}
                  y={y(below + v)}
                  width={Math.max(1, barWidth - 1)}
                  height={Math.max(0, height)}
                  fill="currentColor"
                />
              )
            })}
          </g>
        )
      })}
      {labels.map((label, i) => (
        // Over each label's column, its numbers as a native hover title (and with JavaScript, until chart.js draws).
        <rect key={label} className="chart__hit" x={LEFT + slot * i} y={TOP} width={slot} height={PLOT_H}>
          <title>
            {[label, ...series.map((s) => `${s.name}: ${formatValue(s.values[i] ?? 0, format)}`)].join('\n')}
          </title>
        </rect>
      ))}
    </svg>
  )
}
