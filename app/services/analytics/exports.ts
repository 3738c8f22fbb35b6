/** CSV of any analytics table: a chart's data table or a top-5 table, the same rows the page shows. */
import { spreadsheetCsv } from '~/utils/spreadsheet-csv'
import { currencyDigits } from '~/utils/format'
import { minorToDecimal } from '~/utils/money-conversion'
import type { ChartBlock } from './chart-block'

export type ExportTable = {
  id: string
  title: string
  columns: string[]
  /** Money columns by index (minor units), the rest are text. */
  moneyColumns: number[]
  rows: (string | number)[][]
}

/** A chart's table as rows: the bucket, then each series (money in major units, percentages to 0.1). */
export function chartTable(block: ChartBlock): ExportTable {
  const unit =
    block.format.kind === 'money' ? ` (${block.format.currency})` : block.format.kind === 'percent' ? ' (%)' : ''
  return {
    id: block.id,
    title: block.title,
    columns: [block.labelHeading, ...block.data.series.map((s) => `${s.name}${unit}`)],
    moneyColumns: block.format.kind === 'money' ? block.data.series.map((_, i) => i + 1) : [],
    rows: block.data.labels.map((label, i) => [
      label,
      ...block.data.series.map((s) => {
        const value = s.values[i] ?? null
        if (value === null) return '' // no value for this bucket (an average of nothing), not a zero
        return block.format.kind === 'percent' ? Number(value.toFixed(1)) : value
      }),
    ]),
  }
}

export function tableCsv(table: ExportTable, currency: string): string {
  const rows = table.rows.map((row) =>
    row.map((cell, i) =>
      table.moneyColumns.includes(i) && typeof cell === 'number'
        ? minorToDecimal(BigInt(Math.round(cell)), currencyDigits(currency))
        : cell,
    ),
  )
  return spreadsheetCsv([table.columns, ...rows])
}

/** "revenue-trend-2026-11-01-to-2026-11-30.csv" */
export function csvFilename(id: string, from: string, to: string): string {
  return `megilance-${id}-${from}-to-${to}.csv`
}
