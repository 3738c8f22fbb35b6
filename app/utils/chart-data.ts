import { formatMoney } from './format'

/**
 * The numbers a chart shows: one label per bucket, one value per label in each series. A null is a
 * bucket with nothing to show (an average over no reviews): a gap, never a zero.
 */
type ChartSeries = { name: string; values: Array<number | null> }
export type ChartKind = 'line' | 'bar' | 'stacked'
/** How values read: counts, money in minor units of `currency`, or percentages (0–100). */
export type ChartFormat = { kind: 'count' } | { kind: 'money'; currency: string } | { kind: 'percent' }

export type ChartData = {
  labels: string[]
  series: ChartSeries[]
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 })

/** A bucket's value as the table, tooltips and PDF write it: a gap is a dash. */
export function formatCell(value: number | null | undefined, format: ChartFormat): string {
  return value === null || value === undefined ? '—' : formatValue(value, format)
}

export function formatValue(value: number, format: ChartFormat): string {
  if (format.kind === 'percent') return `${COUNT.format(value)}%`
  if (format.kind === 'money') return formatMoney(Math.round(value), format.currency)
  return COUNT.format(value)
}

/** The one-sentence reading of a chart for screen readers: size, range and the extremes of each series. */
export function describeChart(title: string, kind: ChartKind, data: ChartData, format: ChartFormat): string {
  const { labels, series } = data
  if (!labels.length || !series.length) return `${title}: no data for this period.`
  const span = labels.length === 1 ? labels[0] : `${labels[0]} to ${labels[labels.length - 1]}`
  const shape = kind === 'line' ? 'Line chart' : 'Bar chart'
  const parts = series.map((s) => {
    const shown = s.values.flatMap((v, i) => (v === null ? [] : [{ v, i }]))
    if (!shown.length) return `${s.name}: no values`
    const total = shown.reduce((sum, { v }) => sum + v, 0)
    const top = shown.reduce((best, point) => (point.v > best.v ? point : best))
    // Nothing yet in any bucket: "highest $0 (Jan)" would name a month that means nothing.
    if (shown.every(({ v }) => v === 0)) return `${s.name}: ${formatValue(0, format)} throughout`
    // A series with gaps is an average per bucket: a total of averages means nothing.
    const sum = shown.length === s.values.length ? `total ${formatValue(total, format)}, ` : ''
    return `${s.name}: ${sum}highest ${formatValue(top.v, format)} (${labels[top.i]})`
  })
  return `${shape} of ${title}, ${labels.length} ${labels.length === 1 ? 'point' : 'points'} from ${span}. ${parts.join('; ')}.`
}

/**
 * A round top for the value axis and its tick values (four steps). Counts step by whole numbers:
 * a top of 1 or 3 gets ticks 0, 1 (… 3), never "0.3 proposals".
 */
export function valueTicks(max: number, format?: ChartFormat): number[] {
  // Nothing to show: an axis of whole units ($0 to $1), never "$0.01".
  if (max <= 0) return format?.kind === 'money' ? [0, 100] : [0, 1]
  const rough = max / 4
  // A small count steps by one: a 1–5 rating's axis ends at 5, not 8.
  if (format?.kind === 'count' && max <= 6) return Array.from({ length: Math.ceil(max) + 1 }, (_, i) => i)
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  // Under 10 a count's step is the next whole number (2.25 → 3, not 2.5); from 10 up every step is whole.
  if (format?.kind === 'count' && rough < 10) return [0, 1, 2, 3, 4].map((i) => i * Math.ceil(rough))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? rough
  return [0, 1, 2, 3, 4].map((i) => i * step)
}

/** The largest value the axis must show: a stack's sum, otherwise the largest single value. */
export function maxValue(kind: ChartKind, data: ChartData): number {
  if (kind === 'stacked') {
    return Math.max(
      0,
      ...data.labels.map((_, i) => data.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)),
    )
  }
  return Math.max(0, ...data.series.flatMap((s) => s.values.filter((v) => v !== null)))
}
