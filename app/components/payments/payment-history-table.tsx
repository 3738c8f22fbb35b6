import { Link } from '@remix-run/react'
import {
  PAYMENT_ACCOUNT_LABELS,
  PAYMENT_STATUS_LABELS,
  PAYMENT_TYPES,
  type PaymentHistoryLine,
  type PaymentHistoryStatus,
} from '~/domain/payment-history-filters'
import { formatDateTime, formatMoney } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'

type Row = PaymentHistoryLine<string>

const STATUS_BADGES: Record<PaymentHistoryStatus, string> = {
  completed: 'badge--open',
  pending: 'badge--stored',
  declined: 'badge--failed',
  failed: 'badge--failed',
}

export function PaymentHistoryTable({ rows, empty }: { rows: Row[]; empty: string }) {
  if (!rows.length) return <p className="empty">{empty}</p>
  return (
    <DataTable caption="Payments, newest first" columns={['What and when', { label: 'Amount', className: 'numeric' }]}>
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            {row.contractId ? <Link to={`/contracts/${row.contractId}`}>{row.description}</Link> : row.description}
            <span className="cell-detail">
              <time dateTime={row.at}>{formatDateTime(row.at)}</time> · {PAYMENT_TYPES[row.type]} ·{' '}
              {PAYMENT_ACCOUNT_LABELS[row.account]}
              {row.countsInNet ? '' : ' · not in the net'}
            </span>
          </td>
          <td className="numeric payment-amount">
            {row.amountMinor < 0 ? '−' : '+'}
            {formatMoney(Math.abs(row.amountMinor), row.currency)}
            <span className={`badge ${STATUS_BADGES[row.status]}`}>{PAYMENT_STATUS_LABELS[row.status]}</span>
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
