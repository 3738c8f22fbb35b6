import { spreadsheetCsv } from '~/utils/spreadsheet-csv'
import {
  currenciesInPaymentHistory,
  listPaymentHistory,
  netOfPaymentHistory,
  type PaymentHistoryRow,
} from '~/models/payment-history.server'
import { currencyDigits } from '~/utils/format'
import {
  filterFromSearch,
  PAYMENT_ACCOUNT_LABELS,
  PAYMENT_HISTORY_CSV_LIMIT,
  PAYMENT_HISTORY_PAGE_SIZE,
  PAYMENT_STATUS_LABELS,
  PAYMENT_TYPES,
  type PaymentHistorySearch,
} from '../../../domain/payment-history-filters'

/** The page: one page of rows, how many match, the net per currency and the currencies to filter by. */
export async function loadPaymentHistory(userId: string, search: PaymentHistorySearch) {
  const filter = filterFromSearch(search)
  const [{ rows, total }, net, currencies] = await Promise.all([
    listPaymentHistory(userId, filter, {
      limit: PAYMENT_HISTORY_PAGE_SIZE,
      offset: (search.page - 1) * PAYMENT_HISTORY_PAGE_SIZE,
    }),
    netOfPaymentHistory(userId, filter),
    currenciesInPaymentHistory(userId),
  ])
  return { rows, total, net, currencies, pageSize: PAYMENT_HISTORY_PAGE_SIZE }
}

/** A signed minor amount as a plain decimal ("-12.50"), which spreadsheets read as a number. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = currencyDigits(currency)
  const magnitude = Math.abs(minor)
  const whole = Math.floor(magnitude / 10 ** digits)
  const fraction = digits ? `.${String(magnitude % 10 ** digits).padStart(digits, '0')}` : ''
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`
}

export function paymentHistoryCsvRows(rows: PaymentHistoryRow[]): string {
  return spreadsheetCsv(
    rows.map((row) => [
      row.at.toISOString(),
      PAYMENT_TYPES[row.type] ?? row.type,
      PAYMENT_ACCOUNT_LABELS[row.account] ?? row.account,
      row.description,
      decimalAmount(row.amountMinor, row.currency),
      row.currency,
      PAYMENT_STATUS_LABELS[row.status] ?? row.status,
      row.countsInNet ? 'yes' : 'no',
      row.reference ?? '',
    ]),
    {
      header: true,
      columns: [
        'Date (UTC)',
        'Type',
        'Account',
        'Description',
        'Amount',
        'Currency',
        'Status',
        'Counts in net',
        'Reference',
      ],
    },
  )
}

/** Every row matching the same filters as the page (no paging), as CSV. */
export async function paymentHistoryCsv(userId: string, search: PaymentHistorySearch): Promise<string> {
  const { rows } = await listPaymentHistory(userId, filterFromSearch(search), {
    limit: PAYMENT_HISTORY_CSV_LIMIT,
    offset: 0,
  })
  return paymentHistoryCsvRows(rows)
}
