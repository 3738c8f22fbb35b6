import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData, useLocation } from '@remix-run/react'
import { PaymentHistoryFilters } from '~/components/payments/payment-history-filters'
import { PaymentHistoryTable } from '~/components/payments/payment-history-table'
import { PageHeader } from '~/components/ui/page-header'
import { Pagination } from '~/components/ui/pagination'
import { Stat } from '~/components/ui/stat'
import { searchWithoutPage } from '~/domain/payment-history-filters'
import { parsePaymentHistorySearch } from '~/domain/payment-history-search'
import { loadPaymentHistory } from '~/services/payments/ledger/payment-history.server'
import { requireRole } from '~/http/auth.server'
import { formatMoney } from '~/utils/format'

export const meta: MetaFunction = () => [{ title: 'Payments · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const search = parsePaymentHistorySearch(new URL(request.url).searchParams)
  return json({ search, csvQuery: searchWithoutPage(search), ...(await loadPaymentHistory(user.id, search)) })
}

const signed = (minor: number, currency: string) =>
  `${minor < 0 ? '−' : minor > 0 ? '+' : ''}${formatMoney(Math.abs(minor), currency)}`

export default function PaymentsPage() {
  const { search, csvQuery, rows, total, net, currencies, pageSize } = useLoaderData<typeof loader>()
  const location = useLocation()
  const filtered = csvQuery !== ''
  return (
    <>
      <PageHeader title="Payments">
        <p className="muted">
          Every movement of your money: wallet entries, escrow of your contracts, card payments (declined and unfinished
          ones too) and payouts. {total.toLocaleString('en')} matching {total === 1 ? 'movement' : 'movements'}.
        </p>
      </PageHeader>
      <PaymentHistoryFilters search={search} currencies={currencies} formKey={location.search} filtered={filtered} />
      <section className="card" aria-labelledby="net-heading">
        <h2 id="net-heading">Net {filtered ? 'of the listed movements' : 'of all movements'}</h2>
        {net.length ? (
          <dl className="stats">
            {net.map((row) => (
              <Stat
                key={row.currency}
                label={`Net in ${row.currency}`}
                value={signed(row.netMinor, row.currency)}
                detail={`${formatMoney(row.inMinor, row.currency)} in · ${formatMoney(row.outMinor, row.currency)} out`}
              />
            ))}
          </dl>
        ) : (
          <p className="muted">No completed movement matches.</p>
        )}
        <p className="muted">
          The net counts completed money in and out of your wallet and cards. Escrow rows show what is held for your
          contracts and are not counted again.
        </p>
        <p>
          <a href={`/payments.csv${csvQuery}`} download>
            {`Download ${filtered ? 'these' : 'all'} ${total.toLocaleString('en')} ${total === 1 ? 'movement' : 'movements'} as CSV`}
          </a>
        </p>
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
