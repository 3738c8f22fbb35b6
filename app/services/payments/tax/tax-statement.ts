import { currencyDigits } from '~/utils/format'

/** One yearly statement, shaped for any output: columns of amounts, per currency, per month. */
export type StatementColumn = { key: string; label: string; short: string }
type StatementRow = { label: string; values: number[] }
export type StatementSection = { currency: string; rows: StatementRow[]; totals: number[] }
export type TaxStatement = {
  year: number
  role: 'client' | 'freelancer'
  holder: { name: string; email: string; countryName: string | null; vatId: string | null }
  generatedAt: Date
  columns: StatementColumn[]
  sections: StatementSection[]
  notes: string[]
}

export const FREELANCER_COLUMNS: StatementColumn[] = [
  { key: 'grossMinor', label: 'Gross released', short: 'Gross' },
  { key: 'feesMinor', label: 'Platform fees', short: 'Fees' },
  { key: 'feeTaxMinor', label: 'VAT/GST in fees', short: 'Tax in fees' },
  { key: 'netMinor', label: 'Net received', short: 'Net' },
  { key: 'payoutsMinor', label: 'Payouts', short: 'Payouts' },
]

export const CLIENT_COLUMNS: StatementColumn[] = [
  { key: 'fundedMinor', label: 'Paid for work (escrow funding and hourly invoices)', short: 'Paid' },
  { key: 'refundedMinor', label: 'Refunded', short: 'Refunded' },
  { key: 'feesMinor', label: 'Platform fees on your contracts', short: 'Fees' },
  { key: 'feeTaxMinor', label: 'VAT/GST paid in those fees', short: 'Tax in fees' },
]

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** Groups month rows by currency and adds a total per column. */
export function sectionsFrom<T extends { month: number; currency: string }>(
  months: T[],
  columns: StatementColumn[],
): StatementSection[] {
  const byCurrency = new Map<string, T[]>()
  for (const month of months) byCurrency.set(month.currency, [...(byCurrency.get(month.currency) ?? []), month])
  return [...byCurrency].map(([currency, list]) => {
    const rows = list
      .sort((a, b) => a.month - b.month)
      .map((month) => ({
        label: MONTHS[month.month - 1] ?? String(month.month),
        values: columns.map((column) => Number((month as Record<string, unknown>)[column.key] ?? 0)),
      }))
    const totals = columns.map((_, index) => rows.reduce((sum, row) => sum + (row.values[index] ?? 0), 0))
    return { currency, rows, totals }
  })
}

/** "1277.31", "-5.00", "1200" (JPY): a plain decimal amount, exact, for files other programs read. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency)
  const sign = minor < 0 ? '-' : ''
  const abs = Math.abs(minor)
  if (digits === 0) return `${sign}${abs}`
  const scale = 10 ** digits
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, '0')}`
}

/** "1,277.31": the same amount grouped for people, as in the PDF. */
export function groupedAmount(minor: number, currency: string): string {
  const [whole = '0', fraction] = decimalAmount(minor, currency).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}

export function statementFilename(statement: Pick<TaxStatement, 'year'>, extension: 'csv' | 'pdf'): string {
  return `megilance-tax-statement-${statement.year}.${extension}`
}
