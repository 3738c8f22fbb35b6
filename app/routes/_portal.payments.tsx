import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { PaymentHistoryView } from '~/components/payments/payment-history-view'
import { PageHeader } from '~/components/ui/page-header'
import { searchWithoutPage } from '~/domain/payment-history-filters'
import { parsePaymentHistorySearch } from '~/domain/payment-history-search'
import { loadPaymentHistory } from '~/services/payments/ledger/payment-history.server'
import { requireRole } from '~/http/auth.server'
import { approximatorFor } from '~/http/approximations.server'

export const meta: MetaFunction = () => [{ title: 'Payments · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const search = parsePaymentHistorySearch(new URL(request.url).searchParams)
  const history = await loadPaymentHistory(user.id, search)
  const approx = await approximatorFor(
    request,
    history.net.map((row) => row.currency),
  )
  return json({
    search,
    csvQuery: searchWithoutPage(search),
    ...history,
    net: history.net.map((row) => ({ ...row, approx: approx.of({ minor: row.netMinor, currency: row.currency }) })),
    approxNote: approx.note(),
  })
}

export default function PaymentsPage() {
  const history = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Payments">
        <p className="muted">
          Every movement of your money: wallet entries, escrow of your contracts, card payments (declined and unfinished
          ones too) and payouts. {history.total.toLocaleString('en')} matching{' '}
          {history.total === 1 ? 'movement' : 'movements'}.
        </p>
      </PageHeader>
      <PaymentHistoryView path="/payments" possessive="your" csvHref="/payments.csv" history={history} />
    </>
  )
}
