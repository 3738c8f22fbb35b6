import type { ChartData, ChartFormat, ChartKind } from '~/utils/chart-data'

/** A chart as a loader returns it: exactly the chart component's props. */
export type ChartBlock = {
  id: string
  title: string
  kind: ChartKind
  labelHeading: string
  format: ChartFormat
  data: ChartData
}

/** What names a chart: its id, title, kind and the heading of its label column; counts unless `format` says. */
type ChartHead = Pick<ChartBlock, 'id' | 'title' | 'kind' | 'labelHeading'> & { format?: ChartFormat }

/** A chart of `series` over `labels`. */
export function chartBlock(
  { format = { kind: 'count' }, ...head }: ChartHead,
  labels: string[],
  series: ChartData['series'],
): ChartBlock {
  return { ...head, format, data: { labels, series } }
}
