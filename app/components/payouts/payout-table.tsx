import type { PayoutRow } from '~/services/payments/payouts/payout-views'
import { formatDateTime, formatEstimatedMoney, formatMoney } from '~/utils/format'
import { DataTable } from '~/components/ui/data-table'
import type { Approximate } from '~/services/payments/rates/approximate-amounts'

/**
 * The freelancer's payouts, newest first, with the fee, what arrives, the status and any admin reason;
 * `approx`, the amount in the freelancer's display currency.
 */
export function PayoutTable({ rows }: { rows: (PayoutRow & { approx?: Approximate | null })[] }) {
  if (!rows.length) return <p className="empty">No payouts yet.</p>
  return (
    <DataTable
      caption="Your payouts, newest first"
      stackOnPhone
      columns={[
        'Requested',
        'To',
        { label: 'Amount', className: 'numeric' },
        { label: 'Fee', className: 'numeric' },
        { label: 'Arrives', className: 'numeric' },
        'Status',
      ]}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td>{formatDateTime(row.createdAt)}</td>
          <td>
            {row.destination}
            <span className="cell-detail">{row.speed === 'instant' ? 'Instant' : 'Standard'}</span>
          </td>
          <td className="numeric">
            {formatMoney(row.amountMinor, row.currency)}
            {row.approx ? (
              <span className="cell-detail" title={row.approx.rates}>
                {row.approx.text}
              </span>
            ) : null}
          </td>
          <td className="numeric">{formatMoney(row.feeMinor, row.currency)}</td>
          <td className="numeric">
            {formatMoney(row.amountMinor - row.feeMinor, row.currency)}
            {row.inAsset ? (
              <span className="cell-detail">≈ {formatEstimatedMoney(row.inAsset.minor, row.inAsset.asset)}</span>
            ) : null}
            <span className="cell-detail">
              {row.sentAt
                ? `Sent ${formatDateTime(row.sentAt)}`
                : `${row.arrival}, by ${formatDateTime(row.expectedBy)}`}
            </span>
          </td>
          <td>
            <span className={`badge badge--payout-${row.status}`}>{row.statusLabel}</span>
            {row.statusReason ? <span className="cell-detail">Reason: {row.statusReason}</span> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  )
}
