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
