import { useLocation } from '@remix-run/react'
import type { ComponentProps } from 'react'
import type { PaymentHistorySearch } from '~/domain/payment-history-filters'
import { Pagination } from '~/components/ui/pagination'
import { ApproximationNote, Stat } from '~/components/ui/stat'
import type { Approximate } from '~/services/payments/rates/approximate-amounts'
import { formatMoney } from '~/utils/format'
import { PaymentHistoryFilters } from './payment-history-filters'
import { PaymentHistoryTable } from './payment-history-table'

const signed = (minor: number, currency: string) =>
  `${minor < 0 ? '−' : minor > 0 ? '+' : ''}${formatMoney(Math.abs(minor), currency)}`

/**
 * One person's payment history below its page header: the filters, the net of what is listed, the
 * movements a page at a time. The person's own page (`/payments`) offers the CSV; an admin's view of
 * someone else's (`/admin/users/:id/payments`) reads "their" for "your". Only the person's own page
 * brings approximate nets in their display currency (`approx`, `approxNote`).
 */
export function PaymentHistoryView({
  path,
  possessive,
  csvHref,
  history,
}: {
  path: string
  possessive: 'your' | 'their'
  csvHref?: string
  history: {
    search: PaymentHistorySearch
    csvQuery: string
    rows: ComponentProps<typeof PaymentHistoryTable>['rows']
    total: number
    net: { currency: string; netMinor: number; inMinor: number; outMinor: number; approx?: Approximate | null }[]
    currencies: string[]
    pageSize: number
    approxNote?: string | null
  }
}) {
  const { search, csvQuery, rows, total, net, currencies, pageSize } = history
  const location = useLocation()
  const filtered = csvQuery !== ''
  return (
    <>
      <PaymentHistoryFilters
        search={search}
        currencies={currencies}
        formKey={location.search}
        filtered={filtered}
        clearTo={path}
      />
      <section className="card" aria-labelledby="net-heading">
        <h2 id="net-heading">Net {filtered ? 'of the listed movements' : 'of all movements'}</h2>
        {net.length ? (
          <dl className="stats">
            {net.map((row) => (
              <Stat
                key={row.currency}
                label={`Net in ${row.currency}`}
                value={signed(row.netMinor, row.currency)}
                approx={row.approx}
                detail={`${formatMoney(row.inMinor, row.currency)} in · ${formatMoney(row.outMinor, row.currency)} out`}
              />
            ))}
          </dl>
        ) : (
          <p className="muted">No completed movement matches.</p>
        )}
        <ApproximationNote note={history.approxNote ?? null} />
        <p className="muted">
          The net counts completed money in and out of {possessive} wallet and cards. Escrow rows show what is held for{' '}
          {possessive} contracts and are not counted again.
        </p>
        {/* Nothing listed, nothing to download: a CSV of 0 movements is a file with only its headings. */}
        {csvHref && total > 0 ? (
          <p>
            <a href={`${csvHref}${csvQuery}`} download>
              {`Download ${filtered ? 'these' : 'all'} ${total.toLocaleString('en')} ${total === 1 ? 'movement' : 'movements'} as CSV`}
            </a>
          </p>
        ) : null}
      </section>
      <section className="card">
        <h2 className="visually-hidden">Movements</h2>
        <PaymentHistoryTable
          rows={rows}
          empty={filtered ? 'No payment matches these filters.' : 'No money has moved yet.'}
        />
      </section>
      <Pagination page={search.page} pageSize={pageSize} total={total} />
    </>
  )
}
