import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { json } from '~/http/json.server'
import { useLoaderData } from '@remix-run/react'
import { PaymentHistoryView } from '~/components/payments/payment-history-view'
import { PageHeader } from '~/components/ui/page-header'
import { searchWithoutPage } from '~/domain/payment-history-filters'
import { parsePaymentHistorySearch } from '~/domain/payment-history-search'
import { loadPaymentHistory } from '~/services/payments/ledger/payment-history.server'
import { requireRole } from '~/http/auth.server'

export const meta: MetaFunction = () => [{ title: 'Payments · MegiLance' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'client', 'freelancer')
  const search = parsePaymentHistorySearch(new URL(request.url).searchParams)
  return json({ search, csvQuery: searchWithoutPage(search), ...(await loadPaymentHistory(user.id, search)) })
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
